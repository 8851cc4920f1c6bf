package vn.lienthong.hub.audit.log;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.NonTransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.lienthong.hub.audit.chain.ChainedRecord;
import vn.lienthong.hub.audit.chain.Checkpoint;
import vn.lienthong.hub.audit.chain.CheckpointKeys;

/**
 * The single writer of the chain. Callers queue records (a bounded queue, so memory stays bounded); one thread takes
 * whatever is queued, up to a batch, and writes it in one database transaction that locks the chain head, places each
 * record at the next {@code seq}, hashes it onto the previous one, and signs a checkpoint when one is due. A caller
 * that must not answer before its record is durable waits on the record's future (group commit): many concurrent
 * exchanges share one commit. A failing database is retried with back-off; the queue then fills and callers stop
 * waiting after their timeout instead of hanging.
 */
final class ChainWriter {

    private static final Logger log = LoggerFactory.getLogger(ChainWriter.class);

    static final String INSERT = "INSERT INTO message_log (seq, prev_hash, record_hash, record_type, transaction_id,"
            + " hub_instance, channel, client_id, user_id, purpose, service, operation, subject_ref, outcome, error_code,"
            + " error_text, http_status, time_in, time_out, duration_ms, request_size, response_size, request_sha256,"
            + " response_sha256, request_body_enc, response_body_enc)"
            + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

    /** A queued record and the future completed when it is committed. */
    record Pending(ChainedRecord draft, CompletableFuture<Long> committed) {
    }

    /** Writer settings. */
    record Settings(int queueCapacity, int maxBatch, int checkpointInterval, Duration checkpointPeriod) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Settings settings;
    private final CheckpointKeys keys;
    private final BlockingQueue<Pending> queue;
    private final Thread thread;
    private volatile boolean running = true;
    /**
     * The newest checkpoint this writer knows of (its seq and signing time; -1 when none is known yet), read and set
     * by the writer's thread only. Another instance may have signed a newer one, so these never say more than the
     * database: a checkpoint they say is not due is not due, and one they say is due is looked up before it is signed.
     */
    private long knownCheckpointSeq = -1;
    private Instant knownCheckpointAt = Instant.EPOCH;
    /** Transactions committed and records they wrote: their ratio is the group commit's batch size. */
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    /** Counted down by {@link #close}: a retry wait ends at once when the hub stops. */
    private final CountDownLatch stopping = new CountDownLatch(1);

