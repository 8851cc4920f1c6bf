package vn.lienthong.hub.connector;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class TaxConnectorIT extends ConnectorBehaviourIT {

    private static final String SERVICE = "tax-obligations";

    @Test
    void showsPaidNoticesAndPayments_forActiveEnterprise() {
        JsonNode t = found(SERVICE, personal("enterpriseCode", "0101234565"));
        assertThat(t.path("taxpayerName").asText()).isEqualTo("Công ty TNHH Liên Thông Số");
        assertThat(t.path("outstandingAmount").asLong()).isZero();
        assertThat(t.path("notices")).hasSize(2);
        assertThat(t.path("payments").get(0).path("documentNumber").asText()).startsWith("CT-2025");
    }

    @Test
    void showsAmountOwed_forSuspendedEnterprise() {
        JsonNode t = found(SERVICE, personal("enterpriseCode", "0312345673"));
        assertThat(t.path("outstandingAmount").asLong()).isEqualTo(8_400_000L);
        assertThat(t.path("notices").get(0).path("paid").asBoolean()).isFalse();
    }

    @Test
    void findsIndividualsByPersonalId() {
        assertThat(found(SERVICE, personal("personalId", "001090012345")).path("taxpayerName").asText()).isEqualTo("Nguyễn Văn An");
        assertThat(found(SERVICE, personal("personalId", "038185000321")).path("notices").get(0).path("itemName").asText())
                .isEqualTo("Thuế thu nhập cá nhân");
        assertThat(found(SERVICE, personal("personalId", "079301004567")).path("notices")).isEmpty();
    }

    @Test
    void rejectsBothIdentifiersAtOnce_andBadChecksum() {
        fails(SERVICE, "{\"enterpriseCode\":\"0101234565\",\"personalId\":\"001090012345\"}", 400, "INVALID_FIELD");
        fails(SERVICE, personal("enterpriseCode", "0101234566"), 400, "INVALID_ENTERPRISE_CODE");
    }

    @Test
    void answersEachFaultTriggerWithItsCode() {
        fails(SERVICE, personal("personalId", "001099000001"), 404, "NOT_FOUND");
        fails(SERVICE, personal("personalId", "001090000500"), 502, "NATIONAL_SYSTEM_ERROR");
        fails(SERVICE, personal("personalId", "001090000502"), 502, "NATIONAL_MALFORMED_ANSWER");
        fails(SERVICE, personal("personalId", "001090000504"), 504, "NATIONAL_TIMEOUT");
    }
}
