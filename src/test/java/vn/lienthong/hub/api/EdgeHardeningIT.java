package vn.lienthong.hub.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.hub.HubIntegrationTest;

/**
 * The edge as a hostile client tries it: side-stepped paths, what the servlet container itself refuses, borrowed
 * transaction ids, loose input and leaks. Each answer is a clean 4xx in the surface's format, and each is in the
 * message log.
 */
class EdgeHardeningIT extends HubIntegrationTest {

    private static final String OPERATOR_KEY = "demo-operator-key";
    private static final String ENTERPRISE = "/v1/enterprises/0101234565";
    private static final String EMPTY_ENVELOPE =
            "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body/></soap:Envelope>";

    // ---------------------------------------------------------------- paths matched after normalisation

    @ParameterizedTest
    @ValueSource(strings = {"/%61pi" + ENTERPRISE, "/api;x=1" + ENTERPRISE, "/api/v1;x=1/enterprises/0101234565",
        "/api/v1/enterprises/%30101234565", "/api//v1/enterprises/0101234565"})
    void sideSteppedRestPaths_areRefusedWith400_andLogged(String path) {
        String tx = "it-edge-path-" + Integer.toHexString(path.hashCode());
        HttpResponse<String> response = get(path, withTx(officer(MOTCUA_KEY), tx));
        assertProblem(response, 400, "MALFORMED_REQUEST", tx);
        assertThat(body(response).path("detail").asText()).contains("plainly");
        assertLogged(tx, "REJECTED", "MALFORMED_REQUEST", 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/%73oap/CitizenService", "/soap;x=1/CitizenService", "/soap/CitizenService;x=1"})
    void sideSteppedSoapPaths_getAFault_andAreLogged(String path) {
        String tx = "it-edge-soap-" + Integer.toHexString(path.hashCode());
        HttpResponse<String> response = soap(path, EMPTY_ENVELOPE, tx);
        assertFault(response, "MALFORMED_REQUEST", tx);
        assertLogged(tx, "REJECTED", "MALFORMED_REQUEST", 500);
    }

    @Test
    void soapGet_isRefusedWith405Fault_whileTheContractStaysPublic() {
        HttpResponse<String> get = get("/soap/CitizenService", withTx(Map.of(), "it-edge-soap-get"));
        assertFault(get, "METHOD_NOT_ALLOWED", "it-edge-soap-get");
        assertThat(get.body()).contains("<c:status>405</c:status>");
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
        assertLogged("it-edge-soap-get", "REJECTED", "METHOD_NOT_ALLOWED", 500);

        HttpResponse<String> list = get("/soap/", Map.of());
        assertThat(list.body()).contains("METHOD_NOT_ALLOWED").doesNotContain("Available SOAP services");

        HttpResponse<String> wsdl = get("/soap/CitizenService?wsdl", Map.of());
        assertThat(wsdl.statusCode()).isEqualTo(200);
        assertThat(wsdl.body()).contains("LookupCitizen");
    }

    // ---------------------------------------------------------------- errors of the container itself

    @Test
    void encodedSlash_isAProblemJson400_andLogged() throws IOException {
        String answer = raw("GET /api%2Fv1/enterprises/0101234565 HTTP/1.1\r\nHost: hub\r\nX-API-Key: " + MOTCUA_KEY
                + "\r\nX-Transaction-Id: it-edge-slash\r\nConnection: close\r\n\r\n");
        assertRawProblem(answer, 400, "MALFORMED_REQUEST", "it-edge-slash");
        JsonNode record = assertLogged("it-edge-slash", "REJECTED", "MALFORMED_REQUEST", 400);
        assertThat(record.path("clientId").asText()).isEqualTo("000.00.00.H22:MOTCUA");
    }

    @Test
    void malformedHeaders_andMissingHost_areProblemJson400_andLogged() throws IOException {
        assertRawProblem(raw("GET /api/v1/services HTTP/1.1\r\nHost: hub\r\nX-Transaction-Id: it-edge-header-name\r\n"
                + "Bad Header: y\r\nConnection: close\r\n\r\n"), 400, "MALFORMED_REQUEST", "it-edge-header-name");
        assertLogged("it-edge-header-name", "REJECTED", "MALFORMED_REQUEST", 400);

        assertRawProblem(raw("GET /api/v1/services HTTP/1.1\r\nHost: hub\r\nX-Transaction-Id: it-edge-header-value\r\n"
                + "X-Note: a\u0001b\r\nConnection: close\r\n\r\n"), 400, "MALFORMED_REQUEST", "it-edge-header-value");
        assertLogged("it-edge-header-value", "REJECTED", "MALFORMED_REQUEST", 400);

        assertRawProblem(raw("GET /api/v1/services HTTP/1.1\r\nX-Transaction-Id: it-edge-no-host\r\nConnection: close\r\n\r\n"),
                400, "MALFORMED_REQUEST", "it-edge-no-host");
        assertLogged("it-edge-no-host", "REJECTED", "MALFORMED_REQUEST", 400);
    }

    @Test
    void unreadableRequestLines_areProblemJson400_notAnHtmlPage() throws IOException {
        String tooLong = raw("GET /api/v1/services?q=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: hub\r\n"
                + "Connection: close\r\n\r\n");
        assertThat(tooLong).startsWith("HTTP/1.1 400").contains("application/problem+json", "MALFORMED_REQUEST")
                .doesNotContain("<html");
        String garbage = raw("GARBAGE\r\n\r\n");
        assertThat(garbage).startsWith("HTTP/1.1 400").contains("MALFORMED_REQUEST").doesNotContain("<html");
    }

    @Test
    void malformedRequestOnSoap_isAFault() throws IOException {
        String answer = raw("POST /soap/CitizenService HTTP/1.1\r\nX-Transaction-Id: it-edge-soap-no-host\r\n"
                + "Content-Length: 0\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 500").contains("<faultcode>soap:Client</faultcode>", "MALFORMED_REQUEST",
                "it-edge-soap-no-host");
        assertLogged("it-edge-soap-no-host", "REJECTED", "MALFORMED_REQUEST", 500);
    }

    @Test
    void trace_isRefusedEverywhere_neverEchoed() throws IOException {
        String api = raw("TRACE /api/v1/services HTTP/1.1\r\nHost: hub\r\nX-API-Key: " + MOTCUA_KEY
                + "\r\nX-Transaction-Id: it-edge-trace\r\nConnection: close\r\n\r\n");
        assertRawProblem(api, 405, "METHOD_NOT_ALLOWED", "it-edge-trace");
        assertThat(api).doesNotContain(MOTCUA_KEY);
        assertLogged("it-edge-trace", "REJECTED", "METHOD_NOT_ALLOWED", 405);

        String soap = raw("TRACE /soap/CitizenService HTTP/1.1\r\nHost: hub\r\nX-Transaction-Id: it-edge-trace-soap\r\n"
                + "Connection: close\r\n\r\n");
        assertThat(soap).contains("METHOD_NOT_ALLOWED", "it-edge-trace-soap");
        assertLogged("it-edge-trace-soap", "REJECTED", "METHOD_NOT_ALLOWED", 500);

        String console = raw("TRACE /console/ HTTP/1.1\r\nHost: hub\r\nX-Secret: echo-me\r\nConnection: close\r\n\r\n");
        assertThat(console).startsWith("HTTP/1.1 405").doesNotContain("echo-me");
    }

    // ---------------------------------------------------------------- transaction ids belong to their client

    @Test
    void transactionIdOfOneClient_neverJoinsAnotherClientsTrace() {
        assertThat(get("/api" + ENTERPRISE, withTx(officer(MOTCUA_KEY), "it-edge-owned-tx")).statusCode()).isEqualTo(200);

        HttpResponse<String> borrowed = get("/api" + ENTERPRISE, withTx(officer(PORTAL_KEY), "it-edge-owned-tx"));
        assertThat(borrowed.statusCode()).isEqualTo(409);
        assertThat(body(borrowed).path("code").asText()).isEqualTo("TRANSACTION_ID_CONFLICT");
        String fresh = borrowed.headers().firstValue("X-Transaction-Id").orElseThrow();
        assertThat(fresh).isNotEqualTo("it-edge-owned-tx").isEqualTo(body(borrowed).path("transactionId").asText());
        assertLogged(fresh, "REJECTED", "TRANSACTION_ID_CONFLICT", 409);

        Map<String, String> noKey = new HashMap<>(withTx(officer(MOTCUA_KEY), "it-edge-owned-tx"));
        noKey.remove("X-API-Key");
        HttpResponse<String> anonymous = get("/api" + ENTERPRISE, noKey);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("X-Transaction-Id")).isPresent().get().isNotEqualTo("it-edge-owned-tx");

        // the owner goes on using its id; the trace holds only its own records
        HttpResponse<String> again = get("/api" + ENTERPRISE, withTx(officer(MOTCUA_KEY), "it-edge-owned-tx"));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("X-Transaction-Id")).hasValue("it-edge-owned-tx");
        JsonNode trace = body(get("/api/v1/audit/transactions/it-edge-owned-tx", Map.of("X-API-Key", AUDITOR_KEY)));
        assertThat(trace.path("records").size()).isGreaterThanOrEqualTo(2);
        trace.path("records").forEach(r -> assertThat(r.path("clientId").asText()).isEqualTo("000.00.00.H22:MOTCUA"));
    }

