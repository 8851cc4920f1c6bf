package vn.lienthong.hub.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.hub.dossier.DossierSyncIntegrationTest;
import vn.lienthong.hub.simulator.PaymentPlatformSimulator;

/**
 * Online fee payment through the whole hub against the payment platform simulator: the order and its link, the signed
 * result, the dossier update delivered to the national portal, and the results the hub must refuse.
 */
class PaymentIT extends DossierSyncIntegrationTest {

    private static final String AUDITOR = "demo-auditor-key";
    private static final String PAYGOV_KEY = "demo-paygov-key";
    private static final String KEY = "demo-payment-platform-key-not-for-production";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    /** The one-stop system's queue of payment results (it subscribes in the demo: hub.payment.subscribers). */
    private static final String RESULTS = "agency." + MOTCUA_ID + ".payment-results";
    private static final String PORTAL_ID = "000.00.00.H22:CONGTTDT";

    @Autowired
    PaymentPlatformSimulator platform;

    @Autowired
    EmbeddedActiveMQ broker;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void cleanPlatform() {
        platform.reset();
    }

    @Test
    void aDossiersFeeIsPaidThroughThePlatform_andThePortalReceivesThePaidStatus() throws Exception {
        String code = submittedDossier(501);

        HttpResponse<String> created = requestPayment(code, 200_000, "001090012345");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode order = body(created);
        assertThat(order.path("status").asText()).isEqualTo("PENDING");
        assertThat(order.path("amount").asLong()).isEqualTo(200_000);
        assertThat(order.path("qrData").asText()).startsWith("000201010212").contains("5406200000").contains(code);
        assertThat(order.path("expiresAt").asText()).endsWith("+07:00");
        assertThat(state(code).path("status").asText()).isEqualTo("PENDING");

        // the payer opens the link and pays; the platform posts the signed result to the hub
        JsonNode page = payAt(order.path("paymentUrl").asText());
        assertThat(page.path("MaLoi").asText()).isEqualTo("00");
        assertThat(page.path("ThongBao").path("status").asInt()).isEqualTo(200);
        assertThat(json.readTree(page.path("ThongBao").path("answer").asText()).path("MaLoi").asText()).isEqualTo("00");

        JsonNode paid = state(code);
        assertThat(paid.path("status").asText()).isEqualTo("PAID");
        assertThat(paid.path("bankTransaction").asText()).startsWith("FT");
        assertThat(paid.path("dossierEventId").asText()).isEqualTo("payment-" + order.path("orderId").asText());

        await().atMost(patience()).until(() -> arrivals(code).size() == 2);
        JsonNode update = arrivals(code).get(1);
        assertThat(update.path("isUpdating").asText()).isEqualToIgnoringCase("True");
        assertThat(update.path("data").path("DuocThanhToanTrucTuyen").asText()).isEqualTo("1");
        assertThat(update.path("data").path("ChuHoSo").asText()).isEqualTo("Nguyễn Văn An");
        assertThat(update.path("data").path("DanhSachLePhi").get(0).path("MaPhiLePhi").asText()).isEqualTo("LP-LLTP");
        assertThat(update.path("data").path("DanhSachLePhi").get(0).path("Gia").asLong()).isEqualTo(200_000);
        await().atMost(patience()).until(() -> "SYNCED".equals(syncState(code).path("state").asText()));

        // a second request for a paid dossier is refused
        HttpResponse<String> again = requestPayment(code, 200_000, "001090012345");
        assertProblem(again, 409, "ALREADY_PAID");
    }

    @Test
    void aRepeatedResultIsAcknowledgedOnce_andChangesNothing() throws Exception {
        String code = submittedDossier(502);
        JsonNode order = body(requestPayment(code, 150_000, "001090012345"));
        payAt(order.path("paymentUrl").asText());
        await().atMost(patience()).until(() -> arrivals(code).size() == 2);

        JsonNode resent = post2("/__paygov/callbacks/" + order.path("platformTransaction").asText() + "/resend", "{}");
        assertThat(resent.path("ThongBao").path("status").asInt()).isEqualTo(200);
        assertThat(json.readTree(resent.path("ThongBao").path("answer").asText()).path("MoTa").asText())
                .isEqualTo("Kết quả đã được ghi nhận trước đó");
        assertThat(platform.sent().path("callbacks")).hasSize(2);
        await().during(java.time.Duration.ofMillis(500)).atMost(patience()).until(() -> arrivals(code).size() == 2);
        assertThat(syncState(code).path("events")).hasSize(2);
    }

