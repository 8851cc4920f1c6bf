package vn.lienthong.hub.audit.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.lienthong.hub.DatabaseContract;
import vn.lienthong.hub.TestDatabase;
import vn.lienthong.hub.audit.MessageLogRecord;
import vn.lienthong.hub.audit.Outcome;
import vn.lienthong.hub.audit.archive.MessageLogArchiver;
import vn.lienthong.hub.audit.chain.AuditExport;
import vn.lienthong.hub.audit.chain.CanonicalForm;
import vn.lienthong.hub.audit.chain.ChainedRecord;
import vn.lienthong.hub.audit.chain.CheckpointKeys;
import vn.lienthong.hub.audit.chain.OfflineVerifier;
import vn.lienthong.hub.audit.chain.VerificationReport;
import vn.lienthong.hub.audit.query.MessageLogQueries;
import vn.lienthong.hub.audit.query.RecordFilter;

/**
 * The hash chain, checkpoints, tamper detection, export and the write guarantee, on each database the hub supports.
 * Tampering is done the way an insider would: SQL on the table.
 */
abstract class MessageLogChainContract extends DatabaseContract {

    @TempDir
    Path dir;

    protected JdbcTemplate jdbc;
    protected CheckpointKeys keys;
    protected JdbcMessageLog log;
    protected MessageLogQueries queries;
    private final Instant start = Instant.parse("2026-11-20T01:00:00Z");

    /** On an empty database of this test's own. */
    protected MessageLogChainContract(TestDatabase database) {
        super(database);
    }

    @BeforeEach
    void migrate() {
        database().migrate();
        jdbc = new JdbcTemplate(dataSource());
        keys = CheckpointKeys.load(dir.resolve("keys/private.pem"), dir.resolve("keys/public.pem"), true);
        log = newLog(Duration.ofSeconds(10));
        queries = new MessageLogQueries(jdbc);
    }

    @AfterEach
    void stop() {
        log.close();
    }

    private JdbcMessageLog newLog(Duration commitTimeout) {
        AuditProperties settings = new Binder(new MapConfigurationPropertySource(Map.of(
                "hub.audit.checkpoint-interval", "4",
                "hub.audit.commit-timeout", commitTimeout.toMillis() + "ms",
                "hub.audit.max-batch", "3",
                "hub.audit.checkpoint-period", "1h"))).bindOrCreate("hub.audit", AuditProperties.class);
        return new JdbcMessageLog(jdbc, settings, keys, null);
    }

    /** Record n: alternating clients, officers and outcomes, n minutes after the start. */
    private MessageLogRecord record(int n) {
        return record(n, "hub-1", "tx-" + n);
    }

    private MessageLogRecord record(int n, String instance, String transactionId) {
        Instant in = start.plus(n, ChronoUnit.MINUTES);
        boolean odd = n % 2 == 1;
        return new MessageLogRecord(null, n % 3 == 0 ? "HOP" : "EXCHANGE", transactionId, instance, "REST",
                odd ? "000.00.00.H22:MOTCUA" : "000.00.00.H22:CONGTTDT", odd ? "Cán bộ Nguyễn Thị Lụa" : "canbo.b",
                "1.003560.000.00.00.H22", "citizen-lookup", "LookupCitizen", odd ? "ab".repeat(32) : "cd".repeat(32),
                odd ? Outcome.SUCCESS : Outcome.NOT_FOUND, odd ? null : "NOT_FOUND", odd ? null : "không tìm thấy",
                odd ? 200 : 404, in, in.plusMillis(15), 15, 80L, 300L);
    }

    private void write(int count) {
        for (int n = 1; n <= count; n++) {
            log.append(record(n), BodyEvidence.of(("{\"n\":" + n + "}").getBytes(StandardCharsets.UTF_8),
                    "{\"ok\":true}".getBytes(StandardCharsets.UTF_8)));
        }
    }

    private long idAt(long seq) {
        return jdbc.queryForObject("SELECT id FROM message_log WHERE seq = ?", Long.class, seq);
    }

