package vn.lienthong.hub.dossier;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The latest dossier event ({@code DongBoHoSoMC}) the hub accepted for each dossier, kept by the flow
 * {@code dossier-accept}: a change the hub makes itself (a fee paid online) is delivered as a complete update of what
 * the agency last sent, through the same guaranteed path. Progress events do not change it.
 */
@Component("dossierSnapshots")
public class DossierSnapshots {

    /** The data of the latest accepted dossier event, and who sent it. */
    public record Snapshot(String dossierCode, String eventId, String clientId, Map<String, Object> data) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public DossierSnapshots(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A step of {@code dossier-accept} once the event is queued: a dossier event replaces the dossier's snapshot. */
    public void keep(DossierEvent event) {
        if (event == null || event.kind() != DossierEventKind.DOSSIER) {
            return;
        }
        String data;
        try {
            data = json.writeValueAsString(event.data());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dossier data cannot be written as JSON", e);
        }
        Timestamp at = Timestamp.from(event.acceptedAt());
        int updated = jdbc.update("UPDATE dossier_snapshot SET event_id = ?, client_id = ?, data = ?, accepted_at = ?"
                + " WHERE dossier_code = ? AND accepted_at <= ?", event.eventId(), event.clientId(), data, at, event.dossierCode(), at);
        if (updated == 0) {
            try {
                jdbc.update("INSERT INTO dossier_snapshot (dossier_code, event_id, client_id, data, accepted_at) VALUES (?,?,?,?,?)",
                        event.dossierCode(), event.eventId(), event.clientId(), data, at);
            } catch (DuplicateKeyException newer) {
                // a later event of the same dossier is already kept (inside a transaction, the caller's to handle)
                DossierSyncStore.rethrowInTransaction(newer);
            }
        }
    }

    public Optional<Snapshot> latest(String dossierCode) {
        return jdbc.query("SELECT event_id, client_id, data FROM dossier_snapshot WHERE dossier_code = ?", (rs, row) -> {
            try {
                Map<String, Object> data = json.readValue(rs.getString("data"), new TypeReference<LinkedHashMap<String, Object>>() { });
                return new Snapshot(dossierCode, rs.getString("event_id"), rs.getString("client_id"), data);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the snapshot of " + dossierCode + " is not JSON", e);
            }
        }, dossierCode).stream().findFirst();
    }
}
