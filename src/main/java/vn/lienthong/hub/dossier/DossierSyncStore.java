package vn.lienthong.hub.dossier;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the hub remembers of each event and dossier: delivery state, attempts, last error (for
 * {@code GET /api/v1/dossiers/{code}/sync}), the idempotent consumer's record of what was already delivered, and the
 * dates the national service index is computed from.
 */
@Repository
public class DossierSyncStore {

    /** One event's delivery state. */
    public record EventState(String eventId, String dossierCode, DossierEventKind kind, SyncState status, int attempts,
            String lastError, String transactionId, Instant acceptedAt, Instant updatedAt, Instant deliveredAt,
            Instant nextAttemptAt) {
    }

    /** Who sent an accepted event and the SHA-256 of what it said (null for events accepted before it was kept). */
    public record EventOwner(String clientId, String payloadSha256) {
    }

    private final JdbcTemplate jdbc;

    public DossierSyncStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records an accepted event as PENDING; false when the event id is already known (a resend). Inside a transaction
     * a known id is thrown ({@link DuplicateKeyException}): on PostgreSQL it has aborted the transaction.
     */
    public boolean recordAccepted(DossierEvent event) {
        try {
            Timestamp now = Timestamp.from(Instant.now());
            jdbc.update("INSERT INTO dossier_sync_event (event_id, dossier_code, kind, status, attempts, transaction_id,"
                            + " client_id, channel, accepted_at, updated_at, payload_sha256) VALUES (?,?,?,?,0,?,?,?,?,?,?)",
                    event.eventId(), event.dossierCode(), event.kind().name(), SyncState.PENDING.name(),
                    event.transactionId(), event.clientId(), event.channel(), Timestamp.from(event.acceptedAt()), now,
                    EventPayloads.sha256(event));
            return true;
        } catch (DuplicateKeyException e) {
            rethrowInTransaction(e);
            return false;
        }
    }