    @Test
    void aForgedResultIsRefusedAndLogged() throws Exception {
        String code = submittedDossier(503);
        JsonNode order = body(requestPayment(code, 100_000, "001090012345"));
        ObjectNode forged = result(order, "00", now());
        forged.put("ChuKy", new PaymentSignatures("an-attacker-guessing-the-key").sign(PaymentSignatures.resultFields(forged)));

        HttpResponse<String> refused = post("/api/v1/payments/callback", forged.toString(),
                Map.of("X-API-Key", PAYGOV_KEY, "X-Transaction-Id", "it-pay-forged-503"));
        assertProblem(refused, 401, "INVALID_SIGNATURE");
        assertThat(state(code).path("status").asText()).isEqualTo("PENDING");
        JsonNode logged = body(get("/api/v1/audit/records?transactionId=it-pay-forged-503", Map.of("X-API-Key", AUDITOR)))
                .path("records").get(0);
        assertThat(logged.path("errorCode").asText()).isEqualTo("INVALID_SIGNATURE");
        assertThat(logged.path("operation").asText()).isEqualTo("KetQuaThanhToan");

        // an amount changed after signing breaks the signature too
        ObjectNode altered = signed(result(order, "00", now()));
        altered.put("SoTien", "1");
        assertProblem(post("/api/v1/payments/callback", altered.toString(), Map.of("X-API-Key", PAYGOV_KEY)), 401, "INVALID_SIGNATURE");
        // only the platform's client may post results
        assertProblem(post("/api/v1/payments/callback", signed(result(order, "00", now())).toString(),
                Map.of("X-API-Key", MOTCUA_KEY)), 403, "ACCESS_DENIED");
    }

    @Test
    void aReplayedOrContradictingResultIsRefusedAndLogged() throws Exception {
        String code = submittedDossier(504);
        JsonNode order = body(requestPayment(code, 120_000, "001090012345"));
        // correctly signed, but sent an hour ago: a captured result played back
        ObjectNode stale = signed(result(order, "00", ZonedDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusHours(1).format(STAMP)));
        HttpResponse<String> replay = post("/api/v1/payments/callback", stale.toString(),
                Map.of("X-API-Key", PAYGOV_KEY, "X-Transaction-Id", "it-pay-replay-504"));
        assertProblem(replay, 409, "CALLBACK_REJECTED");
        assertThat(body(replay).path("detail").asText()).contains("replay");
        assertThat(body(get("/api/v1/audit/records?transactionId=it-pay-replay-504", Map.of("X-API-Key", AUDITOR)))
                .path("records").get(0).path("errorCode").asText()).isEqualTo("CALLBACK_REJECTED");
        assertThat(state(code).path("status").asText()).isEqualTo("PENDING");

        payAt(order.path("paymentUrl").asText());
        assertThat(state(code).path("status").asText()).isEqualTo("PAID");
        // a fresh, signed "declined" for the paid order contradicts it
        assertProblem(post("/api/v1/payments/callback", signed(result(order, "02", now())).toString(),
                Map.of("X-API-Key", PAYGOV_KEY)), 409, "CALLBACK_REJECTED");
        assertThat(state(code).path("status").asText()).isEqualTo("PAID");
        // an order of no one
        ObjectNode unknown = result(order, "00", now());
        unknown.put("MaDonHang", "LGSP000000NOSUCHORDER");
        assertProblem(post("/api/v1/payments/callback", signed(unknown).toString(), Map.of("X-API-Key", PAYGOV_KEY)), 404, "NOT_FOUND");
    }

