package vn.lienthong.hub.audit.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import vn.lienthong.hub.HubIntegrationTest;
import vn.lienthong.hub.audit.chain.CanonicalForm;
import vn.lienthong.hub.exchange.SubjectReferences;
import vn.lienthong.hub.simulator.SimulatorServers;

/**
 * Hop records are written by the platform alone ({@link HopRecorder}): one per connector attempt, under the accepting
 * transaction id, with the hashes of the bytes the national system really received and sent, and the subject.
 */
class HopRecordsIT extends HubIntegrationTest {

    @Autowired
    SimulatorServers simulators;

    @Autowired
    SubjectReferences subjects;

    private HttpResponse<String> call(String service, String body, String transactionId) {
        Map<String, String> headers = new HashMap<>(officer(MOTCUA_KEY));
        headers.put("X-Transaction-Id", transactionId);
        return post("/api/v1/services/" + service, body, headers);
    }

    /** The hop records of a transaction, once its exchange record is in (hops are committed before it). */
    private List<JsonNode> hops(String transactionId, int expected) {
        List<JsonNode> hops = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            hops.clear();
            JsonNode trace = body(get("/api/v1/audit/transactions/" + transactionId, Map.of("X-API-Key", AUDITOR_KEY)));
            assertThat(trace.path("exchanges").asLong()).as("exchange record of " + transactionId).isEqualTo(1);
            trace.path("records").forEach(r -> {
                if (r.path("recordType").asText().equals("HOP")) {
                    hops.add(r);
                }
            });
            assertThat(hops).as("hops of " + transactionId).hasSize(expected);
        });
        return hops;
    }

    private static String sha256(byte[] bytes) {
        return CanonicalForm.sha256Hex(bytes == null ? new byte[0] : bytes);
    }

    @Test
    void sectorHopCarriesTheHashesOfWhatTheSystemReallyReceivedAndSent_andTheSubject() {
        HttpResponse<String> response = call("social-insurance-record", "{\"personalId\":\"038185000321\"}", "it-hop-sector");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

        JsonNode hop = hops("it-hop-sector", 1).get(0);
        assertThat(hop.path("channel").asText()).isEqualTo("CONNECTOR");
        assertThat(hop.path("operation").asText()).isEqualTo("social-insurance-record-action");
        assertThat(hop.path("service").asText()).isEqualTo("social-insurance-record");
        assertThat(hop.path("httpStatus").asInt()).isEqualTo(200);
        assertThat(hop.path("subjectRef").asText()).isEqualTo(subjects.reference("038185000321"));
        String sent = hop.path("requestSha256").asText();
        String received = hop.path("responseSha256").asText();
        assertThat(sent).hasSize(64).isNotEqualTo(received);
        // the request the simulator received and the answer it gave are those the hop hashes
        List<ServeEvent> served = simulators.server("social-insurance").getAllServeEvents().stream()
                .filter(e -> sha256(e.getRequest().getBody()).equals(sent)).toList();
        assertThat(served).as("a request to the simulator with the hop's request hash").isNotEmpty();
        assertThat(served.get(0).getRequest().getBodyAsString()).contains("038185000321");
        assertThat(sha256(served.get(0).getResponse().getBody())).isEqualTo(received);
        assertThat(hop.path("requestSize").asLong()).isEqualTo(served.get(0).getRequest().getBody().length);
        assertThat(hop.path("responseSize").asLong()).isEqualTo(served.get(0).getResponse().getBody().length);
        // the canonical answer the caller got is not what the national system sent
        assertThat(sha256(response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8))).isNotEqualTo(received);
    }

    @Test
    void timedOutCallHasItsHop() {
        HttpResponse<String> response = call("social-insurance-record", "{\"personalId\":\"001090000504\"}", "it-hop-timeout");
        assertThat(response.statusCode()).isEqualTo(504);

        JsonNode hop = hops("it-hop-timeout", 1).get(0);
        assertThat(hop.path("outcome").asText()).isEqualTo("FAILED");
        assertThat(hop.path("errorCode").asText()).isEqualTo("NATIONAL_TIMEOUT");
        assertThat(hop.path("requestSha256").asText()).hasSize(64);
        assertThat(hop.path("subjectRef").asText()).isEqualTo(subjects.reference("001090000504"));
    }

    @Test
    void retriedCallHasOneHopPerAttempt() {
        // tax-obligations is an idempotent read with one retry; the simulator answers HTTP 500 to this number
        HttpResponse<String> response = call("tax-obligations", "{\"personalId\":\"001090000500\"}", "it-hop-retried");
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(body(response).path("code").asText()).isEqualTo("NATIONAL_SYSTEM_ERROR");

        List<JsonNode> hops = hops("it-hop-retried", 2);
        for (JsonNode hop : hops) {
            assertThat(hop.path("errorCode").asText()).isEqualTo("NATIONAL_SYSTEM_ERROR");
            assertThat(hop.path("httpStatus").asInt()).isEqualTo(500);
            assertThat(hop.path("transactionId").asText()).isEqualTo("it-hop-retried");
        }
    }

    @Test
    void busyAnswerIsARetryable503WithTheNationalMessage() {
        // MaLoi 98 inside an HTTP 200 answer, declared in connectors/tax/connector.yaml (errors:)
        HttpResponse<String> response = call("tax-obligations", "{\"personalId\":\"001090000503\"}", "it-hop-busy");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(body(response).path("code").asText()).isEqualTo("NATIONAL_UNAVAILABLE");
        assertThat(body(response).path("detail").asText()).contains("MaLoi 98", "Hệ thống đang bận");

        List<JsonNode> hops = hops("it-hop-busy", 2);
        assertThat(hops).allSatisfy(hop -> {
            assertThat(hop.path("httpStatus").asInt()).isEqualTo(200);
            assertThat(hop.path("errorCode").asText()).isEqualTo("NATIONAL_UNAVAILABLE");
        });
    }
}
