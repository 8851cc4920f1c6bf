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

    /** Records an accepted event as PENDING; false when the event id is already known (a resend). */
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
            return false;
        }
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
     * The first event of the same dossier accepted before this one that is neither delivered nor discarded: this one
     * must not overtake it. Events accepted after this one never count (a replayed first event is not held behind its
     * own successor).
     */
    public Optional<EventState> openBefore(DossierEvent event) {
        return jdbc.query("SELECT * FROM dossier_sync_event WHERE dossier_code = ? AND event_id <> ? AND accepted_at < ?"
                        + " AND status NOT IN ('SYNCED', 'DISCARDED', 'FORGED') ORDER BY accepted_at",
                DossierSyncStore::map, event.dossierCode(), event.eventId(), Timestamp.from(event.acceptedAt()))
                .stream().findFirst();
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

    /** Keeps the facts of a dossier that the national service index needs, as of its latest create/update. */
    public void recordDossier(String dossierCode, String agency, String procedure, String nationalStatus, boolean online,
            ZonedDateTime receivedAt, ZonedDateTime dueAt, ZonedDateTime returnedAt) {
        Timestamp now = Timestamp.from(Instant.now());
        Object[] values = {agency, procedure, nationalStatus, online, ts(receivedAt), ts(dueAt), ts(returnedAt), now, dossierCode};
        int rows = jdbc.update("UPDATE dossier_record SET agency_id = ?, procedure_code = ?, national_status = ?, online = ?,"
                + " received_at = ?, due_at = ?, returned_at = ?, updated_at = ? WHERE dossier_code = ?", values);
        if (rows == 0) {
            try {
                jdbc.update("INSERT INTO dossier_record (agency_id, procedure_code, national_status, online, received_at,"
                        + " due_at, returned_at, updated_at, dossier_code) VALUES (?,?,?,?,?,?,?,?,?)", values);
            } catch (DuplicateKeyException e) {
                jdbc.update("UPDATE dossier_record SET agency_id = ?, procedure_code = ?, national_status = ?, online = ?,"
                        + " received_at = ?, due_at = ?, returned_at = ?, updated_at = ? WHERE dossier_code = ?", values);
            }
        }
    }

    /** Records a result date given by a progress step that reaches "Đã trả kết quả" (10). */
    public void recordReturned(String dossierCode, ZonedDateTime returnedAt) {
        jdbc.update("UPDATE dossier_record SET returned_at = COALESCE(returned_at, ?), national_status = '10', updated_at = ?"
                + " WHERE dossier_code = ?", ts(returnedAt), Timestamp.from(Instant.now()), dossierCode);
    }

    /** Rows for the national service index statistics. */
    public List<Map<String, Object>> indexRows(String agency, Instant from, Instant to) {
        String sql = "SELECT r.dossier_code, r.agency_id, r.procedure_code, r.national_status, r.online,"
                + " r.received_at, r.due_at, r.returned_at,"
                + " (SELECT COUNT(*) FROM dossier_sync_event e WHERE e.dossier_code = r.dossier_code AND e.status NOT IN ('SYNCED', 'DISCARDED', 'FORGED')) AS unsynced,"
                + " (SELECT COUNT(*) FROM dossier_sync_event e WHERE e.dossier_code = r.dossier_code AND e.status = 'DISCARDED') AS discarded"
                + " FROM dossier_record r WHERE r.received_at >= ? AND r.received_at < ?";
        if (agency == null) {
            return jdbc.queryForList(sql + " ORDER BY r.agency_id, r.received_at", Timestamp.from(from), Timestamp.from(to));
        }
        return jdbc.queryForList(sql + " AND r.agency_id = ? ORDER BY r.agency_id, r.received_at",
                Timestamp.from(from), Timestamp.from(to), agency);
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
