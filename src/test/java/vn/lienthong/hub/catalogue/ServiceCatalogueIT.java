package vn.lienthong.hub.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.MeterRegistry;

import vn.lienthong.hub.HubIntegrationTest;

/** The catalogue ({@code GET /api/v1/services}), the allowed list, and the generic call's refusals. */
class ServiceCatalogueIT extends HubIntegrationTest {

    @Autowired
    MeterRegistry meters;

    private List<String> codes(JsonNode catalogue) {
        List<String> codes = new ArrayList<>();
        catalogue.path("services").forEach(s -> codes.add(s.path("code").asText()));
        return codes;
    }

    @Test
    void listsEveryConnectorServiceWithItsSchemas() {
        HttpResponse<String> response = get("/api/v1/services", Map.of("X-API-Key", PORTAL_KEY));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode catalogue = body(response);
        assertThat(codes(catalogue)).contains("citizen-lookup", "enterprise-lookup", "tax-obligations", "land-parcels",
                "social-insurance-record", "judicial-records-status", "birth-registration").hasSizeGreaterThanOrEqualTo(7);
        catalogue.path("services").forEach(s -> {
            assertThat(s.path("input").path("type").asText()).isEqualTo("object");
            assertThat(s.path("output").path("type").asText()).isEqualTo("object");
            assertThat(s.path("grant").asText()).isEqualTo("data:" + s.path("code").asText());
        });
    }

    @Test
    void portalMayCallExactlyTheEnterpriseLookup() {
        JsonNode allowed = body(get("/api/v1/services/allowed", Map.of("X-API-Key", PORTAL_KEY)));
        assertThat(codes(allowed)).containsExactly("enterprise-lookup");
    }

    @Test
    void oneStopSystemMayCallEveryService_auditorNone() {
        JsonNode all = body(get("/api/v1/services", Map.of("X-API-Key", MOTCUA_KEY)));
        assertThat(codes(body(get("/api/v1/services/allowed", Map.of("X-API-Key", MOTCUA_KEY)))))
                .containsExactlyInAnyOrderElementsOf(codes(all));
        assertThat(codes(body(get("/api/v1/services/allowed", Map.of("X-API-Key", AUDITOR_KEY))))).isEmpty();
    }

    @Test
    void refusesPortalCallToSectorService_andUnknownService() {
        HttpResponse<String> denied = post("/api/v1/services/tax-obligations", "{\"enterpriseCode\":\"0101234565\"}",
                Map.of("X-API-Key", PORTAL_KEY));
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(body(denied).path("code").asText()).isEqualTo("ACCESS_DENIED");
        HttpResponse<String> unknown = post("/api/v1/services/no-such-service", "{}", officer(MOTCUA_KEY));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(body(unknown).path("code").asText()).isEqualTo("UNKNOWN_SERVICE");
    }

    @Test
    void servesCitizenLookupThroughTheGenericCall() {
        HttpResponse<String> response = post("/api/v1/services/citizen-lookup",
                "{\"personalId\":\"001090012345\",\"fullName\":\"Nguyễn Văn An\",\"dateOfBirth\":\"1990-05-15\"}",
                officer(MOTCUA_KEY));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(body(response).path("fullName").asText()).isEqualTo("Nguyễn Văn An");
    }

    @Test
    void showsEachConnectorInHealth_andItsCallsInPrometheus() {
        post("/api/v1/services/judicial-records-status", "{\"personalId\":\"001090012345\"}", officer(MOTCUA_KEY));
        // health details are for operators (grant operations:*)
        JsonNode health = body(get("/actuator/health", Map.of("X-API-Key", "demo-operator-key")));
        JsonNode connectors = health.path("components").path("connectors").path("components");
        assertThat(connectors.path("judicial-records-status").path("status").asText()).isEqualTo("UP");
        assertThat(connectors.path("judicial-records-status").path("details").path("circuit").asText()).isEqualTo("CLOSED");
        assertThat(connectors.path("birth-registration").path("details").path("connector").asText()).isEqualTo("civil-status");
        // Spring Boot tests keep the Prometheus exporter off; the same registry feeds /actuator/prometheus in a running hub
        assertThat(meters.find("hub.connector.calls").tag("connector", "judicial-records")
                .tag("service", "judicial-records-status").tag("outcome", "success").timer())
                .isNotNull().satisfies(timer -> assertThat(timer.count()).isPositive());
    }
}