    @Test
    void untouchedLog_verifiesWithSignedCheckpoints() {
        write(10);

        VerificationReport report = queries.verify(null, null, keys.publicKey());

        assertThat(report.problems()).isEmpty();
        assertThat(report.valid()).isTrue();
        assertThat(report.recordsChecked()).isEqualTo(10);
        assertThat(report.firstSeq()).isEqualTo(1);
        assertThat(report.lastSeq()).isEqualTo(10);
        assertThat(report.checkpointsChecked()).isGreaterThanOrEqualTo(2);
        assertThat(queries.verify(4L, 7L, keys.publicKey()).valid()).isTrue();
    }

    @Test
    void editedRow_isDetectedAtThatRow() {
        write(10);
        jdbc.update("UPDATE message_log SET user_id = 'someone.else' WHERE seq = 6");

        VerificationReport report = queries.verify(null, null, keys.publicKey());

        assertThat(report.valid()).isFalse();
        assertThat(report.problems()).first().satisfies(p -> {
            assertThat(p.kind()).isEqualTo("RECORD_ALTERED");
            assertThat(p.seq()).isEqualTo(6);
            assertThat(p.recordId()).isEqualTo(idAt(6));
        });
    }

    @Test
    void editedRowWithRecomputedHashes_isCaughtByTheSignedCheckpoint() {
        write(10);
        // An insider who knows the algorithm rewrites record 6 and recomputes every hash after it.
        jdbc.update("UPDATE message_log SET outcome = 'SUCCESS', http_status = 200 WHERE seq = 6");
        String prev = jdbc.queryForObject("SELECT record_hash FROM message_log WHERE seq = 5", String.class);
        for (long seq = 6; seq <= 10; seq++) {
            ChainedRecord r = jdbc.queryForObject("SELECT " + JdbcMessageLog.COLUMNS + " FROM message_log WHERE seq = ?",
                    JdbcMessageLog::map, seq);
            ChainedRecord forged = r.chained(seq, prev);
            jdbc.update("UPDATE message_log SET prev_hash = ?, record_hash = ? WHERE seq = ?", prev, forged.recordHash(), seq);
            prev = forged.recordHash();
        }
        jdbc.update("UPDATE audit_chain_head SET last_hash = ?", prev);

        VerificationReport report = queries.verify(null, null, keys.publicKey());

        assertThat(report.valid()).isFalse();
        assertThat(report.problems()).anySatisfy(p -> {
            assertThat(p.kind()).isEqualTo("CHECKPOINT_MISMATCH");
            assertThat(p.detail()).contains("after seq 5");
        });
    }

    @Test
    void deletedRow_isDetectedAndLocated() {
        write(10);
        long before = idAt(4);
        long after = idAt(6);
        jdbc.update("DELETE FROM message_log WHERE seq = 5");

        VerificationReport report = queries.verify(null, null, keys.publicKey());

        assertThat(report.valid()).isFalse();
        assertThat(report.problems()).first().satisfies(p -> {
            assertThat(p.kind()).isEqualTo("RECORD_MISSING");
            assertThat(p.seq()).isEqualTo(6);
            assertThat(p.detail()).contains("seq 5 missing", "record id " + before, "record id " + after);
        });
    }

    @Test
    void deletedLastRows_areDetectedAgainstTheChainHead() {
        write(10);
        jdbc.update("DELETE FROM message_log WHERE seq >= 9");

        VerificationReport report = queries.verify(null, null, keys.publicKey());

        assertThat(report.valid()).isFalse();
        assertThat(report.problems()).anySatisfy(p -> assertThat(p.kind()).isEqualTo("RECORD_MISSING"));
    }

    @Test
    void insertedRow_isDetectedAndLocated() {
        write(10);
        // Make room after seq 5 and insert a forged record whose own hash is right.
        jdbc.update("UPDATE message_log SET seq = -seq WHERE seq > 5");
        jdbc.update("UPDATE message_log SET seq = 1 - seq WHERE seq < 0");
        String prev = jdbc.queryForObject("SELECT record_hash FROM message_log WHERE seq = 5", String.class);
        ChainedRecord forged = new ChainedRecord(null, null, "EXCHANGE", "forged", "hub-1", "REST", "000.00.00.H22:MOTCUA",
                "ke.gian", "none", "citizen-lookup", "LookupCitizen", null, "SUCCESS", null, null, 200,
                start, start.plusMillis(3), 3, 10L, 10L, null, null, null, null, null, null).chained(6, prev);
        jdbc.update(ChainWriter.INSERT, forged.seq(), forged.prevHash(), forged.recordHash(), forged.recordType(),
                forged.transactionId(), forged.hubInstance(), forged.channel(), forged.clientId(), forged.userId(),
                forged.purpose(), forged.service(), forged.operation(), null, forged.outcome(), null, null, 200,
                java.sql.Timestamp.from(forged.timeIn()), java.sql.Timestamp.from(forged.timeOut()), 3, 10L, 10L, null, null,
                null, null);

        VerificationReport report = queries.verify(null, null, keys.publicKey());

        assertThat(report.valid()).isFalse();
        assertThat(report.problems()).first().satisfies(p -> {
            assertThat(p.kind()).isEqualTo("CHAIN_BROKEN");
            assertThat(p.seq()).isEqualTo(7);
            assertThat(p.detail()).contains("seq 6");
        });
    }