    ChainWriter(JdbcTemplate jdbc, Settings settings, CheckpointKeys keys) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
        this.settings = settings;
        this.keys = keys;
        // bounded; two locks, so the callers queueing records do not wait for the writer taking a batch
        this.queue = new LinkedBlockingQueue<>(settings.queueCapacity());
        this.thread = new Thread(this::run, "message-log-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Queues a record; an already completed-exceptionally future when the queue stays full past {@code wait}. */
    CompletableFuture<Long> submit(ChainedRecord draft, Duration wait) {
        Pending pending = new Pending(draft, new CompletableFuture<>());
        try {
            if (!running || !queue.offer(pending, wait.toMillis(), TimeUnit.MILLISECONDS)) {
                pending.committed().completeExceptionally(new IllegalStateException("message log queue full or stopped"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.committed().completeExceptionally(e);
        }
        return pending.committed();
    }

    int queued() {
        return queue.size();
    }

    long commits() {
        return commits.get();
    }

    long written() {
        return written.get();
    }

    private void committed(int records) {
        commits.incrementAndGet();
        written.addAndGet(records);
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        long backoff = 100;
        long idleCheckMillis = Math.max(1, settings.checkpointPeriod().toMillis() / 4);
        long lastIdleCheck = System.currentTimeMillis();
        while (running || !queue.isEmpty() || !batch.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    Pending first = queue.poll(Math.min(idleCheckMillis, 200), TimeUnit.MILLISECONDS);
                    if (first == null) {
                        if (System.currentTimeMillis() - lastIdleCheck >= idleCheckMillis) {
                            lastIdleCheck = System.currentTimeMillis();
                            Checkpoint signed = tx.execute(status -> checkpointIfDue(lockHead(), Instant.now()));
                            know(signed);
                        }
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, settings.maxBatch() - 1);
                }
                Written written = tx.execute(status -> write(batch));
                committed(batch.size());
                know(written.checkpoint());
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).committed().complete(written.seqs().get(i));
                }
                batch.clear();
                backoff = 100;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (NonTransientDataAccessException e) {
                // The database refuses the data itself (e.g. a value it cannot store): retrying the batch would block
                // every later record for ever. Each record is written on its own; one that still cannot be written is
                // refused to its caller, whose answer was never released, and named in the log.
                log.error("Message log batch of {} record(s) refused by the database ({}); writing them one by one",
                        batch.size(), e.getMostSpecificCause().toString());
                List<Pending> left = writeOneByOne(batch);
                batch.clear();
                batch.addAll(left);
            } catch (RuntimeException e) {
                // Keep the batch and retry: the records of answered exchanges must not be dropped.
                log.error("Message log batch of {} record(s) not written, retrying in {} ms: {}", batch.size(), backoff,
                        e.toString());
                try {
                    if (stopping.await(backoff, TimeUnit.MILLISECONDS)) {
                        // stopping: one more attempt happens in the loop's final rounds, no more waiting
                        backoff = 0;
                    }
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(Math.max(backoff * 2, 100), 10_000);
            }
        }
    }

    /** Writes each record in its own transaction; returns those that failed for a reason other than their data. */
    private List<Pending> writeOneByOne(List<Pending> batch) {
        List<Pending> left = new ArrayList<>();
        for (Pending pending : batch) {
            try {
                Written written = tx.execute(status -> write(List.of(pending)));
                committed(1);
                know(written.checkpoint());
                pending.committed().complete(written.seqs().get(0));
            } catch (NonTransientDataAccessException refused) {
                log.error("Message log record of transaction {} ({} {}) cannot be stored and is refused: {}",
                        pending.draft().transactionId(), pending.draft().recordType(), pending.draft().service(),
                        refused.getMostSpecificCause().toString());
                pending.committed().completeExceptionally(refused);
            } catch (RuntimeException transientFailure) {
                // not the data: kept, and retried with backoff like any batch
                left.add(pending);
            }
        }
        return left;
    }

    private Map<String, Object> lockHead() {
        // a parameter makes it a prepared statement, which the database parses once rather than at every batch
        return jdbc.queryForMap("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = ? FOR UPDATE", 1);
    }

    /** The seqs a batch was given, and the checkpoint its transaction signed (null: none). */
    private record Written(List<Long> seqs, Checkpoint checkpoint) {
    }

    /** After a commit: the checkpoint it signed is the newest one known. */
    private void know(Checkpoint committed) {
        if (committed != null) {
            knownCheckpointSeq = committed.seq();
            knownCheckpointAt = committed.signedAt();
        }
    }

    private Written write(List<Pending> batch) {
        Map<String, Object> head = lockHead();
        long seq = ((Number) head.get("last_seq")).longValue();
        String hash = (String) head.get("last_hash");
        List<Object[]> rows = new ArrayList<>(batch.size());
        List<Long> seqs = new ArrayList<>(batch.size());
        for (Pending pending : batch) {
            ChainedRecord r = pending.draft().chained(++seq, hash);
            hash = r.recordHash();
            seqs.add(seq);
            rows.add(new Object[] {r.seq(), r.prevHash(), r.recordHash(), r.recordType(), r.transactionId(), r.hubInstance(),
                r.channel(), r.clientId(), r.userId(), r.purpose(), r.service(), r.operation(), r.subjectRef(), r.outcome(),
                r.errorCode(), r.errorText(), r.httpStatus(), Timestamp.from(r.timeIn()), Timestamp.from(r.timeOut()),
                r.durationMillis(), r.requestSize(), r.responseSize(), r.requestSha256(), r.responseSha256(),
                r.requestBodyEnc(), r.responseBodyEnc()});
        }
        jdbc.batchUpdate(INSERT, rows);
        jdbc.update("UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = ?", seq, hash, 1);
        Checkpoint signed = checkpointIfDue(Map.of("last_seq", seq, "last_hash", hash), Instant.now());
        return new Written(seqs, signed);
    }

    /**
     * Signs the head when enough records, or enough time, have passed since the last checkpoint; the checkpoint
     * signed, or null. The last checkpoint is looked up only when the newest one this writer knows of says one is
     * due: the checkpoints of other instances only make it later.
     */
    private Checkpoint checkpointIfDue(Map<String, Object> head, Instant now) {
        if (keys == null) {
            return null;
        }
        long seq = ((Number) head.get("last_seq")).longValue();
        if (seq == 0 || knownCheckpointSeq >= 0 && !due(seq, knownCheckpointSeq, knownCheckpointAt, now)) {
            return null;
        }
        List<Map<String, Object>> last = jdbc.queryForList(
                "SELECT seq, signed_at FROM audit_checkpoint ORDER BY seq DESC FETCH FIRST ? ROWS ONLY", 1);
        long lastSeq = last.isEmpty() ? 0 : ((Number) last.get(0).get("seq")).longValue();
        Instant lastAt = last.isEmpty() ? Instant.EPOCH : JdbcMessageLog.instant(last.get(0).get("signed_at"));
        // committed data: true whatever becomes of this transaction
        knownCheckpointSeq = lastSeq;
        knownCheckpointAt = lastAt;
        if (seq <= lastSeq || !due(seq, lastSeq, lastAt, now)) {
            return null;
        }
        Checkpoint c = keys.sign(seq, (String) head.get("last_hash"), now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        jdbc.update("INSERT INTO audit_checkpoint (seq, record_hash, signed_at, key_id, algorithm, signature)"
                + " VALUES (?,?,?,?,?,?)", c.seq(), c.recordHash(), Timestamp.from(c.signedAt()), c.keyId(),
                c.algorithm(), c.signature());
        return c;
    }

    private boolean due(long seq, long lastSeq, Instant lastAt, Instant now) {
        return seq - lastSeq >= settings.checkpointInterval()
                || Duration.between(lastAt, now).compareTo(settings.checkpointPeriod()) >= 0;
    }

    /** Stops after writing what is queued, waiting at most {@code wait}. */
    void close(Duration wait) {
        running = false;
        stopping.countDown();
        try {
            thread.join(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            thread.interrupt();
        }
    }

    /** Stops at once, dropping what is queued: what a crash does. Tests use it to prove the guarantee. */
    void halt() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        queue.clear();
    }
}
