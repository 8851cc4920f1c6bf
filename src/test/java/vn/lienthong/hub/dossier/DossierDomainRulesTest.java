package vn.lienthong.hub.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.FileSystemResource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.lienthong.hub.exchange.HubException;

/** Domain rules of the dossier intake, each with the vectors of the issue that asked for it. */
class DossierDomainRulesTest {

    private final ObjectMapper json = new ObjectMapper();
    private final CodeMappings codes = new CodeMappings(
            CodeMappings.read(new FileSystemResource("connectors/national-portal/transforms/code-mappings.json")));
    private final DossierValidator validator = new DossierValidator(codes);
    private final NationalPortalTranslator translator = new NationalPortalTranslator(codes);

    private JsonNode dossier(String extra) throws Exception {
        return json.readTree("{\"MaHoSo\":\"000.00.01.H22-250225-00001\",\"ChuHoSo\":\"Nguyễn Văn An\"," + extra + "}");
    }

    private static final String DATES = "\"NgayTiepNhan\":\"2025-02-25T08:30:00+07:00\",\"NgayHenTra\":\"2025-02-28\"";

    @Test
    void nationalProcedureCodeSentByAOneStopSystem_isAcceptedAsIs_aLocalOneIsTranslated() throws Exception {
        DossierSubmission national = validator.dossier(dossier("\"MaTTHC\":\"1.001193.000.00.00.H22\","
                + "\"TrangThaiHoSo\":\"DA_TIEP_NHAN\"," + DATES), null);
        assertThat(translator.dossier(national.data())).containsEntry("MaTTHC", "1.001193.000.00.00.H22")
                .containsEntry("TenTTHC", "Đăng ký khai sinh");
        // a national code the table does not list is still a national code
        DossierSubmission unlisted = validator.dossier(dossier("\"MaTTHC\":\"2.002189.000.00.00.H22\","
                + "\"TrangThaiHoSo\":\"DA_TIEP_NHAN\"," + DATES), null);
        assertThat(translator.dossier(unlisted.data())).containsEntry("MaTTHC", "2.002189.000.00.00.H22")
                .doesNotContainKey("TenTTHC");
        DossierSubmission local = validator.dossier(dossier("\"MaTTHC\":\"H22-LLTP-01\",\"TrangThaiHoSo\":\"DA_TIEP_NHAN\","
                + DATES), null);
        assertThat(translator.dossier(local.data())).containsEntry("MaTTHC", "2.000488.000.00.00.H22");
        assertThatThrownBy(() -> validator.dossier(dossier("\"MaTTHC\":\"1.001193.H22\",\"TrangThaiHoSo\":\"DA_TIEP_NHAN\","
                + DATES), null)).isInstanceOf(HubException.class).hasMessageContaining("neither a national procedure code");
    }