    @Test
    void reorderedRows_areDetectedAndLocated() {
        write(10);
        jdbc.update("UPDATE message_log SET seq = -1 WHERE seq = 3");
        jdbc.update("UPDATE message_log SET seq = 3 WHERE seq = 4");
        jdbc.update("UPDATE message_log SET seq = 4 WHERE seq = -1");

        VerificationReport report = queries.verify(null, null, keys.publicKey());

        assertThat(report.valid()).isFalse();
        assertThat(report.problems()).first().satisfies(p -> assertThat(p.seq()).isEqualTo(3));
        assertThat(report.problems()).extracting(VerificationReport.Problem::seq).contains(3L, 4L);
    }

    @Test
    void rowWithoutChainPosition_isReported() {
        write(3);
        jdbc.update("INSERT INTO message_log (record_type, transaction_id, hub_instance, channel, outcome, time_in, time_out,"
                + " duration_ms) VALUES ('EXCHANGE', 'slipped-in', 'hub-1', 'REST', 'SUCCESS', ?, ?, 1)",
                java.sql.Timestamp.from(start), java.sql.Timestamp.from(start));

        VerificationReport report = queries.verify(null, null, keys.publicKey());

        assertThat(report.problems()).anySatisfy(p -> {
            assertThat(p.kind()).isEqualTo("RECORD_UNCHAINED");
            assertThat(p.detail()).contains("slipped-in");
        });
    }

    @Test
    void exportVerifiesOffline_andAnEditedExportIsLocated() throws IOException {
        write(10);
        Path export = dir.resolve("export.jsonl");
        Path publicKey = dir.resolve("keys/public.pem");
        try (var out = Files.newOutputStream(export)) {
            AuditExport.writeJsonLines(out, 3, 9, queries.anchorFor(10), queries.anchorFor(3), keys.keyId(),
                    queries.checkpoints(3, 9), sink -> queries.range(3, 9, sink));
        }

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int status = OfflineVerifier.run(new String[] {export.toString(), publicKey.toString()},
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(printed.toString(StandardCharsets.UTF_8)).startsWith("VALID: 7 records (seq 3 to 9)");
        assertThat(status).isZero();

        List<String> lines = new ArrayList<>(Files.readAllLines(export));
        int line = indexOf(lines, "\"seq\":5,");
        lines.set(line, lines.get(line).replace("Cán bộ Nguyễn Thị Lụa", "Cán bộ Khác"));
        Files.write(export, lines);
        printed.reset();
        status = OfflineVerifier.run(new String[] {export.toString(), publicKey.toString()},
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(1);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("INVALID", "RECORD_ALTERED at seq 5");
    }

    @Test
    void exportWithForgedCheckpoint_failsOffline() throws IOException {
        write(10);
        Path export = dir.resolve("export.jsonl");
        try (var out = Files.newOutputStream(export)) {
            AuditExport.writeJsonLines(out, 1, 10, queries.anchorFor(11), queries.anchorFor(1), keys.keyId(),
                    queries.checkpoints(1, 10), sink -> queries.range(1, 10, sink));
        }
        CheckpointKeys other = CheckpointKeys.load(dir.resolve("other/private.pem"), dir.resolve("other/public.pem"), true);

        VerificationReport report = OfflineVerifier.verify(export, other.publicKey());

        assertThat(report.valid()).isFalse();
        assertThat(report.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.kind()).isEqualTo("CHECKPOINT_INVALID"));
    }

    @Test
    void answerWaitsForItsBatchCommit_andACrashAfterTheAnswerLosesNothing() throws Exception {
        write(2);
        CompletableFuture<Void> answered;
        try (Connection blocker = dataSource().getConnection()) {
            blocker.setAutoCommit(false);
            try (Statement s = blocker.createStatement()) {
                s.execute("UPDATE audit_chain_head SET last_seq = last_seq WHERE id = 1");
            }
            // The exchange writes its record, then answers: it cannot answer while the batch is not committed.
            answered = CompletableFuture.runAsync(() -> log.append(record(3)));
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> !answered.isDone());
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM message_log", Long.class)).isEqualTo(2);
            blocker.commit();
        }
        answered.get(10, java.util.concurrent.TimeUnit.SECONDS);
        log.crash();

        log = newLog(Duration.ofSeconds(10));
        assertThat(log.findByTransaction("tx-3")).hasSize(1);
        assertThat(queries.verify(null, null, keys.publicKey()).valid()).isTrue();
    }

