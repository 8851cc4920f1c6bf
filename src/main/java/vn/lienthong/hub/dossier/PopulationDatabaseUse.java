package vn.lienthong.hub.dossier;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.lienthong.hub.exchange.SubjectReferences;

/**
 * Fills {@code DSKetNoiCSDL} (indicator 4.5, use of the population database) from the hub's own message log when a
 * dossier is delivered to the portal: a citizen's dossier (LoaiDoiTuong 1) whose owner's personal id
 * ({@code SoGiayToChuHoSo} or a {@code DinhDanhCHS} entry) was verified through the population connector (service
 * {@code citizen-lookup}, outcome SUCCESS) for the same procedure ({@code X-Purpose} equal to the dossier's local or
 * national procedure code), from {@value #WINDOW_DAYS} days before the dossier was submitted or received until its
 * delivery. The log keeps only the keyed hash of the id ({@code subject_ref}); the same key hashes the owner's id here,
 * so the link is made without any personal id stored. See docs/national-index.md.
 */
@Component
public class PopulationDatabaseUse {

    static final int WINDOW_DAYS = 30;

    private final JdbcTemplate jdbc;
    private final SubjectReferences subjects;
    private final DossierSyncStore store;
    private final String databaseCode;

    public PopulationDatabaseUse(JdbcTemplate jdbc, SubjectReferences subjects, DossierSyncStore store,
            @Value("${hub.index.population-database-code:CSDLQGDC}") String databaseCode) {
        this.jdbc = jdbc;
        this.subjects = subjects;
        this.store = store;
        this.databaseCode = databaseCode;
    }

    /**
     * Adds the population database to the item's {@code DSKetNoiCSDL} when the message log shows the owner was
     * verified under the same procedure; records it for the index. Returns whether it did.
     */
    public boolean apply(DossierEvent event, Map<String, Object> item, Instant deliveredAt) {
        if (event.kind() != DossierEventKind.DOSSIER || !"1".equals(text(event.data().get("LoaiDoiTuong")))) {
            return false;
        }
        Set<String> refs = new LinkedHashSet<>();
        for (String id : ownerIds(event.data())) {
            refs.add(subjects.reference(id));
        }
        Set<String> procedures = new LinkedHashSet<>();
        addIfPresent(procedures, event.data().get("MaTTHC"));
        addIfPresent(procedures, item.get("MaTTHC"));
        if (refs.isEmpty() || procedures.isEmpty() || !verified(refs, procedures, since(event.data()), deliveredAt)) {
            return false;
        }
        List<Object> connections = new ArrayList<>();
        if (item.get("DSKetNoiCSDL") instanceof List<?> sent) {
            connections.addAll(sent);
        }
        boolean present = connections.stream().anyMatch(c -> c instanceof Map<?, ?> m && databaseCode.equals(m.get("MaCSDL")));
        if (!present) {
            Map<String, Object> population = new LinkedHashMap<>();
            population.put("MaCSDL", databaseCode);
            connections.add(population);
            item.put("DSKetNoiCSDL", connections);
        }
        store.markPopulationDbByHub(event.eventId());
        return true;
    }

    /** The owner's personal ids: 12-digit ids and 9-digit identity card numbers of SoGiayToChuHoSo and DinhDanhCHS. */
    static List<String> ownerIds(Map<String, Object> data) {
        List<String> ids = new ArrayList<>();
        addId(ids, data.get("SoGiayToChuHoSo"));
        if (data.get("DinhDanhCHS") instanceof List<?> list) {
            for (Object entry : list) {
                if (entry instanceof Map<?, ?> m) {
                    addId(ids, m.get("SoDinhDanh"));
                }
            }
        }
        return ids;
    }

    private boolean verified(Set<String> refs, Set<String> procedures, Instant since, Instant until) {
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM message_log WHERE record_type = 'EXCHANGE'"
                + " AND service = 'citizen-lookup' AND outcome = 'SUCCESS' AND time_in <= ?");
        List<Object> args = new ArrayList<>();
        args.add(Timestamp.from(until));
        if (since != null) {
            sql.append(" AND time_in >= ?");
            args.add(Timestamp.from(since));
        }
        in(sql, args, "subject_ref", refs);
        in(sql, args, "purpose", procedures);
        Long count = jdbc.queryForObject(sql.toString(), Long.class, args.toArray());
        return count != null && count > 0;
    }

    private static void in(StringBuilder sql, List<Object> args, String column, Set<String> values) {
        sql.append(" AND ").append(column).append(" IN (").append(String.join(",", values.stream().map(v -> "?").toList()))
                .append(')');
        args.addAll(values);
    }

    /** {@value #WINDOW_DAYS} days before the earlier of submission and reception; null when the dossier has neither. */
    private static Instant since(Map<String, Object> data) {
        Instant earliest = null;
        for (String field : List.of("NgayNopHoSo", "NgayTiepNhan")) {
            String value = text(data.get(field));
            if (value != null) {
                try {
                    ZonedDateTime at = PortalDates.parse(value);
                    earliest = earliest == null || at.toInstant().isBefore(earliest) ? at.toInstant() : earliest;
                } catch (IllegalArgumentException e) {
                    // validated at the edge; an unreadable date sets no bound
                }
            }
        }
        return earliest == null ? null : earliest.minus(Duration.ofDays(WINDOW_DAYS));
    }

    private static void addId(List<String> ids, Object value) {
        String id = text(value);
        if (id != null && id.matches("\\d{12}|\\d{9}") && !ids.contains(id)) {
            ids.add(id);
        }
    }

    private static void addIfPresent(Set<String> set, Object value) {
        String text = text(value);
        if (text != null) {
            set.add(text);
        }
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }
}
