package vn.lienthong.hub.dossier;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.hub.audit.log.MessageLog;
import vn.lienthong.hub.audit.MessageLogRecord;
import vn.lienthong.hub.audit.Outcome;
import vn.lienthong.hub.config.HubProperties;
import vn.lienthong.hub.connector.nationalportal.PortalAnswer;
import vn.lienthong.hub.connector.nationalportal.PortalCall;
import vn.lienthong.hub.connector.nationalportal.PortalRejectedException;
import vn.lienthong.hub.connector.nationalportal.PortalUnavailableException;

/**
 * Delivers one queued event to the national portal. Retries back off inside the consumer (the message stays on this
 * consumer, so the dossier's later events wait and the order holds); a refusal or the last failed attempt sends it to
 * the connector's dead-letter queue with its reason. Idempotent: an event already SYNCED is skipped; one found SENDING
 * (the hub stopped mid-attempt) is first looked up at the portal ({@code TraCuuHoSo}) so it is not delivered twice.
 * Every attempt is a HOP record of the message log under the accepting request's transaction id.
 */
@Component("dossierDelivery")
public class DossierDelivery {

    static final String CONNECTOR = "national-portal";
    static final String KAMELET = "kamelet:national-portal-sync-action";
    private static final Logger log = LoggerFactory.getLogger(DossierDelivery.class);

    private final ProducerTemplate producer;
    private final DossierSyncStore store;
    private final DossierQueue queue;
    private final NationalPortalTranslator translator;
    private final DossierSyncProperties properties;
    private final MessageLog messageLog;
    private final String instanceId;

    public DossierDelivery(ProducerTemplate producer, DossierSyncStore store, DossierQueue queue,
            NationalPortalTranslator translator, DossierSyncProperties properties, MessageLog messageLog,
            HubProperties hub) {
        this.producer = producer;
        this.store = store;
        this.queue = queue;
        this.translator = translator;
        this.properties = properties;
        this.messageLog = messageLog;
        this.instanceId = hub.instanceId();
    }

    /** Called by the flow {@code dossier-delivery} for each message of the delivery queue. */
    public void deliver(String body) throws InterruptedException {
        DossierEvent event = queue.read(body);
        MDC.put("txId", event.transactionId());
        try {
            deliver(event);
        } finally {
            MDC.remove("txId");
        }
    }

    private void deliver(DossierEvent event) throws InterruptedException {
        Optional<DossierSyncStore.EventState> known = store.event(event.eventId());
        if (known.isPresent() && known.get().status() == SyncState.SYNCED) {
            log.info("Event {} of {} already delivered; skipped", event.eventId(), event.dossierCode());
            return;
        }
        Optional<String> deadBefore = store.deadBefore(event);
        if (deadBefore.isPresent()) {
            String reason = "held behind dead event " + deadBefore.get() + " of the same dossier, to keep the order";
            store.update(event, SyncState.DEAD, known.map(DossierSyncStore.EventState::attempts).orElse(0), reason);
            queue.deadLetter(event, reason);
            return;
        }
        boolean uncertain = known.isPresent() && known.get().status() == SyncState.SENDING;
        int attempts = known.map(DossierSyncStore.EventState::attempts).orElse(0);
        Map<String, Object> item;
        try {
            item = translator.toPortalItem(event);
        } catch (IllegalArgumentException e) {
            dead(event, attempts, "cannot translate: " + e.getMessage());
            return;
        }
        PortalCall call = new PortalCall(event.kind().portalService(), event.dossierCode(), item);
        Duration backoff = properties.getInitialBackoff();
        while (true) {
            attempts++;
            store.update(event, SyncState.SENDING, attempts, null);
            Instant start = Instant.now();
            try {
                if (uncertain && alreadyAtPortal(event, item)) {
                    log.info("Event {} of {} found at the portal after an interrupted attempt; not sent again",
                            event.eventId(), event.dossierCode());
                    store.update(event, SyncState.SYNCED, attempts, null);
                    hop(event, "TraCuuHoSo", start, Outcome.SUCCESS, null, null, 200);
                    return;
                }
                uncertain = false;
                PortalAnswer answer = call(call);
                store.update(event, SyncState.SYNCED, attempts, null);
                hop(event, call.service() + (answer.sentAsUpdate() ? " (isUpdating=True)" : ""), start, Outcome.SUCCESS,
                        null, null, answer.httpStatus());
                return;
            } catch (PortalRejectedException e) {
                hop(event, call.service(), start, Outcome.REJECTED, "NATIONAL_REJECTED", e.getMessage(), 200);
                dead(event, attempts, e.getMessage());
                return;
            } catch (PortalUnavailableException e) {
                hop(event, call.service(), start, Outcome.FAILED, "NATIONAL_UNAVAILABLE", e.getMessage(), null);
                if (attempts >= properties.getMaxAttempts()) {
                    dead(event, attempts, "gave up after " + attempts + " attempts: " + e.getMessage());
                    return;
                }
                store.update(event, SyncState.RETRYING, attempts, e.getMessage());
                log.warn("Attempt {} for event {} of {} failed ({}); next in {} ms", attempts, event.eventId(),
                        event.dossierCode(), e.getMessage(), backoff.toMillis());
                // Waiting here, not in the broker, is what keeps the dossier's later events behind this one.
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(properties.getMaxBackoff()) > 0
                        ? properties.getMaxBackoff() : backoff.multipliedBy(2);
            }
        }
    }

