package vn.lienthong.hub.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import vn.lienthong.hub.connector.nationalportal.PortalAnswer;
import vn.lienthong.hub.connector.nationalportal.PortalCall;
import vn.lienthong.hub.connector.nationalportal.PortalRejectedException;
import vn.lienthong.hub.connector.nationalportal.PortalUnavailableException;
import vn.lienthong.hub.audit.MessageLogRecord;
import vn.lienthong.hub.audit.Outcome;
import vn.lienthong.hub.audit.log.MessageLog;
import vn.lienthong.hub.exchange.CallContext;
import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.HubException;

/**
 * The three dossier flows on the real Spring context and embedded broker (the other connectors on their local
 * simulators, as in the demo), with the national-portal connector replaced
 * by a mock (AdviceWith): the order of the steps, the attempts a transient failure gets, the dead letter of a refusal,
 * the accept flow's headers and idempotent consumer, and the AMQP intake's rejection of an oversized property.
 */
@CamelSpringBootTest
@UseAdviceWith
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:dossier-flows;DB_CLOSE_DELAY=-1",
        "HUB_DATA_DIR=target/flows-test-data",
        "spring.artemis.embedded.persistent=false",
        "HUB_BROKER_PORT=0",
        "HUB_DOSSIER_MAX_ATTEMPTS=3",
        "HUB_DOSSIER_INITIAL_BACKOFF=50ms",
        "HUB_DOSSIER_MAX_BACKOFF=100ms"
})
class DossierFlowsTest {

    private static final String KAMELET = "kamelet:national-portal-sync-action*";
    private static boolean advised;

    @Autowired
    CamelContext camel;

    @Autowired
    ProducerTemplate producer;

    @Autowired
    DossierSyncStore store;

    @Autowired
    MessageLog messageLog;

    @Autowired
    DossierQueue queue;

    /** What the mocked portal answers, per dossier code: a list of outcomes, the last one repeated. */
    static final Map<String, List<Object>> SCRIPT = new java.util.concurrent.ConcurrentHashMap<>();
    static final Map<String, AtomicInteger> CALLS = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeEach
    void advise() throws Exception {
        if (advised) {
            return;
        }
        AdviceWith.adviceWith(camel, "dossier-delivery", a -> {
            a.weaveByToUri(KAMELET).replace().to("mock:portal");
            // the hub fails right after writing a dead letter, before the consumer's transaction commits (once)
            a.weaveById("dossier-dead-letter-refused").after().process(DossierFlowsTest::crashOnce);
        });
        AdviceWith.adviceWith(camel, "dossier-accept", a -> a.weaveByToUri("dossierJmsSend:*").before().to("mock:queue"));
        AdviceWith.adviceWith(camel, "dossier-intake-amqp",
                a -> a.weaveById("dossier-intake-reject").replace().to("mock:rejected"));
        MockEndpoint portal = camel.getEndpoint("mock:portal", MockEndpoint.class);
        portal.whenAnyExchangeReceived(DossierFlowsTest::portal);
        camel.start();
        advised = true;
    }

    static final Map<String, AtomicInteger> CRASHES = new java.util.concurrent.ConcurrentHashMap<>();

    private static void crashOnce(Exchange exchange) {
        String code = exchange.getMessage().getHeader("dossierCode", String.class);
        if (SCRIPT.containsKey(code + ":crash") && CRASHES.computeIfAbsent(code, k -> new AtomicInteger()).getAndIncrement() == 0) {
            throw new IllegalStateException("hub lost between dead letter and commit");
        }
    }

    private static void portal(Exchange exchange) {
        PortalCall call = exchange.getMessage().getBody(PortalCall.class);
        List<Object> script = SCRIPT.getOrDefault(call.dossierCode(), List.of("ok"));
        int n = CALLS.computeIfAbsent(call.dossierCode(), k -> new AtomicInteger()).getAndIncrement();
        Object outcome = script.get(Math.min(n, script.size() - 1));
        if (outcome instanceof RuntimeException e) {
            throw e;
        }
        exchange.getMessage().setBody(new PortalAnswer("0", 200, false, null));
    }