    // ---------------------------------------------------------------- event ids belong to their event

    @Test
    void reusedEventId_withOtherContent_is409_whileAnIdenticalResendStaysADuplicate() {
        String code = "000.00.01.H22-250301-00777";
        Map<String, String> headers = Map.of("X-API-Key", MOTCUA_KEY, "X-Event-Id", "it-edge-evt-1");
        HttpResponse<String> first = post("/api/v1/dossiers", dossier(code, "Đăng ký khai sinh"), headers);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        HttpResponse<String> resend = post("/api/v1/dossiers", dossier(code, "Đăng ký khai sinh"), headers);
        assertThat(resend.statusCode()).isEqualTo(202);
        assertThat(body(resend).path("duplicate").asBoolean()).isTrue();

        HttpResponse<String> other = post("/api/v1/dossiers", dossier(code, "Một hồ sơ khác"),
                Map.of("X-API-Key", MOTCUA_KEY, "X-Event-Id", "it-edge-evt-1", "X-Transaction-Id", "it-edge-evt-conflict"));
        assertProblem(other, 409, "EVENT_ID_CONFLICT", "it-edge-evt-conflict");
        assertThat(body(other).path("detail").asText()).contains("it-edge-evt-1", "different event");
        assertLogged("it-edge-evt-conflict", "REJECTED", "EVENT_ID_CONFLICT", 409);
    }

