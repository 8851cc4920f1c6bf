package vn.lienthong.hub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import vn.lienthong.hub.HubIntegrationTest;
import vn.lienthong.hub.simulator.SimulatorServers;

/**
 * Fair use between clients, in a context of its own with clients of its own: a noisy client sending 200 lookups at
 * once meets its own concurrency quota (429 with Retry-After, logged and counted) before it can fill the population
 * connector's bulkhead (20), while another client's lookups succeed; a per-service rate quota refuses that service
 * only, over REST and SOAP alike.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:hub-fair-use-it;DB_CLOSE_DELAY=-1",
        "HUB_DATA_DIR=target/it-data-fair-use",
        "spring.artemis.embedded.persistent=false",
        "HUB_BROKER_PORT=0",
        "HUB_POPULATION_TIMEOUT_MILLIS=5000",
        "hub.security.clients[0].id=000.00.00.H22:NOISY",
        "hub.security.clients[0].api-key-sha256=d781d7b3f5f0a86eb96dba6d0aa826338c45816715bbc046eb538870e56c7eb9",
        "hub.security.clients[0].grants[0]=data:*",
        "hub.security.clients[0].quota.requests=0",
        "hub.security.clients[0].quota.concurrent=5",
        "hub.security.clients[1].id=000.00.00.H22:QUIET",
        "hub.security.clients[1].api-key-sha256=1fe2805a3b3b9374072ee664ea58b518a5e2d76ecaeafc4a5505340fb7482707",
        "hub.security.clients[1].grants[0]=data:*",
        "hub.security.clients[2].id=000.00.00.H22:METERED",
        "hub.security.clients[2].api-key-sha256=f7dec3788b9deed843d1130875aa9a262997799198c1d451615370ffac974ef4",
        "hub.security.clients[2].grants[0]=data:*",
        "hub.security.clients[2].quota.services.citizen-lookup.requests=2",
        "hub.security.clients[2].quota.services.citizen-lookup.per=1m",
        "hub.security.clients[3].id=000.00.00.H22:KIEMTRA",
        "hub.security.clients[3].api-key-sha256=f319d1152d167bf6e2cd2a5b55d1f46fdac942b139f44054f902f8423226bd78",
        "hub.security.clients[3].grants[0]=audit:*"
})
class FairUseIT extends HubIntegrationTest {

    private static final String NOISY = "000.00.00.H22:NOISY";
    private static final String LOOKUP = "/api/v1/citizens/lookup";
    private static final String AN = "{\"personalId\":\"001090012345\",\"fullName\":\"Nguyễn Văn An\",\"dateOfBirth\":\"1990-05-15\"}";
    private static final int BURST = 200;

    @Autowired
    SimulatorServers simulators;

    @Autowired
    MeterRegistry meters;

    @Test
    void refusesTheNoisyClientAtItsOwnQuota_whileAnotherClientsLookupsSucceed() throws Exception {
        // each national answer takes 300 ms, so the burst is truly in flight at once
        simulators.server("population").setGlobalFixedDelay(300);
        HttpClient burstClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        try {
            List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                burst.add(burstClient.sendAsync(lookup("fair-noisy-key", "it-fair-noisy-" + i),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
            }
            // meanwhile another officer's lookups go through, every one
            List<Integer> quiet = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                quiet.add(send(lookup("fair-quiet-key", "it-fair-quiet-" + i)).statusCode());
            }
            CompletableFuture.allOf(burst.toArray(CompletableFuture[]::new)).get();

            assertThat(quiet).containsOnly(200);
            Map<Integer, Integer> statuses = new HashMap<>();
            int refused = 0;
            for (CompletableFuture<HttpResponse<String>> answer : burst) {
                HttpResponse<String> response = answer.get();
                statuses.merge(response.statusCode(), 1, Integer::sum);
                if (response.statusCode() == 429) {
                    refused++;
                    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                            type -> assertThat(type).startsWith("application/problem+json"));
                    assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
                    JsonNode problem = body(response);
                    assertThat(problem.path("code").asText()).isEqualTo("TOO_MANY_REQUESTS");
                    assertThat(problem.path("status").asInt()).isEqualTo(429);
                    assertThat(problem.path("detail").asText()).contains(NOISY, "5 calls in flight");
                    assertThat(problem.path("transactionId").asText()).startsWith("it-fair-noisy-");
                }
            }
            // the noisy client got its quota's worth of answers and 429 for the rest; the connector's bulkhead (503)
            // was never reached
            assertThat(statuses.keySet()).as("statuses " + statuses).containsOnly(200, 429);
            assertThat(statuses.get(200)).as("statuses " + statuses).isGreaterThanOrEqualTo(5);
            assertThat(refused).as("statuses " + statuses).isGreaterThan(BURST / 2);

            Counter counted = meters.find("hub.quota.refused").tags("client", NOISY, "service", "*", "limit", "concurrency")
                    .counter();
            assertThat(counted).isNotNull();
            assertThat(counted.count()).isEqualTo(refused);
            assertThat(meters.find("hub.quota.refused").tag("client", "000.00.00.H22:QUIET").counters()).isEmpty();

            // every 429 is in the message log, as a denied exchange of the noisy client
            int expected = refused;
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                List<JsonNode> records = deniedRecords(NOISY);
                assertThat(records).hasSize(expected).allSatisfy(record -> {
                    assertThat(record.path("errorCode").asText()).isEqualTo("TOO_MANY_REQUESTS");
                    assertThat(record.path("httpStatus").asInt()).isEqualTo(429);
                    assertThat(record.path("channel").asText()).isEqualTo("REST");
                });
            });
        } finally {
            simulators.server("population").setGlobalFixedDelay(0);
        }
    }

    @Test
    void limitsTheRateOfOneService_andTellsWhenToTryAgain_overRestAndSoap() {
        assertThat(send(lookup("fair-metered-key", "it-fair-metered-1")).statusCode()).isEqualTo(200);
        assertThat(send(lookup("fair-metered-key", "it-fair-metered-2")).statusCode()).isEqualTo(200);

        HttpResponse<String> third = send(lookup("fair-metered-key", "it-fair-metered-3"));
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(body(third).path("code").asText()).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(body(third).path("detail").asText()).contains("2 calls per 60 s to citizen-lookup");
        long retryAfter = Long.parseLong(third.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 60L);

        // the same client's other services are not touched by the citizen-lookup quota
        HttpResponse<String> enterprise = get("/api/v1/enterprises/0101234565",
                Map.of("X-API-Key", "fair-metered-key"));
        assertThat(enterprise.statusCode()).isEqualTo(200);

        // the SOAP surface passes the same gateway: a fault with the same code, and the same Retry-After
        HttpRequest soap = HttpRequest.newBuilder(URI.create(url("/soap/CitizenService")))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("X-API-Key", "fair-metered-key")
                .header("X-User-Id", "canbo.motcua@hanoi.gov.vn")
                .header("X-Purpose", "1.003560.000.00.00.H22")
                .header("X-Transaction-Id", "it-fair-metered-soap")
                .POST(HttpRequest.BodyPublishers.ofString("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\""
                        + " xmlns:c=\"http://hub.lienthong.vn/soap/citizen/v1\"><soap:Body><c:LookupCitizen><c:personalId>001090012345"
                        + "</c:personalId><c:fullName>Nguyễn Văn An</c:fullName><c:dateOfBirth>1990-05-15</c:dateOfBirth>"
                        + "</c:LookupCitizen></soap:Body></soap:Envelope>", StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> fault = send(soap);
        assertThat(fault.statusCode()).isEqualTo(500);
        assertThat(fault.body()).contains("<faultcode>soap:Client</faultcode>", "TOO_MANY_REQUESTS", "429",
                "it-fair-metered-soap");
        assertThat(Long.parseLong(fault.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(deniedRecords("000.00.00.H22:METERED"))
                .extracting(r -> r.path("transactionId").asText() + " " + r.path("channel").asText() + " "
                        + r.path("errorCode").asText() + " " + r.path("service").asText())
                .containsExactlyInAnyOrder("it-fair-metered-3 REST TOO_MANY_REQUESTS citizen-lookup",
                        "it-fair-metered-soap SOAP TOO_MANY_REQUESTS citizen-lookup"));
        assertThat(meters.find("hub.quota.refused").tags("client", "000.00.00.H22:METERED", "service", "citizen-lookup",
                "limit", "rate").counter().count()).isEqualTo(2.0);
    }

    private HttpRequest lookup(String apiKey, String transactionId) {
        return HttpRequest.newBuilder(URI.create(url(LOOKUP)))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-API-Key", apiKey)
                .header("X-User-Id", "canbo.motcua@hanoi.gov.vn")
                .header("X-Purpose", "1.003560.000.00.00.H22")
                .header("X-Transaction-Id", transactionId)
                .POST(HttpRequest.BodyPublishers.ofString(AN, StandardCharsets.UTF_8))
                .build();
    }

    /** The client's denied exchanges, as an auditor reads them. */
    private List<JsonNode> deniedRecords(String clientId) {
        HttpResponse<String> response = get("/api/v1/audit/records?recordType=EXCHANGE&outcome=DENIED&size=500&client="
                + clientId, Map.of("X-API-Key", AUDITOR_KEY));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> records = new ArrayList<>();
        body(response).path("records").forEach(records::add);
        return records;
    }
}
