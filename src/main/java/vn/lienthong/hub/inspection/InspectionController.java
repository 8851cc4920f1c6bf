package vn.lienthong.hub.inspection;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.lienthong.hub.audit.chain.AuditExport;
import vn.lienthong.hub.audit.query.MessageLogQueries;
import vn.lienthong.hub.dossier.DossierOperationsController;
import vn.lienthong.hub.dossier.DossierStatistics;
import vn.lienthong.hub.dossier.NationalIndexRules;
import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.HubException;
import vn.lienthong.hub.exchange.HubOperation;

/**
 * Remote inspection (kiểm tra từ xa) for inspector clients (grant {@code inspection:*}): the late dossiers with the
 * department and officer holding them, as JSON or CSV; the national service index figures per agency, procedure and
 * month; and the use of the population database per agency system, officer and month. Every query is an exchange in
 * the message log (the edge writes it), with its filters in the request. "Today" is the day in Việt Nam.
 */
@RestController
@RequestMapping(path = "/api/v1/inspection")
public class InspectionController {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Pattern AGENCY = Pattern.compile("\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}");
    private static final Pattern PROCEDURE = Pattern.compile("[0-9A-Za-z.\\-]{1,64}");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(VIETNAM);
    static final List<String> CSV_COLUMNS = List.of("MaHoSo", "CoQuan", "PhongBanXuLy", "NguoiXuLy", "MaTTHC",
            "TrangThaiHoSo", "TinhTrang", "NgayTiepNhan", "NgayHenTra", "NgayKetThucXuLy", "SoNgayLamViecTre",
            "BuocXuLyCuoi", "ThoiDiemXuLyCuoi");

    private final DossierStatistics statistics;
    private final MessageLogQueries messageLog;
    private final ObjectMapper json;
    private final Clock clock;

    public InspectionController(DossierStatistics statistics, MessageLogQueries messageLog, ObjectMapper json) {
        this.statistics = statistics;
        this.messageLog = messageLog;
        this.json = json;
        this.clock = Clock.system(VIETNAM);
    }

    /**
     * Late dossiers: those received in the period that finished late or are open past their deadline, and every
     * dossier still open and late whatever period it was received in. {@code state}: open, finished or all;
     * {@code format}: json or csv.
     */
    @HubOperation(service = "late-dossiers", operation = "LateDossiers")
    @GetMapping(path = "/late")
    public void late(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String agency, @RequestParam(required = false) String department,
            @RequestParam(required = false) String officer, @RequestParam(required = false) String procedure,
            @RequestParam(defaultValue = "all") String state, @RequestParam(defaultValue = "json") String format,
            HttpServletResponse response) throws IOException {
        LocalDate[] period = DossierOperationsController.period(from, to, clock);
        DossierStatistics.LateFilter filter = new DossierStatistics.LateFilter(agency(agency),
                text("department", department, 500), text("officer", officer, 255), procedure(procedure), state(state));
        String f = format.strip().toLowerCase();
        if (!f.equals("json") && !f.equals("csv")) {
            throw new HubException(ErrorCode.INVALID_FIELD, "format must be json or csv");
        }
        DossierStatistics.LateList list = statistics.late(filter, period[0], period[1], clock.instant());
        if (f.equals("json")) {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getOutputStream(), list);
            return;
        }
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"ho-so-tre-han-" + list.today() + ".csv\"");
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        writeCsv(writer, list);
        writer.flush();
    }

    /** The national service index figures for the period, per agency, procedure and month of reception. */
    @HubOperation(service = "index-figures", operation = "IndexFigures")
    @GetMapping(path = "/figures", produces = MediaType.APPLICATION_JSON_VALUE)
    public DossierStatistics.Report figures(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String agency) {
        LocalDate[] period = DossierOperationsController.period(from, to, clock);
        return statistics.report(agency(agency), period[0], period[1], clock.instant());
    }

    /** Use of the population database per agency system, officer and month. */
    public record PopulationUse(LocalDate from, LocalDate to, List<MessageLogQueries.UsageRow> rows,
            Map<String, Map<String, Long>> byAgencyAndMonth) {
    }

    /** Use of the population database (service citizen-lookup) per agency system, officer and month, from the log. */
    @HubOperation(service = "population-use", operation = "PopulationDatabaseUse")
    @GetMapping(path = "/population-use", produces = MediaType.APPLICATION_JSON_VALUE)
    public PopulationUse populationUse(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        LocalDate[] period = DossierOperationsController.period(from, to, clock);
        if (period[0].plusDays(366).isBefore(period[1])) {
            throw new HubException(ErrorCode.INVALID_FIELD, "from and to may be at most 366 days apart");
        }
        Instant start = period[0].atStartOfDay(VIETNAM).toInstant();
        Instant end = period[1].plusDays(1).atStartOfDay(VIETNAM).toInstant();
        List<MessageLogQueries.UsageRow> rows = messageLog.usage("citizen-lookup", start, end, "month");
        Map<String, Map<String, Long>> byAgency = new TreeMap<>();
        for (MessageLogQueries.UsageRow row : rows) {
            String agency = row.clientId() == null ? "?" : row.clientId().split(":", 2)[0];
            byAgency.computeIfAbsent(agency, a -> new TreeMap<>()).merge(row.period(), row.total(), Long::sum);
        }
        return new PopulationUse(period[0], period[1], rows, byAgency);
    }

    static void writeCsv(Writer writer, DossierStatistics.LateList list) throws IOException {
        writer.write('\uFEFF');
        writer.write(String.join(",", CSV_COLUMNS));
        writer.write("\r\n");
        for (DossierStatistics.LateDossier d : list.dossiers()) {
            Object[] values = {d.dossierCode(), d.agency(), d.department(), d.officer(), d.procedureCode(),
                d.nationalStatus(), d.open() ? "trễ hạn đang xử lý" : "trễ hạn đã xử lý", local(d.receivedAt()),
                local(d.dueAt()), local(d.completedAt()), d.workingDaysLate(), d.lastStep(), local(d.lastStepAt())};
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    line.append(',');
                }
                line.append(AuditExport.csvCell(values[i] == null ? "" : values[i].toString()));
            }
            writer.write(line.append("\r\n").toString());
        }
    }

    private static String local(Instant instant) {
        return instant == null ? null : LOCAL.format(instant);
    }

    private static String agency(String value) {
        String v = text("agency", value, 32);
        if (v != null && !AGENCY.matcher(v).matches()) {
            throw new HubException(ErrorCode.INVALID_FIELD, "agency must be an agency identifier such as 000.00.01.H22");
        }
        return v;
    }

    private static String procedure(String value) {
        String v = text("procedure", value, 64);
        if (v != null && !PROCEDURE.matcher(v).matches()) {
            throw new HubException(ErrorCode.INVALID_FIELD, "procedure must be a procedure code such as 1.001193.000.00.00.H22");
        }
        return v;
    }

    private static Boolean state(String value) {
        return switch (value == null ? "all" : value.strip().toLowerCase()) {
            case "open" -> Boolean.TRUE;
            case "finished" -> Boolean.FALSE;
            case "all", "" -> null;
            default -> throw new HubException(ErrorCode.INVALID_FIELD, "state must be open, finished or all");
        };
    }

    /** A filter as text: NFC, trimmed, at most {@code max} characters; blank means no filter. */
    static String text(String name, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
        if (v.length() > max) {
            throw new HubException(ErrorCode.INVALID_FIELD, name + " may have at most " + max + " characters");
        }
        return v;
    }

    /** Today for the inspection, in Việt Nam. */
    LocalDate today() {
        return NationalIndexRules.today(clock.instant());
    }
}
