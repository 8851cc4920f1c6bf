package vn.lienthong.hub.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.FileSystemResource;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.lienthong.hub.exchange.HubException;

class NationalPortalTranslatorTest {

    private final CodeMappings codes = new CodeMappings(
            CodeMappings.read(new FileSystemResource("connectors/national-portal/transforms/code-mappings.json")));
    private final NationalPortalTranslator translator = new NationalPortalTranslator(codes);
    private final DossierValidator validator = new DossierValidator(codes);
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void formatsDatesAsVietnameseTime_whateverTheAcceptedInputForm() {
        assertThat(PortalDates.toNational("2025-02-25T01:30:00Z")).isEqualTo("20250225083000");
        assertThat(PortalDates.toNational("2025-02-25T08:30:00+07:00")).isEqualTo("20250225083000");
        assertThat(PortalDates.toNational("2025-02-25T08:30:00")).isEqualTo("20250225083000");
        assertThat(PortalDates.toNational("2025-02-25")).isEqualTo("20250225000000");
        assertThat(PortalDates.toNational("20250225083000")).isEqualTo("20250225083000");
    }

    @Test
    void refusesImpossibleDates() {
        assertThatThrownBy(() -> PortalDates.parse("20250230083000")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PortalDates.parse("25/02/2025")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mapsLocalStatusAndProcedureToNationalCodes_andFillsProcedureNameAndField() {
        Map<String, Object> local = new LinkedHashMap<>();
        local.put("MaHoSo", "000.00.01.H22-250225-12345");
        local.put("MaTTHC", "H22-LLTP-01");
        local.put("TrangThaiHoSo", "DA_TRA_KET_QUA");
        local.put("NgayTiepNhan", "2025-02-25T08:30:00+07:00");
        local.put("NgayHenTra", "2025-03-04T17:00:00+07:00");
        local.put("NgayTra", "2025-03-03T10:15:00+07:00");

        Map<String, Object> item = translator.dossier(local);

        assertThat(item).containsEntry("MaTTHC", "2.000488.000.00.00.H22")
                .containsEntry("TenTTHC", "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam")
                .containsEntry("MaLinhVuc", "G01-LLTP")
                .containsEntry("TrangThaiHoSo", "10")
                .containsEntry("NgayTiepNhan", "20250225083000")
                .containsEntry("NgayHenTra", "20250304170000")
                .containsEntry("NgayTra", "20250303101500");
    }

    @Test
    void mapsProgressStatus() {
        Map<String, Object> item = translator.progress(Map.of("MaHoSo", "000.00.01.H22-250225-12345",
                "TrangThai", "CHO_BO_SUNG", "ThoiDiemXuLy", "2025-02-26T09:00:00+07:00", "NoiDungXuLy", "Yêu cầu bổ sung"));
        assertThat(item).containsEntry("TrangThai", "5").containsEntry("ThoiDiemXuLy", "20250226090000");
    }

    @Test
    void validatorReportsEveryProblemAtOnce() throws Exception {
        var body = json.readTree("{\"MaHoSo\":\"H22-1\",\"MaTTHC\":\"X\",\"TrangThaiHoSo\":\"Y\",\"NgayTiepNhan\":\"hôm qua\"}");
        assertThatThrownBy(() -> validator.dossier(body, null))
                .isInstanceOf(HubException.class)
                .hasMessageContaining("MaHoSo")
                .hasMessageContaining("MaTTHC")
                .hasMessageContaining("TrangThaiHoSo")
                .hasMessageContaining("NgayTiepNhan")
                .hasMessageContaining("NgayHenTra: is required")
                .hasMessageContaining("ChuHoSo: is required");
    }

    @Test
    void validatorKeepsVietnameseTextInNfc() throws Exception {
        String decomposed = java.text.Normalizer.normalize("Nguyễn Văn An", java.text.Normalizer.Form.NFD);
        var body = json.readTree("{\"MaHoSo\":\"000.00.01.H22-250225-12345\",\"MaTTHC\":\"H22-HT-KS\",\"ChuHoSo\":\""
                + decomposed + "\",\"TrangThaiHoSo\":\"MOI_DANG_KY\",\"NgayTiepNhan\":\"2025-02-25\",\"NgayHenTra\":\"2025-02-28\"}");
        DossierSubmission submission = validator.dossier(body, "evt-1");
        assertThat(submission.data().get("ChuHoSo")).isEqualTo("Nguyễn Văn An");
        assertThat(DossierValidator.agencyOf(submission.dossierCode())).isEqualTo("000.00.01.H22");
    }
}
