package vn.lienthong.hub.prod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.hub.audit.log.MessageLog;

/**
 * Dossier synchronisation in production: events through the standalone broker (its broker.xml's queues, redelivery
 * and dead-letter settings, its users and roles) to the national portal outside the hub, with retries, dead letters,
 * replay, and the AMQP intake of an agency account defined in the broker.
 */
class DossierSyncProdIT extends ProdIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    MessageLog messageLog;

    @BeforeEach
    void resetPortal() {
        ProdEnvironment.systems().portal().reset();
    }

    @Test
    void acceptedEventsReachThePortalInOrder_throughTheStandaloneBroker() {
        String code = code(1);
        HttpResponse<String> created = post("/api/v1/dossiers", dossierJson(code, "DA_TIEP_NHAN"), motcua());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        for (int step = 1; step <= 5; step++) {
            assertThat(post("/api/v1/dossiers/" + code + "/progress", progressJson(step, "DANG_XU_LY"), motcua()).statusCode())
                    .isEqualTo(202);
        }
        await().atMost(PATIENCE).until(() -> arrivals(code).size() == 6);
        List<JsonNode> got = arrivals(code);
        assertThat(got.get(0).path("service").asText()).isEqualTo("DongBoHoSoMC");
        for (int step = 1; step <= 5; step++) {
            assertThat(got.get(step).path("data").path("NoiDungXuLy").asText()).isEqualTo("Bước " + step);
        }
        await().atMost(PATIENCE).until(() -> "SYNCED".equals(syncState(code).path("state").asText()));
        String transactionId = created.headers().firstValue("X-Transaction-Id").orElseThrow();
        await().atMost(PATIENCE).until(() -> messageLog.findByTransaction(transactionId).stream()
                .anyMatch(r -> "HOP".equals(r.recordType()) && "national-portal".equals(r.service())));
    }

    @Test
    void aResentEventIsDeliveredOnce() {
        String code = code(2);
        Map<String, String> headers = Map.of("X-API-Key", MOTCUA_KEY, "X-Event-Id", "prod-it-resend-" + System.nanoTime());
        assertThat(post("/api/v1/dossiers", dossierJson(code, "DA_TIEP_NHAN"), headers).statusCode()).isEqualTo(202);
        assertThat(post("/api/v1/dossiers", dossierJson(code, "DA_TIEP_NHAN"), headers).statusCode()).isIn(200, 202);
        await().atMost(PATIENCE).until(() -> "SYNCED".equals(syncState(code).path("state").asText()));
        await().during(Duration.ofSeconds(2)).atMost(PATIENCE).until(() -> arrivals(code).size() == 1);
    }

    @Test
    void retriesThenSucceeds_whenThePortalIsBusyForAWhile() {
        String code = code(3);
        faults("{\"failNext\":2}");
        assertThat(post("/api/v1/dossiers", dossierJson(code, "DA_TIEP_NHAN"), motcua()).statusCode()).isEqualTo(202);
        await().atMost(PATIENCE).until(() -> "SYNCED".equals(syncState(code).path("state").asText()));
        assertThat(syncState(code).path("attempts").asInt()).isEqualTo(3);
        assertThat(arrivals(code)).hasSize(1);
    }

    @Test
    void deadAfterTheLastAttempt_inTheConnectorsDeadLetterQueue_thenReplayed() throws Exception {
        String code = code(4);
        faults("{\"down\":true}");
        try {
            assertThat(post("/api/v1/dossiers", dossierJson(code, "DA_TIEP_NHAN"), motcua()).statusCode()).isEqualTo(202);
            assertThat(post("/api/v1/dossiers/" + code + "/progress", progressJson(1, "DANG_XU_LY"), motcua()).statusCode())
                    .isEqualTo(202);
            await().atMost(PATIENCE).until(() -> "DEAD".equals(syncState(code).path("state").asText()));
            await().atMost(PATIENCE).until(() -> deadLetters(code).size() == 2);
            JsonNode letters = deadLetters(code);
            assertThat(letters.get(0).path("reason").asText()).contains("gave up after 3 attempts");
            assertThat(letters.get(1).path("reason").asText()).contains("held behind dead event");
            // on the broker: in the national-portal connector's own dead-letter queue, nothing in the generic DLQ
            assertThat(browse("dossier.sync.national-portal.DLQ", code)).hasSize(2);
            assertThat(browse("DLQ", code)).isEmpty();
        } finally {
            faults("{\"down\":false}");
        }
        HttpResponse<String> replay = post("/api/v1/admin/dossier-sync/dead-letters/replay?dossierCode=" + code, "",
                Map.of("X-API-Key", OPERATOR_KEY));
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
        assertThat(body(replay).path("replayed").asInt()).isEqualTo(2);
        await().atMost(PATIENCE).until(() -> "SYNCED".equals(syncState(code).path("state").asText()));
        assertThat(arrivals(code)).extracting(a -> a.path("service").asText())
                .containsExactly("DongBoHoSoMC", "CapNhatTienDoHoSoMC");
        assertThat(deadLetters(code)).isEmpty();
    }

    @Test
    void anAgencyAccountOfTheBroker_sendsToTheInboundQueue_andCannotReadTheDeliveryQueue() throws Exception {
        String code = code(5);
        ActiveMQConnectionFactory agency = new ActiveMQConnectionFactory(ProdEnvironment.broker().url(),
                ProdEnvironment.MOTCUA_ID, MOTCUA_KEY);
        try (Connection connection = agency.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TextMessage message = session.createTextMessage(dossierJson(code, "DA_TIEP_NHAN"));
            message.setStringProperty("apiKey", MOTCUA_KEY);
            message.setStringProperty("kind", "DOSSIER");
            session.createProducer(session.createQueue("dossier.inbound")).send(message);
            assertThatRefused(() -> session.createConsumer(session.createQueue("dossier.sync")).receive(500));
        }
        await().atMost(PATIENCE).until(() -> "SYNCED".equals(syncState(code).path("state").asText()));
        assertThat(arrivals(code)).hasSize(1);
    }

    @Test
    void wrongBrokerPassword_isRefused() {
        ActiveMQConnectionFactory intruder = new ActiveMQConnectionFactory(ProdEnvironment.broker().url(),
                StandaloneBroker.HUB_USER, "not-the-password");
        assertThatRefused(() -> intruder.createConnection().close());
    }

    private interface JmsCall {
        void run() throws JMSException;
    }

    private static void assertThatRefused(JmsCall call) {
        try {
            call.run();
            throw new AssertionError("the broker allowed it");
        } catch (JMSSecurityException expected) {
            // refused by the broker's security settings
        } catch (JMSException e) {
            assertThat(e).hasMessageContaining("AMQ2290");
        }
    }

    private List<String> browse(String queue, String code) throws JMSException {
        ActiveMQConnectionFactory hub = new ActiveMQConnectionFactory(ProdEnvironment.broker().url(), StandaloneBroker.HUB_USER,
                StandaloneBroker.HUB_PASSWORD);
        List<String> out = new ArrayList<>();
        try (Connection connection = hub.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            var messages = session.createBrowser(session.createQueue(queue), "dossierCode = '" + code + "'").getEnumeration();
            while (messages.hasMoreElements()) {
                out.add(((jakarta.jms.Message) messages.nextElement()).getStringProperty("hubEventId"));
            }
        }
        return out;
    }

    private JsonNode deadLetters(String code) {
        return body(get("/api/v1/admin/dossier-sync/dead-letters?dossierCode=" + code, Map.of("X-API-Key", OPERATOR_KEY)));
    }

    private JsonNode syncState(String code) {
        return body(get("/api/v1/dossiers/" + code + "/sync", Map.of("X-API-Key", MOTCUA_KEY)));
    }

    private void faults(String json) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                        URI.create(ProdEnvironment.systems().url("national-portal") + "/__portal/faults"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private List<JsonNode> arrivals(String code) {
        List<JsonNode> out = new ArrayList<>();
        ProdEnvironment.systems().portal().received().path("received").forEach(a -> {
            if (code.equals(a.path("MaHoSo").asText())) {
                out.add(a);
            }
        });
        return out;
    }

    private static Map<String, String> motcua() {
        return Map.of("X-API-Key", MOTCUA_KEY);
    }

    /** A dossier code of agency 000.00.01.H22, unique to this run. */
    private static String code(int n) {
        return String.format("000.00.01.H22-250225-%05d", (int) (System.currentTimeMillis() / 1000 % 900) * 100 + n);
    }

    private static String dossierJson(String code, String localStatus) {
        return """
                {"MaHoSo":"%s","MaTTHC":"H22-HT-KS","ChuHoSo":"Nguyễn Văn An","SoGiayToChuHoSo":"001090012345",
                 "LoaiDoiTuong":"1","KenhThucHien":"2","TrichYeuHoSo":"Đăng ký khai sinh cho con",
                 "NgayTiepNhan":"2025-02-25T08:30:00+07:00","NgayHenTra":"2025-02-28T17:00:00+07:00",
                 "TrangThaiHoSo":"%s","DonViXuLy":"UBND phường Ba Đình"}""".formatted(code, localStatus);
    }

    private static String progressJson(int step, String localStatus) {
        return """
                {"NguoiXuLy":"Trần Thị Bích","ChucDanh":"Công chức tư pháp - hộ tịch","PhongBanXuLy":"Bộ phận một cửa",
                 "ThoiDiemXuLy":"2025-02-26T%02d:%02d:00+07:00","NoiDungXuLy":"Bước %d","TrangThai":"%s"}"""
                .formatted(8 + step / 60, step % 60, step, localStatus);
    }
}
