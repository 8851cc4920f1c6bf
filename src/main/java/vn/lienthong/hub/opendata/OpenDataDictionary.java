package vn.lienthong.hub.opendata;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The data dictionary of the open statistics: every table and column, what it counts, its type. */
final class OpenDataDictionary {

    static final Map<String, Object> DICTIONARY = build();

    private OpenDataDictionary() {
    }

    private static Map<String, Object> build() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("suppression", "A count from 1 to 4 is published as empty (null), and so is a count whose complement in its row"
                + " (the row's total minus it) is from 1 to 4; a share is published only when its row counts at least 5 and"
                + " both its parts are publishable. Suppressed cells are named in the row's 'suppressed' list.");
        d.put("timeZone", "Months are calendar months in Asia/Ho_Chi_Minh time.");
        Map<String, Object> tables = new LinkedHashMap<>();
        tables.put("lookups", table("Exchanges with the hub per service and month (lookups of national systems, pre-fill, dossier"
                                + " synchronisation, payment), from the message log",
                        column("service", "string", "Service code of the hub's catalogue (GET /api/v1/services) or of a typed service"),
                        column("month", "string", "yyyy-MM"),
                        column("exchanges", "integer", "Requests answered, whatever the outcome"),
                        column("successful", "integer", "Of those, answered with data or accepted")));
        tables.put("dossiers", table("Dossiers per receiving agency and month of receipt, as the hub holds them for the national service index",
                        column("agency", "string", "Agency identifier (mã định danh cơ quan, Decision 20/2020/QĐ-TTg) from the dossier code"),
                        column("month", "string", "yyyy-MM of NgayTiepNhan"),
                        column("received", "integer", "Dossiers received"),
                        column("online", "integer", "Of those, submitted online (KenhThucHien 2)"),
                        column("returned", "integer", "Of those, with the result returned (TrangThaiHoSo 10)"),
                        column("synced", "integer", "Of those, delivered to the national public service portal (DongBoHoSoMC acknowledged)"),
                        column("onlineShare", "number", "online / received, 3 decimals"),
                        column("syncedShare", "number", "synced / received, 3 decimals")));
        d.put("tables", java.util.Collections.unmodifiableMap(tables));
        return java.util.Collections.unmodifiableMap(d);
    }

    @SafeVarargs
    private static Map<String, Object> table(String description, Map<String, String>... columns) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("description", description);
        t.put("columns", List.of(columns));
        return t;
    }

    private static Map<String, String> column(String name, String type, String description) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("name", name);
        c.put("type", type);
        c.put("description", description);
        return c;
    }
}
