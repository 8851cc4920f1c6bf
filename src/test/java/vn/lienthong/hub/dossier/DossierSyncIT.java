package vn.lienthong.hub.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.hub.audit.log.MessageLog;
import org.springframework.beans.factory.annotation.Autowired;

class DossierSyncIT extends DossierSyncIntegrationTest {

    @Autowired
    MessageLog messageLog;

    @Test
    void validDossierIsAcceptedAndReachesThePortalWithNationalCodes() {
        String code = code(1);
        HttpResponse<String> response = post("/api/v1/dossiers", dossierJson(code, "DA_TIEP_NHAN"), motcua());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode accepted = body(response);
        assertThat(accepted.path("eventId").asText()).isNotBlank();
        assertThat(accepted.path("dossierCode").asText()).isEqualTo(code);

        await().atMost(patience()).until(() -> "SYNCED".equals(syncState(code).path("state").asText()));
        JsonNode item = arrivals(code).get(0).path("data");
        assertThat(item.path("TrangThaiHoSo").asText()).isEqualTo("2");
        assertThat(item.path("MaTTHC").asText()).isEqualTo("1.001193.000.00.00.H22");
        assertThat(item.path("NgayTiepNhan").asText()).isEqualTo("20250225083000");
        assertThat(item.path("NgayHenTra").asText()).isEqualTo("20250228170000");
        assertThat(item.path("ChuHoSo").asText()).isEqualTo("Nguyễn Văn An");

        String transactionId = response.headers().firstValue("X-Transaction-Id").orElseThrow();
        await().atMost(patience()).until(() -> messageLog.findByTransaction(transactionId).stream()
                .anyMatch(r -> "HOP".equals(r.recordType()) && "national-portal".equals(r.service())
                        && "national-portal-sync-action".equals(r.operation())));
    }

    @Test
    void portalClientIsRefused() {
        HttpResponse<String> response = post("/api/v1/dossiers", dossierJson(code(2), "DA_TIEP_NHAN"),
                Map.of("X-API-Key", PORTAL_KEY));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(body(response).path("code").asText()).isEqualTo("ACCESS_DENIED");
    }

    @Test
    void statisticsGiveSharesSyncedAndOnTime_andListLateDossiers_forInspectors() {
        String onTime = "000.00.02.H22-250210-00001";
        String late = "000.00.02.H22-250211-00002";
        String finished = """
                {"MaHoSo":"%s","MaTTHC":"H22-HT-KS","ChuHoSo":"Lê Thị Hồng","KenhThucHien":"2",
                 "NgayTiepNhan":"2025-02-10T08:00:00+07:00","NgayHenTra":"2025-02-13T17:00:00+07:00",
                 "NgayTra":"2025-02-12T10:00:00+07:00","TrangThaiHoSo":"DA_TRA_KET_QUA"}""".formatted(onTime);
        String open = """
                {"MaHoSo":"%s","MaTTHC":"H22-XD-GPXD","ChuHoSo":"Trần Thị Bích Ngọc","KenhThucHien":"1",
                 "NgayTiepNhan":"2025-02-11T08:00:00+07:00","NgayHenTra":"2025-02-25T17:00:00+07:00",
                 "TrangThaiHoSo":"DANG_XU_LY"}""".formatted(late);
        assertThat(post("/api/v1/dossiers", finished, motcua()).statusCode()).isEqualTo(202);
        assertThat(post("/api/v1/dossiers", open, motcua()).statusCode()).isEqualTo(202);
        await().atMost(patience()).until(() -> "SYNCED".equals(syncState(onTime).path("state").asText())
                && "SYNCED".equals(syncState(late).path("state").asText()));

        String query = "?agency=000.00.02.H22&from=2025-02-01&to=2025-02-28";
        HttpResponse<String> stats = get("/api/v1/dossiers/statistics" + query, Map.of("X-API-Key", AUDITOR_KEY));
        assertThat(stats.statusCode()).as(stats.body()).isEqualTo(200);
        JsonNode total = body(stats).path("total");
        assertThat(total.path("dossiers").asInt()).isEqualTo(2);
        assertThat(total.path("syncedShare").asDouble()).isEqualTo(1.0);
        assertThat(total.path("finished").asInt()).isEqualTo(1);
        assertThat(total.path("onTimeShare").asDouble()).isEqualTo(1.0);
        assertThat(total.path("late").asInt()).isEqualTo(1);
        assertThat(total.path("onlineShare").asDouble()).isEqualTo(0.5);

        JsonNode lateList = body(get("/api/v1/dossiers/late" + query, Map.of("X-API-Key", AUDITOR_KEY)));
        assertThat(lateList).hasSize(1);
        assertThat(lateList.get(0).path("dossierCode").asText()).isEqualTo(late);

        assertThat(get("/api/v1/dossiers/statistics" + query, Map.of("X-API-Key", PORTAL_KEY)).statusCode()).isEqualTo(403);
    }
}
