package vn.lienthong.hub.operations;

import java.io.File;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * Keeps the embedded H2 database's file from growing without end. H2 writes each commit as a new chunk of the file
 * holding every page the commit changed, and reuses a chunk's space only once none of its pages is live any more. It
 * moves the live pages out of sparse chunks only in its background writer, which does not run when each commit is
 * written at once ({@code WRITE_DELAY=0}, which the hub needs: a confirmed answer's record must be in the file). The
 * message log's indexes leave a few live pages in every chunk (a leaf once full is never written again), so without
 * this task the file grew by about 15 KB per record at 150 lookups a second (1 GB in 4 minutes), for ever.
 *
 * <p>Every period this task does what the background writer would: it rewrites the live pages of the chunks below the
 * fill rate, at most {@code max-write} bytes, and lets go of the chunks emptied before, once H2's retention time (45 s)
 * has passed. Measured at 150 lookups a second with the defaults, the file grew as before for two minutes (nothing
 * is older than the retention time yet), then by ever less, and not at all in the fourth (docs/performance.md). Under
 * a load that writes faster than the budget reclaims, it still grows, more slowly; each run holds the store, so
 * commits wait for it: small runs, often.
 *
 * <p>Only for an embedded H2 database (the default); PostgreSQL reclaims its own space (autovacuum), and a remote H2
 * is compacted where it runs.
 */
@Component
public class EmbeddedDatabaseCompaction {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseCompaction.class);

    private final DataSource dataSource;
    private final CamelContext camel;
    private final boolean enabled;
    private final Duration period;
    private final int targetFillRate;
    private final int maxWriteBytes;
    private final MeterRegistry meters;
    private final AtomicLong rewrites = new AtomicLong();
    private volatile String fileName;
    /** How long each run held the store (commits wait meanwhile): what max-write and period trade; set by start. */
    private volatile Timer runTimes;
    private ScheduledExecutorService scheduler;

    public EmbeddedDatabaseCompaction(DataSource dataSource, CamelContext camel, MeterRegistry meters,
            DatabaseCompactionProperties settings) {
        if (settings.targetFillRate() < 1 || settings.targetFillRate() > 100) {
            throw new IllegalArgumentException(
                    "hub.database.compaction.target-fill-rate must be 1 to 100: " + settings.targetFillRate());
        }
        if (settings.period().isZero() || settings.period().isNegative()) {
            throw new IllegalArgumentException("hub.database.compaction.period must be positive: " + settings.period());
        }
        this.dataSource = dataSource;
        this.camel = camel;
        this.meters = meters;
        this.enabled = settings.enabled();
        this.period = settings.period();
        this.targetFillRate = settings.targetFillRate();
        this.maxWriteBytes = (int) Math.min(Integer.MAX_VALUE, settings.maxWrite().toBytes());
    }

    @PostConstruct
    void start() {
        if (!enabled) {
            return;
        }
        MVStore store = withStore(s -> s);
        if (store == null) {
            return;
        }
        fileName = store.getFileStore() == null ? null : store.getFileStore().getFileName();
        FunctionCounter.builder("hub.database.compactions", rewrites, AtomicLong::get)
                .description("Compaction runs of the embedded database that rewrote pages").register(meters);
        runTimes = Timer.builder("hub.database.compaction.runs")
                .description("Compaction runs of the embedded database, each holding the store while it rewrites")
                .register(meters);
        Gauge.builder("hub.database.file.size", this, EmbeddedDatabaseCompaction::fileBytes).baseUnit("bytes")
                .description("Size of the embedded database's file").register(meters);
        Gauge.builder("hub.database.chunks.fill", this, EmbeddedDatabaseCompaction::fillRate).baseUnit("percent")
                .description("Share of the embedded database's chunks that live pages fill").register(meters);
        // Camel's thread pools: the one thread is managed (and shut down) with the others
        scheduler = camel.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "database-compaction");
        scheduler.scheduleWithFixedDelay(this::compactSafely, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        log.info("Embedded database {}: live pages of chunks below {} % moved every {}, at most {} bytes a run",
                fileName, targetFillRate, period, maxWriteBytes);
    }

    @PreDestroy
    void stop() {
        if (scheduler != null) {
            camel.getExecutorServiceManager().shutdownNow(scheduler);
        }
    }

    /** One run; true when pages were rewritten. False as well when the database is not an embedded H2. */
    public boolean compactOnce() {
        long started = System.nanoTime();
        Boolean rewrote = withStore(store -> {
            boolean moved = store.compact(targetFillRate, maxWriteBytes);
            // the chunks left without a live page are let go once H2's retention time has passed since they emptied
            store.getFileStore().dropUnusedChunks();
            return moved;
        });
        Timer timer = runTimes;
        if (timer != null) {
            timer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
        if (Boolean.TRUE.equals(rewrote)) {
            rewrites.incrementAndGet();
            return true;
        }
        return false;
    }

    /** The chunks' fill rate in per cent (their live pages' share of their bytes); -1 when not an embedded H2. */
    public int fillRate() {
        Integer rate = withStore(store -> store.getFileStore().getChunksFillRate());
        return rate == null ? -1 : rate;
    }

    /** Runs that rewrote pages, since the start. */
    public long rewrites() {
        return rewrites.get();
    }

    private double fileBytes() {
        return fileName == null ? Double.NaN : new File(fileName).length();
    }

    private void compactSafely() {
        try {
            compactOnce();
        } catch (RuntimeException e) {
            // the next run tries again; the database itself is not at risk, only its file's size
            log.warn("Embedded database compaction failed: {}", e.toString());
        }
    }

    private <T> T withStore(java.util.function.Function<MVStore, T> work) {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isWrapperFor(JdbcConnection.class)) {
                return null;
            }
            if (!(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)
                    || !session.getDatabase().isPersistent() || session.getDatabase().getStore() == null) {
                return null;
            }
            return work.apply(session.getDatabase().getStore().getMvStore());
        } catch (SQLException e) {
            throw new IllegalStateException("no connection to the embedded database: " + e.getMessage(), e);
        }
    }
}
