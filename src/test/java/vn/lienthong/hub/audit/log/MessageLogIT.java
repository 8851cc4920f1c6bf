package vn.lienthong.hub.audit.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.hub.HubIntegrationTest;
import vn.lienthong.hub.exchange.SubjectReferences;

/** Every exchange, denied and failed ones included, is in the message log, and only auditors can read it. */
class MessageLogIT extends HubIntegrationTest {

    private static final String LOOKUP = "/api/v1/citizens/lookup";
    private static final String AN = "{\"personalId\":\"001090012345\",\"fullName\":\"Nguyễn Văn An\",\"dateOfBirth\":\"1990-05-15\"}";

    @Autowired
    private SubjectReferences subjects;

    @Test
    void recordsSuccessfulLookup_withKeyedSubjectReference() {
        post(LOOKUP, AN, withTransaction(officer(MOTCUA_KEY), "it-log-success"));

        JsonNode record = exchangeRecord("it-log-success");
        assertThat(record.path("clientId").asText()).isEqualTo("000.00.00.H22:MOTCUA");
        assertThat(record.path("userId").asText()).isEqualTo("canbo.motcua@hanoi.gov.vn");
        assertThat(record.path("purpose").asText()).isEqualTo("1.003560.000.00.00.H22");
        assertThat(record.path("service").asText()).isEqualTo("citizen-lookup");
        assertThat(record.path("operation").asText()).isEqualTo("LookupCitizen");
        assertThat(record.path("channel").asText()).isEqualTo("REST");
        assertThat(record.path("outcome").asText()).isEqualTo("SUCCESS");
        assertThat(record.path("httpStatus").asInt()).isEqualTo(200);
        assertThat(record.path("subjectRef").asText()).isEqualTo(subjects.reference("001090012345"))
                .doesNotContain("001090012345");
        assertThat(record.path("requestSize").asLong()).isEqualTo(AN.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        assertThat(record.path("responseSize").asLong()).isGreaterThan(500);
        assertThat(record.path("durationMillis").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(record.path("timeOut").asText()).isGreaterThanOrEqualTo(record.path("timeIn").asText());
    }

    @Test
    void recordsDeniedAndFailedExchanges() {
        Map<String, String> noKey = withTransaction(officer(MOTCUA_KEY), "it-log-401");
        noKey.remove("X-API-Key");
        post(LOOKUP, AN, noKey);
        post(LOOKUP, AN, withTransaction(officer(PORTAL_KEY), "it-log-403"));
        post(LOOKUP, AN.replace("1990-05-15", "1990-05-16"), withTransaction(officer(MOTCUA_KEY), "it-log-404"));
        post(LOOKUP, AN.replace("001090012345", "001290012345"), withTransaction(officer(MOTCUA_KEY), "it-log-400"));
        post(LOOKUP, "{\"personalId\":\"001090000504\",\"fullName\":\"Nguyễn Văn Chậm\",\"dateOfBirth\":\"1990-01-01\"}",
                withTransaction(officer(MOTCUA_KEY), "it-log-504"));

        assertRecord("it-log-401", "DENIED", "UNAUTHENTICATED", 401);
        assertThat(exchangeRecord("it-log-401").path("clientId").isMissingNode()).isTrue();
        assertRecord("it-log-403", "DENIED", "ACCESS_DENIED", 403);
        assertThat(exchangeRecord("it-log-403").path("clientId").asText()).isEqualTo("000.00.00.H22:CONGTTDT");
        assertRecord("it-log-404", "NOT_FOUND", "NOT_FOUND", 404);
        assertRecord("it-log-400", "REJECTED", "INVALID_PERSONAL_ID", 400);
        assertRecord("it-log-504", "FAILED", "NATIONAL_TIMEOUT", 504);
    }

    @Test
    void letsOnlyAuditorsRead_andLogsTheirQueries() {
        post(LOOKUP, AN, withTransaction(officer(MOTCUA_KEY), "it-log-read"));

        HttpResponse<String> byOneStop = get("/api/v1/audit/records?transactionId=it-log-read",
                withTransaction(Map.of("X-API-Key", MOTCUA_KEY), "it-log-read-denied"));
        HttpResponse<String> byPortal = get("/api/v1/audit/records?transactionId=it-log-read", Map.of("X-API-Key", PORTAL_KEY));
        assertThat(byOneStop.statusCode()).isEqualTo(403);
        assertThat(byPortal.statusCode()).isEqualTo(403);
        assertThat(body(byOneStop).path("code").asText()).isEqualTo("ACCESS_DENIED");

        assertRecord("it-log-read-denied", "DENIED", "ACCESS_DENIED", 403);
        assertThat(exchangeRecord("it-log-read-denied").path("service").asText()).isEqualTo("message-log");
    }

    private void assertRecord(String transactionId, String outcome, String errorCode, int status) {
        JsonNode record = exchangeRecord(transactionId);
        assertThat(record.path("outcome").asText()).as(transactionId).isEqualTo(outcome);
        assertThat(record.path("errorCode").asText()).as(transactionId).isEqualTo(errorCode);
        assertThat(record.path("httpStatus").asInt()).as(transactionId).isEqualTo(status);
        assertThat(record.path("transactionId").asText()).isEqualTo(transactionId);
    }

    /** The edge record of a transaction, as an auditor reads it. */
    private JsonNode exchangeRecord(String transactionId) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            HttpResponse<String> response = get("/api/v1/audit/records?transactionId=" + transactionId,
                    Map.of("X-API-Key", AUDITOR_KEY));
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode exchange = null;
            for (JsonNode record : body(response).path("records")) {
                if (record.path("recordType").asText().equals("EXCHANGE")) {
                    exchange = record;
                }
            }
            assertThat(exchange).as("exchange record of " + transactionId).isNotNull();
            found[0] = exchange;
        });
        return found[0];
    }

    private static Map<String, String> withTransaction(Map<String, String> headers, String transactionId) {
        Map<String, String> copy = new HashMap<>(headers);
        copy.put("X-Transaction-Id", transactionId);
        return copy;
    }
}