    @Test
    void nationalCodesOfTheMappingTableAreFormatCheckedAtStartUp() throws Exception {
        JsonNode broken = json.readTree("""
                {"status":{"MOI":{"national":"1"}},
                 "procedures":{"H22-A":{"national":"1.001193.000.00.00.H22"},"H22-B":{"national":"1001193H22"}}}""");
        assertThatThrownBy(() -> new CodeMappings(broken)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("H22-B -> '1001193H22'");
        JsonNode badStatus = json.readTree("""
                {"status":{"MOI":{"national":"11"}},"procedures":{"H22-A":{"national":"1.001193.000.00.00.H22"}}}""");
        assertThatThrownBy(() -> new CodeMappings(badStatus)).hasMessageContaining("MOI -> status '11'");
        assertThat(CodeMappings.isNational("1.001193.000.00.00.H22")).isTrue();
        assertThat(CodeMappings.isNational("2.000488.000.00.00.H56")).isTrue();
        assertThat(CodeMappings.isNational("H22-HT-KS")).isFalse();
    }

    @Test
    void receptionAndDueDatesAreRequiredOnlyForStatusesThatHaveThem() throws Exception {
        // 1 Mới đăng ký: not received yet, no dates
        assertThatCode(() -> validator.dossier(dossier("\"MaTTHC\":\"H22-HT-KS\",\"TrangThaiHoSo\":\"MOI_DANG_KY\""), null))
                .doesNotThrowAnyException();
        // 3 Không được tiếp nhận: refused at reception
        assertThatCode(() -> validator.dossier(dossier("\"MaTTHC\":\"H22-HT-KS\",\"TrangThaiHoSo\":\"TU_CHOI_TIEP_NHAN\","
                + "\"NgayTuChoi\":\"2025-02-25T09:00:00+07:00\""), null)).doesNotThrowAnyException();
        for (String status : new String[] {"DA_TIEP_NHAN", "DANG_XU_LY", "DA_XU_LY", "DA_TRA_KET_QUA", "CONG_DAN_RUT"}) {
            assertThatThrownBy(() -> validator.dossier(dossier("\"MaTTHC\":\"H22-HT-KS\",\"TrangThaiHoSo\":\"" + status
                    + "\""), null)).as(status).hasMessageContaining("NgayTiepNhan: is required for status")
                    .hasMessageContaining("NgayHenTra: is required for status");
        }
        Map<String, Object> item = translator.dossier(validator.dossier(
                dossier("\"MaTTHC\":\"H22-HT-KS\",\"TrangThaiHoSo\":\"MOI_DANG_KY\",\"NgayNopHoSo\":\"2025-02-24T20:00:00+07:00\""),
                null).data());
        assertThat(item).containsEntry("TrangThaiHoSo", "1").doesNotContainKey("NgayTiepNhan")
                .containsEntry("NgayNopHoSo", "20250224200000");
    }

    @Test
    void ownerIdentifiersAreCheckedAgainstLoaiDoiTuong() throws Exception {
        String base = "\"MaTTHC\":\"H22-HT-KS\",\"TrangThaiHoSo\":\"DA_TIEP_NHAN\"," + DATES + ",";
        // citizen: a 12-digit personal id, or an old 9-digit identity card number
        assertThatCode(() -> validator.dossier(dossier(base + "\"LoaiDoiTuong\":\"1\",\"SoGiayToChuHoSo\":\"001090012345\""), null))
                .doesNotThrowAnyException();
        assertThatCode(() -> validator.dossier(dossier(base + "\"LoaiDoiTuong\":\"1\",\"SoGiayToChuHoSo\":\"173456789\""), null))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> validator.dossier(dossier(base + "\"LoaiDoiTuong\":\"1\",\"SoGiayToChuHoSo\":\"0101234565\""),
                null)).hasMessageContaining("SoGiayToChuHoSo: a citizen's (LoaiDoiTuong 1) personal id must be exactly 12 digits");
        assertThatThrownBy(() -> validator.dossier(dossier(base + "\"LoaiDoiTuong\":\"1\",\"SoGiayToChuHoSo\":\"003090012345\""),
                null)).hasMessageContaining("province code 003");
        // enterprise: the enterprise code with its check digit
        assertThatCode(() -> validator.dossier(dossier(base + "\"LoaiDoiTuong\":\"2\",\"SoGiayToChuHoSo\":\"0101234565\","
                + "\"DinhDanhCHS\":[{\"LoaiDinhDanh\":\"2\",\"SoDinhDanh\":\"0101234565-001\"}]"), null)).doesNotThrowAnyException();
        assertThatThrownBy(() -> validator.dossier(dossier(base + "\"LoaiDoiTuong\":\"2\",\"SoGiayToChuHoSo\":\"0101234566\""),
                null)).hasMessageContaining("enterprise code check digit does not match");
        assertThatThrownBy(() -> validator.dossier(dossier(base + "\"LoaiDoiTuong\":\"2\",\"SoGiayToChuHoSo\":\"001090012345\""),
                null)).hasMessageContaining("LoaiDoiTuong 2");
        assertThatThrownBy(() -> validator.dossier(dossier(base + "\"LoaiDoiTuong\":\"1\",\"SoGiayToChuHoSo\":\"001090012345\","
                + "\"DinhDanhCHS\":[{\"LoaiDinhDanh\":\"1\",\"SoDinhDanh\":\"12345\"}]"), null))
                .hasMessageContaining("DinhDanhCHS[0].SoDinhDanh");
        // a state agency (3) is not checked against either rule
        assertThatCode(() -> validator.dossier(dossier(base + "\"LoaiDoiTuong\":\"3\",\"SoGiayToChuHoSo\":\"000.00.01.H22\""), null))
                .doesNotThrowAnyException();
    }
}
