package vn.lienthong.hub.audit.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

import org.apache.camel.spi.ExecutorServiceManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.lienthong.hub.audit.chain.AuditExport;
import vn.lienthong.hub.audit.chain.CheckpointKeys;
import vn.lienthong.hub.audit.chain.OfflineVerifier;
import vn.lienthong.hub.audit.chain.VerificationReport;
import vn.lienthong.hub.audit.log.AuditProperties;
import vn.lienthong.hub.audit.log.JdbcMessageLog;
import vn.lienthong.hub.audit.query.MessageLogQueries;

/**
 * Retention: records older than {@code hub.audit.retention} move from the database to archive files, so the table does
 * not grow without end. Each archive file is an export (the same JSON lines the offline verifier reads) of a contiguous
 * range that ends at a signed checkpoint; it is written, fsynced and verified before its records are deleted, in one
 * transaction with its row in {@code audit_archive}. {@code manifest.json} in the archive directory lists every file
 * with its SHA-256 and chain links (first previous hash, last hash), so ranges chain into each other and into the
 * database, and archived ranges still verify.
 *
 * <p>With several hub instances on one database, one archives at a time: each scheduled run takes the lock
 * {@value #LOCK} (ShedLock, a row of table {@code shedlock}); the others skip that run. The archive directory is then
 * a location all instances share (a network volume), so the manifest and the files stay in one place.
 */
@Component
public class MessageLogArchiver {

    private static final Logger log = LoggerFactory.getLogger(MessageLogArchiver.class);
    private static final int MAX_RECORDS_PER_FILE = 100_000;
    /** The lock one instance holds while it archives. */
    public static final String LOCK = "message-log-archive";
    /** Longest an archiving run may hold the lock (a killed instance's lock ends then). */
    private static final Duration LOCK_AT_MOST = Duration.ofMinutes(30);

    private final JdbcTemplate jdbc;
    private final MessageLogQueries queries;
    private final CheckpointKeys keys;
    private final Path directory;
    private final Duration retention;
    private final Duration checkPeriod;
    private final TransactionTemplate tx;
    /** Camel's thread pools: the archiver's one thread is managed (and shut down) with the others. */
    private ExecutorServiceManager threads;
    private ScheduledExecutorService scheduler;
    private LockingTaskExecutor lock;
    private String instance = "hub";

    @Autowired
    public MessageLogArchiver(JdbcTemplate jdbc, MessageLogQueries queries, CheckpointKeys keys, AuditProperties settings,
            org.apache.camel.CamelContext camel, LockProvider locks,
            @org.springframework.beans.factory.annotation.Value("${hub.instance-id:hub-1}") String instance) {
        this(jdbc, queries, keys, Path.of(settings.archiveDirectory()), settings.retention(), settings.archiveCheckPeriod());
        this.threads = camel.getExecutorServiceManager();
        this.lock = new DefaultLockingTaskExecutor(locks);
        this.instance = instance;
    }

    /** Archiving under the instances' shared lock (tests of several instances). */
    public MessageLogArchiver withLock(LockProvider locks, String instanceId) {
        this.lock = new DefaultLockingTaskExecutor(locks);
        this.instance = instanceId;
        return this;
    }

