package vn.lienthong.hub.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.hub.audit.MessageLog;
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
                        && r.operation().startsWith("DongBoHoSoMC")));
    }

    @Test
    void portalClientIsRefused() {
        HttpResponse<String> response = post("/api/v1/dossiers", dossierJson(code(2), "DA_TIEP_NHAN"),
                Map.of("X-API-Key", PORTAL_KEY));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(body(response).path("code").asText()).isEqualTo("ACCESS_DENIED");
    }
}
