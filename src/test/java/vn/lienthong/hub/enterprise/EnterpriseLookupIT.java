package vn.lienthong.hub.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.hub.HubIntegrationTest;
import vn.lienthong.hub.VietnamDays;
import vn.lienthong.hub.soap.enterprise.v1.Enterprise;
import vn.lienthong.hub.soap.enterprise.v1.EnterprisePortType;
import vn.lienthong.hub.soap.enterprise.v1.EnterpriseService;
import vn.lienthong.hub.soap.enterprise.v1.HubFault;

/** The typed enterprise lookup over REST ({@code GET /api/v1/enterprises/{code}}) and SOAP ({@code /soap/EnterpriseService}). */
class EnterpriseLookupIT extends HubIntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    vn.lienthong.hub.audit.log.MessageLog messageLog;

    @Test
    void oneStopSystemFindsActiveEnterprise_overRest() {
        // the whole record, representatives included, for a client whose grant has no data scope
        HttpResponse<String> response = get("/api/v1/enterprises/0101234565", Map.of("X-API-Key", MOTCUA_KEY));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode e = body(response);
        assertThat(e.path("name").asText()).isEqualTo("Công ty TNHH Liên Thông Số");
        assertThat(e.path("legalStatus").path("code").asText()).isEqualTo("ACTIVE");
        assertThat(e.path("legalRepresentatives").get(0).path("fullName").asText()).isEqualTo("Lê Thị Hồng");
        assertThat(e.path("legalRepresentatives").get(0).path("idNumber").asText()).isEqualTo("038185000321");
        assertThat(e.path("headOffice").path("provinceCode").asText()).isEqualTo("01");
        // the head office's old three-level address (Phường Trúc Bạch 00004) with the unit in force since 2025-07-01
        assertThat(e.path("headOffice").path("current").path("status").asText()).isEqualTo("EXACT");
        assertThat(e.path("headOffice").path("current").path("candidates").get(0).path("communeName").asText())
                .isEqualTo("Phường Ba Đình");
    }

    @Test
    void portalFindsActiveEnterprise_butOnlyItsPublicScope_overRest() {
        HttpResponse<String> response = get("/api/v1/enterprises/0101234565",
                Map.of("X-API-Key", PORTAL_KEY, "X-Transaction-Id", "it-enterprise-public"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode e = body(response);
        assertThat(e.path("name").asText()).isEqualTo("Công ty TNHH Liên Thông Số");
        assertThat(e.path("legalStatus").path("code").asText()).isEqualTo("ACTIVE");
        assertThat(e.path("headOffice").path("provinceCode").asText()).isEqualTo("01");
        // Decree 13/2023: the public portal receives no representative (nor their identity numbers) and no more
        assertThat(e.has("legalRepresentatives")).isFalse();
        assertThat(e.has("businessLines")).isFalse();
        assertThat(e.has("internalId")).isFalse();
        assertThat(response.body()).doesNotContain("038185000321");
        var scope = messageLog.findByTransaction("it-enterprise-public").stream()
                .filter(r -> "HOP".equals(r.recordType()) && "HUB".equals(r.channel())).toList();
        assertThat(scope).singleElement().satisfies(r -> {
            assertThat(r.operation()).isEqualTo("scope enterprise-public");
            assertThat(r.service()).isEqualTo("enterprise-lookup");
            assertThat(r.clientId()).isEqualTo("000.00.00.H22:CONGTTDT");
        });
    }

    @Test
    void showsSuspension_overRest() {
        VietnamDays.Seen<JsonNode> seen = VietnamDays.around(() ->
                body(get("/api/v1/enterprises/0312345673", Map.of("X-API-Key", PORTAL_KEY))).path("legalStatus"));
        JsonNode status = seen.value();
        assertThat(status.path("code").asText()).isEqualTo("SUSPENDED");
        assertThat(status.path("suspendedFrom").asText()).isIn((Object[]) seen.days(d -> d.minusMonths(3)));
        assertThat(status.path("suspendedUntil").asText()).isIn((Object[]) seen.days(d -> d.plusMonths(9)));
    }

    @Test
    void rejectsBadChecksumAndBadBranch_overRest() {
        HttpResponse<String> bad = get("/api/v1/enterprises/0101234566", Map.of("X-API-Key", PORTAL_KEY));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(body(bad).path("code").asText()).isEqualTo("INVALID_ENTERPRISE_CODE");
        assertThat(get("/api/v1/enterprises/0101234565-000", Map.of("X-API-Key", PORTAL_KEY)).statusCode()).isEqualTo(400);
    }

    @Test
    void translatesTheHeadOfficeToCurrentUnits_overSoap() throws HubFault {
        Enterprise e = client(Map.of("X-API-Key", MOTCUA_KEY)).lookupEnterprise("0101234565");
        assertThat(e.getHeadOffice().getProvinceCode()).isEqualTo("01");
        // the same vector as over REST: Phường Trúc Bạch (00004) is in Phường Ba Đình since 2025-07-01
        assertThat(e.getHeadOffice().getCurrent().getStatus()).isEqualTo("EXACT");
        assertThat(e.getHeadOffice().getCurrent().getCandidate().get(0).getCommuneName()).isEqualTo("Phường Ba Đình");
    }

    @Test
    void returnsEnterprise_overSoap() throws HubFault {
        Enterprise e = client(Map.of("X-API-Key", MOTCUA_KEY)).lookupEnterprise("0312345673");
        assertThat(e.getName()).isEqualTo("Công ty Cổ phần Dữ Liệu Mở");
        assertThat(e.getLegalStatus().getCode()).isEqualTo("SUSPENDED");
        assertThat(e.getLegalStatus().getSuspensionReason()).contains("tái cơ cấu");
        assertThat(e.getBusinessLine()).isNotEmpty();
        Enterprise scoped = client(Map.of("X-API-Key", PORTAL_KEY)).lookupEnterprise("0312345673");
        assertThat(scoped.getName()).isEqualTo("Công ty Cổ phần Dữ Liệu Mở");
        assertThat(scoped.getLegalStatus().getSuspensionReason()).contains("tái cơ cấu");
        assertThat(scoped.getBusinessLine()).isEmpty();
        assertThat(scoped.getLegalRepresentative()).isEmpty();
    }

    @Test
    void answersFaultWithCode_overSoap() {
        assertThatThrownBy(() -> client(Map.of("X-API-Key", PORTAL_KEY)).lookupEnterprise("0101234566"))
                .isInstanceOfSatisfying(HubFault.class, fault -> {
                    assertThat(fault.getFaultInfo().getCode()).isEqualTo("INVALID_ENTERPRISE_CODE");
                    assertThat(fault.getFaultInfo().getStatus()).isEqualTo(400);
                    assertThat(fault.getFaultInfo().getTransactionId()).isNotBlank();
                });
        assertThatThrownBy(() -> client(Map.of("X-API-Key", AUDITOR_KEY)).lookupEnterprise("0101234565"))
                .isInstanceOfSatisfying(HubFault.class,
                        fault -> assertThat(fault.getFaultInfo().getCode()).isEqualTo("ACCESS_DENIED"));
    }

    private EnterprisePortType client(Map<String, String> headers) {
        return soapPort(new EnterpriseService().getEnterprisePort(), "/soap/EnterpriseService", headers);
    }
}
