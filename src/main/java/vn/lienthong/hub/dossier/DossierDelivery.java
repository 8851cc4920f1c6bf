package vn.lienthong.hub.dossier;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.hub.connector.nationalportal.PortalAnswer;
import vn.lienthong.hub.connector.nationalportal.PortalCall;
import vn.lienthong.hub.connector.nationalportal.PortalRejectedException;
import vn.lienthong.hub.connector.nationalportal.PortalUnavailableException;
import vn.lienthong.hub.exchange.CallContext;

/**
 * The decisions of the flow {@code dossier-delivery}; the flow itself moves the messages (portal call, dead-letter
 * queue, scheduled redelivery), all inside the consumer's JMS transaction. This bean only decides and records:
 * whether an event is sent, skipped, parked behind a dead predecessor or made to wait behind one being retried;
 * whether the portal must first be asked if it already holds the event; what a failure means (retry at which time,
 * or dead with which reason). The state of every event is kept in {@link DossierSyncStore}.
 */
@Component("dossierDelivery")
public class DossierDelivery {

    /** Exchange headers the flow reads (and that travel on the queued message where they must survive a retry). */
    public static final String STEP = "hubStep";
    public static final String ATTEMPT = "hubAttempt";
    public static final String UNCERTAIN = "hubUncertain";
    public static final String RETRY_AT = "hubRetryAt";
    public static final String HELD = "hubHeldAtPortal";
    static final String EVENT = "hubEvent";
    /** The event's state as the plan read it: the attempt claims the event only if it is still that. */
    static final String SEEN = "hubEventSeenState";
    static final String EVENT_JSON = "hubEventJson";
    /** Set on the dead letter of a forged event: kept for inspection, never replayed. */
    public static final String FORGED = "hubForged";
    static final String TAG = "hubIntegrityTag";
    /** The service the delivery hops are recorded under: the portal connector the event is delivered to. */
    static final String SERVICE = "national-portal";

    private static final Logger log = LoggerFactory.getLogger(DossierDelivery.class);

    private final DossierSyncStore store;
    private final DossierQueue queue;
    private final NationalPortalTranslator translator;
    private final DossierSyncProperties properties;
    private final DossierIntegrity integrity;
    private final PopulationDatabaseUse populationUse;

    public DossierDelivery(DossierSyncStore store, DossierQueue queue, NationalPortalTranslator translator,
            DossierSyncProperties properties, DossierIntegrity integrity, PopulationDatabaseUse populationUse) {
        this.populationUse = populationUse;
        this.store = store;
        this.queue = queue;
        this.translator = translator;
        this.properties = properties;
        this.integrity = integrity;
    }

