package vn.lienthong.hub.opendata;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.lienthong.hub.audit.chain.AuditExport;
import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.HubException;
import vn.lienthong.hub.exchange.HubOperation;

/**
 * Open statistics, public and unauthenticated (the edge lets GET /api/v1/open-data/** through without a key and still
 * logs each request): JSON with the data dictionary, or one table as CSV. Answers may be cached by anyone: they hold no
 * personal data.
 */
@RestController
public class OpenDataController {

    private static final String AGENCY = "\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}";
    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final OpenStatistics statistics;

    public OpenDataController(OpenStatistics statistics) {
        this.statistics = statistics;
    }

    @HubOperation(service = "open-data", operation = "OpenStatistics")
    @GetMapping(path = "/api/v1/open-data/statistics", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    public ResponseEntity<?> statistics(@RequestParam(name = "months", required = false) String months,
            @RequestParam(name = "agency", required = false) String agency,
            @RequestParam(name = "format", required = false) String format,
            @RequestParam(name = "table", required = false) String table, HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response) {
        int span = months(months);
        if (agency != null && !agency.matches(AGENCY)) {
            throw new HubException(ErrorCode.INVALID_FIELD, "agency must be an agency identifier such as 000.00.01.H22");
        }
        String shape = format == null ? "json" : format;
        if (!shape.equals("json") && !shape.equals("csv")) {
            throw new HubException(ErrorCode.INVALID_FIELD, "format must be json or csv");
        }
        OpenStatistics.Statistics result = statistics.statistics(span, agency);
        // replaces the edge's no-store: nothing personal here, so anyone may keep it as long as the hub does
        response.setHeader("Cache-Control", CacheControl.maxAge(statistics.ttl().toSeconds(), TimeUnit.SECONDS)
                .cachePublic().getHeaderValue());
        if (shape.equals("json")) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(result);
        }
        List<OpenStatistics.Row> rows = switch (table == null ? "" : table) {
            case "lookups" -> result.lookups();
            case "dossiers" -> result.dossiers();
            default -> throw new HubException(ErrorCode.INVALID_FIELD, "a CSV answer is one table: table=lookups or table=dossiers");
        };
        return ResponseEntity.ok().contentType(CSV)
                .header("Content-Disposition", "attachment; filename=\"open-statistics-" + table + ".csv\"")
                .body(csv(table, rows));
    }

    private static int months(String text) {
        if (text == null) {
            return 12;
        }
        try {
            int m = Integer.parseInt(text);
            if (m >= 1 && m <= 36) {
                return m;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new HubException(ErrorCode.INVALID_FIELD, "months must be a whole number from 1 to 36");
    }

    /** One table as RFC 4180 CSV, the columns of the dictionary in its order; a suppressed cell is empty. */
    @SuppressWarnings("unchecked")
    static String csv(String table, List<OpenStatistics.Row> rows) {
        Map<String, Object> tables = (Map<String, Object>) OpenDataDictionary.DICTIONARY.get("tables");
        List<Map<String, String>> columns = (List<Map<String, String>>) ((Map<String, Object>) tables.get(table)).get("columns");
        StringBuilder out = new StringBuilder();
        out.append(String.join(",", columns.stream().map(c -> c.get("name")).toList())).append("\r\n");
        for (OpenStatistics.Row row : rows) {
            out.append(String.join(",", columns.stream().map(c -> {
                Object v = row.cells().get(c.get("name"));
                return v == null ? "" : AuditExport.csvCell(v.toString());
            }).toList())).append("\r\n");
        }
        return out.toString();
    }
}