    @Test
    void deliveryRetriesATransientFailureOnTheBrokerAndThenDelivers() {
        String code = "000.00.01.H22-250301-10001";
        SCRIPT.put(code, List.of(new PortalUnavailableException("busy", null), new PortalUnavailableException("busy", null),
                "ok"));
        String eventId = accept(code);

        await().atMost(Duration.ofSeconds(20)).until(() -> store.event(eventId).map(e -> e.status() == SyncState.SYNCED)
                .orElse(false));
        assertThat(CALLS.get(code).get()).as("portal calls: two failures and the delivery").isEqualTo(3);
        assertThat(store.event(eventId).orElseThrow().attempts()).isEqualTo(3);
        assertThat(queue.deadLetters(code)).isEmpty();
    }

    @Test
    void deliveryDeadLettersARefusalAtOnce_andAfterTheLastTransientFailure() {
        String refused = "000.00.01.H22-250301-10002";
        String busy = "000.00.01.H22-250301-10003";
        SCRIPT.put(refused, List.of(new PortalRejectedException("error_code -1 không hợp lệ")));
        SCRIPT.put(busy, List.of(new PortalUnavailableException("busy", null)));
        String refusedId = accept(refused);
        String busyId = accept(busy);

        await().atMost(Duration.ofSeconds(20)).until(() -> queue.deadLetters(refused).size() == 1
                && queue.deadLetters(busy).size() == 1);
        assertThat(CALLS.get(refused).get()).as("a refusal is not retried").isEqualTo(1);
        assertThat(CALLS.get(busy).get()).as("max attempts").isEqualTo(3);
        assertThat(queue.deadLetters(refused).get(0).reason()).contains("không hợp lệ");
        assertThat(queue.deadLetters(busy).get(0).reason()).contains("gave up after 3 attempts");
        assertThat(store.event(refusedId).orElseThrow().status()).isEqualTo(SyncState.DEAD);
        assertThat(store.event(busyId).orElseThrow().status()).isEqualTo(SyncState.DEAD);
    }

    // defect b: the dead letter is written inside the consumer's JMS transaction
    @Test
    void leavesExactlyOneDeadLetter_whenTheHubFailsBetweenDeadLetteringAndCommit() {
        String code = "000.00.01.H22-250301-10005";
        SCRIPT.put(code, List.of(new PortalRejectedException("error_code -1 không hợp lệ")));
        SCRIPT.put(code + ":crash", List.of());
        String eventId = accept(code);

        await().atMost(Duration.ofSeconds(30)).until(() -> CALLS.containsKey(code) && CALLS.get(code).get() == 2
                && store.event(eventId).map(e -> e.status() == SyncState.DEAD).orElse(false)
                && queue.deadLetters(code).size() >= 1);
        assertThat(CRASHES.get(code).get()).as("crashed once, then dead-lettered again").isEqualTo(2);
        assertThat(queue.deadLetters(code)).as("the first dead letter went with the failed transaction").hasSize(1);
    }

    @Test
    void acceptSetsTheGroupAndDuplicateIdInTheFlow_andAnswersAResendAsADuplicate() throws Exception {
        String code = "000.00.01.H22-250301-10004";
        MockEndpoint queued = camel.getEndpoint("mock:queue", MockEndpoint.class);
        queued.reset();
        queued.expectedMessageCount(1);
        queued.expectedHeaderReceived("JMSXGroupID", code);
        queued.expectedHeaderReceived("_AMQ_DUPL_ID", "flows-" + code);

        DossierAccepted first = acceptWithId(code, "flows-" + code);
        DossierAccepted second = acceptWithId(code, "flows-" + code);

        queued.assertIsSatisfied();
        assertThat(first.duplicate()).isFalse();
        assertThat(second.duplicate()).isTrue();
        assertThat(second.eventId()).isEqualTo(first.eventId());
    }

    @Test
    void amqpMessageWithAnotherClientsTransactionId_getsANewOne() {
        messageLog.append(new MessageLogRecord(null, "EXCHANGE", "flows-owned-tx", "hub-1", "REST", "000.00.00.H22:KHAC",
                null, null, null, null, null, Outcome.SUCCESS, null, null, 200, Instant.now(), Instant.now(), 0, 0L, 0L));
        String code = "000.00.01.H22-250301-00932";
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("apiKey", "demo-motcua-key");
        headers.put("transactionId", "flows-owned-tx");
        producer.sendBodyAndHeaders("dossierJmsSend:queue:dossier.inbound", ("{\"MaHoSo\":\"" + code + "\",\"MaTTHC\":\"H22-HT-KS\","
                + "\"ChuHoSo\":\"Nguyễn Văn An\",\"NgayTiepNhan\":\"2025-03-01T08:00:00+07:00\","
                + "\"NgayHenTra\":\"2025-03-05T17:00:00+07:00\",\"TrangThaiHoSo\":\"DA_TIEP_NHAN\"}"), headers);
        await().atMost(Duration.ofSeconds(20)).until(() -> !store.events(code).isEmpty());
        assertThat(store.events(code).get(0).transactionId()).isNotEqualTo("flows-owned-tx");
        assertThat(messageLog.findByTransaction("flows-owned-tx")).extracting(MessageLogRecord::clientId)
                .containsOnly("000.00.00.H22:KHAC");
    }

