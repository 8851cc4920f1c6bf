package vn.lienthong.hub.dossier;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.lienthong.hub.connector.JsonSchemas;
import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.HubException;
import vn.lienthong.hub.model.Names;

/**
 * Checks a dossier or progress event before the hub accepts it: dossier code format, known local codes, dates,
 * required fields, no unknown fields. Every problem is reported at once, so the sender fixes them in one go.
 */
@Component
public class DossierValidator {

    /** {@code {agency identifier}-{yyMMdd}-{5 digits}}, e.g. {@code 000.00.01.H22-250225-12345}. */
    static final Pattern DOSSIER_CODE = Pattern.compile("^(\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2})-(\\d{6})-(\\d{5})$");
    static final Pattern EVENT_ID = Pattern.compile("^[A-Za-z0-9._:-]{1,64}$");
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("uuMMdd").withResolverStyle(ResolverStyle.STRICT);

    static final Set<String> DOSSIER_FIELDS = Set.of("MaHoSo", "MaTTHC", "TenTTHC", "MaLinhVuc", "TenLinhVuc", "KenhThucHien",
            "SoGiayToChuHoSo", "ChuHoSo", "LoaiDoiTuong", "MaDoiTuong", "ThongTinKhac", "Email", "Fax", "SoDienThoai",
            "TrichYeuHoSo", "NgayTiepNhan", "NgayHenTra", "TrangThaiHoSo", "NgayTra", "ThongTinTra", "HinhThuc",
            "NgayKetThucXuLy", "DonViXuLy", "GhiChu", "TaiLieuNop", "DanhSachLePhi", "DanhSachTepDinhKemKhac",
            "DanhSachHoSoBoSung", "DanhSachGiayToKetQua", "NoiNopHoSo", "HoSoCoThanhPhanSoHoa", "TaiKhoanDuocXacThucVoiVNeID",
            "DuocThanhToanTrucTuyen", "NgayTuChoi", "DinhDanhCHS", "NgayNopHoSo", "DSKetNoiCSDL");
    static final List<String> DOSSIER_REQUIRED = List.of("MaHoSo", "MaTTHC", "TrangThaiHoSo", "ChuHoSo");
    /**
     * National statuses without a reception or an appointment date: 1 Mới đăng ký (registered, not yet received) and
     * 3 Không được tiếp nhận (refused at reception). Every other status requires NgayTiepNhan and NgayHenTra.
     */
    static final Set<String> STATUSES_WITHOUT_RECEPTION = Set.of("1", "3");
    static final Set<String> DOSSIER_DATES = Set.of("NgayTiepNhan", "NgayHenTra", "NgayTra", "NgayKetThucXuLy", "NgayTuChoi",
            "NgayNopHoSo");

    static final Set<String> PROGRESS_FIELDS = Set.of("MaHoSo", "NguoiXuLy", "ChucDanh", "ThoiDiemXuLy", "PhongBanXuLy",
            "NoiDungXuLy", "TrangThai", "NgayBatDau", "NgayKetThucTheoQuyDinh");
    static final List<String> PROGRESS_REQUIRED = List.of("NguoiXuLy", "ThoiDiemXuLy", "NoiDungXuLy", "TrangThai");
    static final Set<String> PROGRESS_DATES = Set.of("ThoiDiemXuLy", "NgayBatDau", "NgayKetThucTheoQuyDinh");

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final JsonNode DOSSIER_SCHEMA = schema("dossier");
    private static final JsonNode PROGRESS_SCHEMA = schema("progress");

    private final CodeMappings codes;

    public DossierValidator(CodeMappings codes) {
        this.codes = codes;
    }

    /** The published types and lengths of the fields ({@code api/schemas/<name>.schema.json}). */
    private static JsonNode schema(String name) {
        try (var in = DossierValidator.class.getResourceAsStream("/api/schemas/" + name + ".schema.json")) {
            JsonNode schema = JSON.readTree(in);
            JsonSchemas.compile(schema);
            return schema;
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalStateException("the " + name + " schema of the contract is missing or broken", e);
        }
    }