    /**
     * Inside a transaction a duplicate is the caller's to handle: on PostgreSQL the failed statement aborted the
     * transaction, and a commit of it would silently roll back every write.
     */
    static void rethrowInTransaction(DuplicateKeyException e) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw e;
        }
    }

    /** Whether an event id has a state row: it was accepted (or its delivery began). */
    public boolean known(String eventId) {
        return !jdbc.queryForList("SELECT 1 FROM dossier_sync_event WHERE event_id = ?", Integer.class, eventId).isEmpty();
    }

    /** The sender and payload hash of an accepted event. */
    public Optional<EventOwner> owner(String eventId) {
        return jdbc.query("SELECT client_id, payload_sha256 FROM dossier_sync_event WHERE event_id = ?",
                (rs, row) -> new EventOwner(rs.getString("client_id"), rs.getString("payload_sha256")), eventId)
                .stream().findFirst();
    }

    public Optional<EventState> event(String eventId) {
        return jdbc.query("SELECT * FROM dossier_sync_event WHERE event_id = ?", DossierSyncStore::map, eventId)
                .stream().findFirst();
    }

    /** The events of a dossier in the order they were accepted. */
    public List<EventState> events(String dossierCode) {
        return jdbc.query("SELECT * FROM dossier_sync_event WHERE dossier_code = ? ORDER BY accepted_at, updated_at",
                DossierSyncStore::map, dossierCode);
    }

    /** Sets an event's state; creates the row when the consumer got the message before the edge wrote it. */
    public void update(DossierEvent event, SyncState status, int attempts, String lastError) {
        update(event, status, attempts, lastError, null);
    }

    /** Sets an event's state and when it is due again (null: not waiting). */
    public void update(DossierEvent event, SyncState status, int attempts, String lastError, Instant nextAttemptAt) {
        Timestamp now = Timestamp.from(Instant.now());
        Timestamp delivered = status == SyncState.SYNCED ? now : null;
        int rows = jdbc.update("UPDATE dossier_sync_event SET status = ?, attempts = ?, last_error = ?, updated_at = ?,"
                        + " delivered_at = COALESCE(?, delivered_at), next_attempt_at = ? WHERE event_id = ?",
                status.name(), attempts, truncate(lastError), now, delivered,
                nextAttemptAt == null ? null : Timestamp.from(nextAttemptAt), event.eventId());
        if (rows == 0) {
            recordAccepted(event);
            update(event, status, attempts, lastError, nextAttemptAt);
        }
    }

    /**
     * Claims an event for one attempt: marks it SENDING with the new attempt count only if its state is still the one
     * the consumer read when it planned the attempt. False when another consumer got there first (after a fail-over
     * of the broker the same message can reach two consumers at once): this one must not send.
     */
    public boolean claim(DossierEvent event, SyncState seen, int seenAttempts, int attempt) {
        Timestamp now = Timestamp.from(Instant.now());
        int rows = jdbc.update("UPDATE dossier_sync_event SET status = ?, attempts = ?, last_error = NULL, updated_at = ?,"
                        + " next_attempt_at = NULL WHERE event_id = ? AND status = ? AND attempts = ?",
                SyncState.SENDING.name(), attempt, now, event.eventId(), seen.name(), seenAttempts);
        if (rows == 0 && event(event.eventId()).isEmpty() && recordAccepted(event)) {
            return claim(event, seen, seenAttempts, attempt);
        }
        return rows == 1;
    }

    /** Marks a waiting event's reason and due time without touching its status or attempts. */
    public void waiting(DossierEvent event, String reason, Instant nextAttemptAt) {
        int rows = jdbc.update("UPDATE dossier_sync_event SET last_error = ?, updated_at = ?, next_attempt_at = ?"
                        + " WHERE event_id = ?", truncate(reason), Timestamp.from(Instant.now()),
                Timestamp.from(nextAttemptAt), event.eventId());
        if (rows == 0) {
            recordAccepted(event);
            waiting(event, reason, nextAttemptAt);
        }
    }

    /**
     * An event's own state (empty: not written yet) and the first event of the same dossier accepted before it that is
     * neither delivered nor discarded: the event must not overtake it. Events accepted after it never count (a
     * replayed first event is not held behind its own successor).
     */
    public record Precedence(Optional<EventState> self, Optional<EventState> openBefore) {
    }

    /**
     * Both in one read of the dossier's events (the delivery's plan asks both for every event). When the event's row
     * is not among them (not written yet: the consumer got the message before the edge wrote it), it is looked up by
     * its id alone, as {@link #event} does.
     */
    public Precedence precedence(DossierEvent event) {
        List<EventState> rows = jdbc.query("SELECT * FROM dossier_sync_event WHERE dossier_code = ? AND (event_id = ?"
                        + " OR (accepted_at < ? AND status NOT IN ('SYNCED', 'DISCARDED', 'FORGED'))) ORDER BY accepted_at",
                DossierSyncStore::map, event.dossierCode(), event.eventId(), Timestamp.from(event.acceptedAt()));
        Optional<EventState> self = rows.stream().filter(r -> r.eventId().equals(event.eventId())).findFirst();
        Optional<EventState> before = rows.stream().filter(r -> !r.eventId().equals(event.eventId())).findFirst();
        return new Precedence(self.isPresent() ? self : event(event.eventId()), before);
    }

    /**
     * Before a replay: the events not yet delivered go back to PENDING with their attempt count reset; a delivered
     * or discarded event keeps its state (it is not sent again).
     */
    public void markReplayed(List<String> eventIds) {
        Timestamp now = Timestamp.from(Instant.now());
        for (String id : eventIds) {
            jdbc.update("UPDATE dossier_sync_event SET status = 'PENDING', attempts = 0, next_attempt_at = NULL,"
                    + " updated_at = ? WHERE event_id = ? AND status NOT IN ('SYNCED', 'DISCARDED', 'FORGED')", now, id);
        }
    }

    /** Whether an event still needs delivering (unknown events do: their state is created on delivery). */
    public boolean isOpen(String eventId) {
        return event(eventId).map(e -> e.status() != SyncState.SYNCED && e.status() != SyncState.DISCARDED
                && e.status() != SyncState.FORGED).orElse(true);
    }

    /** An operator gave up on a dead event: DISCARDED with the reason, never delivered. */
    public void markDiscarded(String eventId, String reason) {
        jdbc.update("UPDATE dossier_sync_event SET status = 'DISCARDED', last_error = ?, next_attempt_at = NULL,"
                + " updated_at = ? WHERE event_id = ?", truncate(reason), Timestamp.from(Instant.now()), eventId);
    }

    /**
     * What a dossier event (DongBoHoSoMC) says for the national service index. A field the event does not carry is
     * null and keeps what an earlier event said: a later update without {@code NgayTra} does not erase the return date.
     */
    public record DossierIndexFacts(String agency, String procedure, String nationalStatus, boolean online,
            ZonedDateTime receivedAt, ZonedDateTime dueAt, ZonedDateTime returnedAt, ZonedDateTime endedAt,
            ZonedDateTime refusedAt, Boolean digitisedReuse, Boolean resultsDigitised, Boolean vneid,
            Boolean populationDb) {
    }

    /** What a progress step (CapNhatTienDoHoSoMC) says: where the dossier is and, for 9/10, when processing ended. */
    public record ProgressIndexFacts(String nationalStatus, String department, String officer, String step,
            ZonedDateTime stepAt) {
    }

    /** Keeps the facts of a dossier that the national service index needs, as of its latest create/update. */
    public void recordDossier(String dossierCode, DossierIndexFacts f) {
        Timestamp now = Timestamp.from(Instant.now());
        boolean finished = "9".equals(f.nationalStatus()) || "10".equals(f.nationalStatus());
        Object[] values = {f.agency(), f.procedure(), f.nationalStatus(), f.online(), ts(f.receivedAt()), ts(f.dueAt()),
                ts(f.returnedAt()), ts(f.endedAt()), ts(f.refusedAt()), finished ? now : null, f.digitisedReuse(),
                f.resultsDigitised(), f.vneid(), f.populationDb(), now, dossierCode};
        String update = "UPDATE dossier_record SET agency_id = ?, procedure_code = ?, national_status = ?, online = ?,"
                + " received_at = COALESCE(?, received_at), due_at = COALESCE(?, due_at),"
                + " returned_at = COALESCE(?, returned_at), ended_at = COALESCE(?, ended_at),"
                + " refused_at = COALESCE(?, refused_at), finished_seen_at = COALESCE(finished_seen_at, ?),"
                + " digitised_reuse = COALESCE(?, digitised_reuse), results_digitised = COALESCE(?, results_digitised),"
                + " vneid = COALESCE(?, vneid), population_db = COALESCE(?, population_db), updated_at = ?"
                + " WHERE dossier_code = ?";
        if (jdbc.update(update, values) > 0) {
            return;
        }
        try {
            jdbc.update("INSERT INTO dossier_record (agency_id, procedure_code, national_status, online, received_at,"
                    + " due_at, returned_at, ended_at, refused_at, finished_seen_at, digitised_reuse, results_digitised,"
                    + " vneid, population_db, updated_at, dossier_code, first_seen_at)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?,COALESCE(?, FALSE),COALESCE(?, FALSE),COALESCE(?, FALSE),"
                    + "COALESCE(?, FALSE),?,?,?)", append(values, now));
        } catch (DuplicateKeyException e) {
            // a concurrent first event of the same dossier; inside a transaction the caller handles it (PostgreSQL has
            // aborted the transaction, and a commit would silently roll it back)
            rethrowInTransaction(e);
            jdbc.update(update, values);
        }
    }

    /**
     * Records a progress step: where the dossier is (department, officer, step), its status, and for a step reaching
     * 9 or 10 the time processing ended (10 also gives the return date), each kept once set.
     */
    public void recordProgress(String dossierCode, ProgressIndexFacts p) {
        Timestamp now = Timestamp.from(Instant.now());
        boolean finished = "9".equals(p.nationalStatus()) || "10".equals(p.nationalStatus());
        Timestamp at = ts(p.stepAt());
        jdbc.update("UPDATE dossier_record SET national_status = COALESCE(?, national_status), department = ?,"
                        + " officer = ?, last_step = ?, last_step_at = ?, last_step_status = ?,"
                        + " step_finished_at = COALESCE(step_finished_at, ?), returned_at = COALESCE(returned_at, ?),"
                        + " finished_seen_at = COALESCE(finished_seen_at, ?), updated_at = ? WHERE dossier_code = ?",
                p.nationalStatus(), p.department(), p.officer(), p.step(), at, p.nationalStatus(),
                finished ? at : null, "10".equals(p.nationalStatus()) ? at : null, finished ? now : null, now,
                dossierCode);
    }

    /**
     * The hub added DSKetNoiCSDL (population database) to the event it delivers. Marked on the event's row, which the
     * delivery's claim has made sure of: the dossier's row may not be written yet when the consumer is faster than the
     * edge (the edge writes it after the broker has the event).
     */
    public void markPopulationDbByHub(String eventId) {
        jdbc.update("UPDATE dossier_sync_event SET population_db_by_hub = TRUE WHERE event_id = ?", eventId);
    }

    private static final String FACTS = "SELECT r.*,"
            + " (SELECT COUNT(*) FROM dossier_sync_event e WHERE e.dossier_code = r.dossier_code AND e.status NOT IN ('SYNCED', 'DISCARDED', 'FORGED')) AS unsynced,"
            + " (SELECT COUNT(*) FROM dossier_sync_event e WHERE e.dossier_code = r.dossier_code AND e.status = 'DISCARDED') AS discarded,"
            + " (SELECT COUNT(*) FROM dossier_sync_event e WHERE e.dossier_code = r.dossier_code AND e.population_db_by_hub) AS by_hub_events"
            + " FROM dossier_record r";

    /** The dossiers received in {@code [from, to)} (or first seen then, while they have no reception date). */
    public List<DossierFacts> facts(String agency, Instant from, Instant to) {
        String where = " WHERE COALESCE(r.received_at, r.first_seen_at) >= ? AND COALESCE(r.received_at, r.first_seen_at) < ?";
        if (agency == null) {
            return jdbc.query(FACTS + where + " ORDER BY r.agency_id, r.received_at", DossierSyncStore::facts,
                    Timestamp.from(from), Timestamp.from(to));
        }
        return jdbc.query(FACTS + where + " AND r.agency_id = ? ORDER BY r.agency_id, r.received_at",
                DossierSyncStore::facts, Timestamp.from(from), Timestamp.from(to), agency);
    }

    /** The dossiers still open (status 1, 2, 4, 5, 6) received before {@code before}, whatever their period. */
    public List<DossierFacts> openBefore(String agency, Instant before) {
        String where = " WHERE r.national_status NOT IN ('3', '7', '8', '9', '10')"
                + " AND COALESCE(r.received_at, r.first_seen_at) < ?";
        if (agency == null) {
            return jdbc.query(FACTS + where + " ORDER BY r.agency_id, r.received_at", DossierSyncStore::facts,
                    Timestamp.from(before));
        }
        return jdbc.query(FACTS + where + " AND r.agency_id = ? ORDER BY r.agency_id, r.received_at",
                DossierSyncStore::facts, Timestamp.from(before), agency);
    }

    /** The facts of one dossier. */
    public Optional<DossierFacts> facts(String dossierCode) {
        return jdbc.query(FACTS + " WHERE r.dossier_code = ?", DossierSyncStore::facts, dossierCode).stream().findFirst();
    }

    private static DossierFacts facts(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new DossierFacts(rs.getString("dossier_code"), rs.getString("agency_id"), rs.getString("procedure_code"),
                rs.getString("national_status"), rs.getBoolean("online"), instant(rs, "received_at"),
                instant(rs, "due_at"), instant(rs, "ended_at"), instant(rs, "returned_at"),
                instant(rs, "step_finished_at"), instant(rs, "finished_seen_at"), instant(rs, "first_seen_at"),
                rs.getString("department"), rs.getString("officer"), rs.getString("last_step"),
                instant(rs, "last_step_at"), rs.getBoolean("digitised_reuse"), rs.getBoolean("results_digitised"),
                rs.getBoolean("vneid"), rs.getBoolean("population_db"),
                rs.getBoolean("population_db_by_hub") || rs.getLong("by_hub_events") > 0,
                rs.getLong("unsynced"), rs.getLong("discarded"));
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Object[] append(Object[] values, Object last) {
        Object[] out = java.util.Arrays.copyOf(values, values.length + 1);
        out[values.length] = last;
        return out;
    }

    private static Timestamp ts(ZonedDateTime time) {
        return time == null ? null : Timestamp.from(time.toInstant());
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }

    private static EventState map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Timestamp delivered = rs.getTimestamp("delivered_at");
        return new EventState(rs.getString("event_id"), rs.getString("dossier_code"),
                DossierEventKind.valueOf(rs.getString("kind")), SyncState.valueOf(rs.getString("status")),
                rs.getInt("attempts"), rs.getString("last_error"), rs.getString("transaction_id"),
                rs.getTimestamp("accepted_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                delivered == null ? null : delivered.toInstant(),
                rs.getTimestamp("next_attempt_at") == null ? null : rs.getTimestamp("next_attempt_at").toInstant());
    }
}
