package vn.lienthong.hub.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.lienthong.hub.model.TranslationStatus;
import vn.lienthong.hub.model.UnitTranslation;

/**
 * The project's corrections of the official table, checked against the official data (outside the project, read from
 * {@code HUB_SHARED_DATA}, else {@code ../shared/data}; skipped when absent).
 */
class AdministrativeUnitCorrectionsTest {

    private static Path adminUnits;
    private static AdministrativeUnitTranslator official;

    @BeforeAll
    static void load() throws IOException {
        String configured = System.getenv("HUB_SHARED_DATA");
        adminUnits = (configured == null || configured.isBlank() ? Path.of("..", "shared", "data") : Path.of(configured))
                .resolve("admin-units");
        Path table = adminUnits.resolve("conversion-2025-07.csv");
        assumeTrue(Files.isRegularFile(table), "official conversion table not found at " + table.toAbsolutePath());
        official = AdministrativeUnitTranslator.fromFile(table);
    }

    @Test
    void communesPublishedUnderAWrongCode_areFoundUnderTheirRealCode() {
        AdministrativeUnitTranslator corrected = official.withCorrections(AdministrativeUnitTranslator.bundledCorrections());
        // Phường 14, Quận Bình Thạnh is 26935 in the 2025-01 list; the table has it as 26929
        assertThat(official.translate("26935").status()).isEqualTo(TranslationStatus.UNKNOWN);
        UnitTranslation p14 = corrected.translate("79", "765", "26935");
        assertThat(p14).isEqualTo(official.translate("26929"));
        assertThat(p14.candidates().get(0).communeName()).isEqualTo("Phường Bình Thạnh");
        // Phường 15, Quận Phú Nhuận (27067, table 27076) was split: still ambiguous, with its candidates
        assertThat(corrected.translate("27067").status()).isEqualTo(TranslationStatus.AMBIGUOUS);
        assertThat(corrected.oldCommuneCount()).isEqualTo(official.oldCommuneCount() + 7);
        assertThat(corrected.isHierarchyConsistent("79", "765", "26935")).isTrue();
    }

    @Test
    void everyCorrectionMatchesTheOfficialLists() throws IOException {
        List<String> list = Files.readAllLines(adminUnits.resolve("communes-before-2025-07.csv"), StandardCharsets.UTF_8);
        for (String line : AdministrativeUnitTranslator.bundledCorrections()) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("code_2025_01")) {
                continue;
            }
            String[] c = line.split(",");
            // the real code is in the 2025-01 list under that name, and the table's code is not in it
            assertThat(list).as(line).anySatisfy(l -> assertThat(l).contains("," + c[2] + "," + c[0] + ","));
            assertThat(list).as(line).noneSatisfy(l -> assertThat(l).contains("," + c[1] + ","));
        }
    }

    @Test
    void theCommunesMissingFromTheTable_areTheCorrectedOnesAndTheListedOnes() throws IOException {
        List<String> corrections = AdministrativeUnitTranslator.bundledCorrections();
        java.util.Set<String> corrected = new java.util.TreeSet<>();
        java.util.Set<String> listed = new java.util.TreeSet<>();
        for (String line : corrections) {
            if (line.startsWith("# missing:")) {
                listed.addAll(List.of(line.substring("# missing:".length()).trim().split("\\s+")));
            } else if (!line.isBlank() && Character.isDigit(line.charAt(0))) {
                corrected.add(line.split(",")[0]);
            }
        }
        java.util.Set<String> missing = new java.util.TreeSet<>();
        List<String> list = Files.readAllLines(adminUnits.resolve("communes-before-2025-07.csv"), StandardCharsets.UTF_8);
        for (String line : list.subList(1, list.size())) {
            String[] c = line.split(",");
            if (c.length > 5 && c[5].matches("\\d{5}") && official.translate(c[5]).status() == TranslationStatus.UNKNOWN) {
                missing.add(c[5]);
            }
        }
        assertThat(missing).hasSize(28);
        java.util.Set<String> expected = new java.util.TreeSet<>(corrected);
        expected.addAll(listed);
        assertThat(missing).isEqualTo(expected);
        // the listed ones stay unknown with the corrections applied; the corrected ones do not
        AdministrativeUnitTranslator withCorrections = official.withCorrections(corrections);
        assertThat(listed).hasSize(21).allSatisfy(code ->
                assertThat(withCorrections.translate(code).status()).isEqualTo(TranslationStatus.UNKNOWN));
        assertThat(corrected).allSatisfy(code ->
                assertThat(withCorrections.translate(code).status()).isNotEqualTo(TranslationStatus.UNKNOWN));
    }

    @Test
    void skipsCorrectionsOutsideTheTable_andRefusesOnesThatContradictIt() {
        // a table that does not hold the commune (an extract such as the bundled sample) is left as it is
        assertThat(official.withCorrections(List.of("99998,99999,Xã Không Có,Huyện X (000)")).translate("99998").status())
                .isEqualTo(TranslationStatus.UNKNOWN);
        assertThat(AdministrativeUnitTranslator.bundledSample().withCorrections(AdministrativeUnitTranslator.bundledCorrections())
                .oldCommuneCount()).isEqualTo(AdministrativeUnitTranslator.bundledSample().oldCommuneCount());
        assertThatThrownBy(() -> official.withCorrections(List.of("x,26929,Phường 14,Quận Bình Thạnh (765)")))
                .hasMessageContaining("not two commune codes");
        assertThatThrownBy(() -> official.withCorrections(List.of("00004,26929,Phường Trúc Bạch,Quận Ba Đình (001)")))
                .hasMessageContaining("already has old commune 00004");
    }
}
