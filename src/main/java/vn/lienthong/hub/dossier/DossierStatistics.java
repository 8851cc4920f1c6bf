package vn.lienthong.hub.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import vn.lienthong.hub.dossier.NationalIndexRules.Judgement;
import vn.lienthong.hub.dossier.NationalIndexRules.Standing;

/**
 * The national service index figures an inspector checks remotely (Decision 766/QĐ-TTg), per agency, procedure and
 * month of reception, computed exactly as {@code docs/national-index.md} defines them (rules in
 * {@link NationalIndexRules}), and the list of late dossiers.
 */
@Component
public class DossierStatistics {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    /**
     * Figures of one agency (or procedure, or month; {@code "*"} for all). Shares are rounded to three decimals and are
     * 0 when their denominator is 0.
     *
     * @param dossiers            dossiers received in the period (denominator of 1.4, 3.3, 4.3 and 4.5)
     * @param synced              every event of the dossier at the portal (1.4)
     * @param finished            status 9 or 10 (denominator of 2.1)
     * @param onTime              finished no later than the deadline (numerator of 2.1)
     * @param finishedLate        finished after the deadline ("trễ hạn đã xử lý")
     * @param openLate            still open after the deadline ("trễ hạn đang xử lý")
     * @param late                finishedLate + openLate
     * @param refused             status 3, counted apart, never late
     * @param withdrawn           status 7, counted apart, never late
     * @param stopped             status 8, counted apart, never late
     * @param online              submitted online, KenhThucHien 2 (3.3)
     * @param onlineWeightedShare onlineShare × syncedShare (3.3 weighted by the synchronisation factor)
     * @param digitisedReuse      HoSoCoThanhPhanSoHoa set (4.3)
     * @param resultsDigitised    finished dossiers with a result paper in DanhSachGiayToKetQua (4.3, results)
     * @param populationDb        DSKetNoiCSDL sent by the agency or added by the hub, or TaiKhoanDuocXacThucVoiVNeID (4.5)
     * @param populationDbByHub   of those, the ones whose DSKetNoiCSDL the hub added from its message log
     * @param vneid               TaiKhoanDuocXacThucVoiVNeID set
     * @param discarded           with an event an operator discarded (never delivered), not counted as synced
     */
    public record AgencyFigures(String agency, int dossiers, int synced, double syncedShare, int finished, int onTime,
            double onTimeShare, int finishedLate, int openLate, int late, int refused, int withdrawn, int stopped,
            int online, double onlineShare, double onlineWeightedShare, int digitisedReuse, double digitisedReuseShare,
            int resultsDigitised, double resultsDigitisedShare, int populationDb, double populationDbShare,
            int populationDbByHub, int vneid, int discarded) {
    }

    /** The figures of one agency in one month of reception. */
    public record MonthFigures(String month, AgencyFigures figures) {
    }

    /**
     * Procedures using the population database (4.5): procedures with at least one such dossier, of the procedures with
     * a dossier in the period.
     */
    public record ProcedureUse(int procedures, int usingPopulationDb, double share) {
    }

    /** The answer for a period. */
    public record Report(LocalDate from, LocalDate to, AgencyFigures total, List<AgencyFigures> agencies,
            List<AgencyFigures> procedures, List<MonthFigures> months, ProcedureUse procedureUse) {
    }

    /** A late dossier: finished late, or still open after its deadline. */
    public record LateDossier(String dossierCode, String agency, String department, String officer, String procedureCode,
            String nationalStatus, boolean open, Instant receivedAt, Instant dueAt, Instant deadline, Instant completedAt,
            Instant returnedAt, long workingDaysLate, String lastStep, Instant lastStepAt) {
    }

    /** Which late dossiers to list; null fields do not filter. */
    public record LateFilter(String agency, String department, String officer, String procedure, Boolean open) {
    }

    /** The late list with its counts per agency and per procedure. */
    public record LateList(LocalDate from, LocalDate to, LocalDate today, int total, int open, int finished,
            Map<String, Integer> byAgency, Map<String, Integer> byProcedure, List<LateDossier> dossiers) {
    }

    private final DossierSyncStore store;
    private final NationalIndexRules rules;

    public DossierStatistics(DossierSyncStore store, NationalIndexRules rules) {
        this.store = store;
        this.rules = rules;
    }

