package vn.lienthong.hub.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.hub.HubIntegrationTest;

/** The citizen lookup over REST against the population simulator: every answer the contract promises. */
class CitizenLookupRestIT extends HubIntegrationTest {

    private static final String LOOKUP = "/api/v1/citizens/lookup";
    @Autowired
    private CamelContext camel;

    private static final String AN = "{\"personalId\":\"001090012345\",\"fullName\":\"Nguyễn Văn An\",\"dateOfBirth\":\"1990-05-15\"}";

    /** The hub's own population reader, as the population Kamelet uses it: an entity in message is never read. */
    @Test
    void citizenReaderRefusesExternalEntities_inTheRunningHub() throws Exception {
        Path secret = Files.createTempFile("population-xxe-it", ".txt");
        Files.writeString(secret, "SECRET-CONTENT");
        try {
            String message = "<!DOCTYPE x [<!ENTITY s SYSTEM '" + secret.toUri()
                    + "'>]><CongdanCollection><CongDan><SoDinhDanh>&s;</SoDinhDanh></CongDan></CongdanCollection>";
            Exchange exchange = camel.createProducerTemplate().send("bean:congDanReader?method=citizens",
                    e -> e.getMessage().setBody(message));
            assertThat(exchange.getException()).isNotNull();
            assertThat(String.valueOf(exchange.getMessage().getBody())).doesNotContain("SECRET-CONTENT");
        } finally {
            Files.delete(secret);
        }
    }

    /** The hub's own xslt-saxon component, as the XSLT connectors use it (civil status): an entity is never read. */
    @Test
    void xsltTransformRefusesExternalEntities_inTheRunningHub() throws Exception {
        Path secret = Files.createTempFile("xslt-xxe-it", ".txt");
        Files.writeString(secret, "SECRET-CONTENT");
        try {
            String answer = "<!DOCTYPE x [<!ENTITY s SYSTEM '" + secret.toUri() + "'>]><x>&s;</x>";
            Exchange exchange = camel.createProducerTemplate().send(
                    "xslt-saxon:file:connectors/civil-status/transforms/birth.xsl",
                    e -> e.getMessage().setBody(answer));
            assertThat(exchange.getException()).isNotNull();
            assertThat(String.valueOf(exchange.getMessage().getBody())).doesNotContain("SECRET-CONTENT");
        } finally {
            Files.delete(secret);
        }
    }

    @Test
    void returnsCitizen_whenNumberNameAndBirthDateMatch() {
        Map<String, String> headers = new HashMap<>(officer(MOTCUA_KEY));
        headers.put("X-Transaction-Id", "it-rest-success-1");
        HttpResponse<String> response = post(LOOKUP, AN, headers);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Transaction-Id")).contains("it-rest-success-1");
        JsonNode citizen = body(response);
        assertThat(citizen.path("personalId").asText()).isEqualTo("001090012345");
        assertThat(citizen.path("fullName").asText()).isEqualTo("Nguyễn Văn An");
        assertThat(citizen.path("name").path("family").asText()).isEqualTo("Nguyễn");
        assertThat(citizen.path("dateOfBirth").asText()).isEqualTo("1990-05-15");
        assertThat(citizen.path("gender").path("code").asText()).isEqualTo("MALE");
        assertThat(citizen.path("gender").path("label").asText()).isEqualTo("Nam");
        assertThat(citizen.path("ethnicity").path("label").asText()).isEqualTo("Kinh");
        JsonNode permanent = citizen.path("permanentAddress");
        assertThat(permanent.path("provinceCode").asText()).isEqualTo("01");
        assertThat(permanent.path("districtCode").asText()).isEqualTo("001");
        assertThat(permanent.path("communeCode").asText()).isEqualTo("00004");
        assertThat(permanent.path("communeName").asText()).isEqualTo("Phường Trúc Bạch");
        assertThat(citizen.path("relatedPeople").findValuesAsText("relation")).contains("FATHER", "MOTHER", "SPOUSE");
    }

