package vn.lienthong.hub.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * The national public service portal (DVCQG) as the hub sees it: session login, sessions that expire, dossier create and
 * update ({@code DongBoHoSoMC}) with "already exists" on a second create, progress ({@code CapNhatTienDoHoSoMC}),
 * lookup ({@code TraCuuHoSo}). It keeps what it received, in order of arrival, so tests and the crash script can count
 * duplicates and order violations at {@code GET /__portal/received}. Fault controls: {@code POST /__portal/faults}
 * ({@code down}, {@code failNext}, {@code sessionTtlMillis}, {@code expireSessions}), {@code POST /__portal/reset}, and
 * poison dossier codes that are always rejected (see the connector's simulator README).
 *
 * <p>Registered on the national-portal WireMock server; the stub mappings in
 * {@code connectors/national-portal/simulator/mappings} route the requests here (transformer {@value #NAME}).
 */
public class NationalPortalSimulator implements ResponseDefinitionTransformerV2, ConnectorSimulatorExtension {

    public static final String NAME = "national-portal";
    /** Dossier codes the portal always rejects as invalid data (error_code -1). */
    public static final Set<String> DEFAULT_POISON = Set.of("000.00.01.H22-250101-99999");
    /** What the portal answers when a session is unknown or expired. */
    public static final String SESSION_EXPIRED = "-2";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String username;
    private final String password;
    private final Path stateFile;
    private final Set<String> poison = ConcurrentHashMap.newKeySet();
    private final Map<String, Instant> sessions = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> dossiers = new LinkedHashMap<>();
    private final List<ObjectNode> arrivals = new ArrayList<>();
    private volatile Duration sessionTtl;
    private volatile boolean down;
    private int failNext;
    private int refuseNext;
    /** Dossier code → integration calls still answered "busy" for that dossier only. */
    private final Map<String, Integer> busy = new ConcurrentHashMap<>();
    /** Dossier code → until when its integration calls are answered "busy". */
    private final Map<String, Instant> busyUntil = new ConcurrentHashMap<>();
    /** Late answers: the request is applied at once, its answer leaves only after {@link #lateMillis}. */
    private volatile long lateMillis;
    private int lateNext;
    private volatile Instant lateUntil = Instant.EPOCH;
    private int logins;
    private int rejected;
    /**
     * Answer codes in the two-digit style the real portal also uses: success {@code 00}, "already exists" {@code 3}
     * (fault control {@code {"twoDigitCodes": true}}); default {@code 0} and {@code -3}.
     */
    private volatile boolean twoDigitCodes;
    /** Dates of the portal's data items: {@code yyyyMMddHHmmss}, Vietnam time. */
    private static final java.util.regex.Pattern PORTAL_DATE = java.util.regex.Pattern.compile("\\d{14}");
    private static final java.util.regex.Pattern NATIONAL_PROCEDURE =
            java.util.regex.Pattern.compile("\\d\\.\\d{6}\\.\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}");
    private static final List<String> DOSSIER_DATES = List.of("NgayTiepNhan", "NgayHenTra", "NgayTra", "NgayKetThucXuLy",
            "NgayTuChoi", "NgayNopHoSo");
    private static final List<String> PROGRESS_DATES = List.of("ThoiDiemXuLy", "NgayBatDau", "NgayKetThucTheoQuyDinh");

    /**
     * @param stateFile where every arrival is appended as one JSON line and read back on start (the standalone
     *                  simulator of the crash test survives its own restarts); null keeps the state in memory only
     */
    public NationalPortalSimulator(String username, String password, Duration sessionTtl, Set<String> poison, Path stateFile) {
        this.username = username;
        this.password = password;
        this.sessionTtl = sessionTtl;
        this.poison.addAll(poison);
        this.stateFile = stateFile;
        if (stateFile != null && Files.exists(stateFile)) {
            load(stateFile);
        }
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String connector() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        String path = serveEvent.getRequest().getUrl();
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        String method = serveEvent.getRequest().getMethod().getName();
        try {
            JsonNode body = "POST".equals(method) && !serveEvent.getRequest().getBodyAsString().isBlank()
                    ? JSON.readTree(serveEvent.getRequest().getBodyAsString()) : JSON.createObjectNode();
            if (path.endsWith("/__portal/received")) {
                return json(200, received());
            }
            if (path.endsWith("/__portal/faults")) {
                return json(200, faults(body));
            }
            if (path.endsWith("/__portal/reset")) {
                reset();
                return json(200, JSON.createObjectNode().put("reset", true));
            }
            if (down) {
                return json(503, answer("503", "Hệ thống đang bảo trì"));
            }
            if (path.endsWith("/auth")) {
                return json(200, login(body));
            }
            ObjectNode answer = integrate(body);
            long delay = lateAnswerDelay();
            return delay > 0 ? json(200, answer, delay) : json(200, answer);
        } catch (IOException e) {
            return json(200, answer("-1", "Dữ liệu không đúng định dạng JSON"));
        }
    }

    /** The delay of this integration answer, when a late-answer fault is on (the request is applied anyway). */
    private synchronized long lateAnswerDelay() {
        if (lateMillis <= 0) {
            return 0;
        }
        if (lateNext > 0) {
            lateNext--;
            return lateMillis;
        }
        return Instant.now().isBefore(lateUntil) ? lateMillis : 0;
    }

    private synchronized ObjectNode login(JsonNode body) {
        if (!username.equals(body.path("username").asText()) || !password.equals(body.path("password").asText())) {
            return answer("-1", "Sai tên đăng nhập hoặc mật khẩu");
        }
        logins++;
        String session = UUID.randomUUID().toString();
        sessions.put(session, Instant.now().plus(sessionTtl));
        ObjectNode answer = answer(ok(), "Đăng nhập thành công");
        answer.put("session", session);
        return answer;
    }

    private synchronized ObjectNode integrate(JsonNode body) {
        if (failNext > 0) {
            failNext--;
            return answer("-99", "Hệ thống đang bận, vui lòng thử lại");
        }
        Instant expiry = sessions.get(body.path("session").asText());
        if (expiry == null || expiry.isBefore(Instant.now())) {
            sessions.remove(body.path("session").asText());
            return answer(SESSION_EXPIRED, "Phiên làm việc không hợp lệ hoặc đã hết hạn");
        }
        String service = body.path("service").asText();
        JsonNode data = body.path("data");
        if (body.path("madonvi").asText("").isBlank()) {
            rejected++;
            return answer("-1", "Thiếu mã đơn vị (madonvi)");
        }
        String target = body.path("mahoso").asText(data.path(0).path("MaHoSo").asText(data.path("MaHoSo").asText()));
        Integer busyCalls = busy.get(target);
        if (busyCalls != null) {
            if (busyCalls <= 1) {
                busy.remove(target);
            } else {
                busy.put(target, busyCalls - 1);
            }
        }
        if (busyCalls != null || Instant.now().isBefore(busyUntil.getOrDefault(target, Instant.EPOCH))) {
            return answer("-99", "Hệ thống đang bận, vui lòng thử lại");
        }
        if (refuseNext > 0 && !"TraCuuHoSo".equals(service)) {
            refuseNext--;
            rejected++;
            return answer("-1", "Dữ liệu không hợp lệ");
        }
        return switch (service) {
            case "DongBoHoSoMC" -> dossier(data, "True".equalsIgnoreCase(body.path("isUpdating").asText()));
            case "CapNhatTienDoHoSoMC" -> progress(data);
            case "TraCuuHoSo" -> lookup(body.path("mahoso").asText(data.path("MaHoSo").asText()));
            default -> answer("-1", "Dịch vụ không được hỗ trợ: " + service);
        };
    }

    private ObjectNode dossier(JsonNode data, boolean updating) {
        if (!data.isArray() || data.isEmpty()) {
            return answer("-1", "Thiếu dữ liệu hồ sơ");
        }
        for (JsonNode item : data) {
            String code = item.path("MaHoSo").asText();
            if (code.isBlank() || poison.contains(code)) {
                rejected++;
                return answer("-1", "Hồ sơ " + code + " không hợp lệ");
            }
            String malformed = malformedDossier(item);
            if (malformed != null) {
                rejected++;
                return answer("-1", "Hồ sơ " + code + " không hợp lệ: " + malformed);
            }
            if (!updating && dossiers.containsKey(code)) {
                return answer(twoDigitCodes ? "3" : "-3", "Hồ sơ " + code + " đã tồn tại");
            }
        }
        for (JsonNode item : data) {
            String code = item.path("MaHoSo").asText();
            ObjectNode stored = ((ObjectNode) item.deepCopy());
            stored.set("TienDo", dossiers.containsKey(code) ? dossiers.get(code).path("TienDo") : JSON.createArrayNode());
            dossiers.put(code, stored);
            record("DongBoHoSoMC", item, updating);
        }
        return answer(ok(), "Đồng bộ thành công");
    }

    private ObjectNode progress(JsonNode data) {
        JsonNode item = data.isArray() ? data.path(0) : data;
        String code = item.path("MaHoSo").asText();
        if (poison.contains(code)) {
            rejected++;
            return answer("-1", "Hồ sơ " + code + " không hợp lệ");
        }
        String malformed = malformedProgress(item);
        if (malformed != null) {
            rejected++;
            return answer("-1", "Tiến độ hồ sơ " + code + " không hợp lệ: " + malformed);
        }
        ObjectNode dossier = dossiers.get(code);
        if (dossier == null) {
            rejected++;
            return answer("-4", "Không tìm thấy hồ sơ " + code);
        }
        ((ArrayNode) dossier.withArray("TienDo")).add(item.deepCopy());
        record("CapNhatTienDoHoSoMC", item, true);
        return answer(ok(), "Cập nhật tiến độ thành công");
    }

    private ObjectNode lookup(String code) {
        ObjectNode dossier = dossiers.get(code);
        if (dossier == null) {
            return answer("-4", "Không tìm thấy hồ sơ " + code);
        }
        ObjectNode answer = answer(ok(), "Thành công");
        answer.set("data", dossier.deepCopy());
        return answer;
    }

    private String ok() {
        return twoDigitCodes ? "00" : "0";
    }

    /**
     * What the real portal refuses in a DongBoHoSoMC item, so that a translation bug of the hub fails a test: dates not
     * {@code yyyyMMddHHmmss} (an ISO date), a status outside the national 1–10 (a local code), a procedure code not in
     * the national format.
     */
    static String malformedDossier(JsonNode item) {
        String status = item.path("TrangThaiHoSo").asText("");
        if (!status.matches("[1-9]|10")) {
            return "TrangThaiHoSo '" + status + "' không phải mã trạng thái quốc gia (1-10)";
        }
        if (!NATIONAL_PROCEDURE.matcher(item.path("MaTTHC").asText("")).matches()) {
            return "MaTTHC '" + item.path("MaTTHC").asText("") + "' không phải mã thủ tục quốc gia";
        }
        return malformedDates(item, DOSSIER_DATES);
    }

    /** What the real portal refuses in a CapNhatTienDoHoSoMC item. */
    static String malformedProgress(JsonNode item) {
        String status = item.path("TrangThai").asText("");
        if (!status.matches("[1-9]|10")) {
            return "TrangThai '" + status + "' không phải mã trạng thái quốc gia (1-10)";
        }
        return malformedDates(item, PROGRESS_DATES);
    }

    private static String malformedDates(JsonNode item, List<String> fields) {
        for (String field : fields) {
            JsonNode value = item.get(field);
            if (value != null && !value.isNull() && !PORTAL_DATE.matcher(value.asText()).matches()) {
                return field + " '" + value.asText() + "' không đúng định dạng yyyyMMddHHmmss";
            }
        }
        return null;
    }

    private void record(String service, JsonNode item, boolean updating) {
        ObjectNode arrival = JSON.createObjectNode();
        arrival.put("seq", arrivals.size() + 1);
        arrival.put("service", service);
        arrival.put("MaHoSo", item.path("MaHoSo").asText());
        arrival.put("isUpdating", updating);
        arrival.put("receivedAt", Instant.now().toString());
        arrival.set("data", item.deepCopy());
        arrivals.add(arrival);
        if (stateFile != null) {
            try {
                Files.writeString(stateFile, JSON.writeValueAsString(arrival) + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void load(Path file) {
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                ObjectNode arrival = (ObjectNode) JSON.readTree(line);
                arrivals.add(arrival);
                String code = arrival.path("MaHoSo").asText();
                if ("DongBoHoSoMC".equals(arrival.path("service").asText())) {
                    ObjectNode stored = (ObjectNode) arrival.path("data").deepCopy();
                    stored.set("TienDo", dossiers.containsKey(code) ? dossiers.get(code).path("TienDo") : JSON.createArrayNode());
                    dossiers.put(code, stored);
                } else if (dossiers.containsKey(code)) {
                    ((ArrayNode) dossiers.get(code).withArray("TienDo")).add(arrival.path("data").deepCopy());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything received, in order of arrival, with counts; what tests and the crash script check. */
    public synchronized ObjectNode received() {
        ObjectNode out = JSON.createObjectNode();
        out.put("dossiers", dossiers.size());
        out.put("arrivals", arrivals.size());
        out.put("logins", logins);
        out.put("rejected", rejected);
        ArrayNode list = out.putArray("received");
        arrivals.forEach(list::add);
        ObjectNode state = out.putObject("state");
        dossiers.forEach(state::set);
        return out;
    }

    private synchronized ObjectNode faults(JsonNode body) {
        if (body.has("twoDigitCodes")) {
            twoDigitCodes = body.path("twoDigitCodes").asBoolean();
        }
        if (body.has("down")) {
            down = body.path("down").asBoolean();
        }
        if (body.has("failNext")) {
            failNext = body.path("failNext").asInt();
        }
        if (body.has("refuseNext")) {
            refuseNext = body.path("refuseNext").asInt();
        }
        if (body.has("busy")) {
            JsonNode b = body.path("busy");
            if (b.has("calls")) {
                busy.put(b.path("dossier").asText(), b.path("calls").asInt());
            }
            if (b.has("forMillis")) {
                busyUntil.put(b.path("dossier").asText(), Instant.now().plusMillis(b.path("forMillis").asLong()));
            }
        }
        if (body.has("lateAnswerMillis")) {
            lateMillis = body.path("lateAnswerMillis").asLong();
        }
        if (body.has("lateAnswers")) {
            lateNext = body.path("lateAnswers").asInt();
        }
        if (body.has("lateForMillis")) {
            lateUntil = Instant.now().plusMillis(body.path("lateForMillis").asLong());
        }
        if (body.has("sessionTtlMillis")) {
            sessionTtl = Duration.ofMillis(body.path("sessionTtlMillis").asLong());
        }
        if (body.path("expireSessions").asBoolean(false)) {
            sessions.replaceAll((session, expiry) -> Instant.EPOCH);
        }
        if (body.has("poison")) {
            body.path("poison").forEach(code -> poison.add(code.asText()));
        }
        ObjectNode out = JSON.createObjectNode();
        out.put("down", down);
        out.put("failNext", failNext);
        out.put("sessionTtlMillis", sessionTtl.toMillis());
        out.put("lateAnswerMillis", lateMillis);
        out.put("lateAnswers", lateNext);
        out.put("lateUntil", lateUntil.toString());
        ArrayNode codes = out.putArray("poison");
        new LinkedHashSet<>(poison).forEach(codes::add);
        return out;
    }

    /** Forgets everything received and lifts every fault; for tests that need a clean portal. */
    public synchronized void reset() {
        sessions.clear();
        dossiers.clear();
        arrivals.clear();
        down = false;
        failNext = 0;
        refuseNext = 0;
        busy.clear();
        busyUntil.clear();
        lateMillis = 0;
        lateNext = 0;
        lateUntil = Instant.EPOCH;
        logins = 0;
        rejected = 0;
        twoDigitCodes = false;
    }

    private static ObjectNode answer(String errorCode, String message) {
        ObjectNode node = JSON.createObjectNode();
        node.put("error_code", errorCode);
        node.put("message", message);
        return node;
    }

    private static ResponseDefinition json(int status, JsonNode body) {
        return json(status, body, 0);
    }

    /** An answer WireMock sends after {@code delayMillis} (its own scheduler: the request was already applied). */
    private static ResponseDefinition json(int status, JsonNode body, long delayMillis) {
        ResponseDefinitionBuilder builder = ResponseDefinitionBuilder.responseDefinition()
                .withStatus(status)
                .withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody(body.toString());
        if (delayMillis > 0) {
            builder.withFixedDelay((int) delayMillis);
        }
        return builder.build();
    }
}
