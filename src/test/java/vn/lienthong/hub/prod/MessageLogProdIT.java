package vn.lienthong.hub.prod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/** The message log on PostgreSQL in production: every exchange recorded, the chain and its signed checkpoints verify. */
class MessageLogProdIT extends ProdIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyExchangeIsRecorded_deniedOnesToo_andTheChainVerifies() {
        String lookup = "{\"personalId\":\"001090012345\",\"fullName\":\"Nguyễn Văn An\",\"dateOfBirth\":\"1990-05-15\"}";
        for (int i = 0; i < 6; i++) {
            assertThat(post("/api/v1/citizens/lookup", lookup, officer()).statusCode()).isEqualTo(200);
        }
        // refused: the auditor may not look citizens up
        HttpResponse<String> denied = post("/api/v1/citizens/lookup", lookup, Map.of("X-API-Key", AUDITOR_KEY,
                "X-User-Id", "thanhtra", "X-Purpose", "1.003560.000.00.00.H22"));
        assertThat(denied.statusCode()).isEqualTo(403);
        String deniedTx = denied.headers().firstValue("X-Transaction-Id").orElseThrow();

        await().atMost(Duration.ofSeconds(20)).until(() -> get("/api/v1/audit/transactions/" + deniedTx,
                Map.of("X-API-Key", AUDITOR_KEY)).statusCode() == 200);
        JsonNode record = body(get("/api/v1/audit/transactions/" + deniedTx, Map.of("X-API-Key", AUDITOR_KEY)));
        assertThat(record.toString()).contains("ACCESS_DENIED");

        // checkpoints every 5 records (HUB_AUDIT_CHECKPOINT_INTERVAL), signed with the key pair from files
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM audit_checkpoint",
                Integer.class) > 0);
        HttpResponse<String> verify = get("/api/v1/audit/verify", Map.of("X-API-Key", AUDITOR_KEY));
        assertThat(verify.statusCode()).as(verify.body()).isEqualTo(200);
        JsonNode report = body(verify);
        assertThat(report.path("valid").asBoolean()).as(verify.body()).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM message_log", Integer.class)).isGreaterThanOrEqualTo(7);
    }

    @Test
    void aRecordChangedInTheDatabase_breaksTheVerification() {
        String lookup = "{\"personalId\":\"001090012345\",\"fullName\":\"Nguyễn Văn An\",\"dateOfBirth\":\"1990-05-15\"}";
        HttpResponse<String> response = post("/api/v1/citizens/lookup", lookup, officer());
        String tx = response.headers().firstValue("X-Transaction-Id").orElseThrow();
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM message_log WHERE transaction_id = ?", Integer.class, tx) > 0);
        Long seq = jdbc.queryForObject("SELECT MIN(seq) FROM message_log WHERE transaction_id = ?", Long.class, tx);
        String original = jdbc.queryForObject("SELECT client_id FROM message_log WHERE seq = ?", String.class, seq);
        jdbc.update("UPDATE message_log SET client_id = ? WHERE seq = ?", "000.00.00.H22:GIAMAO", seq);
        try {
            JsonNode report = body(get("/api/v1/audit/verify", Map.of("X-API-Key", AUDITOR_KEY)));
            assertThat(report.path("valid").asBoolean()).isFalse();
            assertThat(report.toString()).contains(String.valueOf(seq));
        } finally {
            jdbc.update("UPDATE message_log SET client_id = ? WHERE seq = ?", original, seq);
        }
        assertThat(body(get("/api/v1/audit/verify", Map.of("X-API-Key", AUDITOR_KEY))).path("valid").asBoolean()).isTrue();
    }
}