    @Test
    void intakeRejectsAnOversizedPropertyWithItsReason() throws Exception {
        MockEndpoint rejected = camel.getEndpoint("mock:rejected", MockEndpoint.class);
        rejected.reset();
        rejected.expectedMessageCount(1);
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("apiKey", "demo-motcua-key");
        headers.put("userId", "u".repeat(129));
        producer.sendBodyAndHeaders("dossierJmsSend:queue:dossier.inbound", "{}", headers);

        rejected.assertIsSatisfied(20_000);
        Exchange message = rejected.getExchanges().get(0);
        assertThat(message.getMessage().getHeader("errorCode", String.class)).isEqualTo("INVALID_FIELD");
        assertThat(message.getMessage().getHeader("reason", String.class)).contains("userId").contains("128");
    }

    @Test
    void eventIdOfAnotherClient_orWithOtherContent_isRefusedWith409_andNothingIsQueuedUnderIt() {
        String code = "000.00.01.H22-250301-00931";
        DossierAccepted first = acceptWithId(code, "flows-evt-owned", "000.00.00.H22:MOTCUA", "DA_TIEP_NHAN");
        assertThat(first.duplicate()).isFalse();

        HubException otherClient = hubFailure(send(code, "flows-evt-owned", "000.00.00.H22:KHAC", "DA_TIEP_NHAN"));
        assertThat(otherClient.code()).isEqualTo(ErrorCode.EVENT_ID_CONFLICT);
        assertThat(otherClient.detail()).contains("another client");

        HubException otherContent = hubFailure(send(code, "flows-evt-owned", "000.00.00.H22:MOTCUA", "DANG_XU_LY"));
        assertThat(otherContent.code()).isEqualTo(ErrorCode.EVENT_ID_CONFLICT);
        assertThat(otherContent.detail()).contains("different event");

        // the same event again stays a duplicate
        assertThat(acceptWithId(code, "flows-evt-owned", "000.00.00.H22:MOTCUA", "DA_TIEP_NHAN").duplicate()).isTrue();
        assertThat(store.events(code)).hasSize(1);
    }

    private static HubException hubFailure(Exchange done) {
        for (Throwable t = done.getException(); t != null; t = t.getCause()) {
            if (t instanceof HubException hub) {
                return hub;
            }
        }
        throw new AssertionError("expected a refusal, got " + done.getException());
    }

    private String accept(String code) {
        return acceptWithId(code, null).eventId();
    }

    private DossierAccepted acceptWithId(String code, String eventId) {
        return acceptWithId(code, eventId, "000.00.00.H22:MOTCUA", "DA_TIEP_NHAN");
    }

    private DossierAccepted acceptWithId(String code, String eventId, String clientId, String status) {
        Exchange done = send(code, eventId, clientId, status);
        assertThat(done.getException()).isNull();
        return done.getMessage().getBody(DossierAccepted.class);
    }

    private Exchange send(String code, String eventId, String clientId, String status) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("MaHoSo", code);
        data.put("MaTTHC", "H22-HT-KS");
        data.put("ChuHoSo", "Nguyễn Văn An");
        data.put("NgayTiepNhan", "2025-03-01T08:00:00+07:00");
        data.put("NgayHenTra", "2025-03-05T17:00:00+07:00");
        data.put("TrangThaiHoSo", status);
        Exchange exchange = new DefaultExchange(camel);
        exchange.getIn().setBody(new DossierSubmission(DossierEventKind.DOSSIER, code, eventId, data));
        new CallContext("flows-" + code + "-" + System.nanoTime(), clientId, null, null, "dossier-submit",
                "REST", null).applyTo(exchange);
        return producer.send("direct:dossier-accept", exchange);
    }
}