    /** A create-or-update of a dossier ({@code POST /api/v1/dossiers}). */
    public DossierSubmission dossier(JsonNode body, String eventId) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> data = fields(body, DOSSIER_SCHEMA, DOSSIER_FIELDS, DOSSIER_REQUIRED, DOSSIER_DATES, problems);
        String code = text(data, "MaHoSo");
        if (code != null) {
            checkDossierCode(code, problems);
        }
        String procedure = text(data, "MaTTHC");
        if (procedure != null && codes.resolveProcedure(procedure).isEmpty()) {
            problems.add("MaTTHC: '" + procedure + "' is neither a national procedure code (1.001193.000.00.00.H22)"
                    + " nor a procedure code of this province's mapping table");
        }
        checkStatus(data, "TrangThaiHoSo", problems);
        String national = text(data, "TrangThaiHoSo") == null ? null
                : codes.nationalStatus(text(data, "TrangThaiHoSo")).orElse(null);
        // an unknown status cannot say it has no reception: the dates are required then too
        if (national == null || !STATUSES_WITHOUT_RECEPTION.contains(national)) {
            for (String field : List.of("NgayTiepNhan", "NgayHenTra")) {
                if (text(data, field) == null) {
                    problems.add(field + ": is required" + (national == null ? "" : " for status " + national)
                            + " (only 1 Mới đăng ký and 3 Không được tiếp nhận have none)");
                }
            }
        }
        checkOwner(data, problems);
        checkOneOf(data, "LoaiDoiTuong", Set.of("1", "2", "3"), problems);
        checkOneOf(data, "KenhThucHien", Set.of("1", "2", "3"), problems);
        ZonedDateTime received = date(data, "NgayTiepNhan");
        ZonedDateTime due = date(data, "NgayHenTra");
        if (received != null && due != null && due.isBefore(received)) {
            problems.add("NgayHenTra: the appointment date is before NgayTiepNhan");
        }
        return result(DossierEventKind.DOSSIER, code, eventId, data, problems);
    }

    /** A processing step of a dossier ({@code POST /api/v1/dossiers/{dossierCode}/progress}). */
    public DossierSubmission progress(String dossierCode, JsonNode body, String eventId) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> data = fields(body, PROGRESS_SCHEMA, PROGRESS_FIELDS, PROGRESS_REQUIRED, PROGRESS_DATES, problems);
        checkDossierCode(dossierCode, problems);
        String inBody = text(data, "MaHoSo");
        if (inBody != null && !inBody.equals(dossierCode)) {
            problems.add("MaHoSo: '" + inBody + "' differs from the dossier code in the path '" + dossierCode + "'");
        }
        data.put("MaHoSo", dossierCode);
        checkStatus(data, "TrangThai", problems);
        return result(DossierEventKind.PROGRESS, dossierCode, eventId, data, problems);
    }

    private DossierSubmission result(DossierEventKind kind, String code, String eventId, Map<String, Object> data,
            List<String> problems) {
        if (eventId != null && !EVENT_ID.matcher(eventId).matches()) {
            problems.add("X-Event-Id: must be 1 to 64 letters, digits, '.', '_', ':' or '-'");
        }
        if (!problems.isEmpty()) {
            throw new HubException(ErrorCode.INVALID_FIELD, String.join("; ", problems));
        }
        return new DossierSubmission(kind, code, eventId, data);
    }

    private static Map<String, Object> fields(JsonNode body, JsonNode schema, Set<String> known, List<String> required,
            Set<String> dates, List<String> problems) {
        if (body == null || !body.isObject()) {
            throw new HubException(ErrorCode.MALFORMED_REQUEST, "the body must be a JSON object with the national field names");
        }
        List<String> unknown = new ArrayList<>();
        body.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            throw new HubException(ErrorCode.UNKNOWN_FIELD, "unknown field(s) " + unknown + "; the body uses the national"
                    + " field names of the portal (MaHoSo, MaTTHC, TrangThaiHoSo, NgayTiepNhan, NgayHenTra, …)");
        }
        // Types and lengths first: a text field holding an object, a list or 60 KB is refused before anything reads it.
        List<String> violations = JsonSchemas.violations(schema, body).stream()
                .map(v -> v.startsWith("$.") ? v.substring(2) : v).toList();
        if (!violations.isEmpty()) {
            throw new HubException(ErrorCode.INVALID_FIELD, String.join("; ", violations));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        body.properties().forEach(e -> {
            JsonNode value = e.getValue();
            if (value.isNull()) {
                return;
            }
            if (value.isContainerNode()) {
                data.put(e.getKey(), normalise(JSON.convertValue(value, Object.class)));
            } else {
                data.put(e.getKey(), Names.normalize(value.asText()));
            }
        });
        for (String field : required) {
            Object value = data.get(field);
            if (value == null || value.toString().isBlank()) {
                problems.add(field + ": is required");
            }
        }
        for (String field : dates) {
            String value = text(data, field);
            if (value != null) {
                try {
                    PortalDates.parse(value);
                } catch (IllegalArgumentException e) {
                    problems.add(field + ": " + e.getMessage());
                }
            }
        }
        return data;
    }

    @SuppressWarnings("unchecked")
    private static Object normalise(Object value) {
        if (value instanceof String s) {
            return Names.normalize(s);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> out.put(k, normalise(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(DossierValidator::normalise).toList();
        }
        return value;
    }

    static void checkDossierCode(String code, List<String> problems) {
        Matcher m = DOSSIER_CODE.matcher(code == null ? "" : code);
        if (!m.matches()) {
            problems.add("MaHoSo: '" + code + "' is not {agency identifier}-{yyMMdd}-{5 digits}, e.g. 000.00.01.H22-250225-12345");
            return;
        }
        try {
            LocalDate.parse(m.group(2), YYMMDD);
        } catch (DateTimeParseException e) {
            problems.add("MaHoSo: '" + m.group(2) + "' is not a date yyMMdd");
        }
    }

    /** The agency identifier part of a dossier code. */
    public static String agencyOf(String dossierCode) {
        Matcher m = DOSSIER_CODE.matcher(dossierCode);
        return m.matches() ? m.group(1) : null;
    }

    /**
     * The owner's identifiers against LoaiDoiTuong: a citizen (1) is identified by a 12-digit personal id (Decree
     * 137/2015 Art. 13) or an old 9-digit identity card number (CMND); an enterprise (2) by its enterprise code with
     * its check digit (branches -001…-999). Checked on SoGiayToChuHoSo and every DinhDanhCHS entry.
     */
    static void checkOwner(Map<String, Object> data, List<String> problems) {
        String type = text(data, "LoaiDoiTuong");
        if (!"1".equals(type) && !"2".equals(type)) {
            return;
        }
        List<String[]> ids = new ArrayList<>();
        if (text(data, "SoGiayToChuHoSo") != null) {
            ids.add(new String[] {"SoGiayToChuHoSo", text(data, "SoGiayToChuHoSo").strip()});
        }
        if (data.get("DinhDanhCHS") instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof Map<?, ?> entry && entry.get("SoDinhDanh") != null
                        && !entry.get("SoDinhDanh").toString().isBlank()) {
                    ids.add(new String[] {"DinhDanhCHS[" + i + "].SoDinhDanh", entry.get("SoDinhDanh").toString().strip()});
                }
            }
        }
        for (String[] id : ids) {
            if ("1".equals(type)) {
                if (!id[1].matches("\\d{9}")) {
                    vn.lienthong.hub.model.PersonalIds.violation(id[1], null).ifPresent(reason -> problems.add(id[0]
                            + ": a citizen's (LoaiDoiTuong 1) personal id " + reason + " (or a 9-digit identity card number)"));
                }
            } else {
                vn.lienthong.hub.model.EnterpriseCodes.violation(id[1]).ifPresent(reason -> problems.add(id[0]
                        + ": an enterprise's (LoaiDoiTuong 2) enterprise code " + reason));
            }
        }
    }

    private void checkStatus(Map<String, Object> data, String field, List<String> problems) {
        String status = text(data, field);
        if (status != null && codes.nationalStatus(status).isEmpty()) {
            problems.add(field + ": '" + status + "' is not a status code of this province's mapping table");
        }
    }

    private static void checkOneOf(Map<String, Object> data, String field, Set<String> allowed, List<String> problems) {
        String value = text(data, field);
        if (value != null && !allowed.contains(value)) {
            problems.add(field + ": must be one of " + allowed.stream().sorted().toList());
        }
    }

    private static ZonedDateTime date(Map<String, Object> data, String field) {
        String value = text(data, field);
        try {
            return value == null ? null : PortalDates.parse(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String text(Map<String, Object> data, String field) {
        Object value = data.get(field);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
