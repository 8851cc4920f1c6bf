package vn.lienthong.hub.prod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/** Lookups and the once-only pre-fill in production: PostgreSQL, the outside national systems, no demo clients. */
class LookupsProdIT extends ProdIntegrationTest {

    private static final String AN = "{\"personalId\":\"001090012345\",\"fullName\":\"Nguyễn Văn An\",\"dateOfBirth\":\"1990-05-15\"}";
    private static final String JUDICIAL_RECORD_CERTIFICATE = "2.000488.000.00.00.H22";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void runsOnPostgresqlInItsOwnSchema_withoutSimulatorsOrDemoClients() {
        assertThat(jdbc.queryForObject("SELECT current_schema()", String.class)).isEqualTo(ProdEnvironment.schema());
        assertThat(jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL");
        // the demo key of the default profile is not a client here
        HttpResponse<String> demo = post("/api/v1/citizens/lookup", AN, Map.of("X-API-Key", "demo-motcua-key",
                "X-User-Id", "canbo", "X-Purpose", "1.003560.000.00.00.H22"));
        assertThat(demo.statusCode()).isEqualTo(401);
    }

    @Test
    void citizenLookup_reachesThePopulationSystemOutsideTheHub() {
        int before = ProdEnvironment.systems().server("population").getAllServeEvents().size();
        HttpResponse<String> response = post("/api/v1/citizens/lookup", AN, officer());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode citizen = body(response);
        assertThat(citizen.path("personalId").asText()).isEqualTo("001090012345");
        assertThat(citizen.path("fullName").asText()).isEqualTo("Nguyễn Văn An");
        assertThat(ProdEnvironment.systems().server("population").getAllServeEvents().size()).isGreaterThan(before);
    }

    @Test
    void unknownCitizen_isNotFound_asProblemJson() {
        HttpResponse<String> response = post("/api/v1/citizens/lookup",
                "{\"personalId\":\"001090054321\",\"fullName\":\"Nguyễn Văn An\",\"dateOfBirth\":\"1990-05-15\"}", officer());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(body(response).path("transactionId").asText()).isNotBlank();
    }

    @Test
    void prefill_fromThreeOutsideSources_withProvenance() {
        Map<String, String> headers = Map.of("X-API-Key", MOTCUA_KEY, "X-User-Id", "canbo.motcua@hanoi.gov.vn",
                "X-Purpose", JUDICIAL_RECORD_CERTIFICATE);
        String request = "{\"procedureCode\":\"" + JUDICIAL_RECORD_CERTIFICATE + "\",\"subject\":" + AN + "}";
        // the first calls warm the connectors up; a source may time out once
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode result = body(post("/api/v1/prefill", request, headers));
            boolean ok = result.path("sources").size() == 3;
            for (JsonNode s : result.path("sources")) {
                ok &= "ok".equals(s.path("status").asText());
            }
            return ok;
        });
        HttpResponse<String> response = post("/api/v1/prefill", request, headers);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = body(response);
        assertThat(result.path("sources")).hasSize(3).allSatisfy(s -> assertThat(s.path("status").asText()).isEqualTo("ok"));
        JsonNode fields = result.path("fields");
        assertThat(fields.toString()).contains("Nguyễn Văn An").contains("Không có án tích");
    }
}
