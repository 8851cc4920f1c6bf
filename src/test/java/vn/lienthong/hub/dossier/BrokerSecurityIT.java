package vn.lienthong.hub.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The broker is closed (docs/security.md, "Broker"): nobody connects anonymously, over the core protocol or AMQP 1.0;
 * an agency system logs in with its client id and API key and may only send to the inbound queue; and an event put
 * straight on the delivery queue, even with the hub's own credentials, is dead-lettered as forged unless it carries the
 * integrity tag of the accept flow, and never reaches the portal.
 */
class BrokerSecurityIT extends DossierSyncIntegrationTest {

    private static final String SYNC = "dossier.sync";
    private static final String DLQ = "dossier.sync.national-portal.DLQ";
    private static final String INBOUND = "dossier.inbound";
    private static final String REJECTED = "dossier.inbound.rejected";

    @Autowired
    EmbeddedActiveMQ broker;

    @Autowired
    DossierQueue queue;

    @Autowired
    DossierIntegrity integrity;

    @Autowired
    vn.lienthong.hub.audit.log.MessageLog messageLog;

    @Test
    void refusesAnonymousClientsAndWrongCredentials_overCoreAndAmqp() {
        String tcp = "tcp://127.0.0.1:" + BROKER_PORT;
        String amqp = "amqp://127.0.0.1:" + BROKER_PORT;
        assertRefused(new ActiveMQConnectionFactory(tcp));
        assertRefused(new JmsConnectionFactory(amqp));
        assertRefused(new ActiveMQConnectionFactory(tcp, HUB_BROKER_USER, "not-the-password"));
        assertRefused(new ActiveMQConnectionFactory(tcp, MOTCUA_ID, "demo-portal-key"));
        assertRefused(new JmsConnectionFactory(MOTCUA_ID, "demo-portal-key", amqp));
        assertRefused(new ActiveMQConnectionFactory(tcp, "000.00.00.H22:UNKNOWN", MOTCUA_KEY));
        // Artemis's built-in cluster user with its default password would bypass every permission
        assertRefused(new ActiveMQConnectionFactory(tcp, "ACTIVEMQ.CLUSTER.ADMIN.USER", "CHANGE ME!!"));
    }

    @Test
    void refusedLoginsAndActionsAreInTheMessageLog() throws Exception {
        String claimed = "000.00.00.H22:NOBODY-" + System.nanoTime();
        assertRefused(new ActiveMQConnectionFactory("tcp://127.0.0.1:" + BROKER_PORT, claimed, MOTCUA_KEY));
        assertRefused(new JmsConnectionFactory(claimed, "not-a-key", "amqp://127.0.0.1:" + BROKER_PORT));
        try (Connection connection = agencyBroker().createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThatThrownBy(() -> session.createConsumer(session.createQueue(DLQ))).isInstanceOf(JMSSecurityException.class);
        }
        // what an agency may do leaves no refusal behind: a send to the inbound queue over AMQP and core
        String code = code(2210);
        String coreCode = code(2211);
        try (Connection connection = new JmsConnectionFactory(MOTCUA_ID, MOTCUA_KEY, "amqp://127.0.0.1:" + BROKER_PORT)
                .createConnection(); Connection core = agencyBroker().createConnection()) {
            send(connection.createSession(false, Session.AUTO_ACKNOWLEDGE), INBOUND, dossierJson(code, "DA_TIEP_NHAN"),
                    Map.of("apiKey", MOTCUA_KEY));
            send(core.createSession(false, Session.AUTO_ACKNOWLEDGE), INBOUND, dossierJson(coreCode, "DA_TIEP_NHAN"),
                    Map.of("apiKey", MOTCUA_KEY));
        }
        await().atMost(patience()).until(() -> "SYNCED".equals(syncState(code).path("state").asText())
                && "SYNCED".equals(syncState(coreCode).path("state").asText()));
        await().atMost(patience()).untilAsserted(() -> {
            JsonNode records = body(get("/api/v1/audit/records?service=broker&size=500", Map.of("X-API-Key", "demo-auditor-key")))
                    .path("records");
            List<JsonNode> logins = new java.util.ArrayList<>();
            records.forEach(r -> {
                if (r.path("errorCode").asText().equals("UNAUTHENTICATED") && r.toString().contains(claimed)) {
                    logins.add(r);
                }
            });
            // one per protocol: core and AMQP
            assertThat(logins).hasSize(2).allSatisfy(r -> {
                assertThat(r.path("channel").asText()).isEqualTo("AMQP");
                assertThat(r.path("outcome").asText()).isEqualTo("DENIED");
                assertThat(r.path("operation").asText()).isEqualTo("login");
                assertThat(r.path("httpStatus").asInt()).isEqualTo(401);
                assertThat(r.path("clientId").isNull() || r.path("clientId").isMissingNode()).isTrue();
            });
            assertThat(records).anySatisfy(r -> {
                assertThat(r.path("clientId").asText()).isEqualTo(MOTCUA_ID);
                assertThat(r.path("errorCode").asText()).isEqualTo("ACCESS_DENIED");
                assertThat(r.path("operation").asText()).isEqualTo("consume");
                assertThat(r.toString()).contains(DLQ);
            });
            assertThat(records).noneSatisfy(r -> {
                assertThat(r.path("clientId").asText()).isEqualTo(MOTCUA_ID);
                assertThat(r.path("operation").asText()).isNotIn("consume", "browse");
                assertThat(r.toString()).contains("on '" + INBOUND + "'");
            });
        });
    }

