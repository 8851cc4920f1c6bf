package vn.lienthong.hub.audit.log;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import vn.lienthong.hub.audit.MessageLogRecord;
import vn.lienthong.hub.audit.chain.ChainedRecord;
import vn.lienthong.hub.audit.chain.CheckpointKeys;

/**
 * The message log in the hub's database (H2 embedded, PostgreSQL in production), hash-chained by a single
 * {@link ChainWriter}. {@link #append} returns once the record is committed (group commit with the other records
 * queued at the same time) or once {@code hub.audit.commit-timeout} has passed, whichever comes first, so a failing
 * database never turns an exchange into a hang.
 */
@Repository
public class JdbcMessageLog implements MessageLog {

    private static final Logger log = LoggerFactory.getLogger(JdbcMessageLog.class);

    public static final String COLUMNS = "id, seq, prev_hash, record_hash, record_type, transaction_id, hub_instance, channel,"
            + " client_id, user_id, purpose, service, operation, subject_ref, outcome, error_code, error_text, http_status,"
            + " time_in, time_out, duration_ms, request_size, response_size, request_sha256, response_sha256,"
            + " request_body_enc, response_body_enc";
    static final int MAX_ERROR_TEXT = 1000;

    private final JdbcTemplate jdbc;
    private final ChainWriter writer;
    private final BodyCipher cipher;
    private final Duration commitTimeout;

    /** A log without checkpoints or body encryption, with default batching (tests of the schema, tools). */
    public JdbcMessageLog(JdbcTemplate jdbc) {
        this(jdbc, AuditProperties.defaults(), null, null);
    }

    @Autowired
    public JdbcMessageLog(JdbcTemplate jdbc, AuditProperties settings, CheckpointKeys keys) {
        this(jdbc, settings, keys, cipherOf(settings));
    }

    private static BodyCipher cipherOf(AuditProperties settings) {
        return settings.keepsBodies() ? new BodyCipher(settings.bodyEncryptionKey()) : null;
    }

    JdbcMessageLog(JdbcTemplate jdbc, AuditProperties settings, CheckpointKeys keys, BodyCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.commitTimeout = settings.commitTimeout();
        this.writer = new ChainWriter(jdbc, new ChainWriter.Settings(settings.queueCapacity(), settings.maxBatch(),
                settings.checkpointInterval(), settings.checkpointPeriod()), keys);
    }

    @Override
    public void append(MessageLogRecord record) {
        append(record, BodyEvidence.NONE);
    }

    @Override
    public void append(MessageLogRecord record, BodyEvidence evidence) {
        CompletableFuture<Long> committed = submit(record, evidence);
        try {
            committed.get(commitTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.error("Message log record of transaction {} not committed within {}; it stays queued, the exchange goes on",
                    record.transactionId(), commitTimeout);
        } catch (ExecutionException e) {
            // Last resort: the record is in the application log, so an operator can still restore it.
            log.error("Message log record of transaction {} could not be queued ({}): {}", record.transactionId(),
                    e.getCause().getMessage(), record);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public CompletableFuture<Long> submit(MessageLogRecord r, BodyEvidence evidence) {
        BodyEvidence e = evidence == null ? BodyEvidence.NONE : evidence;
        String txId = r.transactionId();
        // Every text is cut to its column: a record that cannot fit would otherwise fail its batch for ever.
        ChainedRecord draft = new ChainedRecord(null, null, fit(r.recordType(), 16), fit(txId, 64), fit(r.hubInstance(), 64),
                fit(r.channel(), 16), fit(r.clientId(), 128), fit(r.userId(), 128), fit(r.purpose(), 256),
                fit(r.service(), 128), fit(r.operation(), 128), fit(r.subjectRef(), 64),
                r.outcome() == null ? null : r.outcome().name(), fit(r.errorCode(), 64), truncate(r.errorText()), r.httpStatus(), millis(r.timeIn()), millis(r.timeOut()),
                r.durationMillis(), r.requestSize(), r.responseSize(), e.requestSha256(), e.responseSha256(),
                cipher == null ? null : cipher.encrypt(e.requestBody(), txId, "request"),
                cipher == null ? null : cipher.encrypt(e.responseBody(), txId, "response"), null, null);
        return writer.submit(draft, commitTimeout);
    }

    private static String fit(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    @Override
    public List<MessageLogRecord> findByTransaction(String transactionId) {
        return findChainedByTransaction(transactionId).stream().map(ChainedRecord::toMessageLogRecord).toList();
    }

    @Override
    public boolean belongsToAnotherClient(String transactionId, String clientId) {
        List<String> found = clientId == null
                ? jdbc.queryForList("SELECT client_id FROM message_log WHERE transaction_id = ? AND client_id IS NOT NULL"
                        + " FETCH FIRST 1 ROWS ONLY", String.class, transactionId)
                : jdbc.queryForList("SELECT client_id FROM message_log WHERE transaction_id = ? AND client_id IS NOT NULL"
                        + " AND client_id <> ? FETCH FIRST 1 ROWS ONLY", String.class, transactionId, clientId);
        return !found.isEmpty();
    }

    /** Every stored record of one transaction, in chain order. */
    public List<ChainedRecord> findChainedByTransaction(String transactionId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM message_log WHERE transaction_id = ? ORDER BY seq, id",
                JdbcMessageLog::map, transactionId);
    }

    /** Records waiting for the writer. */
    public int queued() {
        return writer.queued();
    }

    /** Transactions the writer has committed since the start. */
    public long commits() {
        return writer.commits();
    }

    /** Records the writer has committed since the start. */
    public long written() {
        return writer.written();
    }

    /** Writes what is queued, then stops. */
    @PreDestroy
    public void close() {
        writer.close(Duration.ofSeconds(10));
    }

    /** Stops without writing what is queued, as a crash would. */
    void crash() {
        writer.halt();
    }

    public static ChainedRecord map(ResultSet rs, int row) throws SQLException {
        return new ChainedRecord(rs.getLong("id"), (Long) longOrNull(rs, "seq"), rs.getString("record_type"),
                rs.getString("transaction_id"), rs.getString("hub_instance"), rs.getString("channel"),
                rs.getString("client_id"), rs.getString("user_id"), rs.getString("purpose"), rs.getString("service"),
                rs.getString("operation"), rs.getString("subject_ref"), rs.getString("outcome"), rs.getString("error_code"),
                rs.getString("error_text"), (Integer) intOrNull(rs, "http_status"), rs.getTimestamp("time_in").toInstant(),
                rs.getTimestamp("time_out").toInstant(), rs.getLong("duration_ms"), longOrNull(rs, "request_size"),
                longOrNull(rs, "response_size"), rs.getString("request_sha256"), rs.getString("response_sha256"),
                rs.getString("request_body_enc"), rs.getString("response_body_enc"), rs.getString("prev_hash"),
                rs.getString("record_hash"));
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Integer intOrNull(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    /** A database timestamp value as an instant, whatever type the driver gives. */
    public static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        throw new IllegalArgumentException("not a timestamp: " + value);
    }

    private static Instant millis(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }

    private static String truncate(String text) {
        return text == null || text.length() <= MAX_ERROR_TEXT ? text : text.substring(0, MAX_ERROR_TEXT);
    }
}
