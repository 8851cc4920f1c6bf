package vn.lienthong.hub.audit.query;

import java.security.PublicKey;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import vn.lienthong.hub.audit.Outcome;
import vn.lienthong.hub.audit.chain.CanonicalForm;
import vn.lienthong.hub.audit.chain.ChainVerifier;
import vn.lienthong.hub.audit.chain.ChainedRecord;
import vn.lienthong.hub.audit.chain.Checkpoint;
import vn.lienthong.hub.audit.chain.VerificationReport;
import vn.lienthong.hub.audit.log.JdbcMessageLog;

/**
 * Read side of the message log for auditors: search with filters and pages, traces, ranges streamed for export and
 * verification (never loaded whole), and statistics. Plain SQL that runs on H2 and PostgreSQL alike.
 */
@Component
public class MessageLogQueries {

    /** Time zone of the statistics periods (the hub's users are in Việt Nam). */
    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final JdbcTemplate jdbc;

    public MessageLogQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One page of records matching the filter, newest first. */
    public Page search(RecordFilter filter, int page, int size) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM message_log" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<ChainedRecord> records = jdbc.query("SELECT " + JdbcMessageLog.COLUMNS + " FROM message_log" + where
                + " ORDER BY seq DESC LIMIT ? OFFSET ?", JdbcMessageLog::map, pageArgs.toArray());
        return new Page(page, size, total == null ? 0 : total, records);
    }

    /** Records in {@code [fromSeq, toSeq]} in chain order, one at a time. */
    public void range(long fromSeq, long toSeq, Consumer<ChainedRecord> each) {
        jdbc.query("SELECT " + JdbcMessageLog.COLUMNS + " FROM message_log WHERE seq >= ? AND seq <= ? ORDER BY seq",
                (RowCallbackHandler) rs -> each.accept(JdbcMessageLog.map(rs, 0)), fromSeq, toSeq);
    }

    /** The contiguous chain range whose records arrived in {@code [from, to)}; null bounds are open. */
    public long[] seqRange(Instant from, Instant to) {
        List<Object> args = new ArrayList<>();
        String where = where(new RecordFilter(from, to, null, null, null, null, null, null, null, null), args);
        Map<String, Object> row = jdbc.queryForMap("SELECT MIN(seq) AS lo, MAX(seq) AS hi FROM message_log" + where,
                args.toArray());
        if (row.get("lo") == null) {
            return null;
        }
        return new long[] {((Number) row.get("lo")).longValue(), ((Number) row.get("hi")).longValue()};
    }

    /** The lowest and highest seq in the database, or null when it holds none. */
    public long[] bounds() {
        return seqRange(null, null);
    }

    /** Checkpoints in {@code [fromSeq, toSeq]}. */
    public List<Checkpoint> checkpoints(long fromSeq, long toSeq) {
        return jdbc.query("SELECT seq, record_hash, signed_at, key_id, algorithm, signature FROM audit_checkpoint"
                + " WHERE seq >= ? AND seq <= ? ORDER BY seq", (rs, i) -> new Checkpoint(rs.getLong("seq"),
                rs.getString("record_hash"), rs.getTimestamp("signed_at").toInstant(), rs.getString("key_id"),
                rs.getString("algorithm"), rs.getString("signature")), fromSeq, toSeq);
    }

    /** Where the writer says the chain ends: last seq and its hash. */
    public Map.Entry<Long, String> head() {
        Map<String, Object> row = jdbc.queryForMap("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1");
        return new AbstractMap.SimpleImmutableEntry<>(((Number) row.get("last_seq")).longValue(), (String) row.get("last_hash"));
    }

    /** The hash the record at {@code seq} must name as previous: the record before it, an archive's end, or genesis. */
    public String anchorFor(long seq) {
        if (seq <= 1) {
            return CanonicalForm.GENESIS;
        }
        List<String> hashes = jdbc.queryForList("SELECT record_hash FROM message_log WHERE seq = ?", String.class, seq - 1);
        if (!hashes.isEmpty()) {
            return hashes.get(0);
        }
        List<String> archived = jdbc.queryForList("SELECT last_hash FROM audit_archive WHERE last_seq = ?", String.class, seq - 1);
        return archived.isEmpty() ? null : archived.get(0);
    }

    /**
     * Verifies {@code [fromSeq, toSeq]} (null: from the first record in the database / to the head). The first record
     * must follow the record before it, or the last archived range, or genesis.
     */
    public VerificationReport verify(Long fromSeq, Long toSeq, PublicKey key) {
        long[] bounds = bounds();
        Map.Entry<Long, String> head = head();
        if (bounds == null) {
            ChainVerifier empty = new ChainVerifier(key, null, List.of());
            return empty.finish(head.getKey() == 0 ? null : head);
        }
        long lo = fromSeq == null ? bounds[0] : Math.max(fromSeq, 1);
        long hi = toSeq == null ? head.getKey() : toSeq;
        ChainVerifier verifier = new ChainVerifier(key, anchorFor(lo), checkpoints(lo, hi));
        range(lo, hi, verifier::accept);
        if (fromSeq == null) {
            jdbc.query("SELECT id, transaction_id FROM message_log WHERE seq IS NULL ORDER BY id",
                    (RowCallbackHandler) rs -> verifier.unchained(rs.getLong("id"), rs.getString("transaction_id")));
        }
        return verifier.finish(toSeq == null || toSeq >= head.getKey() ? head : null);
    }

    /**
     * Use of a service per agency system, officer and period ({@code day}, {@code month} or {@code year}, in Việt Nam
     * time), counted over exchange records; aggregated while streaming, so memory grows only with the number of rows.
     */
    public List<UsageRow> usage(String service, Instant from, Instant to, String period) {
        DateTimeFormatter format = switch (period) {
            case "year" -> DateTimeFormatter.ofPattern("yyyy");
            case "month" -> DateTimeFormatter.ofPattern("yyyy-MM");
            default -> DateTimeFormatter.ofPattern("yyyy-MM-dd");
        };
        List<Object> args = new ArrayList<>();
        String where = where(new RecordFilter(from, to, null, service, null, null, null, null, null, "EXCHANGE"), args);
        Map<List<String>, long[]> counts = new TreeMap<>((a, b) -> String.join("\u0000", a).compareTo(String.join("\u0000", b)));
        jdbc.query("SELECT client_id, user_id, time_in, outcome FROM message_log" + where, (RowCallbackHandler) rs -> {
            String bucket = format.format(rs.getTimestamp("time_in").toInstant().atZone(ZONE));
            List<String> key = List.of(bucket, String.valueOf(rs.getString("client_id")), String.valueOf(rs.getString("user_id")));
            long[] c = counts.computeIfAbsent(key, k -> new long[6]);
            c[0]++;
            c[1 + Outcome.valueOf(rs.getString("outcome")).ordinal()]++;
        }, args.toArray());
        List<UsageRow> rows = new ArrayList<>();
        counts.forEach((k, c) -> rows.add(new UsageRow(k.get(0), nullIfText(k.get(1)), nullIfText(k.get(2)), c[0], c[1], c[2],
                c[3], c[4], c[5])));
        return rows;
    }

    private static String nullIfText(String value) {
        return "null".equals(value) ? null : value;
    }

    private static String where(RecordFilter f, List<Object> args) {
        StringBuilder sql = new StringBuilder(" WHERE seq IS NOT NULL");
        if (f.from() != null) {
            sql.append(" AND time_in >= ?");
            args.add(Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            sql.append(" AND time_in < ?");
            args.add(Timestamp.from(f.to()));
        }
        equal(sql, args, "client_id", f.clientId());
        equal(sql, args, "service", f.service());
        equal(sql, args, "user_id", f.userId());
        equal(sql, args, "purpose", f.purpose());
        equal(sql, args, "subject_ref", f.subjectRef());
        equal(sql, args, "outcome", f.outcome());
        equal(sql, args, "transaction_id", f.transactionId());
        equal(sql, args, "record_type", f.recordType());
        return sql.toString();
    }

    private static void equal(StringBuilder sql, List<Object> args, String column, String value) {
        if (value != null && !value.isBlank()) {
            sql.append(" AND ").append(column).append(" = ?");
            args.add(value.strip());
        }
    }

    /**
     * A page of records.
     *
     * @param page    zero-based page number
     * @param size    records per page
     * @param total   records matching the filter
     * @param records this page, newest first
     */
    public record Page(int page, int size, long total, List<ChainedRecord> records) {
    }

    /**
     * Use of a service by one officer of one agency system in one period.
     *
     * @param period   {@code 2026-11-22}, {@code 2026-11} or {@code 2026}
     * @param clientId agency system
     * @param userId   officer
     * @param total    exchanges
     * @param success  answered with data
     * @param notFound subject not found or not matching
     * @param denied   refused for credentials or rights
     * @param rejected refused as invalid
     * @param failed   failed at the hub or the national system
     */
    public record UsageRow(String period, String clientId, String userId, long total, long success, long notFound,
            long denied, long rejected, long failed) {
    }
}
