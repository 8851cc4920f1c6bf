package vn.lienthong.hub.reference;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import vn.lienthong.hub.model.CurrentUnit;
import vn.lienthong.hub.model.TranslationStatus;
import vn.lienthong.hub.model.UnitTranslation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdministrativeUnitTranslatorTest {

    private static final String HEADERS = """
            Đơn vị hành chính từ ngày 01/7/2025,,,Đơn vị hành chính trước ngày 01/7/2025,,,,,
            "Tỉnh, thành phố",Tên Xã mới,Mã Xã mới,Tên Xã cũ,Mã Xã cũ,Ghi chú,Quận/huyện,Tỉnh cũ,
            """;

    private static final CurrentUnit BA_DINH = new CurrentUnit("01", "Thành phố Hà Nội", "00004", "Phường Ba Đình");
    private static final CurrentUnit NGOC_HA = new CurrentUnit("01", "Thành phố Hà Nội", "00008", "Phường Ngọc Hà");
    private static final CurrentUnit GIANG_VO = new CurrentUnit("01", "Thành phố Hà Nội", "00025", "Phường Giảng Võ");

    private static AdministrativeUnitTranslator sample;

    @BeforeAll
    static void loadSample() {
        sample = AdministrativeUnitTranslator.bundledSample();
    }

    private static AdministrativeUnitTranslator load(String csv) throws IOException {
        return load(csv.getBytes(StandardCharsets.UTF_8));
    }

    private static AdministrativeUnitTranslator load(byte[] bytes) throws IOException {
        return AdministrativeUnitTranslator.fromStream(new ByteArrayInputStream(bytes));
    }

    @Test
    void translatesWholeMergeExactly() {
        UnitTranslation t = sample.translate("01", "001", "00004");

        assertThat(t.status()).isEqualTo(TranslationStatus.EXACT);
        assertThat(t.isExact()).isTrue();
        assertThat(t.candidates()).containsExactly(BA_DINH);
    }

    @Test
    void listsAllCandidates_whenOldCommuneWasSplit() {
        UnitTranslation t = sample.translate("01", "001", "00028");

        assertThat(t.status()).isEqualTo(TranslationStatus.AMBIGUOUS);
        assertThat(t.isExact()).isFalse();
        assertThat(t.candidates()).containsExactly(BA_DINH, NGOC_HA, GIANG_VO);
    }

    @Test
    void sortsCandidatesByCommuneCode_notByTableOrder() throws IOException {
        AdministrativeUnitTranslator t = load(HEADERS + """
                Tỉnh Thanh Hóa (38),Phường Hạc Thành,14797,Phường Đông Thọ,14758,Nhập một phần,Thành phố Thanh Hóa (380),Tỉnh Thanh Hóa (38),
                Tỉnh Thanh Hóa (38),Phường Hàm Rồng,14758,Phường Đông Thọ,14758,Nhập một phần,Thành phố Thanh Hóa (380),Tỉnh Thanh Hóa (38),
                """);

        assertThat(t.translate("14758").candidates()).extracting(CurrentUnit::communeCode)
                .containsExactly("14758", "14797");
    }

    @Test
    void listsAllCandidates_forSplitsInOtherProvinces() {
        assertThat(sample.translate("14758").candidates()).extracting(CurrentUnit::communeCode)
                .containsExactly("14758", "14797");
        assertThat(sample.translate("16435").candidates()).extracting(CurrentUnit::communeCode)
                .containsExactly("14797", "16417");
        assertThat(sample.translate("26737").candidates()).extracting(CurrentUnit::communeName)
                .containsExactly("Phường Tân Định", "Phường Sài Gòn");
        assertThat(sample.translate("00025").candidates()).extracting(CurrentUnit::communeCode)
                .containsExactly("00008", "00025", "00199");
    }

    @Test
    void translatesAcrossFormerProvinceBoundary() {
        UnitTranslation t = sample.translate("74", "718", "25747");

        assertThat(t.status()).isEqualTo(TranslationStatus.EXACT);
        assertThat(t.candidates()).containsExactly(
                new CurrentUnit("79", "Thành phố Hồ Chí Minh", "25747", "Phường Thủ Dầu Một"));
    }

    @Test
    void keepsOldAndNewCodeSpacesApart() {
        // Old 00008 (Liễu Giai) and new 00008 (Ngọc Hà) share digits but are different units.
        assertThat(sample.translate("00008").candidates()).containsExactly(NGOC_HA);
        assertThat(sample.currentCommune("00008")).contains(NGOC_HA);
        assertThat(sample.translate("00025").status()).isEqualTo(TranslationStatus.AMBIGUOUS);
        assertThat(sample.currentCommune("00025")).contains(GIANG_VO);
    }

    @Test
    void answersUnknown_forCodeNotInTable() {
        UnitTranslation t = sample.translate("01", "001", "99999");

        assertThat(t.status()).isEqualTo(TranslationStatus.UNKNOWN);
        assertThat(t.candidates()).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "0000A", "123456", "-4", "4.0", "٤"})
    void answersUnknown_whenCommuneCodeMissingOrMalformed(String code) {
        assertThat(sample.translate("01", "001", code)).isEqualTo(UnitTranslation.unknown());
    }

    @ParameterizedTest
    @ValueSource(strings = {"4", "04", "0004", "00004", "000004", " 00004 ", "\t4"})
    void toleratesMissingOrExtraZeroPadding(String code) {
        assertThat(sample.translate("1", "1", code).candidates()).containsExactly(BA_DINH);
    }

    @Test
    void answersByCommuneCode_whenProvinceCodeContradicts() {
        UnitTranslation t = sample.translate("79", "760", "00004");

        assertThat(t.candidates()).containsExactly(BA_DINH);
        assertThat(sample.isHierarchyConsistent("79", "760", "00004")).isFalse();
    }

    @Test
    void checksOldHierarchy() {
        assertThat(sample.isHierarchyConsistent("01", "001", "00004")).isTrue();
        assertThat(sample.isHierarchyConsistent("1", "1", "4")).isTrue();
        assertThat(sample.isHierarchyConsistent(null, "", "00004")).isTrue();
        assertThat(sample.isHierarchyConsistent("01", "002", "00004")).isFalse();
        assertThat(sample.isHierarchyConsistent("01", "x", "00004")).isFalse();
        assertThat(sample.isHierarchyConsistent("74", "718", "25747")).isTrue();
        assertThat(sample.isHierarchyConsistent("79", null, "25747")).isFalse();
        assertThat(sample.isHierarchyConsistent("79", "760", "99999")).isTrue();
    }

    @Test
    void looksUpCurrentCommuneByNewCode() {
        assertThat(sample.currentCommune("00004")).contains(BA_DINH);
        assertThat(sample.currentCommune("4")).contains(BA_DINH);
        assertThat(sample.currentCommune("99999")).isEmpty();
        assertThat(sample.currentCommune(null)).isEmpty();
        assertThat(sample.currentCommune("abc")).isEmpty();
    }

    @Test
    void registersNewCommune_fromRowWithoutOldCommune() {
        assertThat(sample.currentCommune("26732")).contains(
                new CurrentUnit("79", "Thành phố Hồ Chí Minh", "26732", "Đặc khu Côn Đảo"));
        assertThat(sample.oldCommuneCodes()).doesNotContain("26732").allMatch(c -> c.length() == 5);
    }

    @Test
    void countsOldAndSplitCommunesOfSample() {
        assertThat(sample.oldCommuneCount()).isEqualTo(18);
        assertThat(sample.splitCommuneCount()).isEqualTo(6);
        assertThat(sample.oldCommuneCodes()).hasSize(18).contains("00004", "00028", "25741", "14758");
        assertThat(sample.currentCommunes()).extracting(CurrentUnit::communeCode).containsExactly(
                "00004", "00008", "00025", "00199", "14758", "14797", "16417",
                "25747", "25750", "26732", "26737", "26740");
    }

    @Test
    void returnsUnmodifiableCandidates() {
        assertThatThrownBy(() -> sample.translate("00028").candidates().clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> sample.currentCommunes().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void readsTableWithByteOrderMark() throws IOException {
        byte[] body = (HEADERS
                + "Thành phố Hà Nội (01),Phường Ba Đình,00004,Phường Trúc Bạch,00004,Nhập toàn bộ,"
                + "Quận Ba Đình (001),Thành phố Hà Nội (01),\n").getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);

        AdministrativeUnitTranslator t = load(withBom);

        assertThat(t.translate("00004").candidates()).containsExactly(BA_DINH);
        assertThat(t.oldCommuneCount()).isEqualTo(1);
    }

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaks() throws IOException {
        AdministrativeUnitTranslator t = load(HEADERS
                + "\"Thành phố Hồ Chí Minh (79)\",\"Phường Sài Gòn\n\",26740,"
                + "\"Phường Bến Nghé, \"\"trung tâm\"\"\",26740,Nhập toàn bộ,Quận 1 (760),Thành phố Hồ Chí Minh (79),\n"
                + "Thành phố Hồ Chí Minh (79),\"\r\nPhường  Tân   Định \",26737,Phường Tân Định,26734,"
                + "Nhập toàn bộ,Quận 1 (760),Thành phố Hồ Chí Minh (79),\n");

        assertThat(t.translate("26740").candidates()).containsExactly(
                new CurrentUnit("79", "Thành phố Hồ Chí Minh", "26740", "Phường Sài Gòn"));
        assertThat(t.currentCommune("26737")).map(CurrentUnit::communeName).contains("Phường Tân Định");
        assertThat(t.oldCommuneCount()).isEqualTo(2);
    }

    @Test
    void toleratesTrailingSpacesMissingTrailingCommaCrLfAndUnpaddedCodes() throws IOException {
        AdministrativeUnitTranslator t = load((HEADERS
                + "THÀNH PHỐ HÀ NỘI  ,,,,,,,,\n"
                + " Thành phố Hà Nội (1) , Phường Ba Đình ,4 , Phường Trúc Bạch , 4 ,Nhập toàn bộ ,"
                + "Quận Ba Đình (1),Thành phố Hà Nội (1)\r\n"
                + "\r\n"
                + "Tỉnh Bắc Ninh (24),,,,,,,,\r\n"
                + "Thành phố Hà Nội (01),Phường Ngọc Hà,00008,Phường Kim Mã,00028,Nhập một phần,"
                + "Quận Ba Đình (001),Thành phố Hà Nội (01)").replace("\n", "\r\n").replace("\r\r\n", "\r\n"));

        assertThat(t.translate("00004").candidates()).containsExactly(BA_DINH);
        assertThat(t.translate("28").candidates()).containsExactly(NGOC_HA);
        assertThat(t.isHierarchyConsistent("01", "001", "00004")).isTrue();
        assertThat(t.oldCommuneCount()).isEqualTo(2);
    }

    @Test
    void normalizesDecomposedDiacritics() throws IOException {
        String decomposed = java.text.Normalizer.normalize("Phường Ba Đình", java.text.Normalizer.Form.NFD);
        AdministrativeUnitTranslator t = load(HEADERS + "Thành phố Hà Nội (01)," + decomposed
                + ",00004,Phường Trúc Bạch,00004,Nhập toàn bộ,Quận Ba Đình (001),Thành phố Hà Nội (01),\n");

        assertThat(t.currentCommune("00004")).contains(BA_DINH);
    }

    @Test
    void keepsFirstSpelling_whenTableNamesACommuneTwoWays() throws IOException {
        AdministrativeUnitTranslator t = load(HEADERS + """
                Tỉnh Thái Nguyên (19),Xã Điềm Thụy,05941,Xã Điềm Thụy,05941,Nhập toàn bộ,Huyện Phú Bình (173),Tỉnh Thái Nguyên (19),
                Tỉnh Thái Nguyên (19),Xã Điềm Thuỵ,05941,Xã Thượng Đình,05938,Nhập toàn bộ,Huyện Phú Bình (173),Tỉnh Thái Nguyên (19),
                """);

        assertThat(t.translate("05938").candidates()).extracting(CurrentUnit::communeName)
                .containsExactly("Xã Điềm Thụy");
        assertThat(t.currentCommunes()).hasSize(1);
    }

    @Test
    void rejectsDataRowWithoutNewCommuneCode() {
        assertThatThrownBy(() -> load(HEADERS + """
                Thành phố Hà Nội (01),Phường Ba Đình,00004,Phường Trúc Bạch,00004,Nhập toàn bộ,Quận Ba Đình (001),Thành phố Hà Nội (01),
                Thành phố Hà Nội (01),Phường Ba Đình,,Phường Quán Thánh,00013,Nhập toàn bộ,Quận Ba Đình (001),Thành phố Hà Nội (01),
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 4");
    }

    @Test
    void rejectsNewProvinceWithoutCode() {
        assertThatThrownBy(() -> load(HEADERS
                + "Thành phố Hà Nội,Phường Ba Đình,00004,Phường Trúc Bạch,00004,Nhập toàn bộ,,,\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("new province");
    }

    @Test
    void rejectsUnterminatedQuote() {
        assertThatThrownBy(() -> load(HEADERS + "\"Thành phố Hà Nội (01),Phường Ba Đình,00004\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unterminated");
    }

    @Test
    void rejectsTableThatIsNotUtf8() {
        byte[] legacy = (HEADERS + "Thành phố Hà Nội (01),Phường Ba Đình,00004,Phường Trúc Bạch,00004,,,\n")
                .getBytes(Charset.forName("windows-1258"));

        assertThatThrownBy(() -> load(legacy)).isInstanceOf(IOException.class);
    }

    @Test
    void loadsFromFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("conversion.csv");
        Files.writeString(file, HEADERS + "Thành phố Hà Nội (01),Phường Ba Đình,00004,Phường Trúc Bạch,00004,"
                + "Nhập toàn bộ,Quận Ba Đình (001),Thành phố Hà Nội (01),\n");

        AdministrativeUnitTranslator t = AdministrativeUnitTranslator.fromFile(file);

        assertThat(t.translate("00004").candidates()).containsExactly(BA_DINH);
    }

    @Test
    void loadsEmptyTable() throws IOException {
        AdministrativeUnitTranslator t = load(HEADERS);

        assertThat(t.oldCommuneCount()).isZero();
        assertThat(t.splitCommuneCount()).isZero();
        assertThat(t.translate("00004").status()).isEqualTo(TranslationStatus.UNKNOWN);
    }

    @Test
    void sampleIsInOfficialFormat() throws IOException {
        try (var in = AdministrativeUnitTranslator.class.getClassLoader()
                .getResourceAsStream(AdministrativeUnitTranslator.BUNDLED_SAMPLE)) {
            assertThat(in).isNotNull();
            var records = CsvRecords.read(in);
            assertThat(records.get(1).fields()).startsWith("Tỉnh, thành phố", "Tên Xã mới", "Mã Xã mới",
                    "Tên Xã cũ", "Mã Xã cũ", "Ghi chú", "Quận/huyện", "Tỉnh cũ");
            assertThat(records).allSatisfy(r -> assertThat(r.fields()).hasSize(9));
            assertThat(records.size()).isBetween(25, 40);
        }
    }

    @Test
    void rejectsInconsistentTranslation() {
        assertThatThrownBy(() -> new UnitTranslation(TranslationStatus.EXACT, java.util.List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UnitTranslation(TranslationStatus.AMBIGUOUS, java.util.List.of(BA_DINH)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UnitTranslation(TranslationStatus.UNKNOWN, java.util.List.of(BA_DINH)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