    public MessageLogArchiver(JdbcTemplate jdbc, MessageLogQueries queries, CheckpointKeys keys, Path directory, Duration retention,
            Duration checkPeriod) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.keys = keys;
        this.directory = directory;
        this.retention = retention;
        this.checkPeriod = checkPeriod;
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
    }

    @PostConstruct
    void start() {
        if (threads == null || retention == null || retention.isZero() || retention.isNegative()) {
            return;
        }
        scheduler = threads.newSingleThreadScheduledExecutor(this, "message-log-archiver");
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                archiveIfNoOtherInstanceIs(Instant.now().minus(retention));
            } catch (RuntimeException | IOException e) {
                log.error("Message log archiving failed; records stay in the database: {}", e.toString());
            }
        }, checkPeriod.toMillis(), checkPeriod.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Archives as {@link #archiveOlderThan} while holding the instances' lock; does nothing when another instance
     * holds it (or held it less than half a check period ago).
     *
     * @return records archived, or -1 when another instance had the lock
     */
    public long archiveIfNoOtherInstanceIs(Instant cutoff) throws IOException {
        if (lock == null) {
            return archiveOlderThan(cutoff);
        }
        Duration atLeast = checkPeriod == null ? Duration.ZERO : checkPeriod.dividedBy(2);
        try {
            LockingTaskExecutor.TaskResult<Long> result = lock.executeWithLock(() -> archiveOlderThan(cutoff),
                    new LockConfiguration(Instant.now(), LOCK, LOCK_AT_MOST, atLeast.compareTo(LOCK_AT_MOST) < 0 ? atLeast
                            : Duration.ZERO));
            if (!result.wasExecuted()) {
                log.debug("Message log archiving skipped on {}: another instance holds the lock", instance);
                return -1;
            }
            return result.getResult();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @PreDestroy
    void stop() {
        if (scheduler != null) {
            threads.shutdownNow(scheduler);
        }
    }

    /**
     * Archives the oldest records whose answer left before {@code cutoff}, up to the last signed checkpoint among them.
     *
     * @return records archived
     */
    public synchronized long archiveOlderThan(Instant cutoff) throws IOException {
        long archived = 0;
        while (true) {
            long[] bounds = queries.bounds();
            if (bounds == null) {
                return archived;
            }
            Long firstKept = jdbc.queryForObject("SELECT MIN(seq) FROM message_log WHERE seq IS NOT NULL AND time_out >= ?",
                    Long.class, Timestamp.from(cutoff));
            long candidateEnd = Math.min(firstKept == null ? bounds[1] : firstKept - 1, bounds[0] + MAX_RECORDS_PER_FILE - 1);
            Long end = jdbc.queryForObject("SELECT MAX(seq) FROM audit_checkpoint WHERE seq >= ? AND seq <= ?", Long.class,
                    bounds[0], candidateEnd);
            if (end == null) {
                return archived;
            }
            archived += archive(bounds[0], end);
        }
    }

    private long archive(long lo, long hi) throws IOException {
        Files.createDirectories(directory);
        String anchor = queries.anchorFor(lo);
        String lastHash = jdbc.queryForObject("SELECT record_hash FROM message_log WHERE seq = ?", String.class, hi);
        String name = String.format("message-log-%012d-%012d.jsonl", lo, hi);
        Path file = directory.resolve(name);
        Path partial = directory.resolve(name + ".partial");
        long count;
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING); OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
            count = AuditExport.writeJsonLines(out, lo, hi, lastHash, anchor, keys.keyId(), queries.checkpoints(lo, hi),
                    sink -> queries.range(lo, hi, sink));
            out.flush();
            channel.force(true);
        }
        VerificationReport check = OfflineVerifier.verify(partial, keys.publicKey());
        if (!check.valid() || count != hi - lo + 1) {
            Files.deleteIfExists(partial);
            throw new IllegalStateException("records " + lo + " to " + hi + " do not verify; they are not archived: "
                    + check.problems());
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        String sha256 = AuditExport.sha256(file);
        tx.executeWithoutResult(status -> {
            jdbc.update("INSERT INTO audit_archive (first_seq, last_seq, first_prev_hash, last_hash, record_count, file_name,"
                    + " file_sha256, archived_at) VALUES (?,?,?,?,?,?,?,?)", lo, hi, anchor, lastHash, count, name, sha256,
                    Timestamp.from(Instant.now()));
            jdbc.update("DELETE FROM message_log WHERE seq >= ? AND seq <= ?", lo, hi);
        });
        writeManifest();
        log.info("Archived message log records {} to {} ({} records) to {}", lo, hi, count, file);
        return count;
    }

    /** Rewrites the manifest from {@code audit_archive}. */
    void writeManifest() throws IOException {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT first_seq, last_seq, first_prev_hash, last_hash,"
                + " record_count, file_name, file_sha256, archived_at FROM audit_archive ORDER BY first_seq");
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", "lienthong-audit-archive-manifest/1");
        manifest.put("keyId", keys.keyId());
        manifest.put("files", rows.stream().map(r -> {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("file", r.get("file_name"));
            f.put("sha256", r.get("file_sha256"));
            f.put("firstSeq", ((Number) r.get("first_seq")).longValue());
            f.put("lastSeq", ((Number) r.get("last_seq")).longValue());
            f.put("firstPrevHash", r.get("first_prev_hash"));
            f.put("lastHash", r.get("last_hash"));
            f.put("recordCount", ((Number) r.get("record_count")).longValue());
            f.put("archivedAt", JdbcMessageLog.instant(r.get("archived_at")));
            return f;
        }).toList());
        Path partial = directory.resolve(AuditExport.MANIFEST + ".partial");
        try {
            AuditExport.JSON.writerWithDefaultPrettyPrinter().writeValue(partial.toFile(), manifest);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        Files.move(partial, directory.resolve(AuditExport.MANIFEST), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
