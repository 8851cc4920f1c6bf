package vn.lienthong.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.hub.HubIntegrationTest;
import vn.lienthong.hub.audit.MessageLogRecord;
import vn.lienthong.hub.audit.log.MessageLog;

/**
 * Data minimisation (Decree 13/2023): the citizen lookup answers only the fields the purpose's scope allows, and the
 * message log records the scope applied, chained with the exchange.
 */
class DataMinimisationIT extends HubIntegrationTest {

    private static final String AN = "{\"personalId\":\"001090012345\",\"fullName\":\"Nguyễn Văn An\",\"dateOfBirth\":\"1990-05-15\"}";
    private static final String JUDICIAL_RECORD = "2.000488.000.00.00.H22";
    private static final String BIRTH_REGISTRATION = "1.003560.000.00.00.H22";

    @Autowired
    MessageLog messageLog;

    @Autowired
    DataScopes scopes;

    private HttpResponse<String> lookup(String purpose, String transactionId) {
        return post("/api/v1/citizens/lookup", AN, Map.of("X-API-Key", MOTCUA_KEY, "X-User-Id", "canbo.motcua@hanoi.gov.vn",
                "X-Purpose", purpose, "X-Transaction-Id", transactionId));
    }

    private List<MessageLogRecord> scopeRecords(String transactionId) {
        return messageLog.findByTransaction(transactionId).stream()
                .filter(r -> "HOP".equals(r.recordType()) && "HUB".equals(r.channel())).toList();
    }

    @Test
    void aPurposeWithTheIdentityScope_getsWhoThePersonIs_andNothingOfTheHousehold() {
        HttpResponse<String> answer = lookup(JUDICIAL_RECORD, "it-scope-identity");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode citizen = body(answer);
        assertThat(citizen.path("personalId").asText()).isEqualTo("001090012345");
        assertThat(citizen.path("fullName").asText()).isEqualTo("Nguyễn Văn An");
        assertThat(citizen.path("dateOfBirth").asText()).isEqualTo("1990-05-15");
        List<String> present = new java.util.ArrayList<>();
        citizen.fieldNames().forEachRemaining(present::add);
        assertThat(scopes.scopes().get("citizen-identity")).containsAll(present);
        assertThat(citizen.has("relatedPeople")).isFalse();
        assertThat(citizen.has("permanentAddress")).isFalse();
        assertThat(citizen.has("householdBookNumber")).isFalse();

        assertThat(scopeRecords("it-scope-identity")).singleElement().satisfies(r -> {
            assertThat(r.operation()).isEqualTo("scope citizen-identity");
            assertThat(r.service()).isEqualTo("citizen-lookup");
            assertThat(r.purpose()).isEqualTo(JUDICIAL_RECORD);
            assertThat(r.clientId()).isEqualTo("000.00.00.H22:MOTCUA");
        });
    }

    @Test
    void aPurposeWithoutAScope_getsTheDefaultScope_here_theWholeRecord() {
        HttpResponse<String> answer = lookup(BIRTH_REGISTRATION, "it-scope-full");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(body(answer).path("relatedPeople").isArray()).isTrue();
        assertThat(body(answer).path("permanentAddress").isObject()).isTrue();
        assertThat(scopeRecords("it-scope-full")).isEmpty();
    }

    @Test
    void theSoapLookupFollowsTheSameScope() {
        String envelope = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "xmlns:c=\"http://hub.lienthong.vn/soap/citizen/v1\"><soap:Body><c:LookupCitizen>"
                + "<c:personalId>001090012345</c:personalId><c:fullName>Nguyễn Văn An</c:fullName>"
                + "<c:dateOfBirth>1990-05-15</c:dateOfBirth></c:LookupCitizen></soap:Body></soap:Envelope>";
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/soap/CitizenService")))
                .header("Content-Type", "text/xml; charset=utf-8").header("X-API-Key", MOTCUA_KEY)
                .header("X-User-Id", "canbo.motcua@hanoi.gov.vn").header("X-Purpose", JUDICIAL_RECORD)
                .header("X-Transaction-Id", "it-scope-soap")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(envelope, java.nio.charset.StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> answer = send(request);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("Nguyễn Văn An").doesNotContain("permanentAddress").doesNotContain("relatedPerson");
        assertThat(scopeRecords("it-scope-soap")).singleElement()
                .satisfies(r -> assertThat(r.operation()).isEqualTo("scope citizen-identity"));
    }
}
