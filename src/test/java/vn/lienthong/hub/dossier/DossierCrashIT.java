package vn.lienthong.hub.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * "Nothing accepted is lost across a crash", on the packaged jar: the hub and the portal simulator run as their own
 * processes; the hub accepts events, is killed with SIGKILL while it delivers, restarts on the same data directory;
 * every accepted event reaches the portal exactly once and in order per dossier, and a resend after the restart is
 * answered {@code duplicate: true}. Small and bounded: 4 dossiers x 5 events.
 */
class DossierCrashIT {

    private static final int DOSSIERS = 4;
    private static final int EVENTS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Process hub;
    private Process simulator;

    @Test
    void everyAcceptedEventArrivesOnceAndInOrder_whenTheHubIsKilledWhileDelivering() throws Exception {
        Path jar = jar();
        Path data = Files.createTempDirectory("hub-crash-it");
        int hubPort = freePort();
        int simPort = freePort();
        simulator = start(data.resolve("simulator.log"), "-cp", jar.toString(),
                "-Dloader.main=vn.lienthong.hub.simulator.StandaloneSimulator",
                "org.springframework.boot.loader.launch.PropertiesLauncher", "--port=" + simPort,
                "--state=" + data.resolve("portal-received.jsonl"));
        // the portal is slow at first, so that the kill finds deliveries in flight
        hub = startHub(jar, data, hubPort, simPort);
        await().atMost(Duration.ofMinutes(2)).until(() -> ready("http://127.0.0.1:" + simPort + "/__portal/received"));
        post("http://127.0.0.1:" + simPort + "/__portal/faults", "{\"lateAnswerMillis\":300,\"lateForMillis\":60000}", Map.of());

        Map<String, List<String>> accepted = new LinkedHashMap<>();
        for (int d = 0; d < DOSSIERS; d++) {
            accepted.put(code(d), new ArrayList<>());
        }
        // half of the events before the kill, interleaved across dossiers
        for (int e = 0; e < EVENTS / 2 + 1; e++) {
            for (int d = 0; d < DOSSIERS; d++) {
                assertThat(send(hubPort, d, e).statusCode()).isEqualTo(202);
                accepted.get(code(d)).add(eventId(d, e));
            }
        }
        hub.destroyForcibly().waitFor();

        hub = startHub(jar, data, hubPort, simPort);
        HttpResponse<String> resend = send(hubPort, 0, 0);
        assertThat(resend.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(resend.body()).path("duplicate").asBoolean()).as(resend.body()).isTrue();
        for (int e = EVENTS / 2 + 1; e < EVENTS; e++) {
            for (int d = 0; d < DOSSIERS; d++) {
                assertThat(send(hubPort, d, e).statusCode()).isEqualTo(202);
                accepted.get(code(d)).add(eventId(d, e));
            }
        }

        String received = "http://127.0.0.1:" + simPort + "/__portal/received";
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> arrivals(received).size() >= DOSSIERS * EVENTS);
        Map<String, List<String>> steps = new LinkedHashMap<>();
        for (JsonNode arrival : arrivals(received)) {
            JsonNode item = arrival.path("data");
            steps.computeIfAbsent(arrival.path("MaHoSo").asText(), k -> new ArrayList<>())
                    .add(item.has("NoiDungXuLy") ? item.path("NoiDungXuLy").asText() : "create");
        }
        for (int d = 0; d < DOSSIERS; d++) {
            List<String> expected = new ArrayList<>(List.of("create"));
            for (int e = 1; e < EVENTS; e++) {
                expected.add("Bước " + e);
            }
            assertThat(steps.get(code(d))).as("dossier %s: each event once, in order", code(d)).isEqualTo(expected);
        }
        assertThat(arrivals(received)).hasSize(DOSSIERS * EVENTS);
    }

    private static String code(int d) {
        return String.format("000.00.01.H22-250301-%05d", 700 + d);
    }

    private static String eventId(int d, int e) {
        return "crash-it-" + d + "-" + e;
    }

    private HttpResponse<String> send(int port, int d, int e) throws Exception {
        String path;
        String body;
        if (e == 0) {
            path = "/api/v1/dossiers";
            body = """
                    {"MaHoSo":"%s","MaTTHC":"H22-HT-KS","ChuHoSo":"Nguyễn Văn An","LoaiDoiTuong":"1","KenhThucHien":"2",
                     "NgayTiepNhan":"2025-03-01T08:00:00+07:00","NgayHenTra":"2025-03-05T17:00:00+07:00","TrangThaiHoSo":"DA_TIEP_NHAN"}"""
                    .formatted(code(d));
        } else {
            path = "/api/v1/dossiers/" + code(d) + "/progress";
            body = """
                    {"NguoiXuLy":"Trần Thị Bích","NoiDungXuLy":"Bước %d","ThoiDiemXuLy":"2025-03-02T08:%02d:00+07:00",
                     "TrangThai":"DANG_XU_LY"}""".formatted(e, e);
        }
        return post("http://127.0.0.1:" + port + path, body,
                Map.of("X-API-Key", "demo-motcua-key", "X-Event-Id", eventId(d, e)));
    }

    private static HttpResponse<String> post(String url, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static List<JsonNode> arrivals(String url) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        List<JsonNode> out = new ArrayList<>();
        JSON.readTree(r.body()).path("received").forEach(out::add);
        return out;
    }

    private Process startHub(Path jar, Path data, int port, int simPort) throws IOException {
        Process process = start(data.resolve("hub.log"), "-jar", jar.toString(), "--server.port=" + port,
                "--HUB_DATA_DIR=" + data.resolve("hub"), "--HUB_PORTAL_URL=http://127.0.0.1:" + simPort,
                "--HUB_PORTAL_TIMEOUT_MILLIS=2000", "--HUB_BROKER_PORT=0",
                "--HUB_DOSSIER_INITIAL_BACKOFF=200ms",
                // the portal simulator counts what it received: only this test's events
                "--HUB_DEMO_DOSSIERS=false");
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(process.isAlive()).as("hub process, see " + data.resolve("hub.log")).isTrue();
            return ready("http://127.0.0.1:" + port + "/actuator/health/readiness");
        });
        return process;
    }

    private static boolean ready(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Process start(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .directory(new File(".")).start();
    }

    private static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("lienthong-hub-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("run through 'mvnw verify', which packages the jar first"))
                    .toAbsolutePath();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @AfterEach
    void stop() throws InterruptedException {
        for (Process p : new Process[] {hub, simulator}) {
            if (p != null) {
                p.destroy();
                p.waitFor();
            }
        }
    }
}
