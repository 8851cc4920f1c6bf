package vn.lienthong.hub.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import vn.lienthong.hub.HubIntegrationTest;
import vn.lienthong.hub.simulator.SimulatorServers;

/**
 * Resilience applied by the platform from the descriptors, in its own context with cheap settings: timeouts, the
 * circuit breaker, the concurrency limit, and isolation between connectors.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:hub-resilience-it;DB_CLOSE_DELAY=-1",
        "HUB_DATA_DIR=target/it-data-resilience",
        "spring.artemis.embedded.persistent=false",
        "HUB_BROKER_PORT=0",
        "hub.services.social-insurance-record.timeout-millis=800",
        "hub.services.judicial-records-status.minimum-calls=4",
        "hub.services.judicial-records-status.failure-rate-threshold=50",
        "hub.services.judicial-records-status.open-millis=60000",
        "hub.services.land-parcels.max-concurrent-calls=1",
        "hub.services.land-parcels.timeout-millis=3000"
})
class ConnectorResilienceIT extends HubIntegrationTest {

    @Autowired
    SimulatorServers simulators;

    @Autowired
    ConnectorCatalogue catalogue;

    @Autowired
    ConnectorBreakers breakers;

    private HttpResponse<String> call(String service, String body) {
        return post("/api/v1/services/" + service, body, officer(MOTCUA_KEY));
    }

    @Test
    void answersTimeoutWithinTheConfiguredDeadline_whenBackendIsSlow() {
        CircuitBreaker breaker = breakers.breaker(catalogue.find("social-insurance-record").orElseThrow());
        long failedBefore = breaker.getMetrics().getNumberOfFailedCalls();
        long start = System.nanoTime();
        HttpResponse<String> response = call("social-insurance-record", "{\"personalId\":\"001090000504\"}");
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(body(response).path("code").asText()).isEqualTo("NATIONAL_TIMEOUT");
        // the deadline is the service's own (800 ms here), not the simulator's 10 s delay
        assertThat(body(response).path("detail").asText()).contains("within 800 ms");
        // the hub waited for its deadline, and not for the backend's 10 s answer (bounds that load cannot break)
        assertThat(millis).isGreaterThanOrEqualTo(700L).isLessThan(10_000L);
        // the timed-out call counts against the circuit, and is not repeated: a timeout is no transient failure
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(failedBefore + 1);
        assertThat(simulators.server("social-insurance").getAllServeEvents().stream()
                .filter(e -> e.getRequest().getBodyAsString().contains("001090000504")
                        || e.getRequest().getUrl().contains("001090000504")).count()).isEqualTo(1);
    }

    @Test
    void opensCircuitAfterRepeatedFailures_thenAnswers503AtOnceWithoutCallingTheBackend() {
        CircuitBreaker breaker = breakers.breaker(catalogue.find("judicial-records-status").orElseThrow());
        int servedBefore = simulators.server("judicial-records").getAllServeEvents().size();
        for (int i = 0; i < 2; i++) {
            // each failing call is tried twice (one retry), so two calls fill the window of four
            assertThat(call("judicial-records-status", "{\"personalId\":\"001090000500\"}").statusCode()).isEqualTo(502);
        }
        assertThat(simulators.server("judicial-records").getAllServeEvents()).hasSize(servedBefore + 4);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        int served = simulators.server("judicial-records").getAllServeEvents().size();
        HttpResponse<String> open = call("judicial-records-status", "{\"personalId\":\"001090012345\"}");
        assertThat(open.statusCode()).isEqualTo(503);
        assertThat(body(open).path("code").asText()).isEqualTo("CIRCUIT_OPEN");
        assertThat(open.headers().firstValue("Retry-After")).hasValue("60");
        // answered at once: the breaker refused the call, the backend never saw it
        assertThat(breaker.getMetrics().getNumberOfNotPermittedCalls()).isPositive();
        assertThat(simulators.server("judicial-records").getAllServeEvents()).hasSize(served);

        // health details are for operators (grant operations:*)
        JsonNode health = body(get("/actuator/health", Map.of("X-API-Key", "demo-operator-key")));
        assertThat(health.path("components").path("connectors").path("components").path("judicial-records-status")
                .path("status").asText()).isEqualTo("DOWN");
        HttpResponse<String> readiness = get("/actuator/health/readiness", Map.of());
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(body(readiness).path("status").asText()).isEqualTo("UP");

        // the other connectors are untouched
        assertThat(call("birth-registration", "{\"personalId\":\"001090012345\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void otherConnectorsKeepTheirLatency_whileOneIsSlow() {
        // one call first, so the measure below is the steady latency of tax and not its first use
        assertThat(call("tax-obligations", "{\"enterpriseCode\":\"0101234565\"}").statusCode()).isEqualTo(200);
        CircuitBreaker land = breakers.breaker(catalogue.find("land-parcels").orElseThrow());
        long landFailedBefore = land.getMetrics().getNumberOfFailedCalls();
        long landSucceededBefore = land.getMetrics().getNumberOfSuccessfulCalls();
        CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(
                () -> call("land-parcels", "{\"ownerPersonalId\":\"001090000504\"}"));
        // the slow call is in flight once the land simulator has received it (it answers 10 s later)
        await().atMost(Duration.ofSeconds(5)).until(() -> simulators.server("land").getAllServeEvents().stream()
                .anyMatch(e -> e.getRequest().getUrl().contains("001090000504")));

        HttpResponse<String> tax = call("tax-obligations", "{\"enterpriseCode\":\"0101234565\"}");
        assertThat(tax.statusCode()).isEqualTo(200);
        // tax answered while land's only slot was still taken
        assertThat(slow).isNotDone();

        // land's own limit (one call in flight) turns the next caller away at once instead of queueing it: the land
        // simulator never sees the second call
        long landServed = simulators.server("land").getAllServeEvents().size();
        HttpResponse<String> busy = call("land-parcels", "{\"ownerPersonalId\":\"001090012345\"}");
        assertThat(busy.statusCode()).isEqualTo(503);
        assertThat(body(busy).path("code").asText()).isEqualTo("NATIONAL_UNAVAILABLE");
        assertThat(body(busy).path("detail").asText()).contains("too many calls in flight");
        assertThat(slow).isNotDone();
        assertThat(simulators.server("land").getAllServeEvents()).hasSize((int) landServed);

        assertThat(slow.join().statusCode()).isEqualTo(504);
        // the circuit counts the call that reached land and timed out, not the one turned away before reaching it
        assertThat(land.getMetrics().getNumberOfFailedCalls()).isEqualTo(landFailedBefore + 1);
        assertThat(land.getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(landSucceededBefore);
    }
}