    @Test
    void aDeclinedOrExpiredPaymentLeavesTheDossierUnpaid() throws Exception {
        String declined = submittedDossier(505);
        JsonNode order = body(requestPayment(declined, PaymentPlatformSimulator.DECLINED_AMOUNT, "001090012345"));
        assertThat(payAt(order.path("paymentUrl").asText()).path("MaLoi").asText()).isEqualTo("02");
        assertThat(state(declined).path("status").asText()).isEqualTo("FAILED");
        assertThat(state(declined).path("resultCode").asText()).isEqualTo("02");

        String expired = submittedDossier(506);
        JsonNode late = body(requestPayment(expired, PaymentPlatformSimulator.EXPIRED_AMOUNT, "001090012345"));
        payAt(late.path("paymentUrl").asText());
        assertThat(state(expired).path("status").asText()).isEqualTo("EXPIRED");

        await().during(java.time.Duration.ofMillis(500)).atMost(patience()).until(() -> arrivals(declined).size() == 1
                && arrivals(expired).size() == 1);
        // a new request after a failure is a new order
        JsonNode retry = body(requestPayment(declined, 200_000, "001090012345"));
        assertThat(retry.path("orderId").asText()).isNotEqualTo(order.path("orderId").asText());
    }

    @Test
    void anOrderThePlatformDoesNotAnswerInTimeIsUncertain_andSentAgainAsItWas() {
        String code = submittedDossier(507);
        HttpResponse<String> slow = requestPayment(code, PaymentPlatformSimulator.SLOW_AMOUNT, "001090012345");
        assertProblem(slow, 504, "NATIONAL_TIMEOUT");
        JsonNode uncertain = state(code);
        assertThat(uncertain.path("status").asText()).isEqualTo("UNCERTAIN");
        assertThat(platform.sent().path("orders").asInt()).as("the platform did create it").isEqualTo(1);

        // asked again: the same order id, which the platform answers as the order it holds (here: late again)
        assertProblem(requestPayment(code, PaymentPlatformSimulator.SLOW_AMOUNT, "001090012345"), 504, "NATIONAL_TIMEOUT");
        assertThat(state(code).path("orderId").asText()).isEqualTo(uncertain.path("orderId").asText());
        assertThat(platform.sent().path("orders").asInt()).isEqualTo(1);
    }

    @Test
    void askingAgainForTheSameFeesGivesTheSameLink() {
        String code = submittedDossier(508);
        JsonNode first = body(requestPayment(code, 50_000, "001090012345"));
        JsonNode second = body(requestPayment(code, 50_000, "001090012345"));
        assertThat(second.path("orderId").asText()).isEqualTo(first.path("orderId").asText());
        assertThat(second.path("paymentUrl").asText()).isEqualTo(first.path("paymentUrl").asText());
        assertThat(platform.sent().path("orders").asInt()).isEqualTo(1);
    }

    @Test
    void refusesBadRequestsBeforeAskingThePlatform() {
        String code = submittedDossier(509);
        assertProblem(requestPayment("000.00.01.H22-250225-99998", 10_000, "001090012345"), 404, "NOT_FOUND");
        assertProblem(payment(code, "{\"DanhSachLePhi\":[],\"NguoiNop\":{\"HoTen\":\"Nguyễn Văn An\"}}"), 400, "INVALID_FIELD");
        assertProblem(payment(code, "{\"DanhSachLePhi\":[{\"MaPhiLePhi\":\"LP\",\"TenPhiLePhi\":\"Lệ phí\",\"Gia\":-5}],"
                + "\"NguoiNop\":{\"HoTen\":\"Nguyễn Văn An\"}}"), 400, "INVALID_FIELD");
        assertProblem(payment(code, "{\"DanhSachLePhi\":[{\"MaPhiLePhi\":\"LP\",\"TenPhiLePhi\":\"Lệ phí\",\"Gia\":1000}],"
                + "\"NguoiNop\":{\"HoTen\":\"Nguyễn Văn An\"},\"SoTien\":1}"), 400, "UNKNOWN_FIELD");
        assertProblem(payment(code, "{\"DanhSachLePhi\":[{\"MaPhiLePhi\":\"LP\",\"TenPhiLePhi\":\"Lệ phí\",\"Gia\":1000}],"
                + "\"NguoiNop\":{\"HoTen\":\"Nguyễn Văn An\",\"SoDinhDanh\":\"12345\"}}"), 400, "INVALID_PERSONAL_ID");
        assertProblem(post("/api/v1/dossiers/" + code + "/payments", feesJson(1000, "001090012345"), Map.of("X-API-Key", PORTAL_KEY)),
                403, "ACCESS_DENIED");
        assertProblem(get("/api/v1/dossiers/000.00.01.H22-250225-99997/payment", motcua()), 404, "NOT_FOUND");
        assertProblem(requestPayment(code, 10_000, PaymentPlatformSimulator.FAILING_PAYER), 502, "NATIONAL_SYSTEM_ERROR");
        assertThat(state(code).path("status").asText()).isEqualTo("FAILED");
    }

