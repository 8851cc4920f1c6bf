package vn.lienthong.hub.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import vn.lienthong.hub.model.CurrentUnit;
import vn.lienthong.hub.model.TranslationStatus;
import vn.lienthong.hub.model.UnitTranslation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the translator over the full official conversion table of 2025-07, which is reference data outside the
 * project. Skipped when the data directory is absent ({@code HUB_SHARED_DATA}, else {@code ../shared/data}).
 */
class OfficialConversionTableTest {

    private static Path adminUnits;
    private static AdministrativeUnitTranslator official;
    private static Duration loadTime;

    @BeforeAll
    static void loadOfficialTable() throws IOException {
        String configured = System.getenv("HUB_SHARED_DATA");
        Path sharedData = configured == null || configured.isBlank() ? Path.of("..", "shared", "data")
                : Path.of(configured);
        adminUnits = sharedData.resolve("admin-units");
        Path table = adminUnits.resolve("conversion-2025-07.csv");
        assumeTrue(Files.isRegularFile(table), "official conversion table not found at " + table.toAbsolutePath());

        long start = System.nanoTime();
        official = AdministrativeUnitTranslator.fromFile(table);
        loadTime = Duration.ofNanos(System.nanoTime() - start);
    }

    @Test
    void countsDistinctOldCommunes() {
        assertThat(official.oldCommuneCount()).isEqualTo(10_033);
        assertThat(official.oldCommuneCodes()).hasSize(10_033);
    }

    @Test
    void findsExactly441SplitCommunes_andEveryOtherOneExact() {
        Map<TranslationStatus, Long> byStatus = official.oldCommuneCodes().stream()
                .map(official::translate)
                .collect(Collectors.groupingBy(UnitTranslation::status, Collectors.counting()));

        assertThat(byStatus).containsOnly(
                Map.entry(TranslationStatus.AMBIGUOUS, 441L),
                Map.entry(TranslationStatus.EXACT, 10_033L - 441L));
        assertThat(official.splitCommuneCount()).isEqualTo(441);
    }

    @Test
    void translatesTrucBachExactly() {
        UnitTranslation t = official.translate("01", "001", "00004");

        assertThat(t.status()).isEqualTo(TranslationStatus.EXACT);
        assertThat(t.candidates()).containsExactly(
                new CurrentUnit("01", "Thành phố Hà Nội", "00004", "Phường Ba Đình"));
    }

    @Test
    void listsAllCandidatesForKimMa() {
        UnitTranslation t = official.translate("01", "001", "28");

        assertThat(t.status()).isEqualTo(TranslationStatus.AMBIGUOUS);
        assertThat(t.candidates()).extracting(CurrentUnit::communeCode).containsExactly("00004", "00008", "00025");
        assertThat(t.candidates()).extracting(CurrentUnit::communeName)
                .containsExactly("Phường Ba Đình", "Phường Ngọc Hà", "Phường Giảng Võ");
    }

    @Test
    void reportsAmbiguous_whenTableGivesTwoOldCommunesTheSameCode() {
        // The table lists both Xã Hồng Quang and Xã Mỹ Hưng under 01615, each merged into a different commune;
        // from the code alone the hub cannot tell which one a record meant.
        assertThat(official.translate("01615").candidates()).extracting(CurrentUnit::communeCode)
                .containsExactly("01636", "01648");
    }

    @Test
    void everyNewCommuneInTableIsAnOfficialCurrentCommune() throws IOException {
        JsonNode communes = new ObjectMapper().readTree(adminUnits.resolve("communes-after-2025-07.json").toFile());
        Map<String, String> provinceByCode = new HashMap<>();
        for (JsonNode c : communes) {
            provinceByCode.put(String.format("%05d", c.get("code").asInt()), c.get("province_name").asText());
        }
        assertThat(provinceByCode).hasSize(3_321);

        Set<String> inTable = official.currentCommunes().stream().map(CurrentUnit::communeCode)
                .collect(Collectors.toSet());
        assertThat(provinceByCode.keySet()).containsAll(inTable);
        assertThat(inTable).hasSize(3_321);
        assertThat(official.currentCommunes())
                .allSatisfy(u -> assertThat(u.provinceName()).isEqualTo(provinceByCode.get(u.communeCode())));
    }

    @Test
    void everyCurrentCommuneHasOneOfThe34ProvinceCodes() {
        assertThat(official.currentCommunes()).extracting(CurrentUnit::provinceCode).containsOnly(
                "01", "04", "08", "11", "12", "14", "15", "19", "20", "22", "24", "25", "31", "33", "37", "38", "40",
                "42", "44", "46", "48", "51", "52", "56", "66", "68", "75", "79", "80", "82", "86", "91", "92", "96");
    }

    @Test
    void cleansNamesPublishedWithStrayWhitespace() {
        assertThat(official.currentCommune("26732")).map(CurrentUnit::communeName).contains("Đặc khu Côn Đảo");
        assertThat(official.currentCommune("11948")).map(CurrentUnit::communeName).contains("Đặc khu Bạch Long Vĩ");
        assertThat(official.currentCommunes()).allSatisfy(u -> {
            assertThat(u.communeName()).isEqualTo(u.communeName().strip()).doesNotContain("  ", "\n");
            assertThat(Normalizer.isNormalized(u.communeName(), Normalizer.Form.NFC)).isTrue();
        });
    }

    @Test
    void loadsQuickly() {
        // Generous bound: catches an accidental quadratic load, not a benchmark on a busy build machine.
        assertThat(loadTime).isLessThan(Duration.ofSeconds(3));
    }

    /** Addresses already in the two-level form (blank district, a current province) are current: EXACT, not old codes. */
    @Test
    void twoLevelAddresses_areCurrent_notReadAsOldCodes() {
        assertTwoLevel("79", "26737", "Phường Tân Định");
        assertTwoLevel("01", "00025", "Phường Giảng Võ");
        assertTwoLevel("38", "14758", "Phường Hàm Rồng");
        // the same codes with an old district are old codes of split communes
        assertThat(official.translate("79", "760", "26737").status()).isEqualTo(TranslationStatus.AMBIGUOUS);
        assertThat(official.translate("01", "001", "00025").status()).isEqualTo(TranslationStatus.AMBIGUOUS);
        assertThat(official.translate("38", "380", "14758").status()).isEqualTo(TranslationStatus.AMBIGUOUS);
        // an old province code that is not a current one is read as old
        assertThat(official.currentForm("02", "", "00688")).isNull();
        // a current code under another current province is not current there
        assertThat(official.currentForm("01", "", "26737")).isNull();
    }

    private static void assertTwoLevel(String province, String commune, String name) {
        UnitTranslation t = official.translate(province, "", commune);
        assertThat(t.status()).as(province + "/" + commune).isEqualTo(TranslationStatus.EXACT);
        assertThat(t.candidates().get(0).communeCode()).isEqualTo(commune);
        assertThat(t.candidates().get(0).communeName()).isEqualTo(name);
        assertThat(t.candidates().get(0).provinceCode()).isEqualTo(province);
        assertThat(official.translate(province, null, commune)).isEqualTo(t);
    }
}