    /**
     * First step of the flow: reads the queued event, puts its context (the accepting transaction, the client) on the
     * exchange so that every hop is recorded under it, and decides the next step in header {@value #STEP}:
     * {@code skip} (already delivered or discarded), {@code behindDead} (an earlier event of the dossier is dead: this
     * one goes to the dead letters behind it), {@code wait} (an earlier event is waiting for its retry: this one is
     * scheduled behind it) or {@code send}. Before all that, the event's integrity tag ({@link DossierIntegrity}): an
     * event without a valid one did not pass the hub's acceptance and goes to the dead letters at once ({@code forged}),
     * whatever its body says.
     */
    public void plan(Exchange exchange) {
        String body = exchange.getMessage().getBody(String.class);
        Object tag = exchange.getMessage().getHeader(DossierIntegrity.PROPERTY);
        if (!integrity.verifies(body, tag)) {
            forged(exchange, body, tag == null ? "no integrity tag" : "the integrity tag does not match the event");
            return;
        }
        exchange.setProperty(TAG, tag);
        DossierEvent event = queue.read(body);
        exchange.setProperty(EVENT, event);
        exchange.setProperty(EVENT_JSON, body);
        new CallContext(event.transactionId(), event.clientId(), null, null, SERVICE, event.channel(), null)
                .applyTo(exchange);
        var message = exchange.getMessage();
        message.setHeader(DossierQueue.EVENT_ID, event.eventId());
        message.setHeader(DossierQueue.DOSSIER_CODE, event.dossierCode());
        message.setHeader(DossierQueue.TRANSACTION_ID, event.transactionId());
        message.setHeader(DossierQueue.GROUP_ID, event.dossierCode());
        message.setHeader("kind", event.kind().name());

        DossierSyncStore.Precedence precedence = store.precedence(event);
        Optional<DossierSyncStore.EventState> known = precedence.self();
        SyncState status = known.map(DossierSyncStore.EventState::status).orElse(SyncState.PENDING);
        if (status == SyncState.SYNCED || status == SyncState.DISCARDED) {
            log.info("Event {} of {} already {}; not sent again", event.eventId(), event.dossierCode(), status);
            message.setHeader(STEP, "skip");
            return;
        }
        int attempts = known.map(DossierSyncStore.EventState::attempts).orElse(0);
        message.setHeader(ATTEMPT, attempts);
        exchange.setProperty(SEEN, status);
        Optional<DossierSyncStore.EventState> before = precedence.openBefore();
        if (before.isPresent() && before.get().status() == SyncState.DEAD) {
            String reason = "held behind dead event " + before.get().eventId() + " of the same dossier, to keep the order";
            store.update(event, SyncState.DEAD, attempts, reason);
            deadLetterHeaders(exchange, reason);
            message.setHeader(STEP, "behindDead");
            return;
        }
        if (before.isPresent()) {
            Instant due = before.get().nextAttemptAt();
            Instant now = Instant.now();
            Instant at = (due == null || due.isBefore(now) ? now.plus(properties.getInitialBackoff()) : due)
                    .plus(properties.getFollowerDelay());
            store.waiting(event, "waits behind event " + before.get().eventId() + " of the same dossier", at);
            message.setHeader(RETRY_AT, at.toEpochMilli());
            message.setHeader(STEP, "wait");
            return;
        }
        boolean uncertain = status == SyncState.SENDING
                || Boolean.TRUE.equals(message.getHeader(UNCERTAIN, Boolean.class));
        message.setHeader(UNCERTAIN, uncertain);
        message.setHeader(STEP, "send");
    }

    /**
     * An event on the delivery queue that the hub did not accept (or that was changed after): dead-lettered with the
     * reason, never sent. Nothing it claims is trusted: it gets no call context (its transaction id and client are not
     * written on any record), and a sync state row ({@link SyncState#FORGED}, which never holds a dossier back) only when
     * its event id is unknown; a genuine event's state is never overwritten by a copy that fails the check.
     */
    private void forged(Exchange exchange, String body, String why) {
        String reason = "forged: " + why + "; the event did not pass the hub's acceptance and is not delivered";
        var message = exchange.getMessage();
        exchange.setProperty(EVENT_JSON, body == null ? "" : body);
        DossierEvent event = null;
        try {
            event = body == null ? null : queue.read(body);
        } catch (IllegalArgumentException e) {
            reason = reason + " (not a dossier event)";
        }
        boolean named = event != null && event.kind() != null && event.eventId() != null && event.dossierCode() != null
                && DossierValidator.EVENT_ID.matcher(event.eventId()).matches()
                && DossierValidator.DOSSIER_CODE.matcher(event.dossierCode()).matches();
        if (named) {
            message.setHeader(DossierQueue.EVENT_ID, event.eventId());
            message.setHeader(DossierQueue.DOSSIER_CODE, event.dossierCode());
            message.setHeader("kind", event.kind().name());
            try {
                if (store.event(event.eventId()).isEmpty()) {
                    store.update(new DossierEvent(event.eventId(), event.kind(), event.dossierCode(), event.data(), null,
                            null, null, Instant.now()), SyncState.FORGED, 0, reason);
                }
            } catch (RuntimeException e) {
                // the dead letter matters more than its state row: it still goes to the dead letters
                log.error("Sync state of forged event {} not recorded", event.eventId(), e);
            }
        } else {
            message.removeHeader(DossierQueue.EVENT_ID);
            message.removeHeader(DossierQueue.DOSSIER_CODE);
            message.removeHeader("kind");
        }
        message.removeHeader(DossierQueue.TRANSACTION_ID);
        message.removeHeader(DossierIntegrity.PROPERTY);
        log.warn("Message on the delivery queue claiming event {} of {} is forged ({}): dead-lettered, not delivered",
                named ? event.eventId() : "?", named ? event.dossierCode() : "?", why);
        message.setHeader(FORGED, true);
        deadLetterHeaders(exchange, reason);
        message.setHeader(STEP, "forged");
    }

