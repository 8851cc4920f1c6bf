package vn.lienthong.hub.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Demo only ({@code hub.demo.enabled} and {@code hub.demo.dossiers}, never in {@code prod}): once the hub is ready, the
 * demo one-stop system sends a few dossiers of agency {@value #AGENCY} through the hub's own REST edge, dated from the
 * start day in Việt Nam, so the late list, the index figures and the statistics show every case whenever the demo
 * runs: finished on time, finished late, late and still open (with its department and officer), just received. They
 * go the way any dossier goes (edge, message log, queue, the simulated national portal). Event ids are fixed per
 * start day, so a restart on the same day sends nothing twice; a start on another day adds that day's set.
 */
@Component
@ConditionalOnExpression("${hub.demo.enabled:false} and ${hub.demo.dossiers:false}")
public class DemoDossiers {

    static final String AGENCY = "000.00.01.H22";
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    /** The demo one-stop system's key (client 000.00.00.H22:MOTCUA, demo: true in application.yaml). */
    private static final String DEMO_MOTCUA_KEY = "demo-motcua-key";
    private static final DateTimeFormatter CODE_DAY = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private static final Logger log = LoggerFactory.getLogger(DemoDossiers.class);

    private final Environment environment;
    private final ObjectMapper json = new ObjectMapper();

    public DemoDossiers(Environment environment) {
        this.environment = environment;
    }

    /** One request of the demo one-stop system: a dossier or a progress step. */
    public record Send(String path, String eventId, Map<String, Object> body) {
    }

    /** The demo dossiers of a start day, in the order they are sent. */
    public static List<Send> forDay(LocalDate today) {
        List<Send> out = new ArrayList<>();
        // finished on time: received two weeks ago, done two days before its return date
        String onTime = code(today.minusDays(14), 90001);
        out.add(dossier(onTime, "H22-HT-KS", "Nguyễn Văn An", "DA_TRA_KET_QUA", at(today.minusDays(14), 8, 30),
                at(today.minusDays(7), 17, 0), Map.of("NgayKetThucXuLy", at(today.minusDays(9), 10, 0),
                        "NgayTra", at(today.minusDays(9), 15, 0))));
        // finished late: due 33 days ago, done 13 days past it
        String finishedLate = code(today.minusDays(40), 90002);
        out.add(dossier(finishedLate, "H22-HT-KH", "Trần Thị Bích Ngọc", "DA_XU_LY", at(today.minusDays(40), 8, 30),
                at(today.minusDays(33), 17, 0), Map.of("NgayKetThucXuLy", at(today.minusDays(20), 10, 0))));
        // late and still open: due two weeks ago, held by an officer of the justice department
        String lateOpen = code(today.minusDays(21), 90003);
        out.add(dossier(lateOpen, "H22-HT-KS", "Lê Thị Hồng", "DANG_XU_LY", at(today.minusDays(21), 9, 0),
                at(today.minusDays(14), 17, 0), Map.of()));
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("NguoiXuLy", "Nguyễn Thị Mai");
        step.put("ChucDanh", "Công chức tư pháp");
        step.put("PhongBanXuLy", "Phòng Tư pháp");
        step.put("ThoiDiemXuLy", at(today.minusDays(20), 9, 15));
        step.put("NoiDungXuLy", "Chuyển phòng chuyên môn thẩm định");
        step.put("TrangThai", "CHUYEN_XU_LY");
        out.add(new Send("/api/v1/dossiers/" + lateOpen + "/progress", "demo-" + lateOpen + "-2", step));
        // received yesterday, due next week
        String open = code(today.minusDays(1), 90004);
        out.add(dossier(open, "H22-HT-KH", "Phạm Văn Bình", "DA_TIEP_NHAN", at(today.minusDays(1), 8, 30),
                at(today.plusDays(6), 17, 0), Map.of()));
        return out;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void send() {
        String port = environment.getProperty("local.server.port");
        if (port == null || environment.getProperty("server.ssl.enabled", Boolean.class, false)) {
            log.info("Demo dossiers not sent: no plain HTTP port of this hub");
            return;
        }
        LocalDate today = LocalDate.now(VIETNAM);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int sent = 0;
        for (Send send : forDay(today)) {
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + send.path()))
                        .timeout(Duration.ofSeconds(20))
                        .header("Content-Type", "application/json")
                        .header("X-API-Key", DEMO_MOTCUA_KEY)
                        .header("X-Event-Id", send.eventId())
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(send.body()),
                                StandardCharsets.UTF_8))
                        .build();
                HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 202) {
                    log.warn("Demo dossier event {} not accepted: {} {}", send.eventId(), answer.statusCode(), answer.body());
                    return;
                }
                sent++;
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            } catch (java.io.IOException e) {
                log.warn("Demo dossiers not sent: {}", e.toString());
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        log.info("Demo dossiers of {} sent ({} events, agency {})", today, sent, AGENCY);
    }

    private static Send dossier(String code, String procedure, String owner, String status, String received, String due,
            Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("MaHoSo", code);
        body.put("MaTTHC", procedure);
        body.put("ChuHoSo", owner);
        body.put("LoaiDoiTuong", "1");
        body.put("KenhThucHien", "2");
        body.put("NgayTiepNhan", received);
        body.put("NgayHenTra", due);
        body.put("TrangThaiHoSo", status);
        body.putAll(new java.util.TreeMap<>(extra));
        return new Send("/api/v1/dossiers", "demo-" + code + "-1", body);
    }

    private static String code(LocalDate received, int serial) {
        return AGENCY + "-" + CODE_DAY.format(received) + "-" + serial;
    }

    private static String at(LocalDate day, int hour, int minute) {
        return STAMP.format(day.atTime(LocalTime.of(hour, minute)).atZone(VIETNAM));
    }
}