    private boolean alreadyAtPortal(DossierEvent event, Map<String, Object> item) {
        PortalAnswer answer = call(new PortalCall("TraCuuHoSo", event.dossierCode(), null));
        JsonNode held = answer.data();
        if (held == null || held.isNull()) {
            return false;
        }
        if (event.kind() == DossierEventKind.DOSSIER) {
            return same(item, held, "TrangThaiHoSo") && same(item, held, "NgayHenTra") && same(item, held, "NgayTra");
        }
        for (JsonNode step : held.path("TienDo")) {
            if (same(item, step, "ThoiDiemXuLy") && same(item, step, "NoiDungXuLy") && same(item, step, "TrangThai")) {
                return true;
            }
        }
        return false;
    }

    private static boolean same(Map<String, Object> item, JsonNode held, String field) {
        Object mine = item.get(field);
        JsonNode theirs = held.path(field);
        if (mine == null) {
            return theirs.isMissingNode() || theirs.isNull();
        }
        return mine.toString().equals(theirs.asText(null));
    }

    private PortalAnswer call(PortalCall call) {
        Exchange done = producer.send(KAMELET, exchange -> exchange.getIn().setBody(call));
        Exception failure = done.getException() != null ? done.getException()
                : done.getProperty("portalFailure", Exception.class);
        if (failure instanceof PortalRejectedException rejected) {
            throw rejected;
        }
        if (failure instanceof PortalUnavailableException unavailable) {
            throw unavailable;
        }
        if (failure != null) {
            Throwable cause = failure.getCause();
            if (cause instanceof PortalRejectedException rejected) {
                throw rejected;
            }
            if (cause instanceof PortalUnavailableException unavailable) {
                throw unavailable;
            }
            throw new PortalUnavailableException("connector failed: " + failure.getMessage(), failure);
        }
        return done.getMessage().getBody(PortalAnswer.class);
    }

    private void dead(DossierEvent event, int attempts, String reason) {
        log.warn("Event {} of {} goes to the dead-letter queue: {}", event.eventId(), event.dossierCode(), reason);
        store.update(event, SyncState.DEAD, attempts, reason);
        queue.deadLetter(event, reason);
    }

    private void hop(DossierEvent event, String operation, Instant start, Outcome outcome, String errorCode,
            String errorText, Integer status) {
        Instant end = Instant.now();
        try {
            messageLog.append(new MessageLogRecord(null, "HOP", event.transactionId(), instanceId, "CONNECTOR",
                    event.clientId(), null, null, CONNECTOR, operation, null, outcome, errorCode, errorText, status,
                    start, end, Duration.between(start, end).toMillis(), null, null));
        } catch (RuntimeException e) {
            log.error("Message log write failed for delivery of event {}", event.eventId(), e);
        }
    }
}