    /**
     * The portal call of this attempt; the attempt is counted and the event marked SENDING before anything leaves, by
     * a claim that only one consumer wins ({@link DossierSyncStore#claim}). The loser throws
     * {@link DeliveryClaimedException}: its transaction rolls back and the broker redelivers the message later, when the
     * event is delivered (skipped) or SENDING (looked up at the portal first).
     */
    public PortalCall attempt(Exchange exchange) {
        DossierEvent event = exchange.getProperty(EVENT, DossierEvent.class);
        int seenAttempts = exchange.getMessage().getHeader(ATTEMPT, 0, Integer.class);
        int attempt = seenAttempts + 1;
        SyncState seen = exchange.getProperty(SEEN, SyncState.PENDING, SyncState.class);
        if (!store.claim(event, seen, seenAttempts, attempt)) {
            throw new DeliveryClaimedException("event " + event.eventId() + " of " + event.dossierCode()
                    + " is being delivered by another consumer");
        }
        exchange.getMessage().setHeader(ATTEMPT, attempt);
        Map<String, Object> item;
        try {
            item = translator.toPortalItem(event);
        } catch (IllegalArgumentException e) {
            throw new PortalRejectedException("cannot translate: " + e.getMessage());
        }
        // indicator 4.5: the owner verified through the population connector for this procedure (docs/national-index.md)
        populationUse.apply(event, item, Instant.now());
        return new PortalCall(event.kind().portalService(), event.dossierCode(), item);
    }

    /** The lookup ({@code TraCuuHoSo}) asked before sending again an event whose last attempt got no answer. */
    public PortalCall lookup(Exchange exchange) {
        DossierEvent event = exchange.getProperty(EVENT, DossierEvent.class);
        exchange.setProperty("hubPortalCall", exchange.getMessage().getBody());
        return new PortalCall("TraCuuHoSo", event.dossierCode(), null);
    }

    /**
     * Whether the portal's answer to the lookup already holds this event (the same status and dates for a dossier,
     * the same step for a progress); sets header {@value #HELD} and puts the portal call back as the body.
     */
    public PortalCall held(Exchange exchange) {
        PortalCall call = exchange.getProperty("hubPortalCall", PortalCall.class);
        PortalAnswer answer = exchange.getMessage().getBody(PortalAnswer.class);
        boolean held = answer != null && holds(answer.data(), call);
        exchange.getMessage().setHeader(HELD, held);
        if (held) {
            DossierEvent event = exchange.getProperty(EVENT, DossierEvent.class);
            log.info("Event {} of {} found at the portal after an attempt without answer; not sent again",
                    event.eventId(), event.dossierCode());
        }
        return call;
    }

