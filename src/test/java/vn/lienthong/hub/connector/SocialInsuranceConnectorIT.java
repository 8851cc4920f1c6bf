package vn.lienthong.hub.connector;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class SocialInsuranceConnectorIT extends ConnectorBehaviourIT {

    private static final String SERVICE = "social-insurance-record";

    @Test
    void showsEmploymentAtTheDemoEnterprises_consistentWithBusinessRegistration() {
        JsonNode hong = found(SERVICE, personal("personalId", "038185000321"));
        assertThat(hong.path("participation").asText()).isEqualTo("ACTIVE");
        assertThat(hong.path("contributionPeriods").get(0).path("enterpriseCode").asText()).isEqualTo("0101234565");
        assertThat(hong.path("contributionPeriods").get(0).path("from").asText()).isEqualTo("2012-03");
        JsonNode ngoc = found(SERVICE, personal("personalId", "079301004567"));
        assertThat(ngoc.path("participation").asText()).isEqualTo("STOPPED");
        assertThat(ngoc.path("contributionPeriods").get(0).path("to").asText()).isEqualTo("2025-08");
        JsonNode an = found(SERVICE, personal("personalId", "001090012345"));
        assertThat(an.path("healthInsuranceCard").path("validUntil").asText()).isEqualTo("2026-12-31");
    }

    @Test
    void answersEachFaultTriggerWithItsCode() {
        fails(SERVICE, personal("personalId", "001099000001"), 404, "NOT_FOUND");
        fails(SERVICE, personal("personalId", "001090000500"), 502, "NATIONAL_SYSTEM_ERROR");
        fails(SERVICE, personal("personalId", "001090000502"), 502, "NATIONAL_MALFORMED_ANSWER");
        fails(SERVICE, personal("personalId", "001090000504"), 504, "NATIONAL_TIMEOUT");
    }

    @Test
    void rejectsPersonalIdOfNoProvince() {
        fails(SERVICE, personal("personalId", "999090012345"), 400, "INVALID_PERSONAL_ID");
    }
}
