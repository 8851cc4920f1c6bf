package vn.lienthong.hub.reference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import vn.lienthong.hub.model.CodedValue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CodeListsTest {

    private final CodeLists lists = CodeLists.standard();

    @ParameterizedTest
    @CsvSource({"1, MALE, Nam", "2, FEMALE, Nữ", "0, UNKNOWN, Chưa có thông tin", "9, UNKNOWN, Chưa có thông tin",
            "X, UNKNOWN, Chưa có thông tin", "male, MALE, Nam", "02, FEMALE, Nữ"})
    void mapsNationalGenderCodes(String national, String code, String label) {
        assertThat(lists.gender(national)).isEqualTo(new CodedValue(code, label));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void treatsMissingGenderAsUnknown(String national) {
        assertThat(lists.gender(national)).isEqualTo(new CodedValue("UNKNOWN", "Chưa có thông tin"));
    }

    @Test
    void listsThe54EthnicGroupsWithTheirOfficialCodes() {
        List<CodedValue> ethnicities = lists.all().get(CodeLists.ETHNICITY);

        assertThat(ethnicities).hasSize(55);
        assertThat(ethnicities).extracting(CodedValue::code)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 55).mapToObj(i -> String.format("%02d", i)).toList());
        assertThat(ethnicities).extracting(CodedValue::label).doesNotHaveDuplicates();
        assertThat(ethnicities).startsWith(
                new CodedValue("01", "Kinh"), new CodedValue("02", "Tày"), new CodedValue("03", "Thái"),
                new CodedValue("04", "Hoa"), new CodedValue("05", "Khơ-me"), new CodedValue("06", "Mường"),
                new CodedValue("07", "Nùng"));
        assertThat(ethnicities.subList(51, 55)).containsExactly(
                new CodedValue("52", "Brâu"), new CodedValue("53", "Ơ Đu"), new CodedValue("54", "Rơ-măm"),
                new CodedValue("55", "Người nước ngoài"));
    }

    @Test
    void looksUpEthnicityWithOrWithoutPadding() {
        assertThat(lists.ethnicity("1")).isEqualTo(new CodedValue("01", "Kinh"));
        assertThat(lists.ethnicity("01")).isEqualTo(new CodedValue("01", "Kinh"));
        assertThat(lists.ethnicity(" 17 ")).isEqualTo(new CodedValue("17", "Chăm"));
        assertThat(lists.ethnicity("99")).isEqualTo(new CodedValue("99", null));
        assertThat(lists.ethnicity("99").isKnown()).isFalse();
        assertThat(lists.ethnicity(null)).isNull();
    }

    @Test
    void looksUpNationality() {
        assertThat(lists.nationality("VN")).isEqualTo(new CodedValue("VN", "Việt Nam"));
        assertThat(lists.nationality("vn")).isEqualTo(new CodedValue("VN", "Việt Nam"));
        assertThat(lists.nationality("VNM")).isEqualTo(new CodedValue("VN", "Việt Nam"));
        assertThat(lists.nationality("LA").label()).isEqualTo("Lào");
        assertThat(lists.nationality("KR").label()).isEqualTo("Hàn Quốc");
        assertThat(lists.all().get(CodeLists.NATIONALITY)).hasSizeGreaterThanOrEqualTo(13);
    }

    @Test
    void passesUnknownNationalityThroughWithoutLabel() {
        assertThat(lists.nationality("zz")).isEqualTo(new CodedValue("ZZ", null));
        assertThat(lists.nationality("  ")).isNull();
    }

    @ParameterizedTest
    @CsvSource({
            "1, DANG_HOAT_DONG, ACTIVE, Đang hoạt động",
            "2, TAM_NGUNG, SUSPENDED, Tạm ngừng kinh doanh",
            "3, DANG_GIAI_THE, DISSOLVING, Đang làm thủ tục giải thể",
            "4, DA_GIAI_THE, DISSOLVED, Đã giải thể",
            "5, BI_THU_HOI_GCN, REGISTRATION_REVOKED, Bị thu hồi Giấy chứng nhận đăng ký doanh nghiệp",
            "6, KHONG_HOAT_DONG_TAI_DIA_CHI, NOT_AT_REGISTERED_ADDRESS, "
                    + "Không còn hoạt động kinh doanh tại địa chỉ đã đăng ký"})
    void mapsLegalStatusFromNumericAndRegistryCodes(String numeric, String registry, String code, String label) {
        CodedValue expected = new CodedValue(code, label);

        assertThat(lists.legalStatus(numeric)).isEqualTo(expected);
        assertThat(lists.legalStatus("0" + numeric)).isEqualTo(expected);
        assertThat(lists.legalStatus(registry)).isEqualTo(expected);
        assertThat(lists.legalStatus(registry.toLowerCase())).isEqualTo(expected);
        assertThat(lists.legalStatus(code)).isEqualTo(expected);
    }

    @Test
    void passesUnknownLegalStatusThroughWithoutLabel() {
        assertThat(lists.legalStatus("7")).isEqualTo(new CodedValue("7", null));
        assertThat(lists.legalStatus(null)).isNull();
    }

    @Test
    void lookupIsIdempotentOnCanonicalCodes() {
        lists.all().forEach((name, values) -> values.forEach(v -> {
            CodedValue again = switch (name) {
                case CodeLists.GENDER -> lists.gender(v.code());
                case CodeLists.ETHNICITY -> lists.ethnicity(v.code());
                case CodeLists.NATIONALITY -> lists.nationality(v.code());
                case CodeLists.LEGAL_STATUS -> lists.legalStatus(v.code());
                default -> throw new IllegalStateException(name);
            };
            assertThat(again).isEqualTo(v);
        }));
    }

    @Test
    void publishesAllListsInStableOrder() {
        Map<String, List<CodedValue>> all = lists.all();

        assertThat(all).containsOnlyKeys("gender", "ethnicity", "nationality", "legalStatus");
        assertThat(all.keySet()).containsExactly("gender", "ethnicity", "nationality", "legalStatus");
        assertThat(all.get(CodeLists.GENDER)).extracting(CodedValue::code).containsExactly("MALE", "FEMALE", "UNKNOWN");
        assertThat(all.get(CodeLists.LEGAL_STATUS)).hasSize(6);
        assertThatThrownBy(() -> all.get(CodeLists.GENDER).clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(all::clear).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void loadsOnce() {
        assertThat(CodeLists.standard()).isSameAs(lists);
    }

    @Test
    void rejectsListsWhereTwoValuesClaimTheSameCode() {
        String json = """
                {"gender": {"values": [{"code": "MALE", "label": "Nam", "aliases": ["1"]},
                                       {"code": "FEMALE", "label": "Nữ", "aliases": ["01"]}]},
                 "ethnicity": {"values": [{"code": "01", "label": "Kinh"}]},
                 "nationality": {"values": [{"code": "VN", "label": "Việt Nam"}]},
                 "legalStatus": {"values": [{"code": "ACTIVE", "label": "Đang hoạt động"}]}}
                """;

        assertThatThrownBy(() -> CodeLists.fromStream(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("claimed by MALE and FEMALE");
    }

    @Test
    void rejectsMissingList() {
        String json = """
                {"gender": {"values": [{"code": "MALE", "label": "Nam"}]}}
                """;

        assertThatThrownBy(() -> CodeLists.fromStream(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ethnicity");
    }
}
