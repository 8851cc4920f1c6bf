package vn.lienthong.hub.audit.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import vn.lienthong.hub.audit.MessageLogRecord;
import vn.lienthong.hub.audit.Outcome;
import vn.lienthong.hub.audit.chain.CanonicalForm;
import vn.lienthong.hub.audit.chain.ChainedRecord;
import vn.lienthong.hub.audit.query.MessageLogQueries;

/** The evidence the log keeps of bodies, the connector a hop record names, and the writer's counts. */
class MessageLogEvidenceTest {

    /** Epoch milliseconds 1795311000123 (date -u -d 2026-11-22T01:30:00.123Z +%s%3N). */
    private static final Instant IN = Instant.parse("2026-11-22T01:30:00.123Z");

    @Test
    void connectorName_isTakenFromKameletEndpointsOnly() {
        assertThat(HopRecorder.connector("kamelet://population-lookup-action")).isEqualTo("population-lookup-action");
        assertThat(HopRecorder.connector("kamelet:population-lookup-action?timeout=3")).isEqualTo("population-lookup-action");
        assertThat(HopRecorder.connector("kamelet://source")).isNull();
        assertThat(HopRecorder.connector("http://127.0.0.1/x")).isNull();
    }

    @Test
    void keptBodies_areEncryptedAndBoundToTheirTransaction() throws GeneralSecurityException {
        String key = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
        var dataSource = new DriverManagerDataSource("jdbc:h2:mem:bodies-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        org.flywaydb.core.Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        BodyCipher cipher = new BodyCipher(key);
        JdbcMessageLog log = new JdbcMessageLog(new JdbcTemplate(dataSource), AuditProperties.defaults(), null, cipher);
        byte[] request = "{\"personalId\":\"001090012345\"}".getBytes(StandardCharsets.UTF_8);
        try {
            log.append(new MessageLogRecord(null, "EXCHANGE", "tx-bodies", "hub-1", "REST", null, null, null, null, null, null,
                    Outcome.SUCCESS, null, null, 200, IN, IN, 0, 30L, 2L), BodyEvidence.of(request, "{}".getBytes()));
            ChainedRecord stored = log.findChainedByTransaction("tx-bodies").get(0);

            assertThat(stored.requestBodyEnc()).doesNotContain("001090012345");
            assertThat(new String(Base64.getDecoder().decode(stored.requestBodyEnc()), StandardCharsets.ISO_8859_1))
                    .doesNotContain("001090012345");
            assertThat(cipher.decrypt(stored.requestBodyEnc(), "tx-bodies", "request")).isEqualTo(request);
            // printf '%s' '{"personalId":"001090012345"}' | sha256sum
            assertThat(stored.requestSha256()).isEqualTo("837e0dea0fe099fca0c8295b03c6a46c4646fc4b22420dd0590e4b5f96812785");
            assertThatThrownBy(() -> cipher.decrypt(stored.requestBodyEnc(), "another-tx", "request"))
                    .isInstanceOf(GeneralSecurityException.class);
            assertThat(new MessageLogQueries(new JdbcTemplate(dataSource)).verify(null, null, null).valid()).isTrue();
        } finally {
            log.close();
        }
    }

    @Test
    void writerCountsItsCommitsAndTheRecordsTheyWrote() {
        var dataSource = new DriverManagerDataSource("jdbc:h2:mem:counts-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        org.flywaydb.core.Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        JdbcMessageLog log = new JdbcMessageLog(new JdbcTemplate(dataSource));
        try {
            assertThat(log.commits()).isZero();
            for (int i = 0; i < 3; i++) {
                // append waits for its commit: three records, at least one transaction, never more than the records
                log.append(new MessageLogRecord(null, "EXCHANGE", "tx-count-" + i, "hub-1", "REST", null, null, null, null,
                        null, null, Outcome.SUCCESS, null, null, 200, IN, IN, 0, 1L, 1L));
            }
            assertThat(log.written()).isEqualTo(3);
            assertThat(log.commits()).isBetween(1L, 3L);
            assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM message_log", Long.class)).isEqualTo(3);
        } finally {
            log.close();
        }
    }
}