    @Test
    void translatesAddressesTo2025Units_exactForWholeMergeAndAmbiguousForSplit() {
        JsonNode an = body(post(LOOKUP, AN, officer(MOTCUA_KEY)));
        JsonNode permanent = an.path("permanentAddress").path("current");
        assertThat(permanent.path("status").asText()).isEqualTo("EXACT");
        assertThat(permanent.path("candidates").get(0).path("communeCode").asText()).isEqualTo("00004");
        assertThat(permanent.path("candidates").get(0).path("communeName").asText()).isEqualTo("Phường Ba Đình");

        JsonNode ngoc = body(post(LOOKUP,
                "{\"personalId\":\"079301004567\",\"fullName\":\"Trần Thị Bích Ngọc\",\"dateOfBirth\":\"2001-09-02\"}",
                officer(MOTCUA_KEY)));
        JsonNode current = ngoc.path("currentAddress");
        assertThat(current.path("communeCode").asText()).as("the source's own code stays").isEqualTo("00028");
        assertThat(current.path("current").path("status").asText()).isEqualTo("AMBIGUOUS");
        assertThat(current.path("current").path("candidates").findValuesAsText("communeCode")).containsExactly("00004", "00008", "00025");
    }

    @Test
    void matchesName_whenSentDecomposed() {
        String nfd = Normalizer.normalize("Nguyễn Văn An", Normalizer.Form.NFD);
        assertThat(nfd).isNotEqualTo("Nguyễn Văn An");
        HttpResponse<String> response = post(LOOKUP,
                "{\"personalId\":\"001090012345\",\"fullName\":\"  " + nfd + " \",\"dateOfBirth\":\"1990-05-15\"}",
                officer(MOTCUA_KEY));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body(response).path("fullName").asText()).isEqualTo("Nguyễn Văn An");
    }

    @Test
    void answersSame404_forMismatchAndUnknownNumber() {
        HttpResponse<String> wrongName = post(LOOKUP,
                "{\"personalId\":\"001090012345\",\"fullName\":\"Nguyễn Văn Ân\",\"dateOfBirth\":\"1990-05-15\"}", officer(MOTCUA_KEY));
        HttpResponse<String> wrongBirth = post(LOOKUP,
                "{\"personalId\":\"001090012345\",\"fullName\":\"Nguyễn Văn An\",\"dateOfBirth\":\"1990-05-16\"}", officer(MOTCUA_KEY));
        HttpResponse<String> unknown = post(LOOKUP,
                "{\"personalId\":\"001099000001\",\"fullName\":\"Nguyễn Văn An\",\"dateOfBirth\":\"1999-01-01\"}", officer(MOTCUA_KEY));

        for (HttpResponse<String> response : java.util.List.of(wrongName, wrongBirth, unknown)) {
            assertProblem(response, 404, "NOT_FOUND");
            assertThat(body(response).path("detail").asText())
                    .isEqualTo(body(unknown).path("detail").asText());
        }
    }

    @Test
    void rejectsBadInput_with400AndCode() {
        assertProblem(post(LOOKUP, "{\"personalId\": \"0010900", officer(MOTCUA_KEY)), 400, "MALFORMED_REQUEST");
        assertProblem(post(LOOKUP, "", officer(MOTCUA_KEY)), 400, "MALFORMED_REQUEST");
        assertProblem(post(LOOKUP, AN.replace("}", ",\"gender\":\"MALE\"}"), officer(MOTCUA_KEY)), 400, "UNKNOWN_FIELD");
        assertProblem(post(LOOKUP, AN.replace("001090012345", "00109001234"), officer(MOTCUA_KEY)), 400, "INVALID_PERSONAL_ID");
        assertProblem(post(LOOKUP, AN.replace("001090012345", "003090012345"), officer(MOTCUA_KEY)), 400, "INVALID_PERSONAL_ID");
        assertProblem(post(LOOKUP, AN.replace("001090012345", "001290012345"), officer(MOTCUA_KEY)), 400, "INVALID_PERSONAL_ID");
        assertProblem(post(LOOKUP, AN.replace("001090012345", "001091012345"), officer(MOTCUA_KEY)), 400, "INVALID_PERSONAL_ID");
        assertProblem(post(LOOKUP, AN.replace("1990-05-15", "15/05/1990"), officer(MOTCUA_KEY)), 400, "INVALID_FIELD");
        assertProblem(post(LOOKUP, AN.replace("Nguyễn Văn An", ""), officer(MOTCUA_KEY)), 400, "INVALID_FIELD");

        Map<String, String> noUser = new HashMap<>(officer(MOTCUA_KEY));
        noUser.remove("X-User-Id");
        assertProblem(post(LOOKUP, AN, noUser), 400, "MISSING_USER");
        Map<String, String> noPurpose = new HashMap<>(officer(MOTCUA_KEY));
        noPurpose.remove("X-Purpose");
        assertProblem(post(LOOKUP, AN, noPurpose), 400, "MISSING_PURPOSE");
        Map<String, String> badTransaction = new HashMap<>(officer(MOTCUA_KEY));
        badTransaction.put("X-Transaction-Id", "not a valid id; DROP TABLE");
        HttpResponse<String> response = post(LOOKUP, AN, badTransaction);
        assertProblem(response, 400, "INVALID_TRANSACTION_ID");
        assertThat(body(response).path("transactionId").asText()).isNotEqualTo("not a valid id; DROP TABLE");
    }

    @Test
    void refusesUnknownCallers_with401AndForbiddenOnes_with403() {
        Map<String, String> noKey = new HashMap<>(officer(MOTCUA_KEY));
        noKey.remove("X-API-Key");
        assertProblem(post(LOOKUP, AN, noKey), 401, "UNAUTHENTICATED");
        assertProblem(post(LOOKUP, AN, officer("not-a-key")), 401, "UNAUTHENTICATED");
        assertProblem(post(LOOKUP, AN, officer(PORTAL_KEY)), 403, "ACCESS_DENIED");
        assertProblem(post(LOOKUP, AN, officer(AUDITOR_KEY)), 403, "ACCESS_DENIED");
    }

    @Test
    void refusesOversizedBody_with413() {
        String padding = "x".repeat(5000);
        assertProblem(post(LOOKUP, AN.replace("}", ",\"pad\":\"" + padding + "\"}"), officer(MOTCUA_KEY)), 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void answers504_whenPopulationDatabaseIsTooSlow() {
        long start = System.nanoTime();
        HttpResponse<String> response = post(LOOKUP,
                "{\"personalId\":\"001090000504\",\"fullName\":\"Nguyễn Văn Chậm\",\"dateOfBirth\":\"1990-01-01\"}", officer(MOTCUA_KEY));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertProblem(response, 504, "NATIONAL_TIMEOUT");
        assertThat(millis).as("the configured 1 s timeout, not the simulator's 10 s delay").isLessThan(5000);
    }

    @Test
    void answers502_whenPopulationDatabaseFailsOrAnswersGarbage() {
        assertProblem(post(LOOKUP, "{\"personalId\":\"001090000500\",\"fullName\":\"Nguyễn Văn Lỗi\",\"dateOfBirth\":\"1990-01-01\"}",
                officer(MOTCUA_KEY)), 502, "NATIONAL_SYSTEM_ERROR");
        assertProblem(post(LOOKUP, "{\"personalId\":\"001090000502\",\"fullName\":\"Nguyễn Văn Hỏng\",\"dateOfBirth\":\"1990-01-01\"}",
                officer(MOTCUA_KEY)), 502, "NATIONAL_MALFORMED_ANSWER");
    }

    @Test
    void answers503WithTheNationalMessage_whenPopulationDatabaseIsBusy() {
        // error_code 99 inside an HTTP 200 answer, mapped by the errors: rule of connectors/population/connector.yaml
        HttpResponse<String> busy = post(LOOKUP, "{\"personalId\":\"001090000503\",\"fullName\":\"Nguyễn Văn Bận\",\"dateOfBirth\":\"1990-01-01\"}",
                officer(MOTCUA_KEY));
        assertProblem(busy, 503, "NATIONAL_UNAVAILABLE");
        assertThat(body(busy).path("detail").asText()).contains("error_code 99", "Hệ thống đang bận");
    }

    @Test
    void servesItsOpenApiContract() {
        HttpResponse<String> response = get("/api/v1/openapi.yaml", Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("/api/v1/citizens/lookup", "Nguyễn Văn An");
    }

    private void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = body(response);
        assertThat(problem.path("code").asText()).isEqualTo(code);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asText()).startsWith("urn:lienthong:problem:");
        assertThat(problem.path("title").asText()).isNotBlank();
        String transactionId = problem.path("transactionId").asText();
        assertThat(transactionId).isNotBlank();
        assertThat(response.headers().firstValue("X-Transaction-Id")).contains(transactionId);
        assertThat(response.body()).doesNotContain("Exception", "\tat ");
    }
}
