package vn.lienthong.hub.connector;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class JudicialRecordsConnectorIT extends ConnectorBehaviourIT {

    private static final String SERVICE = "judicial-records-status";

    @Test
    void reportsNoCriminalRecord_forEachDemoSubject() {
        JsonNode an = found(SERVICE, personal("personalId", "001090012345"));
        assertThat(an.path("criminalRecord").path("code").asText()).isEqualTo("NONE");
        assertThat(an.path("lastCertificate").path("number").asText()).isEqualTo("2315/2024/LLTP-HN");
        assertThat(found(SERVICE, personal("personalId", "079301004567")).has("lastCertificate")).isFalse();
        assertThat(found(SERVICE, personal("personalId", "038185000321")).path("fullName").asText()).isEqualTo("Lê Thị Hồng");
    }

    @Test
    void answersEachFaultTriggerWithItsCode() {
        fails(SERVICE, personal("personalId", "001099000001"), 404, "NOT_FOUND");
        fails(SERVICE, personal("personalId", "001090000500"), 502, "NATIONAL_SYSTEM_ERROR");
        fails(SERVICE, personal("personalId", "001090000502"), 502, "NATIONAL_MALFORMED_ANSWER");
        fails(SERVICE, personal("personalId", "001090000504"), 504, "NATIONAL_TIMEOUT");
    }

    @Test
    void requiresUserAndPurpose_becauseTheAnswerIsPersonalData() {
        var response = post("/api/v1/services/" + SERVICE, personal("personalId", "001090012345"),
                java.util.Map.of("X-API-Key", MOTCUA_KEY));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body(response).path("code").asText()).isEqualTo("MISSING_USER");
    }
}
