package vn.lienthong.hub.dossier;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.hub.HubIntegrationTest;
import vn.lienthong.hub.simulator.NationalPortalSimulator;
import vn.lienthong.hub.simulator.SimulatorServers;

/**
 * Base of the dossier synchronisation tests: the whole hub (a context of its own, because it needs short retry delays
 * and a broker acceptor on a free port) and the national portal simulator, reset before each test.
 */
@TestPropertySource(properties = {
        "HUB_DOSSIER_MAX_ATTEMPTS=3",
        "HUB_DOSSIER_INITIAL_BACKOFF=50ms",
        "HUB_DOSSIER_MAX_BACKOFF=200ms",
        "HUB_PORTAL_TIMEOUT_MILLIS=2000"
})
public abstract class DossierSyncIntegrationTest extends HubIntegrationTest {

    protected static final String OPERATOR_KEY = "demo-operator-key";
    protected static final int BROKER_PORT = freePort();
    /** The hub's own broker account (the demo values of spring.artemis.user / password in application.yaml). */
    protected static final String HUB_BROKER_USER = "hub";
    protected static final String HUB_BROKER_PASSWORD = "demo-broker-password";
    /** An agency system's broker account: its client id and API key, as at the edge. */
    protected static final String MOTCUA_ID = "000.00.00.H22:MOTCUA";

    @Autowired
    protected NationalPortalSimulator portal;

    @Autowired
    protected SimulatorServers simulators;

    /** The port of the national portal simulator (its fault controls are HTTP, as for the demo). */
    protected int simulatorPort() {
        return simulators.server("national-portal").port();
    }

    @DynamicPropertySource
    static void broker(DynamicPropertyRegistry registry) {
        registry.add("HUB_BROKER_PORT", () -> BROKER_PORT);
    }

    @BeforeEach
    void cleanPortal() {
        portal.reset();
    }

    /** A core-protocol connection factory on the broker's network acceptor, logging in as the hub itself. */
    protected static org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory hubBroker() {
        return new org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory("tcp://127.0.0.1:" + BROKER_PORT,
                HUB_BROKER_USER, HUB_BROKER_PASSWORD);
    }

    /** A core-protocol connection factory on the broker's network acceptor, logging in as the one-stop system. */
    protected static org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory agencyBroker() {
        return new org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory("tcp://127.0.0.1:" + BROKER_PORT,
                MOTCUA_ID, MOTCUA_KEY);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A dossier code of agency 000.00.01.H22 received on 2025-02-25. */
    protected static String code(int n) {
        return String.format("000.00.01.H22-250225-%05d", n);
    }

    protected static String dossierJson(String code, String localStatus) {
        return """
                {"MaHoSo":"%s","MaTTHC":"H22-HT-KS","ChuHoSo":"Nguyễn Văn An","SoGiayToChuHoSo":"001090012345",
                 "LoaiDoiTuong":"1","KenhThucHien":"2","TrichYeuHoSo":"Đăng ký khai sinh cho con",
                 "NgayTiepNhan":"2025-02-25T08:30:00+07:00","NgayHenTra":"2025-02-28T17:00:00+07:00",
                 "TrangThaiHoSo":"%s","DonViXuLy":"UBND phường Ba Đình"}""".formatted(code, localStatus);
    }

    protected static String progressJson(int step, String localStatus) {
        return """
                {"NguoiXuLy":"Trần Thị Bích","ChucDanh":"Công chức tư pháp - hộ tịch","PhongBanXuLy":"Bộ phận một cửa",
                 "ThoiDiemXuLy":"2025-02-26T%02d:%02d:00+07:00","NoiDungXuLy":"Bước %d","TrangThai":"%s"}"""
                .formatted(8 + step / 60, step % 60, step, localStatus);
    }

    protected JsonNode syncState(String code) {
        return body(get("/api/v1/dossiers/" + code + "/sync", Map.of("X-API-Key", MOTCUA_KEY)));
    }

    protected static Map<String, String> motcua() {
        return Map.of("X-API-Key", MOTCUA_KEY);
    }

    protected static Map<String, String> motcua(String eventId) {
        return Map.of("X-API-Key", MOTCUA_KEY, "X-Event-Id", eventId);
    }

    /** What the portal received for one dossier, in order of arrival. */
    protected List<JsonNode> arrivals(String code) {
        List<JsonNode> out = new ArrayList<>();
        portal.received().path("received").forEach(a -> {
            if (code.equals(a.path("MaHoSo").asText())) {
                out.add(a);
            }
        });
        return out;
    }

    protected static Duration patience() {
        return Duration.ofSeconds(20);
    }
}
