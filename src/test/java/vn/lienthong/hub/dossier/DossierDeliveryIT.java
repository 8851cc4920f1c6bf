package vn.lienthong.hub.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Delivery guarantees: order per dossier, retries, dead letters and replay, duplicates, session expiry, portal outage. */
class DossierDeliveryIT extends DossierSyncIntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    vn.lienthong.hub.audit.log.MessageLog messageLog;

    private static final int STEPS = 6;

    @Test
    void keepsOrderPerDossier_whenManyDossiersAreSentConcurrently() throws Exception {
        List<String> codes = new ArrayList<>();
        for (int i = 100; i < 108; i++) {
            codes.add(code(i));
        }
        // each sender posts one dossier's events in order; the dossiers interleave
        codes.parallelStream().forEach(code -> {
            assertThat(post("/api/v1/dossiers", dossierJson(code, "DA_TIEP_NHAN"), motcua()).statusCode()).isEqualTo(202);
            for (int step = 1; step <= STEPS; step++) {
                HttpResponse<String> r = post("/api/v1/dossiers/" + code + "/progress", progressJson(step, "DANG_XU_LY"), motcua());
                assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            }
        });
        await().atMost(patience()).until(() -> codes.stream().allMatch(c -> arrivals(c).size() == STEPS + 1));
        for (String code : codes) {
            List<JsonNode> got = arrivals(code);
            assertThat(got.get(0).path("service").asText()).isEqualTo("DongBoHoSoMC");
            for (int step = 1; step <= STEPS; step++) {
                assertThat(got.get(step).path("data").path("NoiDungXuLy").asText()).isEqualTo("Bước " + step);
                assertThat(got.get(step).path("data").path("TrangThai").asText()).isEqualTo("4");
            }
            await().atMost(patience()).until(() -> "SYNCED".equals(syncState(code).path("state").asText()));
        }
    }

    @Test
    void retriesThenSucceeds_whenThePortalIsBusyForAWhile() {
        String code = code(201);
        faults("{\"failNext\":2}");
        assertThat(post("/api/v1/dossiers", dossierJson(code, "DA_TIEP_NHAN"), motcua()).statusCode()).isEqualTo(202);

        await().atMost(patience()).until(() -> "SYNCED".equals(syncState(code).path("state").asText()));
        JsonNode state = syncState(code);
        assertThat(state.path("attempts").asInt()).isEqualTo(3);
        assertThat(arrivals(code)).hasSize(1);
    }

    @Test
    void goesThroughRetryingToDead_thenReplayAfterRecoveryBringsItToSynced() {
        String code = code(301);
        faults("{\"down\":true}");
        HttpResponse<String> created = post("/api/v1/dossiers", dossierJson(code, "DA_TIEP_NHAN"), motcua());
        assertThat(created.statusCode()).isEqualTo(202);
        String transactionId = created.headers().firstValue("X-Transaction-Id").orElseThrow();
        assertThat(post("/api/v1/dossiers/" + code + "/progress", progressJson(1, "DANG_XU_LY"), motcua()).statusCode())
                .isEqualTo(202);

        await().atMost(patience()).until(() -> "DEAD".equals(syncState(code).path("state").asText()));
        // it went through RETRYING: the recorded history holds every failed attempt, each a HOP of the accepting request
        await().atMost(patience()).until(() -> hops(transactionId).size() == 3);
        assertThat(hops(transactionId)).extracting(r -> r.outcome().name()).containsExactly("FAILED", "FAILED", "FAILED");
        assertThat(syncState(code).path("attempts").asInt()).isEqualTo(3);
        assertThat(syncState(code).path("lastError").asText()).contains("503");

        HttpResponse<String> dead = get("/api/v1/admin/dossier-sync/dead-letters?dossierCode=" + code,
                Map.of("X-API-Key", OPERATOR_KEY));
        assertThat(dead.statusCode()).isEqualTo(200);
        await().atMost(patience()).until(() -> body(get("/api/v1/admin/dossier-sync/dead-letters?dossierCode=" + code,
                Map.of("X-API-Key", OPERATOR_KEY))).size() == 2);
        JsonNode letters = body(get("/api/v1/admin/dossier-sync/dead-letters?dossierCode=" + code, Map.of("X-API-Key", OPERATOR_KEY)));
        assertThat(letters.get(0).path("reason").asText()).contains("gave up after 3 attempts");
        assertThat(letters.get(1).path("reason").asText()).contains("held behind dead event");

        faults("{\"down\":false}");
        HttpResponse<String> replay = post("/api/v1/admin/dossier-sync/dead-letters/replay?dossierCode=" + code, "",
                Map.of("X-API-Key", OPERATOR_KEY));
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
        assertThat(body(replay).path("replayed").asInt()).isEqualTo(2);

        await().atMost(patience()).until(() -> "SYNCED".equals(syncState(code).path("state").asText()));
        List<JsonNode> got = arrivals(code);
        assertThat(got).extracting(a -> a.path("service").asText()).containsExactly("DongBoHoSoMC", "CapNhatTienDoHoSoMC");
    }

    @Test
    void replayIsRefused_forTheOneStopAndPortalClients() {
        assertThat(post("/api/v1/admin/dossier-sync/dead-letters/replay?all=true", "", Map.of("X-API-Key", PORTAL_KEY))
                .statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/admin/dossier-sync/dead-letters", Map.of("X-API-Key", MOTCUA_KEY)).statusCode()).isEqualTo(403);
    }

    @Test
    void poisonDossierGoesToDeadLettersWithoutHoldingUpOtherDossiers() {
        String poison = "000.00.01.H22-250101-99999";
        String healthy = code(401);
        assertThat(post("/api/v1/dossiers", dossierJson(poison, "DA_TIEP_NHAN"), motcua()).statusCode()).isEqualTo(202);
        assertThat(post("/api/v1/dossiers", dossierJson(healthy, "DA_TIEP_NHAN"), motcua()).statusCode()).isEqualTo(202);

        await().atMost(patience()).until(() -> "SYNCED".equals(syncState(healthy).path("state").asText()));
        await().atMost(patience()).until(() -> "DEAD".equals(syncState(poison).path("state").asText()));
        JsonNode state = syncState(poison);
        assertThat(state.path("attempts").asInt()).as("a refusal is not retried").isEqualTo(1);
        assertThat(state.path("lastError").asText()).contains("error_code -1");
    }

    @Test
    void eventSentTwiceWithTheSameIdReachesThePortalOnce() {
        String code = code(501);
        HttpResponse<String> first = post("/api/v1/dossiers", dossierJson(code, "DA_TIEP_NHAN"), motcua("evt-501-a"));
        HttpResponse<String> second = post("/api/v1/dossiers", dossierJson(code, "DA_TIEP_NHAN"), motcua("evt-501-a"));
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(second.statusCode()).isEqualTo(202);
        assertThat(body(second).path("eventId").asText()).isEqualTo("evt-501-a");
        assertThat(body(second).path("duplicate").asBoolean()).isTrue();
        // a later, different event marks when the first has surely been handled
        assertThat(post("/api/v1/dossiers/" + code + "/progress", progressJson(1, "DANG_XU_LY"), motcua("evt-501-b")).statusCode())
                .isEqualTo(202);

        await().atMost(patience()).until(() -> arrivals(code).size() == 2);
        assertThat(arrivals(code)).extracting(a -> a.path("service").asText())
                .containsExactly("DongBoHoSoMC", "CapNhatTienDoHoSoMC");
        assertThat(syncState(code).path("events").size()).isEqualTo(2);

        // sent again once delivered: answered as a duplicate, the portal does not see it again
        HttpResponse<String> late = post("/api/v1/dossiers", dossierJson(code, "DA_TIEP_NHAN"), motcua("evt-501-a"));
        assertThat(late.statusCode()).isEqualTo(202);
        assertThat(body(late).path("duplicate").asBoolean()).isTrue();
        assertThat(post("/api/v1/dossiers/" + code + "/progress", progressJson(2, "DANG_XU_LY"), motcua("evt-501-c")).statusCode())
                .isEqualTo(202);
        await().atMost(patience()).until(() -> arrivals(code).size() == 3);
        assertThat(arrivals(code)).extracting(a -> a.path("service").asText())
                .containsExactly("DongBoHoSoMC", "CapNhatTienDoHoSoMC", "CapNhatTienDoHoSoMC");
    }

    @Test
    void logsInAgain_whenTheSessionExpiresMidStream() {
        String code = code(601);
        assertThat(post("/api/v1/dossiers", dossierJson(code, "DA_TIEP_NHAN"), motcua()).statusCode()).isEqualTo(202);
        await().atMost(patience()).until(() -> arrivals(code).size() == 1);
        int loginsBefore = portal.received().path("logins").asInt();

        faults("{\"expireSessions\":true}");
        for (int step = 1; step <= 3; step++) {
            assertThat(post("/api/v1/dossiers/" + code + "/progress", progressJson(step, "DANG_XU_LY"), motcua()).statusCode())
                    .isEqualTo(202);
        }
        await().atMost(patience()).until(() -> arrivals(code).size() == 4);
        assertThat(portal.received().path("logins").asInt()).isGreaterThan(loginsBefore);
        await().atMost(patience()).until(() -> "SYNCED".equals(syncState(code).path("state").asText()));
    }

    @Test
    void secondCreateOfAKnownDossierIsSentAsAnUpdate() {
        String code = code(701);
        assertThat(post("/api/v1/dossiers", dossierJson(code, "DA_TIEP_NHAN"), motcua()).statusCode()).isEqualTo(202);
        assertThat(post("/api/v1/dossiers", dossierJson(code, "DA_TRA_KET_QUA"), motcua()).statusCode()).isEqualTo(202);

        await().atMost(patience()).until(() -> arrivals(code).size() == 2);
        List<JsonNode> got = arrivals(code);
        assertThat(got.get(0).path("isUpdating").asBoolean()).isFalse();
        assertThat(got.get(1).path("isUpdating").asBoolean()).isTrue();
        assertThat(got.get(1).path("data").path("TrangThaiHoSo").asText()).isEqualTo("10");
    }

    private java.util.List<vn.lienthong.hub.audit.MessageLogRecord> hops(String transactionId) {
        return messageLog.findByTransaction(transactionId).stream().filter(r -> "HOP".equals(r.recordType())).toList();
    }

    private void faults(String json) {
        HttpResponse<String> r = post2(json);
        assertThat(r.statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> post2(String json) {
        String url = "http://127.0.0.1:" + simulatorPort() + "/__portal/faults";
        return send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build());
    }
}
