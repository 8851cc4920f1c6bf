package vn.lienthong.hub.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The portal simulator refuses what the real portal refuses, so a translation bug of the hub fails a test. */
class PortalSimulatorRulesTest {

    private final ObjectMapper json = new ObjectMapper();

    private JsonNode item(String fields) throws Exception {
        return json.readTree("{\"MaHoSo\":\"000.00.01.H22-250225-00001\"," + fields + "}");
    }

    @Test
    void refusesIsoDatesLocalStatusCodesAndLocalProcedureCodes() throws Exception {
        assertThat(NationalPortalSimulator.malformedDossier(item(
                "\"MaTTHC\":\"1.001193.000.00.00.H22\",\"TrangThaiHoSo\":\"2\",\"NgayTiepNhan\":\"20250225083000\""))).isNull();
        assertThat(NationalPortalSimulator.malformedDossier(item(
                "\"MaTTHC\":\"1.001193.000.00.00.H22\",\"TrangThaiHoSo\":\"2\",\"NgayTiepNhan\":\"2025-02-25T08:30:00+07:00\"")))
                .contains("NgayTiepNhan");
        assertThat(NationalPortalSimulator.malformedDossier(item(
                "\"MaTTHC\":\"1.001193.000.00.00.H22\",\"TrangThaiHoSo\":\"DA_TIEP_NHAN\""))).contains("TrangThaiHoSo");
        assertThat(NationalPortalSimulator.malformedDossier(item("\"MaTTHC\":\"H22-HT-KS\",\"TrangThaiHoSo\":\"2\"")))
                .contains("MaTTHC");
        assertThat(NationalPortalSimulator.malformedProgress(item("\"TrangThai\":\"4\",\"ThoiDiemXuLy\":\"20250226081500\"")))
                .isNull();
        assertThat(NationalPortalSimulator.malformedProgress(item("\"TrangThai\":\"DANG_XU_LY\""))).contains("TrangThai");
        assertThat(NationalPortalSimulator.malformedProgress(item("\"TrangThai\":\"4\",\"ThoiDiemXuLy\":\"2025-02-26\"")))
                .contains("ThoiDiemXuLy");
    }
}
