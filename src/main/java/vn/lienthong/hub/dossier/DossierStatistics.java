package vn.lienthong.hub.dossier;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

/**
 * The national service index figures an inspector checks remotely (Decision 766/QĐ-TTg): per agency and period, the
 * share of dossiers synchronised with the national portal, the share processed on time (result date NgayTra not after
 * the appointment date NgayHenTra), the share submitted online, and the list of late dossiers.
 */
@Component
public class DossierStatistics {

    /**
     * Figures of one agency, or of all ({@code agency = "*"}). {@code discarded}: dossiers with an event an operator
     * discarded (never delivered), counted apart and not as synced.
     */
    public record AgencyFigures(String agency, int dossiers, int synced, double syncedShare, int finished, int onTime,
            double onTimeShare, int late, int online, double onlineShare, int discarded) {
    }

    /** The answer for a period. */
    public record Report(LocalDate from, LocalDate to, AgencyFigures total, List<AgencyFigures> agencies) {
    }

    /** A dossier past its appointment date: finished late, or still open after it. */
    public record LateDossier(String dossierCode, String agency, String procedureCode, String nationalStatus,
            Instant dueAt, Instant returnedAt, long daysLate) {
    }

    private final DossierSyncStore store;

    public DossierStatistics(DossierSyncStore store) {
        this.store = store;
    }

    public Report report(String agency, LocalDate from, LocalDate to, Instant now) {
        Map<String, Counter> byAgency = new TreeMap<>();
        Counter total = new Counter();
        for (Map<String, Object> row : store.indexRows(agency, start(from), start(to.plusDays(1)))) {
            Counter c = byAgency.computeIfAbsent((String) row.get("AGENCY_ID"), a -> new Counter());
            c.add(row, now);
            total.add(row, now);
        }
        List<AgencyFigures> agencies = new ArrayList<>();
        byAgency.forEach((a, c) -> agencies.add(c.figures(a)));
        return new Report(from, to, total.figures(agency == null ? "*" : agency), agencies);
    }

    public List<LateDossier> late(String agency, LocalDate from, LocalDate to, Instant now) {
        List<LateDossier> out = new ArrayList<>();
        for (Map<String, Object> row : store.indexRows(agency, start(from), start(to.plusDays(1)))) {
            Instant due = instant(row.get("DUE_AT"));
            Instant returned = instant(row.get("RETURNED_AT"));
            Instant end = returned != null ? returned : now;
            if (end.isAfter(due)) {
                out.add(new LateDossier((String) row.get("DOSSIER_CODE"), (String) row.get("AGENCY_ID"),
                        (String) row.get("PROCEDURE_CODE"), (String) row.get("NATIONAL_STATUS"), due, returned,
                        Math.max(1, ChronoUnit.DAYS.between(due, end))));
            }
        }
        return out;
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(PortalDates.VIETNAM).toInstant();
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.time.ZonedDateTime zdt) {
            return zdt.toInstant();
        }
        throw new IllegalStateException("unexpected date type " + value.getClass());
    }

    private static final class Counter {
        int dossiers;
        int synced;
        int finished;
        int onTime;
        int late;
        int online;
        int discarded;

        void add(Map<String, Object> row, Instant now) {
            dossiers++;
            boolean anyDiscarded = ((Number) row.get("DISCARDED")).longValue() > 0;
            if (anyDiscarded) {
                discarded++;
            } else if (((Number) row.get("UNSYNCED")).longValue() == 0) {
                synced++;
            }
            if (Boolean.TRUE.equals(row.get("ONLINE"))) {
                online++;
            }
            Instant due = instant(row.get("DUE_AT"));
            Instant returned = instant(row.get("RETURNED_AT"));
            if (returned != null) {
                finished++;
                if (!returned.isAfter(due)) {
                    onTime++;
                } else {
                    late++;
                }
            } else if (now.isAfter(due)) {
                late++;
            }
        }

        AgencyFigures figures(String agency) {
            return new AgencyFigures(agency, dossiers, synced, share(synced, dossiers), finished, onTime,
                    share(onTime, finished), late, online, share(online, dossiers), discarded);
        }

        private static double share(int part, int whole) {
            return whole == 0 ? 0.0 : Math.round(1000.0 * part / whole) / 1000.0;
        }
    }
}
