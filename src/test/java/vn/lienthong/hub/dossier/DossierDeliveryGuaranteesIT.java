package vn.lienthong.hub.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.ActiveMQExceptionType;
import org.apache.activemq.artemis.core.server.ServerSession;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerMessagePlugin;
import org.apache.activemq.artemis.core.transaction.Transaction;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.hub.audit.log.JdbcMessageLog;
import vn.lienthong.hub.audit.MessageLogRecord;

/**
 * The delivery defects found against an independent portal simulator, each pinned by a test that failed before the
 * fix, and the guarantees of the delivery path: one attempt = one HOP under the accepting transaction, order per
 * dossier while its head is retried, a failing dossier stepping aside.
 */
class DossierDeliveryGuaranteesIT extends DossierSyncIntegrationTest {

    private static final String DLQ = "dossier.sync.national-portal.DLQ";
    private static final String REJECTED = "dossier.inbound.rejected";

    @Autowired
    JdbcMessageLog messageLog;

    @Autowired
    EmbeddedActiveMQ broker;

    @Autowired
    DossierQueue queue;

    @Autowired
    DossierDelivery delivery;

    @Autowired
    DossierSyncStore store;

    @Autowired
    org.apache.camel.CamelContext camel;

    private final List<ActiveMQServerMessagePlugin> plugins = new ArrayList<>();

    @AfterEach
    void removePlugins() {
        plugins.forEach(p -> broker.getActiveMQServer().unRegisterBrokerPlugin(p));
        plugins.clear();
    }

    // (a) a portal that applies the request but answers after the hub's timeout gets it once
    @Test
    void deliversOnce_whenThePortalAppliesTheRequestButAnswersAfterTheTimeout() {
        String code = code(1101);
        assertThat(post("/api/v1/dossiers", dossierJson(code, "DA_TIEP_NHAN"), motcua()).statusCode()).isEqualTo(202);
        await().atMost(patience()).until(() -> "SYNCED".equals(syncState(code).path("state").asText()));

        faults("{\"lateAnswerMillis\":3000,\"lateAnswers\":1}");
        assertThat(post("/api/v1/dossiers/" + code + "/progress", progressJson(1, "DANG_XU_LY"), motcua("evt-1101-1"))
                .statusCode()).isEqualTo(202);

        await().atMost(patience()).until(() -> event(code, "evt-1101-1").path("status").asText().equals("SYNCED"));
        assertThat(event(code, "evt-1101-1").path("attempts").asInt()).as("the timed-out attempt and the check")
                .isGreaterThanOrEqualTo(2);
        assertThat(arrivals(code)).extracting(a -> a.path("service").asText())
                .containsExactly("DongBoHoSoMC", "CapNhatTienDoHoSoMC");
    }

