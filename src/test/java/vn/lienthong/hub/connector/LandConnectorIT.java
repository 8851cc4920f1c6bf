package vn.lienthong.hub.connector;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class LandConnectorIT extends ConnectorBehaviourIT {

    private static final String SERVICE = "land-parcels";

    @Test
    void findsParcelsByOwner_andTheSameParcelByNumber() {
        JsonNode byOwner = found(SERVICE, personal("ownerPersonalId", "001090012345")).path("parcels").get(0);
        assertThat(byOwner.path("parcelNumber").asText()).isEqualTo("00004-12-231");
        assertThat(byOwner.path("address").path("communeName").asText()).isEqualTo("Phường Ba Đình");
        assertThat(byOwner.path("holders").get(0).path("fullName").asText()).isEqualTo("Nguyễn Văn An");
        JsonNode byNumber = found(SERVICE, personal("parcelNumber", "00004-12-231")).path("parcels").get(0);
        assertThat(byNumber).isEqualTo(byOwner);
        assertThat(found(SERVICE, personal("ownerPersonalId", "079301004567")).path("parcels").get(0)
                .path("areaSquareMetres").asDouble()).isEqualTo(48.5);
        assertThat(found(SERVICE, personal("ownerPersonalId", "038185000321")).path("parcels")).hasSize(1);
    }

    /** A parcel address in the two-level form (01/00025, no district) is current: Giảng Võ, not old Ngọc Khánh's split. */
    @Test
    void parcelAddressesComeWithTheirCurrentUnits() {
        JsonNode address = found(SERVICE, personal("ownerPersonalId", "038185000321")).path("parcels").get(0).path("address");
        assertThat(address.path("communeCode").asText()).isEqualTo("00025");
        assertThat(address.path("current").path("status").asText()).isEqualTo("EXACT");
        assertThat(address.path("current").path("candidates").get(0).path("communeName").asText()).isEqualTo("Phường Giảng Võ");
        JsonNode saiGon = found(SERVICE, personal("ownerPersonalId", "079301004567")).path("parcels").get(0).path("address");
        assertThat(saiGon.path("current").path("candidates").get(0).path("communeCode").asText()).isEqualTo("26740");
    }

    @Test
    void answersEachFaultTriggerWithItsCode() {
        fails(SERVICE, personal("ownerPersonalId", "001099000001"), 404, "NOT_FOUND");
        fails(SERVICE, personal("parcelNumber", "00004-99-999"), 404, "NOT_FOUND");
        fails(SERVICE, personal("ownerPersonalId", "001090000500"), 502, "NATIONAL_SYSTEM_ERROR");
        fails(SERVICE, personal("ownerPersonalId", "001090000502"), 502, "NATIONAL_MALFORMED_ANSWER");
        fails(SERVICE, personal("ownerPersonalId", "001090000504"), 504, "NATIONAL_TIMEOUT");
    }
}
