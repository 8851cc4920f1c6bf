package vn.lienthong.hub.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The portal simulator answers like the real portal where the hub depends on it: the two-digit codes {@code 00} and
 * {@code 3} as well as {@code 0} and {@code -3}, and a refusal of a request without {@code madonvi}.
 */
class PortalAnswerStylesIT extends DossierSyncIntegrationTest {

    private JsonNode simulator(String path, String body) {
        return body(send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + simulatorPort() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build()));
    }

    @Test
    void hubAcceptsTwoDigitSuccessAndAlreadyExists() {
        simulator("/__portal/faults", "{\"twoDigitCodes\":true}");
        String code = code(701);
        assertThat(post("/api/v1/dossiers", dossierJson(code, "DA_TIEP_NHAN"), motcua()).statusCode()).isEqualTo(202);
        await().atMost(patience()).until(() -> "SYNCED".equals(syncState(code).path("state").asText()));
        // a second create of the same dossier: the portal says "3", the hub sends it again as an update
        assertThat(post("/api/v1/dossiers", dossierJson(code, "DANG_XU_LY"), motcua()).statusCode()).isEqualTo(202);
        await().atMost(patience()).until(() -> arrivals(code).size() == 2
                && "SYNCED".equals(syncState(code).path("state").asText()));
        assertThat(arrivals(code).get(1).path("isUpdating").asBoolean()).isTrue();
        assertThat(arrivals(code).get(1).path("data").path("TrangThaiHoSo").asText()).isEqualTo("4");
    }

    @Test
    void simulatorRefusesARequestWithoutMadonvi_andMalformedItems() {
        JsonNode login = simulator("/dvcqg/api/auth", "{\"username\":\"lgsp-h22-demo\",\"password\":\"demo-portal-password\"}");
        String session = login.path("session").asText();
        JsonNode noUnit = simulator("/dvcqg/api/integration", "{\"session\":\"" + session + "\",\"service\":\"DongBoHoSoMC\","
                + "\"isUpdating\":\"False\",\"data\":[{\"MaHoSo\":\"000.00.01.H22-250225-00702\",\"MaTTHC\":\"1.001193.000.00.00.H22\","
                + "\"TrangThaiHoSo\":\"2\"}]}");
        assertThat(noUnit.path("error_code").asText()).isEqualTo("-1");
        assertThat(noUnit.path("message").asText()).contains("madonvi");
        JsonNode isoDate = simulator("/dvcqg/api/integration", "{\"session\":\"" + session + "\",\"madonvi\":\"000.00.00.H22\","
                + "\"service\":\"DongBoHoSoMC\",\"isUpdating\":\"False\",\"data\":[{\"MaHoSo\":\"000.00.01.H22-250225-00703\","
                + "\"MaTTHC\":\"1.001193.000.00.00.H22\",\"TrangThaiHoSo\":\"2\",\"NgayTiepNhan\":\"2025-02-25\"}]}");
        assertThat(isoDate.path("error_code").asText()).isEqualTo("-1");
        assertThat(isoDate.path("message").asText()).contains("NgayTiepNhan");
        assertThat(portal.received().path("rejected").asInt()).isEqualTo(2);
    }
}