    @Test
    void theSubscriberReceivesThePaidResultOnItsOwnQueue_onceOverAmqp_andTheSendIsLogged() throws Exception {
        String code = submittedDossier(511);
        JsonNode order = body(requestPayment(code, 180_000, "001090012345"));
        ObjectNode paid = signed(result(order, "00", now()));
        HttpResponse<String> settled = post("/api/v1/payments/callback", paid.toString(),
                Map.of("X-API-Key", PAYGOV_KEY, "X-Transaction-Id", "it-pay-notice-511"));
        assertThat(settled.statusCode()).as(settled.body()).isEqualTo(200);

        // the platform repeats the same result: acknowledged, and no second message
        HttpResponse<String> repeated = post("/api/v1/payments/callback", paid.toString(),
                Map.of("X-API-Key", PAYGOV_KEY, "X-Transaction-Id", "it-pay-notice-511-again"));
        assertThat(body(repeated).path("MoTa").asText()).isEqualTo("Kết quả đã được ghi nhận trước đó");

        List<Message> received = drain(new JmsConnectionFactory(MOTCUA_ID, MOTCUA_KEY, "amqp://127.0.0.1:" + BROKER_PORT), code);
        assertThat(received).hasSize(1);
        Message message = received.get(0);
        assertThat(message.getStringProperty("paymentStatus")).isEqualTo("PAID");
        assertThat(message.getStringProperty("orderId")).isEqualTo(order.path("orderId").asText());
        assertThat(message.getStringProperty("transactionId")).isEqualTo("it-pay-notice-511");
        assertThat(message.getJMSType()).isEqualTo("payment-result");
        JsonNode notice = json.readTree(((TextMessage) message).getText());
        assertThat(notice.path("status").asText()).isEqualTo("PAID");
        assertThat(notice.path("dossierCode").asText()).isEqualTo(code);
        assertThat(notice.path("amount").asLong()).isEqualTo(180_000);
        assertThat(notice.path("bankTransaction").asText()).isEqualTo("FT-TEST");
        assertThat(notice.path("dossierEventId").asText()).isEqualTo("payment-" + order.path("orderId").asText());
        assertThat(notice).isEqualTo(state(code));

        JsonNode hops = body(get("/api/v1/audit/records?transactionId=it-pay-notice-511", Map.of("X-API-Key", AUDITOR)))
                .path("records");
        assertThat(hops).anySatisfy(r -> {
            assertThat(r.path("recordType").asText()).isEqualTo("HOP");
            assertThat(r.path("channel").asText()).isEqualTo("AMQP");
            assertThat(r.path("operation").asText()).isEqualTo(PaymentNotifications.OPERATION);
            assertThat(r.path("outcome").asText()).isEqualTo("SUCCESS");
            assertThat(r.path("errorText").asText()).contains(RESULTS, "PAID");
        });
        assertThat(body(get("/api/v1/audit/records?transactionId=it-pay-notice-511-again", Map.of("X-API-Key", AUDITOR)))
                .path("records")).noneSatisfy(r -> assertThat(r.path("operation").asText())
                        .isEqualTo(PaymentNotifications.OPERATION));
    }