    @Test
    void failingLog_doesNotHangTheExchange_andTheRecordIsWrittenOnceTheDatabaseIsBack() throws Exception {
        log.close();
        log = newLog(Duration.ofMillis(300));
        write(1);
        try (Connection blocker = dataSource().getConnection()) {
            blocker.setAutoCommit(false);
            try (Statement s = blocker.createStatement()) {
                s.execute("UPDATE audit_chain_head SET last_seq = last_seq WHERE id = 1");
            }
            long began = System.nanoTime();
            log.append(record(2));
            assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(3));
            blocker.commit();
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> log.findByTransaction("tx-2").size() == 1);
        assertThat(queries.verify(null, null, keys.publicKey()).valid()).isTrue();
    }

    @Test
    void recordTheDatabaseRefuses_isRefusedAlone_andTheRecordsQueuedWithItAreWritten() throws Exception {
        // a record the database will never take, whatever the retries: the writer must not hold the log for it
        jdbc.execute("ALTER TABLE message_log ADD CONSTRAINT refuses_poison CHECK (transaction_id <> 'tx-poison')");
        MessageLogRecord r1 = record(1);
        MessageLogRecord poison = new MessageLogRecord(null, r1.recordType(), "tx-poison", r1.hubInstance(), r1.channel(),
                r1.clientId(), r1.userId(), r1.purpose(), r1.service(), r1.operation(), r1.subjectRef(), r1.outcome(),
                r1.errorCode(), r1.errorText(), r1.httpStatus(), r1.timeIn(), r1.timeOut(), r1.durationMillis(),
                r1.requestSize(), r1.responseSize());
        CompletableFuture<Long> refused = log.submit(poison, BodyEvidence.NONE);
        CompletableFuture<Long> second = log.submit(record(2), BodyEvidence.NONE);
        CompletableFuture<Long> third = log.submit(record(3), BodyEvidence.NONE);

        assertThat(second.get(10, java.util.concurrent.TimeUnit.SECONDS)).isPositive();
        assertThat(third.get(10, java.util.concurrent.TimeUnit.SECONDS)).isGreaterThan(second.get());
        assertThat(refused).isCompletedExceptionally();
        assertThat(log.findByTransaction("tx-poison")).isEmpty();
        log.append(record(4));
        assertThat(log.findByTransaction("tx-4")).hasSize(1);
        assertThat(queries.verify(null, null, keys.publicKey()).valid()).isTrue();
    }

    @Test
    void searchFiltersAndPages() {
        write(10);

        var all = queries.search(new RecordFilter(null, null, null, null, null, null, null, null, null, null), 0, 4);
        assertThat(all.total()).isEqualTo(10);
        assertThat(all.records()).extracting(ChainedRecord::seq).containsExactly(10L, 9L, 8L, 7L);
        var third = queries.search(new RecordFilter(null, null, null, null, null, null, null, null, null, null), 2, 4);
        assertThat(third.records()).extracting(ChainedRecord::seq).containsExactly(2L, 1L);

        var byClient = queries.search(new RecordFilter(null, null, "000.00.00.H22:MOTCUA", null, null, null, null, null, null,
                null), 0, 50);
        assertThat(byClient.total()).isEqualTo(5);
        assertThat(byClient.records()).allSatisfy(r -> assertThat(r.userId()).isEqualTo("Cán bộ Nguyễn Thị Lụa"));

        var byTime = queries.search(new RecordFilter(start.plus(3, ChronoUnit.MINUTES), start.plus(6, ChronoUnit.MINUTES), null,
                null, null, null, null, null, null, null), 0, 50);
        assertThat(byTime.records()).extracting(ChainedRecord::transactionId).containsExactly("tx-5", "tx-4", "tx-3");

        var bySubjectAndOutcome = queries.search(new RecordFilter(null, null, null, "citizen-lookup", "canbo.b", null,
                "cd".repeat(32), "NOT_FOUND", null, "EXCHANGE"), 0, 50);
        assertThat(bySubjectAndOutcome.records()).extracting(ChainedRecord::transactionId)
                .containsExactly("tx-10", "tx-8", "tx-4", "tx-2");
        assertThat(queries.search(new RecordFilter(null, null, null, null, null, null, null, null, "tx-7", null), 0, 5)
                .records()).singleElement().satisfies(r -> {
                    // printf '%s' '{"n":7}' | sha256sum
                    assertThat(r.requestSha256()).isEqualTo("1dd42de9287c1b6a96c617376c0df6b8304485783ed0b4803f1aac0f119471a5");
                    assertThat(r.requestBodyEnc()).isNull();
                });
    }

    @Test
    void usageStatistics_perAgencyOfficerAndPeriod() {
        write(10);

        var rows = queries.usage("citizen-lookup", null, null, "day");

        assertThat(rows).extracting(MessageLogQueries.UsageRow::period).containsOnly("2026-11-20");
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.clientId()).isEqualTo("000.00.00.H22:MOTCUA");
            assertThat(r.userId()).isEqualTo("Cán bộ Nguyễn Thị Lụa");
            assertThat(r.total()).isEqualTo(3);
            assertThat(r.success()).isEqualTo(3);
        });
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.clientId()).isEqualTo("000.00.00.H22:CONGTTDT");
            assertThat(r.notFound()).isEqualTo(r.total());
            // even n of 1..10 are this client's, n = 6 is a hop: exchanges 2, 4, 8, 10, all not found
            assertThat(r.total()).isEqualTo(4);
            assertThat(r.notFound()).isEqualTo(4);
        });
    }

    /**
     * Two hub instances on one database: each has its own writer thread; the chain head row is locked in every
     * write transaction, so their records interleave into one gap-free chain that verifies, with both instances' records.
     */
    @Test
    void twoInstancesWritingAtOnce_makeOneChainThatVerifies() throws Exception {
        JdbcMessageLog other = newLog(Duration.ofSeconds(10));
        try {
            int perInstance = 120;
            List<Thread> threads = new ArrayList<>();
            for (JdbcMessageLog writer : List.of(log, other)) {
                String instance = writer == log ? "hub-a" : "hub-b";
                for (int t = 0; t < 3; t++) {
                    int thread = t;
                    Thread worker = new Thread(() -> {
                        for (int n = 0; n < perInstance / 3; n++) {
                            writer.append(record(n + 1, instance, instance + "-" + thread + "-" + n));
                        }
                    });
                    worker.start();
                    threads.add(worker);
                }
            }
            for (Thread t : threads) {
                t.join();
            }
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM message_log", Long.class)).isEqualTo(2L * perInstance);
            assertThat(queries.bounds()).containsExactly(1, 2L * perInstance);
            assertThat(jdbc.queryForList("SELECT DISTINCT hub_instance FROM message_log ORDER BY hub_instance", String.class))
                    .containsExactly("hub-a", "hub-b");
            // both writers' records are interleaved, not one block after the other
            List<String> order = jdbc.queryForList("SELECT hub_instance FROM message_log ORDER BY seq", String.class);
            int changes = 0;
            for (int i = 1; i < order.size(); i++) {
                changes += order.get(i).equals(order.get(i - 1)) ? 0 : 1;
            }
            assertThat(changes).isGreaterThan(1);
            VerificationReport report = queries.verify(null, null, keys.publicKey());
            assertThat(report.valid()).as(report.problems().toString()).isTrue();
            assertThat(report.recordsChecked()).isEqualTo(2L * perInstance);
        } finally {
            other.close();
        }
    }

    /** Archiving on two instances: while one holds the database lock the other skips its run; then it may archive. */
    @Test
    void archivingRunsOnOneInstanceAtATime() throws IOException {
        write(10);
        Path shared = dir.resolve("shared-archive");
        net.javacrumbs.shedlock.core.LockProvider locks = new net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider(
                net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider.Configuration.builder()
                        .withJdbcTemplate(jdbc).usingDbTime().build());
        MessageLogArchiver a = new MessageLogArchiver(jdbc, queries, keys, shared, Duration.ofDays(1), Duration.ZERO)
                .withLock(locks, "hub-a");
        MessageLogArchiver b = new MessageLogArchiver(jdbc, queries, keys, shared, Duration.ofDays(1), Duration.ZERO)
                .withLock(locks, "hub-b");
        // instance a is archiving (holds the lock): b's run is skipped and archives nothing
        var held = locks.lock(new net.javacrumbs.shedlock.core.LockConfiguration(Instant.now(), MessageLogArchiver.LOCK,
                Duration.ofMinutes(5), Duration.ZERO)).orElseThrow();
        try {
            assertThat(locks.lock(new net.javacrumbs.shedlock.core.LockConfiguration(Instant.now(), MessageLogArchiver.LOCK,
                    Duration.ofMinutes(5), Duration.ZERO))).isEmpty();
            assertThat(b.archiveIfNoOtherInstanceIs(start.plus(1, ChronoUnit.DAYS))).isEqualTo(-1);
            assertThat(queries.bounds()).containsExactly(1, 10);
        } finally {
            held.unlock();
        }
        // the last checkpoint is at 9 (as in the test above): 1 to 9 archived, 10 stays
        assertThat(b.archiveIfNoOtherInstanceIs(start.plus(1, ChronoUnit.DAYS))).isEqualTo(9);
        assertThat(queries.bounds()).containsExactly(10, 10);
        assertThat(a.archiveIfNoOtherInstanceIs(start.plus(1, ChronoUnit.DAYS))).isZero();
        assertThat(OfflineVerifier.verifyArchive(shared.resolve("manifest.json"), keys.publicKey()).valid()).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM shedlock WHERE name = ?", Integer.class, MessageLogArchiver.LOCK))
                .isEqualTo(1);
    }

    @Test
    void oldRecordsMoveToVerifiableArchives_andTheDatabaseChainStillVerifies() throws IOException {
        write(10);
        Path archive = dir.resolve("archive");
        MessageLogArchiver archiver = new MessageLogArchiver(jdbc, queries, keys, archive, Duration.ofDays(1),
                Duration.ofHours(1));

        // Records 1 to 6 are older than the cut-off; the archive stops at the last signed checkpoint among them (5).
        long archived = archiver.archiveOlderThan(start.plus(6, ChronoUnit.MINUTES).plusSeconds(30));

        assertThat(archived).isEqualTo(5);
        assertThat(queries.bounds()).containsExactly(6, 10);
        assertThat(queries.verify(null, null, keys.publicKey()).valid()).isTrue();
        Path manifest = archive.resolve("manifest.json");
        assertThat(OfflineVerifier.verifyArchive(manifest, keys.publicKey()).valid()).isTrue();
        assertThat(OfflineVerifier.verifyArchive(manifest, keys.publicKey()).recordsChecked()).isEqualTo(5);

        // Record 10 is past the last checkpoint (9): it stays until a checkpoint covers it.
        assertThat(archiver.archiveOlderThan(start.plus(1, ChronoUnit.DAYS))).isEqualTo(4);
        assertThat(queries.bounds()).containsExactly(10, 10);
        VerificationReport both = OfflineVerifier.verifyArchive(manifest, keys.publicKey());
        assertThat(both.valid()).isTrue();
        assertThat(both.recordsChecked()).isEqualTo(9);
        log.append(record(11));
        assertThat(queries.verify(null, null, keys.publicKey()).valid()).isTrue();

        Path first = archive.resolve("message-log-000000000001-000000000005.jsonl");
        Files.writeString(first, Files.readString(first).replace("canbo.b", "canbo.c"));
        VerificationReport tampered = OfflineVerifier.verifyArchive(manifest, keys.publicKey());
        assertThat(tampered.valid()).isFalse();
        assertThat(tampered.problems()).anySatisfy(p -> assertThat(p.kind()).isEqualTo("RECORD_ALTERED"));
    }

    private static int indexOf(List<String> lines, String needle) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle) && lines.get(i).contains("\"type\":\"record\"")) {
                return i;
            }
        }
        throw new AssertionError("no line with " + needle);
    }
}
