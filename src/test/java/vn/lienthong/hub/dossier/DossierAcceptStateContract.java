package vn.lienthong.hub.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.lienthong.hub.DatabaseContract;
import vn.lienthong.hub.TestDatabase;
import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.HubException;

/**
 * The writes of the flow {@code dossier-accept} once the broker has an event (its state, the dossier's index facts,
 * its latest data), on each database the hub supports: one transaction for a new event, and the same outcome as
 * before when a write meets a row it did not expect (on PostgreSQL the failed statement aborts the transaction).
 */
abstract class DossierAcceptStateContract extends DatabaseContract {

    private static final String DOSSIER = "000.00.01.H22-250225-00001";

    /** On an empty database of this test's own. */
    protected DossierAcceptStateContract(TestDatabase database) {
        super(database);
    }

    private final AtomicInteger connections = new AtomicInteger();
    private JdbcTemplate jdbc;
    private DossierSyncStore store;
    private DossierSnapshots snapshots;
    private DossierIngest ingest;
    private ExecutorService pool;

    @BeforeEach
    void migrate() {
        database().migrate();
        DataSource counted = new DelegatingDataSource(dataSource()) {
            @Override
            public Connection getConnection() throws SQLException {
                connections.incrementAndGet();
                return super.getConnection();
            }
        };
        jdbc = new JdbcTemplate(counted);
        store = new DossierSyncStore(jdbc);
        snapshots = new DossierSnapshots(jdbc, new ObjectMapper());
        CodeMappings codes = new CodeMappings(
                CodeMappings.read(new FileSystemResource("connectors/national-portal/transforms/code-mappings.json")));
        ingest = new DossierIngest(store, codes, snapshots, jdbc);
        pool = Executors.newFixedThreadPool(8);
    }

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    private static DossierEvent dossierEvent(String eventId, String clientId, String owner) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("MaHoSo", DOSSIER);
        data.put("MaTTHC", "H22-HT-KS");
        data.put("TrangThaiHoSo", "DA_TIEP_NHAN");
        data.put("ChuHoSo", owner);
        data.put("KenhThucHien", "2");
        data.put("NgayTiepNhan", "2025-02-25T08:30:00+07:00");
        data.put("NgayHenTra", "2025-02-28");
        return new DossierEvent(eventId, DossierEventKind.DOSSIER, DOSSIER, data, "tx-" + eventId, clientId, "REST",
                Instant.now());
    }

    private int count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE dossier_code = ?", Integer.class, DOSSIER);
    }

    @Test
    void aNewEvent_itsStateIndexFactsAndLatestData_inOneTransaction() {
        connections.set(0);
        DossierAccepted answer = ingest.accepted(dossierEvent("ev-1", "mot-cua", "Nguyễn Văn An"));

        assertThat(answer.duplicate()).isFalse();
        assertThat(connections).as("one connection, one commit for the three writes").hasValue(1);
        assertThat(store.event("ev-1")).get().extracting(DossierSyncStore.EventState::status).isEqualTo(SyncState.PENDING);
        assertThat(jdbc.queryForMap("SELECT procedure_code, national_status, online FROM dossier_record WHERE dossier_code = ?",
                DOSSIER)).containsEntry(key("procedure_code"), "1.001193.000.00.00.H22")
                .containsEntry(key("national_status"), "2").containsEntry(key("online"), true);
        assertThat(snapshots.latest(DOSSIER)).get().satisfies(s -> {
            assertThat(s.eventId()).isEqualTo("ev-1");
            assertThat(s.data()).containsEntry("ChuHoSo", "Nguyễn Văn An");
        });
    }

    private static DossierEvent at(DossierEvent event, String eventId, Instant acceptedAt) {
        return new DossierEvent(eventId, event.kind(), event.dossierCode(), event.data(), event.transactionId(),
                event.clientId(), event.channel(), acceptedAt);
    }

    @Test
    void thePrecedenceOfAnEvent_itsOwnStateAndTheFirstOpenEventAcceptedBeforeIt() {
        Instant t0 = Instant.parse("2025-02-25T01:30:00Z");
        DossierEvent template = dossierEvent("p-0", "mot-cua", "Đỗ Văn Em");
        DossierEvent delivered = at(template, "p-1", t0);
        DossierEvent dead = at(template, "p-2", t0.plusSeconds(1));
        DossierEvent waiting = at(template, "p-3", t0.plusSeconds(2));
        DossierEvent self = at(template, "p-4", t0.plusSeconds(3));
        DossierEvent later = at(template, "p-5", t0.plusSeconds(4));
        for (DossierEvent e : List.of(delivered, dead, waiting, self, later)) {
            assertThat(store.recordAccepted(e)).isTrue();
        }
        store.update(delivered, SyncState.SYNCED, 1, null);
        store.update(dead, SyncState.DEAD, 3, "refused");
        store.update(self, SyncState.SENDING, 1, null);

        DossierSyncStore.Precedence p = store.precedence(self);
        assertThat(p.self()).get().satisfies(s -> {
            assertThat(s.eventId()).isEqualTo("p-4");
            assertThat(s.status()).isEqualTo(SyncState.SENDING);
            assertThat(s.attempts()).isEqualTo(1);
        });
        assertThat(p.openBefore()).get().extracting(DossierSyncStore.EventState::eventId)
                .as("the first open one accepted before: the delivered one does not count, the later one never")
                .isEqualTo("p-2");

        store.update(dead, SyncState.DISCARDED, 3, "given up");
        assertThat(store.precedence(self).openBefore()).get().extracting(DossierSyncStore.EventState::eventId)
                .isEqualTo("p-3");
        store.update(waiting, SyncState.SYNCED, 1, null);
        assertThat(store.precedence(self).openBefore()).isEmpty();
        assertThat(store.precedence(delivered).openBefore()).as("the first event waits behind nothing").isEmpty();

        DossierEvent unwritten = at(template, "p-6", t0.plusSeconds(5));
        assertThat(store.precedence(unwritten).self()).as("not written yet").isEmpty();
        assertThat(store.precedence(unwritten).openBefore()).get().extracting(DossierSyncStore.EventState::eventId)
                .as("the one being sent").isEqualTo("p-4");
        DossierEvent elsewhere = new DossierEvent("p-1", template.kind(), "000.00.01.H22-250225-00009",
                template.data(), null, null, null, t0);
        assertThat(store.precedence(elsewhere).self()).as("a row under another dossier code is still found by its id")
                .get().extracting(DossierSyncStore.EventState::status).isEqualTo(SyncState.SYNCED);
    }

    @Test
    void theDeliveryConsumerWroteTheStateFirst_theIndexFactsAndLatestDataAreStillWritten() {
        DossierEvent event = dossierEvent("ev-2", "mot-cua", "Trần Thị Bình");
        assertThat(store.recordAccepted(event)).isTrue(); // as the consumer does when it gets the event first

        DossierAccepted answer = ingest.accepted(event);

        assertThat(answer.duplicate()).isFalse();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dossier_sync_event WHERE event_id = 'ev-2'", Integer.class))
                .isEqualTo(1);
        assertThat(count("dossier_record")).isEqualTo(1);
        assertThat(snapshots.latest(DOSSIER)).get().extracting(DossierSnapshots.Snapshot::eventId).isEqualTo("ev-2");
    }

    @Test
    void theDeliveryMarkedThePopulationDatabaseBeforeTheEdgeWroteTheDossier_theIndexStillCountsIt() {
        DossierEvent event = dossierEvent("ev-7", "mot-cua", "Phạm Thị Dung");
        // the consumer got the event first: its claim wrote the state, then the hub added DSKetNoiCSDL
        assertThat(store.claim(event, SyncState.PENDING, 0, 1)).isTrue();
        store.markPopulationDbByHub(event.eventId());
        assertThat(count("dossier_record")).isZero();

        ingest.accepted(event);

        assertThat(store.facts(DOSSIER)).get().satisfies(f -> {
            assertThat(f.populationDbByHub()).isTrue();
            assertThat(DossierStatistics.usesPopulationDb(f)).isTrue();
        });
    }

    @Test
    void anotherClientsEventUnderAKnownId_isRefused_andWritesNothing() {
        assertThat(store.recordAccepted(dossierEvent("ev-3", "mot-cua", "Lê Văn Cường"))).isTrue();

        assertThatThrownBy(() -> ingest.accepted(dossierEvent("ev-3", "other-agency", "Lê Văn Cường")))
                .isInstanceOfSatisfying(HubException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.EVENT_ID_CONFLICT));

        assertThat(store.owner("ev-3")).get().extracting(DossierSyncStore.EventOwner::clientId).isEqualTo("mot-cua");
        assertThat(count("dossier_record")).isZero();
        assertThat(snapshots.latest(DOSSIER)).isEmpty();
    }

    @Test
    void concurrentFirstEventsOfOneNewDossier_areAllRecorded_withOneIndexRow() throws Exception {
        int n = 8;
        CyclicBarrier start = new CyclicBarrier(n);
        List<CompletableFuture<DossierAccepted>> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            DossierEvent event = dossierEvent("ev-c" + i, "mot-cua", "Phạm Thị Dung");
            answers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return ingest.accepted(event);
            }, pool));
        }
        for (CompletableFuture<DossierAccepted> answer : answers) {
            assertThat(answer.get().duplicate()).isFalse();
        }
        assertThat(count("dossier_sync_event")).isEqualTo(n);
        assertThat(count("dossier_record")).isEqualTo(1);
        assertThat(count("dossier_snapshot")).isEqualTo(1);
        assertThat(snapshots.latest(DOSSIER)).get().extracting(DossierSnapshots.Snapshot::eventId).asString()
                .startsWith("ev-c");
    }

    @Test
    void aProgressEvent_recordsItsStepAndLeavesTheLatestDataAlone() {
        ingest.accepted(dossierEvent("ev-4", "mot-cua", "Hoàng Văn Em"));
        Map<String, Object> step = Map.of("MaHoSo", DOSSIER, "TrangThai", "DA_TIEP_NHAN", "PhongBanXuLy", "Phòng Tư pháp",
                "NguoiXuLy", "Đỗ Thị Giang", "NoiDungXuLy", "Thẩm định", "ThoiDiemXuLy", "2025-02-26T09:00:00+07:00");
        connections.set(0);

        ingest.accepted(new DossierEvent("ev-5", DossierEventKind.PROGRESS, DOSSIER, step, "tx-ev-5", "mot-cua", "REST",
                Instant.now()));

        assertThat(connections).hasValue(1);
        assertThat(jdbc.queryForMap("SELECT department, officer FROM dossier_record WHERE dossier_code = ?", DOSSIER))
                .containsEntry(key("department"), "Phòng Tư pháp").containsEntry(key("officer"), "Đỗ Thị Giang");
        assertThat(snapshots.latest(DOSSIER)).get().extracting(DossierSnapshots.Snapshot::eventId).isEqualTo("ev-4");
        assertThat(store.event("ev-5")).get().extracting(DossierSyncStore.EventState::kind).isEqualTo(DossierEventKind.PROGRESS);
    }

    /** Column labels as the database reports them (H2 upper case, PostgreSQL lower case). */
    private String key(String column) {
        return schema() == null ? column.toUpperCase(java.util.Locale.ROOT) : column;
    }
}