    @Test
    void declinedAndExpiredResultsAreSentToo_overCore() throws Exception {
        String declined = submittedDossier(512);
        payAt(body(requestPayment(declined, PaymentPlatformSimulator.DECLINED_AMOUNT, "001090012345")).path("paymentUrl").asText());
        String expired = submittedDossier(513);
        payAt(body(requestPayment(expired, PaymentPlatformSimulator.EXPIRED_AMOUNT, "001090012345")).path("paymentUrl").asText());

        List<Message> failed = drain(agencyBroker(), declined);
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).getStringProperty("paymentStatus")).isEqualTo("FAILED");
        assertThat(json.readTree(((TextMessage) failed.get(0)).getText()).path("resultCode").asText()).isEqualTo("02");
        List<Message> late = drain(agencyBroker(), expired);
        assertThat(late).hasSize(1);
        assertThat(late.get(0).getStringProperty("paymentStatus")).isEqualTo("EXPIRED");
    }

    @Test
    void anotherAgencyCannotConsumeOrBrowseTheSubscribersQueue_andTheSubscriberMayOnlyConsumeIt() throws Exception {
        String code = submittedDossier(514);
        payAt(body(requestPayment(code, 90_000, "001090012345")).path("paymentUrl").asText());
        await().atMost(patience()).until(() -> "PAID".equals(state(code).path("status").asText()));

        for (ConnectionFactory other : List.of(new ActiveMQConnectionFactory("tcp://127.0.0.1:" + BROKER_PORT, PORTAL_ID, PORTAL_KEY),
                new JmsConnectionFactory(PORTAL_ID, PORTAL_KEY, "amqp://127.0.0.1:" + BROKER_PORT))) {
            try (Connection connection = other.createConnection()) {
                connection.start();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                assertThatThrownBy(() -> session.createConsumer(session.createQueue(RESULTS)).receive(500))
                        .as("another agency consuming").isInstanceOf(JMSSecurityException.class);
                assertThatThrownBy(() -> {
                    try (QueueBrowser browser = session.createBrowser(session.createQueue(RESULTS))) {
                        browser.getEnumeration().hasMoreElements();
                    }
                }).as("another agency browsing").isInstanceOf(JMSException.class);
            }
        }
        try (Connection connection = agencyBroker().createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThatThrownBy(() -> session.createProducer(session.createQueue(RESULTS)).send(session.createTextMessage(
                    "{\"status\":\"PAID\"}"))).as("the subscriber forging a result").isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> session.createBrowser(session.createQueue(RESULTS)).getEnumeration().hasMoreElements())
                    .as("the subscriber browsing").isInstanceOf(JMSException.class);
        }
        // the subscriber still has its message, and the refusals are in the message log
        assertThat(drain(agencyBroker(), code)).hasSize(1);
        await().atMost(patience()).untilAsserted(() -> assertThat(body(get("/api/v1/audit/records?service=broker&client="
                + PORTAL_ID + "&size=200", Map.of("X-API-Key", AUDITOR))).path("records")).anySatisfy(r -> {
                    assertThat(r.path("operation").asText()).isEqualTo("consume");
                    assertThat(r.path("errorCode").asText()).isEqualTo("ACCESS_DENIED");
                    assertThat(r.path("errorText").asText()).contains(RESULTS);
                }));
    }

    @Test
    void anOrderOfAClientThatDoesNotSubscribeIsSentNowhere() throws Exception {
        String code = submittedDossier(515);
        JsonNode order = body(requestPayment(code, 70_000, "001090012345"));
        // the demo has one client granted payment:*; the order is made another one-stop system's, which does not subscribe
        jdbc.update("UPDATE payment_order SET client_id = ? WHERE order_id = ?", "000.00.00.H22:MOTCUA2",
                order.path("orderId").asText());
        payAt(order.path("paymentUrl").asText());
        assertThat(state(code).path("status").asText()).isEqualTo("PAID");

        assertThat(drain(agencyBroker(), code, 2000)).isEmpty();
        assertThat(broker.getActiveMQServer().getAddressInfo(SimpleString.of("agency.000.00.00.H22:MOTCUA2.payment-results")))
                .isNull();
        // nor does a client that does not subscribe have a queue of results
        assertThat(broker.getActiveMQServer().getAddressInfo(SimpleString.of("agency." + PORTAL_ID + ".payment-results"))).isNull();
    }

    /** Every message of the dossier on the one-stop system's queue, consumed (waits a moment for late ones). */
    private List<Message> drain(ConnectionFactory factory, String dossierCode) throws JMSException {
        return drain(factory, dossierCode, patience().toMillis());
    }

    /** The results are sent before the platform is answered: none there a second later means none at all. */
    private List<Message> drain(ConnectionFactory factory, String dossierCode, long firstWaitMillis) throws JMSException {
        List<Message> messages = new java.util.ArrayList<>();
        try (Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            try (MessageConsumer consumer = session.createConsumer(session.createQueue(RESULTS),
                    "dossierCode = '" + dossierCode + "'")) {
                Message first = consumer.receive(firstWaitMillis);
                if (first != null) {
                    messages.add(first);
                    for (Message next = consumer.receive(1000); next != null; next = consumer.receive(1000)) {
                        messages.add(next);
                    }
                }
            }
        }
        return messages;
    }

    private String submittedDossier(int n) {
        String code = code(n);
        HttpResponse<String> accepted = post("/api/v1/dossiers", dossierJson(code, "DA_TIEP_NHAN"), motcua());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        await().atMost(patience()).until(() -> arrivals(code).size() == 1);
        return code;
    }

    private HttpResponse<String> requestPayment(String code, long amount, String payer) {
        return payment(code, feesJson(amount, payer));
    }

    private HttpResponse<String> payment(String code, String json) {
        return post("/api/v1/dossiers/" + code + "/payments", json, motcua());
    }

    private static String feesJson(long amount, String payer) {
        return """
                {"DanhSachLePhi":[{"MaPhiLePhi":"LP-LLTP","TenPhiLePhi":"Lệ phí cấp Phiếu lý lịch tư pháp","Gia":%d,"LoaiPhiLePhi":"2"}],
                 "NguoiNop":{"HoTen":"Nguyễn Văn An","SoDinhDanh":"%s"}}""".formatted(amount, payer);
    }

    private JsonNode state(String code) {
        HttpResponse<String> response = get("/api/v1/dossiers/" + code + "/payment", motcua());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return body(response);
    }

    private JsonNode payAt(String paymentUrl) {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(paymentUrl)).GET().build());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return body(page);
    }

    private JsonNode post2(String path, String json) {
        String base = "http://127.0.0.1:" + simulators.server("national-payment").port();
        return body(send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build()));
    }

    private ObjectNode result(JsonNode order, String code, String sentAt) {
        ObjectNode r = json.createObjectNode();
        r.put("MaDoiTac", "H22-LGSP");
        r.put("MaDonHang", order.path("orderId").asText());
        r.put("MaGiaoDich", order.path("platformTransaction").asText());
        r.put("MaHoSo", order.path("dossierCode").asText());
        r.put("SoTien", Long.toString(order.path("amount").asLong()));
        r.put("MaKetQua", code);
        r.put("MoTaKetQua", "00".equals(code) ? "Giao dịch thành công" : "Giao dịch không thành công");
        r.put("MaGiaoDichNganHang", "00".equals(code) ? "FT-TEST" : "");
        r.put("ThoiGianThanhToan", sentAt);
        r.put("ThoiGianGui", sentAt);
        r.put("ChuKy", "");
        return r;
    }

    private static ObjectNode signed(ObjectNode result) {
        result.put("ChuKy", new PaymentSignatures(KEY).sign(PaymentSignatures.resultFields(result)));
        return result;
    }

    private static String now() {
        return ZonedDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).format(STAMP);
    }

    private void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(body(response).path("code").asText()).isEqualTo(code);
        assertThat(body(response).path("transactionId").asText()).isNotBlank();
    }

}