    static boolean holds(JsonNode held, PortalCall call) {
        if (held == null || held.isNull() || held.isMissingNode()) {
            return false;
        }
        Map<String, Object> item = call.item();
        if ("DongBoHoSoMC".equals(call.service())) {
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

    /** The portal confirmed the event (or already held it). */
    public void delivered(Exchange exchange) {
        DossierEvent event = exchange.getProperty(EVENT, DossierEvent.class);
        store.update(event, SyncState.SYNCED, exchange.getMessage().getHeader(ATTEMPT, 1, Integer.class), null);
    }

    /** A refusal (poison data): dead at once, with the portal's reason. Leaves the event as the body. */
    public void refused(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        dead(exchange, failure == null ? "refused" : failure.getMessage());
    }

    /**
     * A transient failure: the event is retried later, at a growing delay, without holding the consumer (header
     * {@value #RETRY_AT}, the broker's scheduled delivery), or dead after the last attempt (header
     * {@link DossierQueue#DEAD_REASON}). Leaves the event as the body.
     */
    public void failed(Exchange exchange) {
        DossierEvent event = exchange.getProperty(EVENT, DossierEvent.class);
        PortalUnavailableException failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, PortalUnavailableException.class);
        int attempts = exchange.getMessage().getHeader(ATTEMPT, 1, Integer.class);
        String reason = failure == null ? "failed" : failure.getMessage();
        if (attempts >= properties.getMaxAttempts()) {
            dead(exchange, "gave up after " + attempts + " attempts: " + reason);
            return;
        }
        Duration backoff = backoff(attempts);
        Instant at = Instant.now().plus(backoff);
        // Uncertain: this attempt got no answer, or the last one got none and the portal was not asked since.
        boolean checked = exchange.getMessage().getHeader(HELD) != null;
        boolean uncertain = failure != null && failure.uncertain()
                || Boolean.TRUE.equals(exchange.getMessage().getHeader(UNCERTAIN, Boolean.class)) && !checked;
        store.update(event, SyncState.RETRYING, attempts, reason, at);
        log.warn("Attempt {} for event {} of {} failed ({}); next in {} ms, the dossier's later events wait behind it",
                attempts, event.eventId(), event.dossierCode(), reason, backoff.toMillis());
        exchange.getMessage().setHeader(RETRY_AT, at.toEpochMilli());
        exchange.getMessage().setHeader(UNCERTAIN, uncertain);
        exchange.getMessage().removeHeader(DossierQueue.DEAD_REASON);
        exchange.getMessage().removeHeader(HELD);
        exchange.getMessage().setBody(exchange.getProperty(EVENT_JSON, String.class));
        exchange.getMessage().setHeader(DossierIntegrity.PROPERTY, exchange.getProperty(TAG));
    }

    /** The wait before attempt {@code attempts + 1}: the initial back-off doubled after each failure, capped. */
    Duration backoff(int attempts) {
        Duration d = properties.getInitialBackoff();
        for (int i = 1; i < attempts && d.compareTo(properties.getMaxBackoff()) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(properties.getMaxBackoff()) > 0 ? properties.getMaxBackoff() : d;
    }

    private void dead(Exchange exchange, String reason) {
        DossierEvent event = exchange.getProperty(EVENT, DossierEvent.class);
        int attempts = exchange.getMessage().getHeader(ATTEMPT, 0, Integer.class);
        log.warn("Event {} of {} goes to the dead-letter queue: {}", event.eventId(), event.dossierCode(), reason);
        store.update(event, SyncState.DEAD, attempts, reason);
        deadLetterHeaders(exchange, reason);
    }

    private static void deadLetterHeaders(Exchange exchange, String reason) {
        var message = exchange.getMessage();
        message.setHeader(DossierQueue.DEAD_REASON, reason);
        message.setHeader(DossierQueue.DEAD_AT, Instant.now().toString());
        message.setBody(exchange.getProperty(EVENT_JSON, String.class));
        if (exchange.getProperty(TAG) != null) {
            // the dead letter keeps its tag, so a replay puts it back on the delivery queue as the hub accepted it
            message.setHeader(DossierIntegrity.PROPERTY, exchange.getProperty(TAG));
        }
    }
}