    public Report report(String agency, LocalDate from, LocalDate to, Instant now) {
        List<DossierFacts> rows = store.facts(agency, start(from), start(to.plusDays(1)));
        Counter total = new Counter();
        Map<String, Counter> byAgency = new TreeMap<>();
        Map<String, Counter> byProcedure = new TreeMap<>();
        Map<List<String>, Counter> byMonth = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1)));
        Set<String> procedures = new TreeSet<>();
        Set<String> proceduresUsing = new TreeSet<>();
        for (DossierFacts f : rows) {
            Judgement j = rules.judge(f, now);
            total.add(f, j);
            byAgency.computeIfAbsent(f.agency(), a -> new Counter()).add(f, j);
            byProcedure.computeIfAbsent(f.procedureCode(), p -> new Counter()).add(f, j);
            String month = MONTH.format(f.periodAt().atZone(PortalDates.VIETNAM));
            byMonth.computeIfAbsent(List.of(month, f.agency()), k -> new Counter()).add(f, j);
            procedures.add(f.procedureCode());
            if (usesPopulationDb(f)) {
                proceduresUsing.add(f.procedureCode());
            }
        }
        List<MonthFigures> months = new ArrayList<>();
        byMonth.forEach((k, c) -> months.add(new MonthFigures(k.get(0), c.figures(k.get(1)))));
        return new Report(from, to, total.figures(agency == null ? "*" : agency), list(byAgency), list(byProcedure),
                months, new ProcedureUse(procedures.size(), proceduresUsing.size(),
                        Counter.share(proceduresUsing.size(), procedures.size())));
    }

    /**
     * The late dossiers of the dossiers received in the period, and the dossiers still open and late whatever period
     * they were received in.
     */
    public LateList late(LateFilter filter, LocalDate from, LocalDate to, Instant now) {
        Map<String, DossierFacts> rows = new LinkedHashMap<>();
        store.openBefore(filter.agency(), start(from)).forEach(f -> rows.put(f.dossierCode(), f));
        store.facts(filter.agency(), start(from), start(to.plusDays(1))).forEach(f -> rows.put(f.dossierCode(), f));
        List<LateDossier> out = new ArrayList<>();
        for (DossierFacts f : rows.values()) {
            Judgement j = rules.judge(f, now);
            if (!j.late()) {
                continue;
            }
            LateDossier late = new LateDossier(f.dossierCode(), f.agency(), f.department(), f.officer(),
                    f.procedureCode(), f.nationalStatus(), j.standing() == Standing.OPEN, f.receivedAt(), f.dueAt(),
                    j.deadline(), j.completedAt(), f.returnedAt(), j.workingDaysLate(), f.lastStep(), f.lastStepAt());
            if (matches(filter, late)) {
                out.add(late);
            }
        }
        out.sort(Comparator.comparingLong(LateDossier::workingDaysLate).reversed()
                .thenComparing(LateDossier::dossierCode));
        return new LateList(from, to, NationalIndexRules.today(now), out.size(),
                (int) out.stream().filter(LateDossier::open).count(),
                (int) out.stream().filter(d -> !d.open()).count(), count(out, LateDossier::agency),
                count(out, LateDossier::procedureCode), out);
    }

    private static boolean matches(LateFilter filter, LateDossier d) {
        return (filter.department() == null || filter.department().equals(d.department()))
                && (filter.officer() == null || filter.officer().equals(d.officer()))
                && (filter.procedure() == null || filter.procedure().equals(d.procedureCode()))
                && (filter.open() == null || filter.open() == d.open());
    }

    private static Map<String, Integer> count(List<LateDossier> list, Function<LateDossier, String> key) {
        Map<String, Integer> counts = new TreeMap<>();
        list.forEach(d -> counts.merge(String.valueOf(key.apply(d)), 1, Integer::sum));
        return counts;
    }

    static boolean usesPopulationDb(DossierFacts f) {
        return f.populationDb() || f.populationDbByHub() || f.vneid();
    }

    private static List<AgencyFigures> list(Map<String, Counter> counters) {
        List<AgencyFigures> out = new ArrayList<>();
        counters.forEach((k, c) -> out.add(c.figures(k)));
        return out;
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(PortalDates.VIETNAM).toInstant();
    }

    private static final class Counter {
        int dossiers;
        int synced;
        int finished;
        int onTime;
        int finishedLate;
        int openLate;
        int refused;
        int withdrawn;
        int stopped;
        int online;
        int digitisedReuse;
        int resultsDigitised;
        int populationDb;
        int populationDbByHub;
        int vneid;
        int discarded;

        void add(DossierFacts f, Judgement j) {
            dossiers++;
            if (f.discarded() > 0) {
                discarded++;
            } else if (f.unsynced() == 0) {
                synced++;
            }
            if (f.online()) {
                online++;
            }
            if (f.digitisedReuse()) {
                digitisedReuse++;
            }
            if (usesPopulationDb(f)) {
                populationDb++;
            }
            if (f.populationDbByHub()) {
                populationDbByHub++;
            }
            if (f.vneid()) {
                vneid++;
            }
            switch (j.standing()) {
                case FINISHED -> {
                    finished++;
                    if (j.late()) {
                        finishedLate++;
                    } else {
                        onTime++;
                    }
                    if (f.resultsDigitised()) {
                        resultsDigitised++;
                    }
                }
                case OPEN -> {
                    if (j.late()) {
                        openLate++;
                    }
                }
                case REFUSED -> refused++;
                case WITHDRAWN -> withdrawn++;
                case STOPPED -> stopped++;
                default -> throw new IllegalStateException("unknown standing " + j.standing());
            }
        }

        AgencyFigures figures(String key) {
            double syncedShare = share(synced, dossiers);
            double onlineShare = share(online, dossiers);
            return new AgencyFigures(key, dossiers, synced, syncedShare, finished, onTime, share(onTime, finished),
                    finishedLate, openLate, finishedLate + openLate, refused, withdrawn, stopped, online, onlineShare,
                    Math.round(1000.0 * onlineShare * syncedShare) / 1000.0, digitisedReuse,
                    share(digitisedReuse, dossiers), resultsDigitised, share(resultsDigitised, finished), populationDb,
                    share(populationDb, dossiers), populationDbByHub, vneid, discarded);
        }

        static double share(int part, int whole) {
            return whole == 0 ? 0.0 : Math.round(1000.0 * part / whole) / 1000.0;
        }
    }
}
