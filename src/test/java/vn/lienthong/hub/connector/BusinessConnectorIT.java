package vn.lienthong.hub.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.hub.HubIntegrationTest;
import vn.lienthong.hub.VietnamDays;
import vn.lienthong.hub.simulator.SimulatorServers;

class BusinessConnectorIT extends HubIntegrationTest {

    @Autowired
    SimulatorServers simulators;

    private HttpResponse<String> lookup(String code) {
        return post("/api/v1/services/enterprise-lookup", "{\"enterpriseCode\":\"" + code + "\"}", officer(MOTCUA_KEY));
    }

    @Test
    void returnsActiveEnterpriseWithLegalRepresentative_whenCodeIsRegistered() {
        HttpResponse<String> response = lookup("0101234565");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode e = body(response);
        assertThat(e.path("name").asText()).isEqualTo("Công ty TNHH Liên Thông Số");
        assertThat(e.path("legalStatus").path("code").asText()).isEqualTo("ACTIVE");
        assertThat(e.path("legalRepresentatives").get(0).path("idNumber").asText()).isEqualTo("038185000321");
        assertThat(e.path("headOffice").path("communeCode").asText()).isEqualTo("00004");
        assertThat(e.path("firstRegisteredOn").asText()).isEqualTo("2012-03-08");
        assertThat(e.path("businessLines").get(0).path("main").asBoolean()).isTrue();
    }

    @Test
    void showsSuspensionDatesAndReason_whenEnterpriseIsSuspended() {
        // the simulator dates the suspension from today: it began three months ago and ends in nine months
        VietnamDays.Seen<JsonNode> seen = VietnamDays.around(() -> body(lookup("0312345673")).path("legalStatus"));
        JsonNode status = seen.value();
        assertThat(status.path("code").asText()).isEqualTo("SUSPENDED");
        assertThat(status.path("label").asText()).isEqualTo("Tạm ngừng kinh doanh");
        assertThat(status.path("suspendedFrom").asText()).isIn((Object[]) seen.days(d -> d.minusMonths(3)));
        assertThat(status.path("suspendedUntil").asText()).isIn((Object[]) seen.days(d -> d.plusMonths(9)));
        assertThat(status.path("suspensionReason").asText()).contains("tái cơ cấu");
    }

    @Test
    void rejectsBadChecksumWithoutCallingTheNationalSystem() {
        int before = simulators.server("business").getAllServeEvents().size();
        HttpResponse<String> response = lookup("0101234566");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body(response).path("code").asText()).isEqualTo("INVALID_ENTERPRISE_CODE");
        assertThat(simulators.server("business").getAllServeEvents()).hasSize(before);
    }

    @Test
    void answersNotFound_whenRegistryReturnsEmptyArray() {
        HttpResponse<String> response = lookup("0109999502");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(body(response).path("code").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void answersBadGateway_whenRegistryFailsOrAnswersGarbage() {
        HttpResponse<String> error = lookup("0109999534");
        assertThat(error.statusCode()).isEqualTo(502);
        assertThat(body(error).path("code").asText()).isEqualTo("NATIONAL_SYSTEM_ERROR");
        HttpResponse<String> malformed = lookup("0109999541");
        assertThat(malformed.statusCode()).isEqualTo(502);
        assertThat(body(malformed).path("code").asText()).isEqualTo("NATIONAL_MALFORMED_ANSWER");
    }

    @Test
    void rejectsBodyThatBreaksTheInputSchema() {
        HttpResponse<String> response = post("/api/v1/services/enterprise-lookup", "{\"msdn\":\"0101234565\"}",
                officer(MOTCUA_KEY));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body(response).path("code").asText()).isEqualTo("INVALID_FIELD");
    }
}
