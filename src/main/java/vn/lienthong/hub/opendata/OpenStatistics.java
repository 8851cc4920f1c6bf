package vn.lienthong.hub.opendata;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * The open statistics of the hub: non-personal aggregates only, counted per month in Vietnam time — exchanges per
 * service (lookups of the national systems and the hub's other services), dossiers per agency (received, submitted
 * online, returned, synchronised with the national portal, and the shares). No row names a person, an officer or a
 * client system: the groups are a service code or an agency identifier and a month.
 *
 * <p>Small cells are suppressed so no one can be singled out: a count from 1 to {@value #THRESHOLD}−1 is published as
 * null, and so is a count whose complement in its row (total − count) is that small, since it could be derived; a share
 * is published only when its row's total is at least {@value #THRESHOLD} and both its parts are publishable. Results
 * are cached for {@code hub.open-data.cache-ttl} (5 minutes): the endpoint is public and unauthenticated.
 */
@Component
public class OpenStatistics {

    /** Cells counting fewer than this many dossiers or exchanges (but more than none) are not published. */
    public static final int THRESHOLD = 5;
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final int MAX_CACHED = 64;

    /** One published table row: its group and its cells; a suppressed cell is null and named in {@code suppressed}. */
    public record Row(@com.fasterxml.jackson.annotation.JsonInclude(value = com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS,
            content = com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS) Map<String, Object> cells,
                      List<String> suppressed) {
    }

    /** Everything published for a period: the tables, the threshold, when it was computed. */
    public record Statistics(String from, String to, String agency, Instant generatedAt, int threshold,
                             List<Row> lookups, List<Row> dossiers, Map<String, Object> dictionary) {
    }

    private record Key(int months, String agency) {
    }

    private record Cached(Statistics statistics, Instant at) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration ttl;
    private final Map<Key, Cached> cache = new ConcurrentHashMap<>();

    @Autowired
    public OpenStatistics(JdbcTemplate jdbc, @Value("${hub.open-data.cache-ttl:5m}") Duration ttl) {
        this(jdbc, Clock.systemUTC(), ttl);
    }

    OpenStatistics(JdbcTemplate jdbc, Clock clock, Duration ttl) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ttl = ttl;
    }

    public Duration ttl() {
        return ttl;
    }

    /** The last {@code months} months up to this one (Vietnam time), all agencies or one. */
    public Statistics statistics(int months, String agency) {
        Key key = new Key(months, agency);
        Instant now = clock.instant();
        Cached cached = cache.get(key);
        if (cached != null && cached.at().plus(ttl).isAfter(now)) {
            return cached.statistics();
        }
        Statistics fresh = compute(months, agency, now);
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(key, new Cached(fresh, now));
        return fresh;
    }

    private Statistics compute(int months, String agency, Instant now) {
        YearMonth last = YearMonth.from(now.atZone(VIETNAM));
        YearMonth first = last.minusMonths(months - 1L);
        Timestamp since = Timestamp.from(first.atDay(1).atStartOfDay(VIETNAM).toInstant());
        return new Statistics(first.toString(), last.toString(), agency, now, THRESHOLD, lookups(since),
                dossiers(since, agency), OpenDataDictionary.DICTIONARY);
    }

    /** Exchanges per service and month, and how many succeeded. */
    private List<Row> lookups(Timestamp since) {
        Map<List<String>, long[]> counts = new TreeMap<>((a, b) -> String.join("\u0000", a).compareTo(String.join("\u0000", b)));
        jdbc.query("SELECT service, time_in, outcome FROM message_log WHERE record_type = 'EXCHANGE' AND seq IS NOT NULL"
                + " AND service IS NOT NULL AND service <> 'open-data' AND time_in >= ?", (RowCallbackHandler) rs -> {
                    String month = YearMonth.from(rs.getTimestamp("time_in").toInstant().atZone(VIETNAM)).toString();
                    long[] c = counts.computeIfAbsent(List.of(rs.getString("service"), month), k -> new long[2]);
                    c[0]++;
                    if ("SUCCESS".equals(rs.getString("outcome"))) {
                        c[1]++;
                    }
                }, since);
        List<Row> rows = new ArrayList<>();
        counts.forEach((k, c) -> {
            Cells cells = new Cells();
            cells.group("service", k.get(0)).group("month", k.get(1));
            cells.total("exchanges", c[0]).part("successful", c[1], c[0]);
            rows.add(cells.row());
        });
        return rows;
    }

    /** Dossiers per agency and month of receipt: received, online, returned, synchronised, and the shares. */
    private List<Row> dossiers(Timestamp since, String agency) {
        Map<List<String>, long[]> counts = new TreeMap<>((a, b) -> String.join("\u0000", a).compareTo(String.join("\u0000", b)));
        List<Object> args = new ArrayList<>(List.of(since));
        String filter = "";
        if (agency != null) {
            filter = " AND r.agency_id = ?";
            args.add(agency);
        }
        jdbc.query("SELECT r.agency_id, r.received_at, r.online, r.returned_at, (SELECT COUNT(*) FROM dossier_sync_event e"
                + " WHERE e.dossier_code = r.dossier_code AND e.kind = 'DOSSIER' AND e.status = 'SYNCED') AS synced"
                + " FROM dossier_record r WHERE r.received_at >= ?" + filter, (RowCallbackHandler) rs -> {
                    String month = YearMonth.from(rs.getTimestamp("received_at").toInstant().atZone(VIETNAM)).toString();
                    long[] c = counts.computeIfAbsent(List.of(rs.getString("agency_id"), month), k -> new long[4]);
                    c[0]++;
                    c[1] += rs.getBoolean("online") ? 1 : 0;
                    c[2] += rs.getTimestamp("returned_at") != null ? 1 : 0;
                    c[3] += rs.getLong("synced") > 0 ? 1 : 0;
                }, args.toArray());
        List<Row> rows = new ArrayList<>();
        counts.forEach((k, c) -> {
            Cells cells = new Cells();
            cells.group("agency", k.get(0)).group("month", k.get(1));
            cells.total("received", c[0]).part("online", c[1], c[0]).part("returned", c[2], c[0]).part("synced", c[3], c[0]);
            cells.share("onlineShare", c[1], c[0]).share("syncedShare", c[3], c[0]);
            rows.add(cells.row());
        });
        return rows;
    }

    /** Whether a count may be published: none, or at least the threshold. */
    static boolean publishable(long count) {
        return count == 0 || count >= THRESHOLD;
    }

    /** Builds one row, suppressing what would single someone out. */
    private static final class Cells {
        private final Map<String, Object> cells = new LinkedHashMap<>();
        private final List<String> suppressed = new ArrayList<>();

        Cells group(String name, String value) {
            cells.put(name, value);
            return this;
        }

        Cells total(String name, long total) {
            return put(name, total, publishable(total));
        }

        /** A part of the row's total: suppressed when it, or what it leaves of the total, is a small cell. */
        Cells part(String name, long part, long total) {
            return put(name, part, publishable(total) && publishable(part) && publishable(total - part));
        }

        Cells share(String name, long part, long total) {
            if (total >= THRESHOLD && publishable(part) && publishable(total - part)) {
                cells.put(name, Math.round(1000.0 * part / total) / 1000.0);
            } else {
                cells.put(name, null);
                suppressed.add(name);
            }
            return this;
        }

        private Cells put(String name, long value, boolean publish) {
            cells.put(name, publish ? value : null);
            if (!publish) {
                suppressed.add(name);
            }
            return this;
        }

        Row row() {
            return new Row(cells, List.copyOf(suppressed));
        }
    }
}
