package vn.lienthong.hub.audit.query;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.lienthong.hub.exchange.HubOperation;
import vn.lienthong.hub.audit.chain.AuditExport;
import vn.lienthong.hub.audit.chain.ChainedRecord;
import vn.lienthong.hub.audit.chain.CheckpointKeys;
import vn.lienthong.hub.audit.log.JdbcMessageLog;
import vn.lienthong.hub.audit.Outcome;
import vn.lienthong.hub.exchange.SubjectReferences;
import vn.lienthong.hub.audit.chain.VerificationReport;
import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.HubException;

/**
 * The message log for auditors and inspectors: search, traces, chain verification, export and statistics. Only
 * clients granted {@code audit:*} may call it (every other client gets 403), and each call is itself an exchange in
 * the log, with its operation.
 */
@RestController
@RequestMapping(path = "/api/v1/audit")
public class AuditController {

    static final int MAX_PAGE_SIZE = 500;
    private static final Set<String> PERIODS = Set.of("day", "month", "year");

    private final JdbcMessageLog messageLog;
    private final MessageLogQueries queries;
    private final SubjectReferences subjects;
    private final CheckpointKeys keys;

    public AuditController(JdbcMessageLog messageLog, MessageLogQueries queries,
            SubjectReferences subjects, CheckpointKeys keys) {
        this.messageLog = messageLog;
        this.queries = queries;
        this.subjects = subjects;
        this.keys = keys;
    }

