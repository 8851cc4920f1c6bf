package vn.lienthong.hub.connector;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.hub.VietnamDays;

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
        // the simulated health card is valid for the current calendar year
        VietnamDays.Seen<JsonNode> seen = VietnamDays.around(() -> found(SERVICE, personal("personalId", "001090012345")));
        assertThat(seen.value().path("healthInsuranceCard").path("validUntil").asText())
                .isIn((Object[]) seen.days(d -> d.withDayOfYear(1).plusYears(1).minusDays(1)));
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
