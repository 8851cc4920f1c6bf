package vn.lienthong.hub.audit.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.hub.HubIntegrationTest;
import vn.lienthong.hub.audit.chain.OfflineVerifier;
import vn.lienthong.hub.simulator.SimulatorServers;

/**
 * The auditors' API over real traffic: search by time, client and subject; a whole trace with the connector hop;
 * export and offline verification; a row edited in the database located by the verification; 403 for everyone else.
 */
class AuditApiIT extends HubIntegrationTest {

    private static final String LOOKUP = "/api/v1/citizens/lookup";
    private static final String AN = "{\"personalId\":\"001090012345\",\"fullName\":\"Nguyễn Văn An\",\"dateOfBirth\":\"1990-05-15\"}";
    private static final Map<String, String> AUDITOR = Map.of("X-API-Key", AUDITOR_KEY);

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private DataSource dataSource;

    @Autowired
    private SimulatorServers simulators;

    @TempDir
    Path dir;

    @Test
    void answeredExchange_isAlreadyInTheLogWhenTheAnswerArrives() throws Exception {
        HttpResponse<String> answer = post(LOOKUP, AN, tx(officer(MOTCUA_KEY), "it-audit-durable"));

        // Whatever the answer (the first lookup after start may time out on a busy machine), no waiting:
        // the edge holds the answer until the record is committed.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM message_log WHERE transaction_id = 'it-audit-durable'"
                + " AND record_type = 'EXCHANGE'", Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT request_sha256 FROM message_log WHERE transaction_id = 'it-audit-durable'"
                + " AND record_type = 'EXCHANGE'", String.class))
                // printf '%s' '{"personalId":"001090012345","fullName":"Nguyễn Văn An","dateOfBirth":"1990-05-15"}' | sha256sum
                .isEqualTo("d6dfe7e6501469fa3badd0aa07893e0405ae1f5ceb60a5da258d642653974545");
        assertThat(jdbc.queryForObject("SELECT response_sha256 FROM message_log WHERE transaction_id = 'it-audit-durable'"
                + " AND record_type = 'EXCHANGE'", String.class))
                .isEqualTo(sha256(answer.body()));
    }

    /**
     * The guarantee itself, not a race the writer nearly always wins: the message log's commit is held (another
     * transaction holds the chain head row that every batch of the writer locks) while a live HTTP lookup runs. The
     * hub asks the population database and has its answer, yet the HTTP answer does not leave while the commit is
     * held; it arrives only after the hold is released, with its records committed.
     */
    @Test
    void answerLeavesOnlyOnceItsRecordIsCommitted_aHeldCommitHoldsTheHttpAnswer() throws Exception {
        post(LOOKUP, AN, tx(officer(MOTCUA_KEY), "it-audit-held-warm")); // a warm lookup answers in milliseconds
        HttpRequest.Builder lookup = HttpRequest.newBuilder(URI.create(url(LOOKUP))).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(AN, StandardCharsets.UTF_8));
        tx(officer(MOTCUA_KEY), "it-audit-held").forEach(lookup::header);
        int populationCallsBefore = simulators.server("population").getAllServeEvents().size();
        HttpClient client = HttpClient.newHttpClient();

        CompletableFuture<HttpResponse<String>> answer;
        CompletableFuture<Long> arrivedAt;
        long releasedAt;
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement()) {
                s.execute("UPDATE audit_chain_head SET last_seq = last_seq WHERE id = 1");
            }
            answer = client.sendAsync(lookup.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            arrivedAt = answer.thenApply(response -> System.nanoTime());

            Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> simulators.server("population").getAllServeEvents().size() > populationCallsBefore);
            // the national answer is in; the commit-timeout (2 s here) is longer than this hold
            Awaitility.await().during(Duration.ofMillis(700)).atMost(Duration.ofMillis(1500))
                    .until(() -> !answer.isDone());
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM message_log WHERE transaction_id = 'it-audit-held'",
                    Long.class)).as("nothing of the held exchange is committed yet").isZero();
            releasedAt = System.nanoTime();
            holder.commit();
        }

        HttpResponse<String> response = answer.get(10, TimeUnit.SECONDS);
        assertThat(arrivedAt.get()).as("the answer arrived after the commit was released").isGreaterThan(releasedAt);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM message_log WHERE transaction_id = 'it-audit-held'"
                + " AND record_type = 'EXCHANGE'", Long.class)).isEqualTo(1);
    }

    @Test
    void auditorFindsExchangesByTimeClientAndSubject_andOpensTheWholeTrace() {
        Instant before = Instant.now().minus(1, ChronoUnit.SECONDS);
        post(LOOKUP, AN, tx(officer(MOTCUA_KEY), "it-audit-trace"));
        post(LOOKUP, AN.replace("1990-05-15", "1990-05-16"), tx(officer(MOTCUA_KEY), "it-audit-other"));

        JsonNode page = body(get("/api/v1/audit/records?from=" + encode(before.toString()) + "&client="
                + encode("000.00.00.H22:MOTCUA") + "&personalId=001090012345&recordType=EXCHANGE&size=50", AUDITOR));
        assertThat(page.path("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(page.path("records").findValuesAsText("transactionId")).contains("it-audit-trace", "it-audit-other");
        JsonNode earlier = body(get("/api/v1/audit/records?to=" + encode(before.toString()) + "&personalId=001090012345",
                AUDITOR));
        assertThat(earlier.path("records").findValuesAsText("transactionId")).doesNotContain("it-audit-trace");
        JsonNode successOnly = body(get("/api/v1/audit/records?from=" + encode(before.toString())
                + "&personalId=001090012345&outcome=NOT_FOUND", AUDITOR));
        assertThat(successOnly.path("records").findValuesAsText("transactionId")).contains("it-audit-other")
                .doesNotContain("it-audit-trace");

        JsonNode trace = body(get("/api/v1/audit/transactions/it-audit-trace", AUDITOR));
        assertThat(trace.path("exchanges").asLong()).isEqualTo(1);
        assertThat(trace.path("hops").asLong()).isEqualTo(1);
        JsonNode hop = trace.path("records").get(0);
        assertThat(hop.path("recordType").asText()).isEqualTo("HOP");
        assertThat(hop.path("channel").asText()).isEqualTo("CONNECTOR");
        assertThat(hop.path("operation").asText()).isEqualTo("population-lookup-action");
        assertThat(hop.path("clientId").asText()).isEqualTo("000.00.00.H22:MOTCUA");
        assertThat(hop.path("userId").asText()).isEqualTo("canbo.motcua@hanoi.gov.vn");
        assertThat(hop.path("httpStatus").asInt()).isEqualTo(200);
        assertThat(hop.path("requestSha256").asText()).hasSize(64);
        assertThat(hop.path("responseSha256").asText()).hasSize(64);
        assertThat(hop.path("subjectRef").asText()).isEqualTo(trace.path("records").get(1).path("subjectRef").asText());
        JsonNode exchange = trace.path("records").get(1);
        assertThat(exchange.path("recordType").asText()).isEqualTo("EXCHANGE");
        assertThat(exchange.path("seq").asLong()).isGreaterThan(hop.path("seq").asLong());
        assertThat(exchange.path("prevHash").asText()).hasSize(64);

        HttpResponse<String> unknown = get("/api/v1/audit/transactions/it-audit-never", AUDITOR);
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void exportedRangeVerifiesOffline() throws Exception {
        Instant before = Instant.now().minus(1, ChronoUnit.SECONDS);
        post(LOOKUP, AN, tx(officer(MOTCUA_KEY), "it-audit-export"));

        HttpResponse<String> export = get("/api/v1/audit/export?format=jsonl&from=" + encode(before.toString()), AUDITOR);
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type").orElse("")).startsWith("application/x-ndjson");
        assertThat(export.body()).contains("it-audit-export");
        Path file = dir.resolve("export.jsonl");
        Files.writeString(file, export.body());
        Path key = dir.resolve("public.pem");
        Files.writeString(key, get("/api/v1/audit/public-key", AUDITOR).body());

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int status = OfflineVerifier.run(new String[] {file.toString(), key.toString()},
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(printed.toString(StandardCharsets.UTF_8)).startsWith("VALID");
        assertThat(status).isZero();

        HttpResponse<String> csv = get("/api/v1/audit/export?format=csv&from=" + encode(before.toString()), AUDITOR);
        assertThat(csv.body()).startsWith("\uFEFFseq,id,recordType,transactionId").contains("it-audit-export");
    }

    @Test
    void editingOneRow_makesVerificationPointAtThatRow() {
        post(LOOKUP, AN, tx(officer(MOTCUA_KEY), "it-audit-tamper"));
        Map<String, Object> row = jdbc.queryForMap("SELECT id, seq, user_id FROM message_log"
                + " WHERE transaction_id = 'it-audit-tamper' AND record_type = 'EXCHANGE'");
        assertThat(body(get("/api/v1/audit/verify", AUDITOR)).path("valid").asBoolean()).isTrue();

        jdbc.update("UPDATE message_log SET user_id = 'nguoi.khac' WHERE id = ?", row.get("id"));
        try {
            JsonNode result = body(get("/api/v1/audit/verify", AUDITOR));
            assertThat(result.path("valid").asBoolean()).isFalse();
            JsonNode problem = result.path("report").path("problems").get(0);
            assertThat(problem.path("kind").asText()).isEqualTo("RECORD_ALTERED");
            assertThat(problem.path("recordId").asLong()).isEqualTo(((Number) row.get("id")).longValue());
            assertThat(problem.path("seq").asLong()).isEqualTo(((Number) row.get("seq")).longValue());
        } finally {
            jdbc.update("UPDATE message_log SET user_id = ? WHERE id = ?", row.get("user_id"), row.get("id"));
        }
        assertThat(body(get("/api/v1/audit/verify", AUDITOR)).path("valid").asBoolean()).isTrue();
    }

    @Test
    void usageStatistics_perAgencyAndOfficer() {
        post(LOOKUP, AN, tx(officer(MOTCUA_KEY), "it-audit-stats"));

        JsonNode stats = body(get("/api/v1/audit/statistics?period=day", AUDITOR));

        assertThat(stats.path("service").asText()).isEqualTo("citizen-lookup");
        boolean found = false;
        for (JsonNode row : stats.path("rows")) {
            if (row.path("clientId").asText().equals("000.00.00.H22:MOTCUA")
                    && row.path("userId").asText().equals("canbo.motcua@hanoi.gov.vn")) {
                found = row.path("total").asLong() >= 1 && row.path("success").asLong() >= 1;
            }
        }
        assertThat(found).as("a row for the one-stop officer").isTrue();
        assertThat(get("/api/v1/audit/statistics?period=week", AUDITOR).statusCode()).isEqualTo(400);
    }

    @Test
    void otherClientsGet403_andEveryAuditQueryIsLogged() {
        for (String path : new String[] {"/api/v1/audit/records", "/api/v1/audit/transactions/x", "/api/v1/audit/verify",
            "/api/v1/audit/export", "/api/v1/audit/statistics", "/api/v1/audit/public-key"}) {
            assertThat(get(path, Map.of("X-API-Key", MOTCUA_KEY)).statusCode()).as(path).isEqualTo(403);
            assertThat(get(path, Map.of("X-API-Key", PORTAL_KEY)).statusCode()).as(path).isEqualTo(403);
        }
        get("/api/v1/audit/verify", tx(AUDITOR, "it-audit-query"));

        JsonNode logged = body(get("/api/v1/audit/records?transactionId=it-audit-query", AUDITOR)).path("records").get(0);
        assertThat(logged.path("clientId").asText()).isEqualTo("000.00.00.H22:KIEMTRA");
        assertThat(logged.path("service").asText()).isEqualTo("message-log");
        assertThat(logged.path("operation").asText()).isEqualTo("VerifyChain");
        assertThat(logged.path("outcome").asText()).isEqualTo("SUCCESS");
    }

    @Test
    void badFilters_getClearErrors() {
        assertThat(get("/api/v1/audit/records?from=hôm-qua", AUDITOR).statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/audit/records?size=100000", AUDITOR).statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/audit/records?outcome=MAYBE", AUDITOR).statusCode()).isEqualTo(400);
        HttpResponse<String> badId = get("/api/v1/audit/records?personalId=12ab", AUDITOR);
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(body(badId).path("code").asText()).isEqualTo("INVALID_FIELD");
    }

    /** SHA-256 by the JDK alone, not by the hub's own helper. */
    private static String sha256(String text) throws java.security.NoSuchAlgorithmException {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Map<String, String> tx(Map<String, String> headers, String transactionId) {
        Map<String, String> copy = new HashMap<>(headers);
        copy.put("X-Transaction-Id", transactionId);
        return copy;
    }
}