    /** Records matching the filters, newest first, a page at a time. */
    @HubOperation(service = "message-log", operation = "SearchMessageLog")
    @GetMapping(path = "/records", produces = MediaType.APPLICATION_JSON_VALUE)
    public MessageLogQueries.Page records(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String client,
            @RequestParam(required = false) String service, @RequestParam(required = false) String user,
            @RequestParam(required = false) String purpose, @RequestParam(required = false) String personalId,
            @RequestParam(required = false) String subjectRef, @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String transactionId, @RequestParam(required = false) String recordType,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new HubException(ErrorCode.INVALID_FIELD, "page must be ≥ 0 and size between 1 and " + MAX_PAGE_SIZE);
        }
        // filters in NFC, as the edge wrote the records (an officer's id or a purpose typed decomposed still matches)
        Instant start = start(from);
        Instant end = end(to);
        if (start != null && end != null && !end.isAfter(start)) {
            throw new HubException(ErrorCode.INVALID_FIELD, "to is before from (or equal to it: to is excluded)");
        }
        RecordFilter filter = new RecordFilter(start, end, nfc(client), nfc(service),
                nfc(user), nfc(purpose), subject(personalId, subjectRef), outcome(outcome), nfc(transactionId),
                recordType(recordType));
        return queries.search(filter, page, size);
    }

    /** The whole trace of one transaction: its edge exchange, every connector hop, every delivery attempt. */
    @HubOperation(service = "message-log", operation = "TraceTransaction")
    @GetMapping(path = "/transactions/{transactionId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Trace transaction(@PathVariable String transactionId) {
        List<ChainedRecord> records = messageLog.findChainedByTransaction(transactionId.strip());
        if (records.isEmpty()) {
            throw new HubException(ErrorCode.NOT_FOUND, "no record of transaction " + transactionId.strip());
        }
        long exchanges = records.stream().filter(r -> "EXCHANGE".equals(r.recordType())).count();
        return new Trace(transactionId.strip(), records.get(0).timeIn(), records.get(records.size() - 1).timeOut(),
                exchanges, records.size() - exchanges, records);
    }

    /** Verifies the chain over {@code [fromSeq, toSeq]} (default: everything in the database). */
    @HubOperation(service = "message-log", operation = "VerifyChain")
    @GetMapping(path = "/verify", produces = MediaType.APPLICATION_JSON_VALUE)
    public Verification verify(@RequestParam(required = false) Long fromSeq, @RequestParam(required = false) Long toSeq) {
        if (fromSeq != null && toSeq != null && fromSeq > toSeq) {
            throw new HubException(ErrorCode.INVALID_FIELD, "fromSeq is after toSeq");
        }
        VerificationReport report = queries.verify(fromSeq, toSeq, keys.publicKey());
        return new Verification(report.valid(), keys.keyId(), Instant.now(), report);
    }

    /** The public key auditors verify checkpoints and exports with. */
    @HubOperation(service = "message-log", operation = "VerifyChain")
    @GetMapping(path = "/public-key", produces = "application/x-pem-file")
    public String publicKey() {
        return keys.publicKeyPem();
    }

    /**
     * A contiguous chain range as JSON lines (verifiable offline) or CSV: selected by {@code fromSeq}/{@code toSeq},
     * or by the time range {@code from}/{@code to} (then from the first to the last record that arrived in it).
     */
    @HubOperation(service = "message-log", operation = "ExportMessageLog")
    @GetMapping(path = "/export")
    public void export(@RequestParam(defaultValue = "jsonl") String format, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) Long fromSeq,
            @RequestParam(required = false) Long toSeq, HttpServletResponse response)
            throws IOException {
        if (!format.equals("jsonl") && !format.equals("csv")) {
            throw new HubException(ErrorCode.INVALID_FIELD, "format must be jsonl or csv");
        }
        Instant start = start(from);
        Instant end = end(to);
        checkSpan(start, end);
        long[] range = queries.seqRange(start, end);
        if (range == null) {
            throw new HubException(ErrorCode.NOT_FOUND, "no record in that range");
        }
        long lo = fromSeq == null ? range[0] : Math.max(fromSeq, range[0]);
        long hi = toSeq == null ? range[1] : Math.min(toSeq, range[1]);
        if (lo > hi) {
            throw new HubException(ErrorCode.NOT_FOUND, "no record in that range");
        }
        String name = "message-log-" + lo + "-" + hi + "." + format;
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        if (format.equals("csv")) {
            response.setContentType("text/csv;charset=UTF-8");
            Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
            AuditExport.writeCsvHeader(writer);
            streamRange(lo, hi, r -> {
                try {
                    AuditExport.writeCsvRow(writer, r);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            writer.flush();
        } else {
            response.setContentType("application/x-ndjson;charset=UTF-8");
            String lastHash = queries.anchorFor(hi + 1);
            AuditExport.writeJsonLines(response.getOutputStream(), lo, hi, lastHash, queries.anchorFor(lo), keys.keyId(),
                    queries.checkpoints(lo, hi), sink -> streamRange(lo, hi, sink));
        }
    }

    private void streamRange(long lo, long hi, java.util.function.Consumer<ChainedRecord> sink) {
        queries.range(lo, hi, sink);
    }

    /**
     * Use of a service (by default the population database lookup) per agency system, officer and period.
     */
    @HubOperation(service = "message-log", operation = "UsageStatistics")
    @GetMapping(path = "/statistics", produces = MediaType.APPLICATION_JSON_VALUE)
    public Statistics statistics(@RequestParam(defaultValue = "citizen-lookup") String service,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "month") String period) {
        if (!PERIODS.contains(period)) {
            throw new HubException(ErrorCode.INVALID_FIELD, "period must be day, month or year");
        }
        Instant start = start(from);
        Instant end = end(to);
        checkSpan(start, end);
        return new Statistics(service, period, start, end, queries.usage(service, start, end, period));
    }

    /** A text filter as the edge stores text: NFC, inner white space folded, trimmed. */
    static String nfc(String value) {
        return value == null ? null : vn.lienthong.hub.model.Names.normalize(value);
    }

    private String subject(String personalId, String subjectRef) {
        if (personalId != null && !personalId.isBlank()) {
            String id = personalId.strip();
            if (!id.matches("\\d{9}|\\d{12}|\\d{10}(-\\d{3})?")) {
                throw new HubException(ErrorCode.INVALID_FIELD,
                        "personalId must be a 12-digit personal id, a 9-digit identity card number or an enterprise code");
            }
            return subjects.reference(id);
        }
        if (subjectRef != null && !subjectRef.isBlank() && !subjectRef.strip().matches("[0-9a-f]{64}")) {
            throw new HubException(ErrorCode.INVALID_FIELD, "subjectRef must be 64 lowercase hex digits");
        }
        return subjectRef;
    }

    private static String outcome(String outcome) {
        if (outcome == null || outcome.isBlank()) {
            return null;
        }
        try {
            return Outcome.valueOf(outcome.strip().toUpperCase()).name();
        } catch (IllegalArgumentException e) {
            throw new HubException(ErrorCode.INVALID_FIELD, "outcome must be one of SUCCESS, NOT_FOUND, DENIED, REJECTED, FAILED");
        }
    }

    private static String recordType(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        String t = type.strip().toUpperCase();
        if (!t.equals("EXCHANGE") && !t.equals("HOP")) {
            throw new HubException(ErrorCode.INVALID_FIELD, "recordType must be EXCHANGE or HOP");
        }
        return t;
    }

    /**
     * A time range that exports or counts goes over at most {@link #MAX_SPAN} (an open end counts from or to now), and
     * neither end may be before its start.
     */
    static void checkSpan(Instant from, Instant to) {
        Instant start = from == null ? (to == null ? null : to.minus(MAX_SPAN)) : from;
        Instant end = to == null ? Instant.now() : to;
        if (start == null) {
            return;
        }
        if (!end.isAfter(start)) {
            // to is excluded: to = from is an empty range, as a date-only to before a date-only from is
            throw new HubException(ErrorCode.INVALID_FIELD, "to is before from (or equal to it: to is excluded)");
        }
        if (java.time.Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
            throw new HubException(ErrorCode.INVALID_FIELD, "from and to may be at most " + MAX_SPAN.toDays()
                    + " days apart (an open end counts as now): export or count a year at a time");
        }
    }

    /**
     * The start of a range, included: an instant, a local date-time or a date (the start of that day), in Việt Nam time
     * (docs/api-conventions.md).
     */
    static Instant start(String value) {
        return instant("from", value, false);
    }

    /**
     * The end of a range, excluded: an instant or a local date-time in Việt Nam time; a date alone is the end of that day
     * (the start of the next), so {@code from=2026-11-22&to=2026-11-22} is that whole day (docs/api-conventions.md).
     */
    static Instant end(String value) {
        return instant("to", value, true);
    }

    /** An instant, a local date-time or a date (both in Việt Nam time), between {@link #EARLIEST} and {@link #LATEST}. */
    static Instant instant(String name, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > 40 || !v.matches("\\d{4}-.*")) {
            throw new HubException(ErrorCode.INVALID_FIELD, name + " must be a date (2026-11-22), a local time"
                    + " (2026-11-22T08:30) or an instant (2026-11-22T01:30:00Z) with a four-digit year");
        }
        Instant parsed = parse(name, v, endOfDay);
        if (parsed.isBefore(EARLIEST) || parsed.isAfter(LATEST)) {
            throw new HubException(ErrorCode.INVALID_FIELD, name + " must lie between 2000-01-01 and 2100-01-01");
        }
        return parsed;
    }

    private static Instant parse(String name, String v, boolean endOfDay) {
        try {
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZONE).toInstant();
            }
            if (v.endsWith("Z") || v.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return java.time.OffsetDateTime.parse(v).toInstant();
            }
            return LocalDateTime.parse(v).atZone(ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw new HubException(ErrorCode.INVALID_FIELD, name + " must be a date (2026-11-22), a local time"
                    + " (2026-11-22T08:30) or an instant (2026-11-22T01:30:00Z)");
        }
    }

    private static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");
    /** The longest time range one export or count covers. */
    static final java.time.Duration MAX_SPAN = java.time.Duration.ofDays(366);

    /**
     * One transaction's trace.
     *
     * @param transactionId the transaction
     * @param started       time in of its first record
     * @param ended         time out of its last record
     * @param exchanges     edge records
     * @param hops          connector calls and delivery attempts
     * @param records       all of them, in chain order
     */
    public record Trace(String transactionId, Instant started, Instant ended, long exchanges, long hops,
            List<ChainedRecord> records) {
    }

    /**
     * The answer of a verification.
     *
     * @param valid      no problem found
     * @param keyId      the checkpoint key
     * @param verifiedAt when
     * @param report     the details, each problem located by seq and record id
     */
    public record Verification(boolean valid, String keyId, Instant verifiedAt, VerificationReport report) {
    }

    /**
     * Usage statistics.
     *
     * @param service service counted
     * @param period  day, month or year
     * @param from    start (inclusive), when given
     * @param to      end (exclusive), when given
     * @param rows    one row per period, agency system and officer
     */
    public record Statistics(String service, String period, Instant from, Instant to, List<MessageLogQueries.UsageRow> rows) {
    }

}