    @Test
    void agencyCannotConsumeBrowseOrWriteInternalQueues_overCore() throws Exception {
        long before = depth(SYNC) + depth(DLQ) + depth(REJECTED);
        try (Connection connection = agencyBroker().createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            for (String internal : List.of(SYNC, DLQ, REJECTED)) {
                assertThatThrownBy(() -> session.createConsumer(session.createQueue(internal))).as("consume " + internal)
                        .isInstanceOf(JMSSecurityException.class).hasMessageContaining("CONSUME");
                assertThatThrownBy(() -> {
                    try (QueueBrowser browser = session.createBrowser(session.createQueue(internal))) {
                        browser.getEnumeration().hasMoreElements();
                    }
                }).as("browse " + internal).isInstanceOf(JMSException.class).hasMessageContaining("BROWSE");
                assertThatThrownBy(() -> send(session, internal, queue.write(event(code(2101), "forged-2101"))))
                        .as("send to " + internal).isInstanceOf(JMSSecurityException.class).hasMessageContaining("SEND");
            }
            assertThatThrownBy(() -> session.createConsumer(session.createQueue(INBOUND))).as("consume inbound")
                    .isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> session.createBrowser(session.createQueue(INBOUND)).getEnumeration().hasMoreElements())
                    .as("browse inbound").isInstanceOf(JMSException.class);
            assertThatThrownBy(() -> send(session, "activemq.management", "{}")).as("management")
                    .isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> session.createConsumer(session.createTemporaryQueue())).as("create a queue")
                    .isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> send(session, "agency.own.queue", "{}")).as("create an address")
                    .isInstanceOf(JMSSecurityException.class);
        }
        assertThat(depth(SYNC) + depth(DLQ) + depth(REJECTED)).isEqualTo(before);
        assertThat(broker.getActiveMQServer().getAddressInfo(
                org.apache.activemq.artemis.api.core.SimpleString.of("agency.own.queue"))).isNull();
    }

    @Test
    void agencyCannotConsumeInternalQueues_overAmqp_butSendsToTheInboundQueue() throws Exception {
        String code = code(2201);
        JmsConnectionFactory factory = new JmsConnectionFactory(MOTCUA_ID, MOTCUA_KEY, "amqp://127.0.0.1:" + BROKER_PORT);
        try (Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThatThrownBy(() -> session.createConsumer(session.createQueue(SYNC))).as("consume dossier.sync")
                    .isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> session.createBrowser(session.createQueue(SYNC)).getEnumeration().hasMoreElements())
                    .as("browse dossier.sync").isInstanceOf(JMSException.class);
            assertThatThrownBy(() -> session.createProducer(session.createQueue(SYNC)))
                    .as("send to dossier.sync").isInstanceOf(JMSSecurityException.class);

            TextMessage message = session.createTextMessage(dossierJson(code, "DA_TIEP_NHAN"));
            message.setStringProperty("apiKey", MOTCUA_KEY);
            message.setStringProperty("transactionId", "broker-it-2201");
            session.createProducer(session.createQueue(INBOUND)).send(message);
        }
        await().atMost(patience()).until(() -> "SYNCED".equals(syncState(code).path("state").asText()));
        assertThat(arrivals(code)).hasSize(1);
    }

    @Test
    void anAgencyCannotSendUnderAnotherAgencysKey_overCoreAndAmqp() throws Exception {
        String portalId = "000.00.00.H22:CONGTTDT";
        String code = code(2205);
        try (Connection connection = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + BROKER_PORT, portalId,
                "demo-portal-key").createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            // core: the message carries the broker's validated login; the intake rejects it, with a record
            send(session, INBOUND, dossierJson(code, "DA_TIEP_NHAN"), Map.of("apiKey", MOTCUA_KEY,
                    "transactionId", "broker-it-impersonation"));
        }
        await().atMost(patience()).until(() -> messageLog.findByTransaction("broker-it-impersonation").stream()
                .anyMatch(r -> "AMQP".equals(r.channel()) && "ACCESS_DENIED".equals(r.errorCode())
                        && r.errorText() != null && r.errorText().contains("logged in to the broker")));
        assertThat(get("/api/v1/dossiers/" + code + "/sync", Map.of("X-API-Key", MOTCUA_KEY)).statusCode())
                .isEqualTo(404);
        try (Connection connection = new JmsConnectionFactory(portalId, "demo-portal-key",
                "amqp://127.0.0.1:" + BROKER_PORT).createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThatThrownBy(() -> send(session, INBOUND, dossierJson(code, "DA_TIEP_NHAN"),
                    Map.of("apiKey", MOTCUA_KEY, "transactionId", "broker-it-impersonation-amqp")))
                    .as("AMQP send under the one-stop system's key").isInstanceOf(JMSException.class);
        }
        // refused by the broker, and recorded
        await().atMost(patience()).until(() -> messageLog.findByTransaction("broker-it-impersonation-amqp").stream()
                .anyMatch(r -> "AMQP".equals(r.channel()) && portalId.equals(r.clientId()) && "send".equals(r.operation())
                        && "ACCESS_DENIED".equals(r.errorCode()) && r.errorText().contains(MOTCUA_ID)));
        // the same agency under its own key still sends (its grants are the intake's to judge)
        try (Connection connection = agencyBroker().createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            send(session, INBOUND, dossierJson(code, "DA_TIEP_NHAN"), Map.of("apiKey", MOTCUA_KEY));
        }
        await().atMost(patience()).until(() -> "SYNCED".equals(syncState(code).path("state").asText()));
        assertThat(arrivals(code)).hasSize(1);
    }

    @Test
    void agencySendsToTheInboundQueue_overCore() throws Exception {
        String code = code(2202);
        try (Connection connection = agencyBroker().createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(INBOUND));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            TextMessage message = session.createTextMessage(dossierJson(code, "DA_TIEP_NHAN"));
            message.setStringProperty("apiKey", MOTCUA_KEY);
            producer.send(message);
        }
        await().atMost(patience()).until(() -> "SYNCED".equals(syncState(code).path("state").asText()));
    }

    @Test
    void forgedEventOnTheDeliveryQueueIsDeadLetteredAsForged_andNeverReachesThePortal() throws Exception {
        String untagged = code(2301);
        String tampered = code(2302);
        String wrongKey = code(2303);
        DossierEvent tamperedEvent = event(tampered, "forged-2302");
        String genuineBody = queue.write(tamperedEvent);
        String changedBody = genuineBody.replace("Nguyễn Văn An", "Nguyễn Văn Bình");
        assertThat(changedBody).isNotEqualTo(genuineBody);
        try (Connection connection = hubBroker().createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            send(session, SYNC, queue.write(event(untagged, "forged-2301")), Map.of(
                    DossierQueue.EVENT_ID, "forged-2301", DossierQueue.GROUP_ID, untagged, DossierQueue.DOSSIER_CODE, untagged,
                    DossierQueue.TRANSACTION_ID, "someone-elses-transaction"));
            // the tag of the event as accepted, on a copy whose data was changed afterwards
            send(session, SYNC, changedBody, Map.of(DossierQueue.EVENT_ID, "forged-2302",
                    DossierQueue.GROUP_ID, tampered, DossierIntegrity.PROPERTY, integrity.tag(genuineBody)));
            // a well-formed tag under a key the hub does not hold
            DossierSyncProperties otherKey = new DossierSyncProperties();
            otherKey.setIntegrityKey("a-key-that-is-not-this-hub-s-integrity-key");
            String body = queue.write(event(wrongKey, "forged-2303"));
            send(session, SYNC, body, Map.of(DossierQueue.EVENT_ID, "forged-2303", DossierQueue.GROUP_ID, wrongKey,
                    DossierIntegrity.PROPERTY, new DossierIntegrity(otherKey).tag(body)));
        }

        for (String code : List.of(untagged, tampered, wrongKey)) {
            await().atMost(patience()).until(() -> browseDeadLetters(code).size() == 1);
            Message dead = browseDeadLetters(code).get(0);
            assertThat(dead.getStringProperty(DossierQueue.DEAD_REASON)).startsWith("forged: ");
            assertThat(dead.getBooleanProperty(DossierDelivery.FORGED)).isTrue();

            JsonNode state = syncState(code);
            assertThat(state.path("state").asText()).isEqualTo("FORGED");
            assertThat(state.path("events").get(0).path("status").asText()).isEqualTo("FORGED");
            assertThat(state.path("events").get(0).path("lastError").asText()).startsWith("forged: ");
            assertThat(state.path("events").get(0).path("transactionId").isMissingNode()
                    || state.path("events").get(0).path("transactionId").isNull()).as("no claimed transaction kept").isTrue();

            HttpResponse<String> listed = get("/api/v1/admin/dossier-sync/dead-letters?dossierCode=" + code,
                    Map.of("X-API-Key", OPERATOR_KEY));
            assertThat(listed.statusCode()).isEqualTo(200);
            assertThat(body(listed).get(0).path("reason").asText()).startsWith("forged: ");
        }
        assertThat(syncState(untagged).path("lastError").asText()).contains("no integrity tag");
        assertThat(syncState(tampered).path("lastError").asText()).contains("does not match");
        assertThat(syncState(wrongKey).path("lastError").asText()).contains("does not match");

        // an operator's replay never puts a forged event back: it stays in the dead letters for inspection
        HttpResponse<String> replay = post("/api/v1/admin/dossier-sync/dead-letters/replay?dossierCode=" + untagged, "",
                Map.of("X-API-Key", OPERATOR_KEY));
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
        assertThat(body(replay).path("replayed").asInt()).isZero();
        assertThat(browseDeadLetters(untagged)).hasSize(1);

        // the same dossier goes on through the edge: the forged event does not hold it back, and only it reaches the portal
        assertThat(post("/api/v1/dossiers", dossierJson(untagged, "DA_TIEP_NHAN"), motcua("genuine-2301")).statusCode())
                .isEqualTo(202);
        await().atMost(patience()).until(() -> "SYNCED".equals(syncState(untagged).path("state").asText()));
        assertThat(arrivals(untagged)).hasSize(1);
        assertThat(arrivals(tampered)).isEmpty();
        assertThat(arrivals(wrongKey)).isEmpty();
    }

    @Test
    void garbageOnTheDeliveryQueueIsDeadLetteredAsForged_notRedeliveredForEver() throws Exception {
        try (Connection connection = hubBroker().createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            send(session, SYNC, "not an event\n\u0000", Map.of("marker", "garbage-2401"));
        }
        await().atMost(patience()).until(() -> browse(DLQ, "marker = 'garbage-2401'").size() == 1);
        assertThat(browse(DLQ, "marker = 'garbage-2401'").get(0).getStringProperty(DossierQueue.DEAD_REASON))
                .startsWith("forged: no integrity tag").endsWith("(not a dossier event)");
        assertThat(browse(SYNC, "marker = 'garbage-2401'")).isEmpty();
    }

    @Test
    void networkAcceptorListensOnLoopbackByDefault() {
        var agencies = broker.getActiveMQServer().getConfiguration().getAcceptorConfigurations().stream()
                .filter(a -> "agencies".equals(a.getName())).findFirst().orElseThrow();
        assertThat(agencies.getParams()).containsEntry("host", "127.0.0.1")
                .containsEntry("port", String.valueOf(BROKER_PORT));
        assertThat(broker.getActiveMQServer().getConfiguration().isSecurityEnabled()).isTrue();
    }

    private static DossierEvent event(String code, String eventId) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> data = new com.fasterxml.jackson.databind.ObjectMapper()
                .readValue(dossierJson(code, "DA_TIEP_NHAN"), Map.class);
        return new DossierEvent(eventId, DossierEventKind.DOSSIER, code, data, "someone-elses-transaction",
                "000.00.00.H22:MOTCUA", "REST", Instant.now());
    }

    private static void assertRefused(jakarta.jms.ConnectionFactory factory) {
        assertThatThrownBy(() -> {
            try (Connection connection = factory.createConnection()) {
                connection.start();
                connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            }
        }).as(factory.toString()).isInstanceOf(JMSException.class).satisfies(e -> assertThat(
                e instanceof JMSSecurityException || e.getMessage().contains("AMQ229099: Unable to authenticate cluster user"))
                .as(e.toString()).isTrue());
    }

    private static void send(Session session, String queueName, String body) throws JMSException {
        send(session, queueName, body, Map.of());
    }

    private static void send(Session session, String queueName, String body, Map<String, String> properties)
            throws JMSException {
        try (MessageProducer producer = session.createProducer(session.createQueue(queueName))) {
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            TextMessage message = session.createTextMessage(body);
            for (Map.Entry<String, String> p : properties.entrySet()) {
                message.setStringProperty(p.getKey(), p.getValue());
            }
            producer.send(message);
        }
    }

    private long depth(String name) {
        return broker.getActiveMQServer().locateQueue(name).getMessageCount();
    }

    private List<Message> browseDeadLetters(String code) {
        return browse(DLQ, "dossierCode = '" + code + "'");
    }

    private List<Message> browse(String queueName, String selector) {
        try (Connection connection = hubBroker().createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            List<Message> out = new ArrayList<>();
            try (QueueBrowser browser = session.createBrowser(session.createQueue(queueName), selector)) {
                Collections.list(browser.getEnumeration()).forEach(m -> out.add((Message) m));
            }
            return out;
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
