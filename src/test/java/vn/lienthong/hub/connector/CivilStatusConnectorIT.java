package vn.lienthong.hub.connector;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class CivilStatusConnectorIT extends ConnectorBehaviourIT {

    private static final String SERVICE = "birth-registration";

    @Test
    void turnsSoapBirthRegistrationIntoCanonicalJson() {
        JsonNode an = found(SERVICE, personal("personalId", "001090012345"));
        assertThat(an.path("registrationNumber").asText()).isEqualTo("112/1990");
        assertThat(an.path("child").path("fullName").asText()).isEqualTo("Nguyễn Văn An");
        assertThat(an.path("child").path("dateOfBirth").asText()).isEqualTo("1990-05-15");
        assertThat(an.path("child").path("gender").asText()).isEqualTo("MALE");
        assertThat(an.path("father").path("fullName").asText()).isEqualTo("Nguyễn Văn Bình");
        JsonNode ngoc = found(SERVICE, personal("personalId", "079301004567"));
        assertThat(ngoc.path("registeredBy").asText()).contains("Thành phố Hồ Chí Minh");
        assertThat(ngoc.path("child").path("gender").asText()).isEqualTo("FEMALE");
        JsonNode hong = found(SERVICE, personal("personalId", "038185000321"));
        assertThat(hong.path("mother").isNull() || hong.path("mother").isMissingNode()).isTrue();
    }

    @Test
    void answersEachFaultTriggerWithItsCode() {
        fails(SERVICE, personal("personalId", "001099000001"), 404, "NOT_FOUND");
        fails(SERVICE, personal("personalId", "001090000500"), 502, "NATIONAL_SYSTEM_ERROR");
        fails(SERVICE, personal("personalId", "001090000502"), 502, "NATIONAL_MALFORMED_ANSWER");
        fails(SERVICE, personal("personalId", "001090000504"), 504, "NATIONAL_TIMEOUT");
    }
}
