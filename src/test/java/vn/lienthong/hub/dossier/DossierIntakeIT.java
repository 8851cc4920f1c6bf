package vn.lienthong.hub.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.jms.Connection;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import vn.lienthong.hub.audit.log.MessageLog;

/** The three ways in: REST (bad input of each kind, access), SOAP, and the broker's inbound queue. */
class DossierIntakeIT extends DossierSyncIntegrationTest {

    @Autowired
    MessageLog messageLog;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "bad dossier code      | \"MaHoSo\":\"000.00.01.H22-250225-123\"   | MaHoSo",
            "impossible code date  | \"MaHoSo\":\"000.00.01.H22-251345-12345\" | yyMMdd",
            "unknown status        | \"TrangThaiHoSo\":\"XONG\"               | TrangThaiHoSo",
            "unknown procedure     | \"MaTTHC\":\"H22-KHONG-CO\"              | MaTTHC",
            "bad date              | \"NgayHenTra\":\"31/02/2025\"            | NgayHenTra",
            "appointment too early | \"NgayHenTra\":\"2025-02-20\"            | before NgayTiepNhan",
            "missing owner         | \"ChuHoSo\":\"\"                         | ChuHoSo: is required",
            "bad subject type      | \"LoaiDoiTuong\":\"9\"                   | LoaiDoiTuong"})
    void rejectsBadDossierWith400AndTheReason(String name, String override, String expected) {
        String json = dossierJson(code(900), "DA_TIEP_NHAN");
        String field = override.substring(0, override.indexOf(':'));
        json = json.replaceFirst(field + ":\"[^\"]*\"", java.util.regex.Matcher.quoteReplacement(override));
        HttpResponse<String> response = post("/api/v1/dossiers", json, motcua());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(body(response).path("code").asText()).isEqualTo("INVALID_FIELD");
        assertThat(body(response).path("detail").asText()).contains(expected);
        assertThat(body(response).path("transactionId").asText()).isNotBlank();
    }

    @Test
    void rejectsUnknownFieldsAndNonObjectBodies() {
        String json = dossierJson(code(901), "DA_TIEP_NHAN").replace("{\"MaHoSo\"", "{\"maHoSo\":\"x\",\"MaHoSo\"");
        HttpResponse<String> unknown = post("/api/v1/dossiers", json, motcua());
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(body(unknown).path("code").asText()).isEqualTo("UNKNOWN_FIELD");

        HttpResponse<String> array = post("/api/v1/dossiers", "[1,2]", motcua());
        assertThat(array.statusCode()).isEqualTo(400);
        assertThat(body(array).path("code").asText()).isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void rejectsProgressWithMissingFieldsOrAnotherDossierCode() {
        HttpResponse<String> missing = post("/api/v1/dossiers/" + code(902) + "/progress", "{\"TrangThai\":\"DANG_XU_LY\"}", motcua());
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(body(missing).path("detail").asText()).contains("NguoiXuLy: is required").contains("ThoiDiemXuLy: is required");

        String other = progressJson(1, "DANG_XU_LY").replace("{", "{\"MaHoSo\":\"" + code(903) + "\",");
        HttpResponse<String> mismatch = post("/api/v1/dossiers/" + code(902) + "/progress", other, motcua());
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(body(mismatch).path("detail").asText()).contains("differs from the dossier code in the path");
    }

    @Test
    void onlyClientsGrantedDossierSyncMaySend() {
        assertThat(post("/api/v1/dossiers", dossierJson(code(904), "DA_TIEP_NHAN"), Map.of("X-API-Key", PORTAL_KEY))
                .statusCode()).isEqualTo(403);
        assertThat(post("/api/v1/dossiers", dossierJson(code(904), "DA_TIEP_NHAN"), Map.of("X-API-Key", AUDITOR_KEY))
                .statusCode()).isEqualTo(403);
        assertThat(post("/api/v1/dossiers", dossierJson(code(904), "DA_TIEP_NHAN"), Map.of()).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/dossiers/" + code(904) + "/sync", Map.of("X-API-Key", PORTAL_KEY)).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/dossiers/" + code(904) + "/sync", motcua()).statusCode()).isEqualTo(404);
    }

    @Test
    void soapSubmitDossierIsAcceptedAndSynced_andThePortalClientGetsAFault() {
        String code = code(910);
        String envelope = """
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:d="http://hub.lienthong.vn/soap/dossier/v1">
                  <soapenv:Body><d:SubmitDossier><d:dossier>
                    <d:MaHoSo>%s</d:MaHoSo><d:MaTTHC>H22-HT-KH</d:MaTTHC><d:ChuHoSo>Lê Thị Hồng</d:ChuHoSo>
                    <d:NgayTiepNhan>20250225083000</d:NgayTiepNhan><d:NgayHenTra>20250305170000</d:NgayHenTra>
                    <d:TrangThaiHoSo>DANG_XU_LY</d:TrangThaiHoSo>
                  </d:dossier></d:SubmitDossier></soapenv:Body></soapenv:Envelope>""".formatted(code);
        HttpResponse<String> ok = soap(envelope, MOTCUA_KEY);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(ok.body()).contains("<eventId>").contains(code);
        await().atMost(patience()).until(() -> "SYNCED".equals(syncState(code).path("state").asText()));
        assertThat(arrivals(code).get(0).path("data").path("TrangThaiHoSo").asText()).isEqualTo("4");
        assertThat(arrivals(code).get(0).path("data").path("ChuHoSo").asText()).isEqualTo("Lê Thị Hồng");

        HttpResponse<String> denied = soap(envelope, PORTAL_KEY);
        assertThat(denied.statusCode()).isEqualTo(500);
        assertThat(denied.body()).contains("ACCESS_DENIED").contains("transactionId>");

        HttpResponse<String> invalid = soap(envelope.replace("H22-HT-KH", "H22-NOPE"), MOTCUA_KEY);
        assertThat(invalid.body()).contains("INVALID_FIELD").contains("MaTTHC");
    }

    @Test
    void messageOnTheInboundQueueIsAcceptedLoggedAndSynced_andOneWithoutAValidKeyIsRejected() throws Exception {
        String code = code(920);
        ActiveMQConnectionFactory factory = agencyBroker();
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue("dossier.inbound"));
            TextMessage good = session.createTextMessage(dossierJson(code, "DA_TIEP_NHAN"));
            good.setStringProperty("apiKey", MOTCUA_KEY);
            good.setStringProperty("transactionId", "amqp-it-920");
            producer.send(good);
            TextMessage bad = session.createTextMessage(dossierJson(code(921), "DA_TIEP_NHAN"));
            bad.setStringProperty("apiKey", PORTAL_KEY);
            bad.setStringProperty("transactionId", "amqp-it-921");
            producer.send(bad);
        }
        await().atMost(patience()).until(() -> "SYNCED".equals(syncState(code).path("state").asText()));
        await().atMost(patience()).until(() -> messageLog.findByTransaction("amqp-it-921").stream()
                .anyMatch(r -> "AMQP".equals(r.channel()) && "ACCESS_DENIED".equals(r.errorCode())));
        assertThat(messageLog.findByTransaction("amqp-it-920")).anyMatch(r -> "EXCHANGE".equals(r.recordType())
                && "AMQP".equals(r.channel()) && "000.00.00.H22:MOTCUA".equals(r.clientId()));
        assertThat(get("/api/v1/dossiers/" + code(921) + "/sync", motcua()).statusCode()).isEqualTo(404);
    }

    @Test
    void messageSentOverAmqp10IsAcceptedLoggedAndSynced() throws Exception {
        String code = code(930);
        org.apache.qpid.jms.JmsConnectionFactory factory = new org.apache.qpid.jms.JmsConnectionFactory(MOTCUA_ID, MOTCUA_KEY,
                "amqp://127.0.0.1:" + BROKER_PORT);
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue("dossier.inbound"));
            TextMessage message = session.createTextMessage(dossierJson(code, "DA_TIEP_NHAN"));
            message.setStringProperty("apiKey", MOTCUA_KEY);
            message.setStringProperty("transactionId", "amqp10-it-930");
            producer.send(message);
        }
        await().atMost(patience()).until(() -> "SYNCED".equals(syncState(code).path("state").asText()));
        assertThat(arrivals(code).get(0).path("data").path("ChuHoSo").asText()).isEqualTo(
                json.readTree(dossierJson(code, "DA_TIEP_NHAN")).path("ChuHoSo").asText());
        assertThat(messageLog.findByTransaction("amqp10-it-930")).anyMatch(r -> "EXCHANGE".equals(r.recordType())
                && "AMQP".equals(r.channel()) && "000.00.00.H22:MOTCUA".equals(r.clientId()));
    }

    private HttpResponse<String> soap(String envelope, String key) {
        return send(HttpRequest.newBuilder(URI.create(url("/soap/DossierSyncService")))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "urn:SubmitDossier")
                .header("X-API-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8)).build());
    }
}
