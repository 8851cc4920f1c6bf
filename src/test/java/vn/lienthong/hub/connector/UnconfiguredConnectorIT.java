package vn.lienthong.hub.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.hub.HubIntegrationTest;

/**
 * A sector system not yet connected (no URL, as in production before its account is issued) does not stop the hub:
 * its service answers 503 with the setting to fill in, its health component is DOWN, readiness and the other
 * connectors are unaffected.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:hub-unconfigured-it;DB_CLOSE_DELAY=-1",
        "HUB_DATA_DIR=target/it-data-unconfigured",
        "spring.artemis.embedded.persistent=false",
        "HUB_BROKER_PORT=0",
        "camel.kamelet.tax-obligations-action.baseUrl="
})
class UnconfiguredConnectorIT extends HubIntegrationTest {

    @Test
    void serviceWithoutUrl_answers503AndShowsDown_whileTheHubAndOtherConnectorsServe() {
        HttpResponse<String> tax = post("/api/v1/services/tax-obligations", "{\"enterpriseCode\":\"0101234565\"}",
                officer(MOTCUA_KEY));
        assertThat(tax.statusCode()).isEqualTo(503);
        assertThat(body(tax).path("code").asText()).isEqualTo("NATIONAL_UNAVAILABLE");
        assertThat(body(tax).path("detail").asText()).contains("camel.kamelet.tax-obligations-action.baseUrl");
        assertThat(body(tax).path("transactionId").asText()).isNotBlank();

        // health details are for operators (grant operations:*)
        JsonNode health = body(get("/actuator/health", Map.of("X-API-Key", "demo-operator-key")));
        assertThat(health.path("components").path("connectors").path("components").path("tax-obligations")
                .path("status").asText()).isEqualTo("DOWN");
        HttpResponse<String> readiness = get("/actuator/health/readiness", Map.of());
        assertThat(readiness.statusCode()).isEqualTo(200);

        assertThat(post("/api/v1/services/land-parcels", "{\"ownerPersonalId\":\"001090012345\"}", officer(MOTCUA_KEY))
                .statusCode()).isEqualTo(200);
    }
}