    // ---------------------------------------------------------------- typed, length-limited input

    @Test
    void objectsListsAndLongTextInDossierFields_areRefusedNamingTheField() {
        String code = "000.00.01.H22-250301-00778";
        assertInvalid(post("/api/v1/dossiers", dossier(code, "x").replace("\"ChuHoSo\":\"Nguyễn Văn An\"",
                "\"ChuHoSo\":{\"HoTen\":\"Nguyễn Văn An\"}"), Map.of("X-API-Key", MOTCUA_KEY)), "ChuHoSo");
        assertInvalid(post("/api/v1/dossiers", dossier(code, "x").replace("\"ChuHoSo\":\"Nguyễn Văn An\"",
                "\"ChuHoSo\":[\"a\",\"b\"]"), Map.of("X-API-Key", MOTCUA_KEY)), "ChuHoSo");
        assertInvalid(post("/api/v1/dossiers", dossier(code, "a".repeat(2001)), Map.of("X-API-Key", MOTCUA_KEY)),
                "TrichYeuHoSo");
        assertInvalid(post("/api/v1/dossiers", dossier(code, "x").replace("}", ",\"TaiLieuNop\":\"a file\"}"),
                Map.of("X-API-Key", MOTCUA_KEY)), "TaiLieuNop");
        assertInvalid(post("/api/v1/dossiers/" + code + "/progress", "{\"NguoiXuLy\":\"Trần Thị Bích\","
                + "\"ThoiDiemXuLy\":\"2025-03-02T08:00:00+07:00\",\"NoiDungXuLy\":[1,2],\"TrangThai\":\"DANG_XU_LY\"}",
                Map.of("X-API-Key", MOTCUA_KEY)), "NoiDungXuLy");
        // lists keep their declared shape
        assertThat(post("/api/v1/dossiers", dossier(code, "x").replace("}",
                ",\"DinhDanhCHS\":[{\"LoaiDinhDanh\":\"1\",\"SoDinhDanh\":\"001090012345\"}]}"),
                Map.of("X-API-Key", MOTCUA_KEY)).statusCode()).isEqualTo(202);
    }

