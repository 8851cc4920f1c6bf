package vn.lienthong.hub.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Autowired;

import vn.lienthong.hub.HubIntegrationTest;

/** What an operator expects: readiness that says what is wrong, maintenance mode, gauges. */
class OperationsIT extends HubIntegrationTest {

    private static final String OPERATOR_KEY = "demo-operator-key";

    @Autowired
    MeterRegistry meters;

    @Test
    void readinessSaysWhatItChecked_toTheOperator() {
        HttpResponse<String> ready = get("/actuator/health/readiness", Map.of("X-API-Key", OPERATOR_KEY));
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        JsonNode components = body(ready).path("components");
        assertThat(components.path("db").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("jms").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("messageLog").path("details").has("backlog")).isTrue();
        assertThat(components.path("maintenance").path("status").asText()).isEqualTo("UP");
        // connectors are information: their circuit states, the component itself always UP
        JsonNode connectors = components.path("connectorStates");
        assertThat(connectors.path("status").asText()).isEqualTo("UP");
        assertThat(connectors.path("details").path("citizen-lookup").asText()).isIn("CLOSED", "OPEN", "HALF_OPEN");
    }

    @Test
    void maintenanceMode_takesTheInstanceOutOfTheLoadBalancer_withTheReason_untilSwitchedOff() {
        assertThat(get("/actuator/health/readiness", Map.of()).statusCode()).isEqualTo(200);
        HttpResponse<String> on = send(HttpRequest.newBuilder(URI.create(url("/api/v1/admin/maintenance")))
                .header("X-API-Key", OPERATOR_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"Nâng cấp cơ sở dữ liệu\"}")).build());
        try {
            assertThat(on.statusCode()).as(on.body()).isEqualTo(200);
            assertThat(body(on).path("maintenance").asBoolean()).isTrue();

            HttpResponse<String> anonymous = get("/actuator/health/readiness", Map.of());
            assertThat(anonymous.statusCode()).isEqualTo(503);
            assertThat(body(anonymous).path("status").asText()).isEqualTo("OUT_OF_SERVICE");
            JsonNode details = body(get("/actuator/health/readiness", Map.of("X-API-Key", OPERATOR_KEY)))
                    .path("components").path("maintenance").path("details");
            assertThat(details.path("reason").asText()).isEqualTo("Nâng cấp cơ sở dữ liệu");
            assertThat(details.path("by").asText()).isEqualTo("000.00.00.H22:VANHANH");
            // the instance still lives and still answers what reaches it
            assertThat(get("/actuator/health/liveness", Map.of()).statusCode()).isEqualTo(200);
        } finally {
            HttpResponse<String> off = send(HttpRequest.newBuilder(URI.create(url("/api/v1/admin/maintenance")))
                    .header("X-API-Key", OPERATOR_KEY).DELETE().build());
            assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
        }
        assertThat(get("/actuator/health/readiness", Map.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void maintenanceMode_isForOperatorsOnly_andNeedsAReason() {
        HttpResponse<String> officer = post("/api/v1/admin/maintenance", "{\"reason\":\"x\"}", Map.of("X-API-Key", MOTCUA_KEY));
        assertThat(officer.statusCode()).isEqualTo(403);
        assertThat(body(officer).path("code").asText()).isEqualTo("ACCESS_DENIED");
        HttpResponse<String> noReason = post("/api/v1/admin/maintenance", "{}", Map.of("X-API-Key", OPERATOR_KEY));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(get("/actuator/health/readiness", Map.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void gaugesOfQueueDepthsTheLogBacklogAndCircuits_areRegistered() {
        // Spring Boot tests keep the Prometheus exporter off; the same registry feeds /actuator/prometheus
        // (hub_broker_queue_messages{queue}, hub_message_log_backlog, resilience4j_circuitbreaker_state)
        for (String queue : new String[] {"dossier.sync", "dossier.sync.national-portal.DLQ", "dossier.inbound",
                "dossier.inbound.rejected"}) {
            var gauge = meters.find("hub.broker.queue.messages").tag("queue", queue).gauge();
            assertThat(gauge).as(queue).isNotNull();
            assertThat(gauge.value()).as("depth of " + queue + ", read from the broker").isGreaterThanOrEqualTo(0);
        }
        assertThat(meters.find("hub.message.log.backlog").gauge()).isNotNull()
                .satisfies(g -> assertThat(g.value()).isGreaterThanOrEqualTo(0));
        // the writer's counts: never more commits than records (hub_message_log_commits_total, _records_total)
        assertThat(meters.find("hub.message.log.commits").functionCounter()).isNotNull();
        assertThat(meters.find("hub.message.log.records").functionCounter()).isNotNull()
                .satisfies(r -> assertThat(r.count())
                        .isGreaterThanOrEqualTo(meters.find("hub.message.log.commits").functionCounter().count()));
        assertThat(meters.find("resilience4j.circuitbreaker.state").gauges()).isNotEmpty();
    }
}
