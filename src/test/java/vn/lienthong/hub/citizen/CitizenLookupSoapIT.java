package vn.lienthong.hub.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.lienthong.hub.HubIntegrationTest;
import vn.lienthong.hub.soap.citizen.v1.Citizen;
import vn.lienthong.hub.soap.citizen.v1.CitizenPortType;
import vn.lienthong.hub.soap.citizen.v1.CitizenService;
import vn.lienthong.hub.soap.citizen.v1.HubFault;

/** The citizen lookup through a real SOAP client generated from the WSDL the hub serves. */
class CitizenLookupSoapIT extends HubIntegrationTest {

    @Test
    void servesWsdl() {
        HttpResponse<String> wsdl = get("/soap/CitizenService?wsdl", Map.of());
        assertThat(wsdl.statusCode()).isEqualTo(200);
        assertThat(wsdl.body()).contains("LookupCitizen", "HubFault");
    }

    @Test
    void returnsCitizen_overSoap() throws HubFault {
        Citizen citizen = client(officer(MOTCUA_KEY)).lookupCitizen("001090012345", "Nguyễn Văn An", "1990-05-15");

        assertThat(citizen.getPersonalId()).isEqualTo("001090012345");
        assertThat(citizen.getFullName()).isEqualTo("Nguyễn Văn An");
        assertThat(citizen.getGender().getCode()).isEqualTo("MALE");
        assertThat(citizen.getPermanentAddress().getCommuneCode()).isEqualTo("00004");
        assertThat(citizen.getPermanentAddress().getCommuneName()).isEqualTo("Phường Trúc Bạch");
    }

    @Test
    void matchesDecomposedName_overSoap() throws HubFault {
        String nfd = Normalizer.normalize("Trần Thị Bích Ngọc", Normalizer.Form.NFD);
        Citizen citizen = client(officer(MOTCUA_KEY)).lookupCitizen("079301004567", nfd, "2001-09-02");
        assertThat(citizen.getFullName()).isEqualTo("Trần Thị Bích Ngọc");
        assertThat(citizen.getGender().getCode()).isEqualTo("FEMALE");
    }

    @Test
    void answersFaultsWithCodeAndTransactionId() {
        Map<String, String> headers = new HashMap<>(officer(MOTCUA_KEY));
        headers.put("X-Transaction-Id", "it-soap-404");
        assertFault(() -> client(headers).lookupCitizen("001090012345", "Nguyễn Văn Ân", "1990-05-15"),
                "NOT_FOUND", 404, "it-soap-404");
        assertFault(() -> client(officer(MOTCUA_KEY)).lookupCitizen("001290012345", "Nguyễn Văn An", "1990-05-15"),
                "INVALID_PERSONAL_ID", 400, null);
        assertFault(() -> client(officer(PORTAL_KEY)).lookupCitizen("001090012345", "Nguyễn Văn An", "1990-05-15"),
                "ACCESS_DENIED", 403, null);
        assertFault(() -> client(officer("wrong-key")).lookupCitizen("001090012345", "Nguyễn Văn An", "1990-05-15"),
                "UNAUTHENTICATED", 401, null);
        assertFault(() -> client(officer(MOTCUA_KEY)).lookupCitizen("001090000504", "Nguyễn Văn Chậm", "1990-01-01"),
                "NATIONAL_TIMEOUT", 504, null);
        Map<String, String> noPurpose = new HashMap<>(officer(MOTCUA_KEY));
        noPurpose.remove("X-Purpose");
        assertFault(() -> client(noPurpose).lookupCitizen("001090012345", "Nguyễn Văn An", "1990-05-15"),
                "MISSING_PURPOSE", 400, null);
    }

    @Test
    void answersUnreadableXml_withMalformedRequestFaultAndTransactionId() {
        Map<String, String> headers = new HashMap<>(officer(MOTCUA_KEY));
        headers.put("X-Transaction-Id", "it-soap-broken");
        headers.put("Content-Type", "text/xml; charset=utf-8");
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/soap/CitizenService")))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><broken"));
        headers.forEach(request::header);
        HttpResponse<String> response = send(request.build());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("<faultcode>soap:Client</faultcode>", "MALFORMED_REQUEST", "it-soap-broken")
                .doesNotContain("\tat ");
    }

    @Test
    void marksCallerErrorsAsClientFaults() {
        Map<String, String> headers = new HashMap<>(officer(MOTCUA_KEY));
        headers.put("Content-Type", "text/xml; charset=utf-8");
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/soap/CitizenService")))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\""
                        + " xmlns:c=\"http://hub.lienthong.vn/soap/citizen/v1\"><soap:Body><c:LookupCitizen><c:personalId>001099000001"
                        + "</c:personalId><c:fullName>Nguyễn Văn An</c:fullName><c:dateOfBirth>1999-01-01</c:dateOfBirth></c:LookupCitizen>"
                        + "</soap:Body></soap:Envelope>", java.nio.charset.StandardCharsets.UTF_8));
        headers.forEach(request::header);
        HttpResponse<String> response = send(request.build());

        assertThat(response.body()).contains("<faultcode>soap:Client</faultcode>", "NOT_FOUND");
    }

    private static void assertFault(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code, int status,
                                    String transactionId) {
        assertThatThrownBy(call).isInstanceOfSatisfying(HubFault.class, fault -> {
            assertThat(fault.getFaultInfo().getCode()).isEqualTo(code);
            assertThat(fault.getFaultInfo().getStatus()).isEqualTo(status);
            assertThat(fault.getFaultInfo().getTransactionId()).isNotBlank();
            if (transactionId != null) {
                assertThat(fault.getFaultInfo().getTransactionId()).isEqualTo(transactionId);
            }
        });
    }

    private CitizenPortType client(Map<String, String> headers) {
        return soapPort(new CitizenService().getCitizenPort(), "/soap/CitizenService", headers);
    }
}