    // (e) after a broker fail-over the same message can reach two consumers at once, both past their plan: only one
    // claims the event and sends it, the other rolls back without sending
    @Test
    @SuppressWarnings("unchecked")
    void twoConsumersHoldingTheSameEvent_onlyOneSendsIt() throws Exception {
        String code = code(1561);
        Map<String, Object> data = json.readValue(dossierJson(code, "DA_TIEP_NHAN"), Map.class);
        DossierEvent event = new DossierEvent("evt-1561-0", DossierEventKind.DOSSIER, code, data, "it-claim-1561",
                MOTCUA_ID, "REST", java.time.Instant.now());
        assertThat(store.recordAccepted(event)).isTrue();
        org.apache.camel.Exchange first = planned(event);
        org.apache.camel.Exchange second = planned(event);

        assertThat(delivery.attempt(first).dossierCode()).isEqualTo(code);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> delivery.attempt(second))
                .isInstanceOf(DeliveryClaimedException.class).hasMessageContaining("another consumer");
        DossierSyncStore.EventState state = store.event("evt-1561-0").orElseThrow();
        assertThat(state.status()).isEqualTo(SyncState.SENDING);
        assertThat(state.attempts()).isEqualTo(1);
        // the next attempt plans from what the winner wrote, and claims it
        org.apache.camel.Exchange later = planned(event);
        later.setProperty(DossierDelivery.SEEN, SyncState.SENDING);
        later.getMessage().setHeader(DossierDelivery.ATTEMPT, 1);
        assertThat(delivery.attempt(later).dossierCode()).isEqualTo(code);
        assertThat(store.event("evt-1561-0").orElseThrow().attempts()).isEqualTo(2);
    }

    /** An exchange as the delivery plan leaves it for an event read PENDING with no attempt. */
    private org.apache.camel.Exchange planned(DossierEvent event) {
        org.apache.camel.Exchange exchange = new org.apache.camel.support.DefaultExchange(camel);
        exchange.setProperty(DossierDelivery.EVENT, event);
        exchange.setProperty(DossierDelivery.SEEN, SyncState.PENDING);
        exchange.getMessage().setHeader(DossierDelivery.ATTEMPT, 0);
        return exchange;
    }

    // (c) replay never sends an event the portal already confirmed
    @Test
    void replayDoesNotResendAnEventThatIsAlreadySynced() throws Exception {
        String code = code(1301);
        HttpResponse<String> accepted = post("/api/v1/dossiers", dossierJson(code, "DA_TIEP_NHAN"), motcua("evt-1301-0"));
        assertThat(accepted.statusCode()).isEqualTo(202);
        await().atMost(patience()).until(() -> "SYNCED".equals(syncState(code).path("state").asText()));
        // a stale copy of the delivered event in the dead letters (as an earlier failure could leave one)
        Map<String, Object> data = json.readValue(dossierJson(code, "DA_TIEP_NHAN"), Map.class);
        DossierEvent event = new DossierEvent("evt-1301-0", DossierEventKind.DOSSIER, code, data,
                accepted.headers().firstValue("X-Transaction-Id").orElseThrow(), "000.00.00.H22:MOTCUA", "REST",
                java.time.Instant.now());
        sendRaw(DLQ, queue.write(event), Map.of(DossierQueue.EVENT_ID, "evt-1301-0", DossierQueue.DOSSIER_CODE, code,
                "kind", "DOSSIER", DossierQueue.DEAD_REASON, "stale copy"));
        await().atMost(patience()).until(() -> browse(DLQ, "dossierCode = '" + code + "'").size() == 1);

        HttpResponse<String> replay = post("/api/v1/admin/dossier-sync/dead-letters/replay?dossierCode=" + code, "",
                Map.of("X-API-Key", OPERATOR_KEY));
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
        assertThat(body(replay).path("replayed").asInt()).isZero();
        // a later event marks when anything replayed would have arrived
        assertThat(post("/api/v1/dossiers/" + code + "/progress", progressJson(1, "DANG_XU_LY"), motcua()).statusCode())
                .isEqualTo(202);
        await().atMost(patience()).until(() -> arrivals(code).size() >= 2);
        await().atMost(patience()).until(() -> "SYNCED".equals(syncState(code).path("state").asText()));
        assertThat(arrivals(code)).extracting(a -> a.path("service").asText())
                .containsExactly("DongBoHoSoMC", "CapNhatTienDoHoSoMC");
        assertThat(browse(DLQ, "dossierCode = '" + code + "'")).isEmpty();
    }

    // (d) replaying the first dead event of a dossier by its id delivers it (it is not parked behind its successor)
    @Test
    void replayByEventIdDeliversTheFirstDeadEventOfADossier() {
        String code = code(1401);
        faults("{\"down\":true}");
        assertThat(post("/api/v1/dossiers", dossierJson(code, "DA_TIEP_NHAN"), motcua("evt-1401-0")).statusCode()).isEqualTo(202);
        assertThat(post("/api/v1/dossiers/" + code + "/progress", progressJson(1, "DANG_XU_LY"), motcua("evt-1401-1"))
                .statusCode()).isEqualTo(202);
        await().atMost(patience()).until(() -> browse(DLQ, "dossierCode = '" + code + "'").size() == 2);
        faults("{\"down\":false}");

        HttpResponse<String> first = post("/api/v1/admin/dossier-sync/dead-letters/replay?eventId=evt-1401-0", "",
                Map.of("X-API-Key", OPERATOR_KEY));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        await().atMost(patience()).until(() -> "SYNCED".equals(event(code, "evt-1401-0").path("status").asText()));
        assertThat(arrivals(code)).extracting(a -> a.path("service").asText()).containsExactly("DongBoHoSoMC");

        assertThat(post("/api/v1/admin/dossier-sync/dead-letters/replay?eventId=evt-1401-1", "",
                Map.of("X-API-Key", OPERATOR_KEY)).statusCode()).isEqualTo(200);
        await().atMost(patience()).until(() -> "SYNCED".equals(syncState(code).path("state").asText()));
        assertThat(arrivals(code)).extracting(a -> a.path("service").asText())
                .containsExactly("DongBoHoSoMC", "CapNhatTienDoHoSoMC");
    }

    // (e) an operator discards a refused event with a reason; it no longer blocks its dossier
    @Test
    void operatorDiscardsARefusedEventWithAReason_andTheDossierMovesOn() {
        String code = "000.00.03.H22-250212-00001";
        assertThat(post("/api/v1/dossiers", dossierJson(code, "DA_TIEP_NHAN"), motcua("evt-1501-0")).statusCode()).isEqualTo(202);
        await().atMost(patience()).until(() -> "SYNCED".equals(syncState(code).path("state").asText()));
        faults("{\"refuseNext\":1}");
        assertThat(post("/api/v1/dossiers/" + code + "/progress", progressJson(1, "DANG_XU_LY"), motcua("evt-1501-1"))
                .statusCode()).isEqualTo(202);
        await().atMost(patience()).until(() -> "DEAD".equals(event(code, "evt-1501-1").path("status").asText()));
        assertThat(post("/api/v1/dossiers/" + code + "/progress", progressJson(2, "DANG_XU_LY"), motcua("evt-1501-2"))
                .statusCode()).isEqualTo(202);
        await().atMost(patience()).until(() -> browse(DLQ, "dossierCode = '" + code + "'").size() == 2);

        assertThat(post("/api/v1/admin/dossier-sync/dead-letters/discard?eventId=evt-1501-1", "{}",
                Map.of("X-API-Key", OPERATOR_KEY)).statusCode()).as("a reason is required").isEqualTo(400);
        assertThat(post("/api/v1/admin/dossier-sync/dead-letters/discard?eventId=evt-1501-1",
                "{\"reason\":\"Bước xử lý nhập nhầm, đã nhập lại\"}", Map.of("X-API-Key", MOTCUA_KEY)).statusCode())
                .isEqualTo(403);
        HttpResponse<String> discard = post("/api/v1/admin/dossier-sync/dead-letters/discard?eventId=evt-1501-1",
                "{\"reason\":\"Bước xử lý nhập nhầm, đã nhập lại\"}", Map.of("X-API-Key", OPERATOR_KEY));
        assertThat(discard.statusCode()).as(discard.body()).isEqualTo(200);
        assertThat(body(discard).path("discarded").asInt()).isEqualTo(1);
        assertThat(browse(DLQ, "dossierCode = '" + code + "'")).hasSize(1);
        JsonNode discarded = event(code, "evt-1501-1");
        assertThat(discarded.path("status").asText()).isEqualTo("DISCARDED");
        assertThat(discarded.path("lastError").asText()).contains("Bước xử lý nhập nhầm, đã nhập lại");
        String discardTx = discard.headers().firstValue("X-Transaction-Id").orElseThrow();
        await().atMost(patience()).until(() -> messageLog.findByTransaction(discardTx).stream()
                .anyMatch(r -> "EXCHANGE".equals(r.recordType()) && "discard".equals(r.operation())));

        assertThat(post("/api/v1/admin/dossier-sync/dead-letters/replay?dossierCode=" + code, "",
                Map.of("X-API-Key", OPERATOR_KEY)).statusCode()).isEqualTo(200);
        await().atMost(patience()).until(() -> "SYNCED".equals(event(code, "evt-1501-2").path("status").asText()));
        assertThat(syncState(code).path("state").asText()).isEqualTo("SYNCED");
        assertThat(syncState(code).path("discarded").asInt()).isEqualTo(1);
        assertThat(arrivals(code)).extracting(a -> a.path("data").path("NoiDungXuLy").asText(""))
                .containsExactly("", "Bước 2");

        JsonNode total = body(get("/api/v1/dossiers/statistics?agency=000.00.03.H22&from=2025-02-01&to=2025-02-28",
                Map.of("X-API-Key", AUDITOR_KEY))).path("total");
        assertThat(total.path("dossiers").asInt()).isEqualTo(1);
        assertThat(total.path("discarded").asInt()).isEqualTo(1);
    }

    // (f) an oversized or malformed AMQP property is rejected with a reason and never stalls the message log
    @Test
    void oversizedOrMalformedAmqpPropertiesAreRejected_andTheMessageLogKeepsWriting() throws Exception {
        String longUser = "u".repeat(200);
        sendRaw("dossier.inbound", dossierJson(code(1601), "DA_TIEP_NHAN"),
                Map.of("apiKey", MOTCUA_KEY, "transactionId", "amqp-it-1601", "userId", longUser));
        sendRaw("dossier.inbound", dossierJson(code(1602), "DA_TIEP_NHAN"),
                Map.of("apiKey", MOTCUA_KEY, "transactionId", "amqp-it-1602", "kind", "DOSIER"));

        await().atMost(patience()).until(() -> browse(REJECTED, "transactionId = 'amqp-it-1601'").size() == 1
                && browse(REJECTED, "transactionId = 'amqp-it-1602'").size() == 1);
        assertThat(browse(REJECTED, "transactionId = 'amqp-it-1601'").get(0).getStringProperty("reason")).contains("userId");
        assertThat(browse(REJECTED, "transactionId = 'amqp-it-1602'").get(0).getStringProperty("reason")).contains("kind");
        assertThat(get("/api/v1/dossiers/" + code(1601) + "/sync", motcua()).statusCode()).isEqualTo(404);

        await().atMost(patience()).until(() -> messageLog.findByTransaction("amqp-it-1601").stream()
                .anyMatch(r -> "AMQP".equals(r.channel()) && "INVALID_FIELD".equals(r.errorCode())));
        HttpResponse<String> later = post("/api/v1/dossiers", dossierJson(code(1603), "DA_TIEP_NHAN"), motcua());
        String laterTx = later.headers().firstValue("X-Transaction-Id").orElseThrow();
        assertThat(messageLog.findByTransaction(laterTx)).as("the log is not stalled").isNotEmpty();
    }

    // (f, the writer) a record whose fields exceed the columns is still written, and does not hold the others back
    @Test
    void messageLogWritesARecordWithOversizedFields() {
        java.time.Instant now = java.time.Instant.now();
        messageLog.append(new MessageLogRecord(null, "EXCHANGE", "oversized-1701", "hub-it", "AMQP", "c".repeat(300),
                "u".repeat(300), "p".repeat(400), "s".repeat(200), "o".repeat(200), null, vn.lienthong.hub.audit.Outcome.SUCCESS,
                null, null, 202, now, now, 0L, 0L, 0L));
        assertThat(messageLog.findByTransaction("oversized-1701")).hasSize(1);
        // and the records after it are written too
        messageLog.append(new MessageLogRecord(null, "EXCHANGE", "oversized-1702", "hub-it", "AMQP", "c", "u", null, null,
                null, null, vn.lienthong.hub.audit.Outcome.SUCCESS, null, null, 202, now, now, 0L, 0L, 0L));
        assertThat(messageLog.findByTransaction("oversized-1702")).hasSize(1);
    }

    // (g) an AMQP intake the hub could not complete is logged as failed, not as accepted, on each delivery
    @Test
    void rolledBackAmqpIntakeIsLoggedAsFailed() throws Exception {
        String code = code(1801);
        AtomicInteger refused = new AtomicInteger();
        plugin(new ActiveMQServerMessagePlugin() {
            @Override
            public void beforeSend(ServerSession session, Transaction tx, org.apache.activemq.artemis.api.core.Message message,
                    boolean direct, boolean noAutoCreateQueue) throws ActiveMQException {
                if ("dossier.sync".equals(message.getAddress()) && code.equals(message.getStringProperty("dossierCode"))
                        && refused.getAndIncrement() == 0) {
                    throw new ActiveMQException(ActiveMQExceptionType.IO_ERROR, "journal full");
                }
            }
        });
        sendRaw("dossier.inbound", dossierJson(code, "DA_TIEP_NHAN"), Map.of("apiKey", MOTCUA_KEY, "transactionId", "amqp-it-1801"));

        await().atMost(patience()).until(() -> "SYNCED".equals(syncState(code).path("state").asText()));
        await().atMost(patience()).until(() -> messageLog.findByTransaction("amqp-it-1801").stream()
                .filter(r -> "EXCHANGE".equals(r.recordType())).count() == 2);
        List<MessageLogRecord> exchanges = messageLog.findByTransaction("amqp-it-1801").stream()
                .filter(r -> "EXCHANGE".equals(r.recordType())).toList();
        assertThat(exchanges.get(0).httpStatus()).isEqualTo(503);
        assertThat(exchanges.get(0).errorCode()).isEqualTo("QUEUE_UNAVAILABLE");
        assertThat(exchanges.get(1).httpStatus()).isEqualTo(202);
    }

    // one attempt = one HOP, written by the platform under the accepting transaction id
    @Test
    void eachDeliveryAttemptIsOneHopUnderTheAcceptingTransaction() {
        String code = code(1901);
        faults("{\"busy\":{\"dossier\":\"" + code + "\",\"calls\":2}}");
        HttpResponse<String> accepted = post("/api/v1/dossiers", dossierJson(code, "DA_TIEP_NHAN"), motcua());
        String tx = accepted.headers().firstValue("X-Transaction-Id").orElseThrow();
        await().atMost(patience()).until(() -> "SYNCED".equals(syncState(code).path("state").asText()));
        await().atMost(patience()).until(() -> hops(tx).size() == 3);
        List<MessageLogRecord> hops = hops(tx);
        assertThat(hops).allSatisfy(h -> {
            assertThat(h.operation()).isEqualTo("national-portal-sync-action");
            assertThat(h.clientId()).isEqualTo("000.00.00.H22:MOTCUA");
        });
        assertThat(hops).extracting(MessageLogRecord::outcome).extracting(Enum::name)
                .containsExactly("FAILED", "FAILED", "SUCCESS");
    }

    // order per dossier while its first event is retried; the other dossiers are not held up
    @Test
    void laterEventsOfADossierWaitBehindItsRetriedFirstEvent_whileOtherDossiersFlow() {
        String slow = code(2001);
        String other = code(2002);
        faults("{\"busy\":{\"dossier\":\"" + slow + "\",\"calls\":2}}");
        assertThat(post("/api/v1/dossiers", dossierJson(slow, "DA_TIEP_NHAN"), motcua()).statusCode()).isEqualTo(202);
        for (int step = 1; step <= 3; step++) {
            assertThat(post("/api/v1/dossiers/" + slow + "/progress", progressJson(step, "DANG_XU_LY"), motcua())
                    .statusCode()).isEqualTo(202);
        }
        assertThat(post("/api/v1/dossiers", dossierJson(other, "DA_TIEP_NHAN"), motcua()).statusCode()).isEqualTo(202);

        await().atMost(patience()).until(() -> "SYNCED".equals(syncState(slow).path("state").asText())
                && "SYNCED".equals(syncState(other).path("state").asText()));
        assertThat(arrivals(slow)).extracting(a -> a.path("data").path("NoiDungXuLy").asText(""))
                .containsExactly("", "Bước 1", "Bước 2", "Bước 3");
        JsonNode events = syncState(slow).path("events");
        assertThat(events.get(0).path("attempts").asInt()).isEqualTo(3);
        for (int i = 1; i < 4; i++) {
            assertThat(events.get(i).path("attempts").asInt()).as("sent once, after the first").isEqualTo(1);
        }
    }

    private List<MessageLogRecord> hops(String tx) {
        return messageLog.findByTransaction(tx).stream().filter(r -> "HOP".equals(r.recordType())).toList();
    }

    private JsonNode event(String code, String eventId) {
        for (JsonNode e : syncState(code).path("events")) {
            if (eventId.equals(e.path("eventId").asText())) {
                return e;
            }
        }
        return json.createObjectNode();
    }

    private void plugin(ActiveMQServerMessagePlugin plugin) {
        broker.getActiveMQServer().registerBrokerPlugin(plugin);
        plugins.add(plugin);
    }

    private long queueDepth(String name) {
        return broker.getActiveMQServer().locateQueue(name).getMessageCount();
    }

    private List<Message> browse(String queueName, String selector) {
        ActiveMQConnectionFactory factory = hubBroker();
        try (Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            List<Message> out = new ArrayList<>();
            try (QueueBrowser browser = session.createBrowser(session.createQueue(queueName), selector)) {
                Collections.list(browser.getEnumeration()).forEach(m -> out.add((Message) m));
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void sendRaw(String queueName, String body, Map<String, String> properties) throws Exception {
        // agency systems may send to the inbound queue; every other queue is the hub's own
        ActiveMQConnectionFactory factory = "dossier.inbound".equals(queueName) ? agencyBroker() : hubBroker();
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(queueName));
            TextMessage message = session.createTextMessage(body);
            for (Map.Entry<String, String> p : properties.entrySet()) {
                message.setStringProperty(p.getKey(), p.getValue());
            }
            producer.send(message);
        }
    }

    private void faults(String body) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + simulatorPort() + "/__portal/faults"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(r.statusCode()).isEqualTo(200);
    }
}