    @ParameterizedTest
    @ValueSource(strings = {"c181", "e08081", "eda080", "ff"})
    void invalidUtf8_isRefusedWith400_onRest(String hex) {
        byte[] body = concat("{\"personalId\":\"001090012345\",\"fullName\":\"Nguy",
                HexFormat.of().parseHex(hex), "n Văn An\",\"dateOfBirth\":\"1990-05-15\"}");
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url("/api/v1/citizens/lookup")))
                .header("Content-Type", "application/json").header("X-API-Key", MOTCUA_KEY)
                .header("X-User-Id", "canbo").header("X-Purpose", "1.003560.000.00.00.H22")
                .header("X-Transaction-Id", "it-edge-utf8-" + hex)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        assertProblem(response, 400, "MALFORMED_REQUEST", "it-edge-utf8-" + hex);
        assertThat(body(response).path("detail").asText()).contains("UTF-8");
    }

    @Test
    void invalidUtf8_isAFault_onSoap() {
        byte[] body = concat("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + "<x:A xmlns:x=\"urn:x\">", HexFormat.of().parseHex("c0af"), "</x:A></soap:Body></soap:Envelope>");
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url("/soap/CitizenService")))
                .header("Content-Type", "text/xml; charset=utf-8").header("X-API-Key", MOTCUA_KEY)
                .header("X-Transaction-Id", "it-edge-utf8-soap")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        assertFault(response, "MALFORMED_REQUEST", "it-edge-utf8-soap");
        assertThat(response.body()).contains("UTF-8");
    }

    @Test
    void auditDateRanges_areBounded() {
        Map<String, String> auditor = Map.of("X-API-Key", AUDITOR_KEY);
        assertInvalid(get("/api/v1/audit/records?from=%2B999999999-01-01T00:00:00Z", auditor), "from");
        assertInvalid(get("/api/v1/audit/records?to=-999999999-01-01T00:00:00Z", auditor), "to");
        assertInvalid(get("/api/v1/audit/export?format=csv&from=2020-01-01&to=2026-01-01", auditor), "days");
        assertInvalid(get("/api/v1/audit/statistics?from=2001-01-01", auditor), "days");
        assertThat(get("/api/v1/audit/statistics?from=2026-01-01&to=2026-06-30", auditor).statusCode()).isEqualTo(200);
    }

    // ---------------------------------------------------------------- no leaks

    @Test
    void errorTexts_neverNameJavaTypesOrMethods() {
        HttpResponse<String> page = get("/api/v1/audit/records?page=x", Map.of("X-API-Key", AUDITOR_KEY));
        assertInvalid(page, "page");
        assertThat(body(page).path("detail").asText()).isEqualTo("page: must be a whole number");

        HttpResponse<String> missing = post("/api/v1/admin/dossier-sync/dead-letters/discard", "{}",
                Map.of("X-API-Key", OPERATOR_KEY));
        assertThat(body(missing).path("detail").asText()).isEqualTo("eventId: is required");

        HttpResponse<String> typed = post("/api/v1/citizens/lookup",
                "{\"personalId\":{\"a\":1},\"fullName\":\"Nguyễn Văn An\",\"dateOfBirth\":\"1990-05-15\"}", officer(MOTCUA_KEY));
        assertThat(typed.statusCode()).isEqualTo(400);

        HttpResponse<String> empty = soap("/soap/CitizenService", EMPTY_ENVELOPE, "it-edge-empty-body");
        assertFault(empty, "MALFORMED_REQUEST", "it-edge-empty-body");
        for (HttpResponse<String> answer : java.util.List.of(page, missing, typed, empty)) {
            assertThat(answer.body()).doesNotContainPattern("java\\.|String|Integer|method|params|Exception|vn\\.lienthong");
        }
    }

    @Test
    void actuatorDetailsAndMetrics_areForOperatorsOnly_whileProbesStayPublic() {
        HttpResponse<String> health = get("/actuator/health", Map.of());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(body(health).path("status").asText()).isEqualTo("UP");
        assertThat(body(health).has("components")).isFalse();
        assertThat(get("/actuator/health/readiness", Map.of()).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/liveness", Map.of()).statusCode()).isEqualTo(200);

        HttpResponse<String> metrics = get("/actuator/prometheus", Map.of());
        assertThat(metrics.statusCode()).isEqualTo(401);
        assertThat(metrics.body()).doesNotContain("jvm_", "process_");
        assertThat(get("/actuator/prometheus", Map.of("X-API-Key", MOTCUA_KEY)).statusCode()).isEqualTo(403);
        assertThat(get("/actuator/%68ealth/connectors", Map.of()).statusCode()).isEqualTo(401);
        assertThat(get("/actuator", Map.of()).statusCode()).isEqualTo(401);

        JsonNode detailed = body(get("/actuator/health", Map.of("X-API-Key", OPERATOR_KEY)));
        assertThat(detailed.path("components").path("connectors").path("status").asText()).isNotBlank();
    }

    @Test
    void refusedActuatorCalls_areInTheMessageLog() {
        HttpResponse<String> denied = get("/actuator/prometheus", Map.of("X-API-Key", MOTCUA_KEY));
        assertThat(denied.statusCode()).isEqualTo(403);
        JsonNode record = assertLogged(denied.headers().firstValue("X-Transaction-Id").orElseThrow(), "DENIED",
                "ACCESS_DENIED", 403);
        assertThat(record.path("service").asText()).isEqualTo("actuator");
        assertThat(record.path("operation").asText()).isEqualTo("/actuator/prometheus");
        assertThat(record.path("clientId").asText()).isEqualTo("000.00.00.H22:MOTCUA");
        HttpResponse<String> anonymous = get("/actuator/env", Map.of());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        JsonNode unauthenticated = assertLogged(anonymous.headers().firstValue("X-Transaction-Id").orElseThrow(),
                "DENIED", "UNAUTHENTICATED", 401);
        assertThat(unauthenticated.path("clientId").isMissingNode()).isTrue();
    }

    @Test
    void consoleAndApiAnswers_carrySecurityHeaders() {
        HttpResponse<String> console = get("/console/index.html", Map.of());
        assertThat(console.statusCode()).isEqualTo(200);
        assertThat(console.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'"));
        assertThat(console.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(console.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(console.body()).doesNotContain("<script>").contains("id=\"auditor-id\"");

        HttpResponse<String> api = get("/api" + ENTERPRISE, officer(MOTCUA_KEY));
        assertThat(api.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(api.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    // ---------------------------------------------------------------- helpers

    private static String dossier(String code, String summary) {
        return """
                {"MaHoSo":"%s","MaTTHC":"H22-HT-KS","ChuHoSo":"Nguyễn Văn An","LoaiDoiTuong":"1","KenhThucHien":"2",\
                "TrichYeuHoSo":"%s","NgayTiepNhan":"2025-03-01T08:30:00+07:00","NgayHenTra":"2025-03-05T17:00:00+07:00",\
                "TrangThaiHoSo":"DA_TIEP_NHAN"}""".formatted(code, summary);
    }

    private HttpResponse<String> soap(String path, String envelope, String transactionId) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "text/xml; charset=utf-8").header("X-API-Key", MOTCUA_KEY)
                .header("X-User-Id", "canbo").header("X-Purpose", "1.003560.000.00.00.H22")
                .header("X-Transaction-Id", transactionId)
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8)).build());
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static byte[] concat(String head, byte[] middle, String tail) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(middle);
        out.writeBytes(tail.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static Map<String, String> withTx(Map<String, String> headers, String transactionId) {
        Map<String, String> copy = new HashMap<>(headers);
        copy.put("X-Transaction-Id", transactionId);
        return copy;
    }

    private void assertRawProblem(String answer, int status, String code, String transactionId) {
        assertThat(answer).startsWith("HTTP/1.1 " + status);
        String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase();
        assertThat(head).contains("content-type: application/problem+json", "x-transaction-id: " + transactionId);
        JsonNode problem;
        try {
            problem = json.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4).replaceAll("(?s)^[0-9a-f]+\r\n|\r\n0\r\n\r\n$", ""));
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + answer, e);
        }
        assertThat(problem.path("code").asText()).isEqualTo(code);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("transactionId").asText()).isEqualTo(transactionId);
        assertThat(answer).doesNotContain("<html", "Tomcat", "Exception");
    }

    private void assertProblem(HttpResponse<String> response, int status, String code, String transactionId) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(body(response).path("code").asText()).isEqualTo(code);
        assertThat(body(response).path("transactionId").asText()).isEqualTo(transactionId);
        assertThat(response.headers().firstValue("X-Transaction-Id")).hasValue(transactionId);
    }

    private void assertInvalid(HttpResponse<String> response, String named) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(body(response).path("code").asText()).isEqualTo("INVALID_FIELD");
        assertThat(body(response).path("detail").asText()).contains(named);
    }

    private static void assertFault(HttpResponse<String> response, String code, String transactionId) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(500);
        assertThat(response.body()).contains("<soap:Fault>", "<faultcode>soap:Client</faultcode>",
                "<c:code>" + code + "</c:code>", "<c:transactionId>" + transactionId + "</c:transactionId>");
    }

    private JsonNode assertLogged(String transactionId, String outcome, String errorCode, int status) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode records = body(get("/api/v1/audit/records?recordType=EXCHANGE&transactionId=" + transactionId,
                    Map.of("X-API-Key", AUDITOR_KEY))).path("records");
            assertThat(records.size()).as("records of " + transactionId).isEqualTo(1);
            found[0] = records.get(0);
        });
        assertThat(found[0].path("outcome").asText()).isEqualTo(outcome);
        assertThat(found[0].path("errorCode").asText()).isEqualTo(errorCode);
        assertThat(found[0].path("httpStatus").asInt()).isEqualTo(status);
        return found[0];
    }
}
