package vn.lienthong.hub.dossier;

import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.UUID;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The durable queues of dossier synchronisation on the broker, as the operators see them: the national-portal
 * connector's dead-letter queue with list, replay and discard, and the message format of queued events. The flows
 * send to the queues themselves (dossier-accept, dossier-delivery).
 */
@Component
public class DossierQueue {

    /** Artemis duplicate-detection property: a second message with the same value is dropped by the broker. */
    public static final String DUPLICATE_ID = "_AMQ_DUPL_ID";
    /** JMS message group: one consumer at a time per dossier, so a dossier's events stay in order. */
    public static final String GROUP_ID = "JMSXGroupID";
    public static final String EVENT_ID = "hubEventId";
    public static final String DOSSIER_CODE = "dossierCode";
    public static final String TRANSACTION_ID = vn.lienthong.hub.config.TransactionIdLogContext.HEADER;
    public static final String DEAD_REASON = "deadReason";
    public static final String DEAD_AT = "deadAt";

    /** One message of the dead-letter queue, as the admin API lists it. */
    public record DeadLetter(String eventId, String dossierCode, String kind, String reason, String deadAt,
            String transactionId) {
    }

    private final ConnectionFactory connections;
    private final DossierSyncProperties properties;
    private final ObjectMapper json;

    public DossierQueue(ConnectionFactory connectionFactory, DossierSyncProperties properties, ObjectMapper json) {
        this.properties = properties;
        this.json = json;
        // Browsing and replay use plain connections: a cached session must not keep a consumer on the dead letters.
        this.connections = connectionFactory instanceof CachingConnectionFactory caching
                && caching.getTargetConnectionFactory() != null ? caching.getTargetConnectionFactory() : connectionFactory;
    }

    /** The connection factory without session caching, for long-lived consumers. */
    public ConnectionFactory plainConnectionFactory() {
        return connections;
    }

    /** The dead letters, oldest first, optionally of one dossier. */
    public List<DeadLetter> deadLetters(String dossierCode) {
        try (Connection connection = connections.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue queue = session.createQueue(properties.getDeadLetterQueue());
            List<DeadLetter> out = new ArrayList<>();
            try (QueueBrowser browser = session.createBrowser(queue, selector(dossierCode, null))) {
                Enumeration<?> messages = browser.getEnumeration();
                while (messages.hasMoreElements()) {
                    Message m = (Message) messages.nextElement();
                    out.add(new DeadLetter(m.getStringProperty(EVENT_ID), m.getStringProperty(DOSSIER_CODE),
                            m.getStringProperty("kind"), m.getStringProperty(DEAD_REASON), m.getStringProperty(DEAD_AT),
                            m.getStringProperty(TRANSACTION_ID)));
                }
            }
            return out;
        } catch (JMSException e) {
            throw new IllegalStateException("cannot browse the dead-letter queue", e);
        }
    }

    /** What a replay did: the events put back in the delivery queue, and those dropped as already delivered. */
    public record Replay(List<DossierEvent> replayed, List<String> skipped) {
    }

    /**
     * Moves dead letters back to the delivery queue in their order, in one broker transaction (taken from the dead
     * letters and put back in the delivery queue together, or not at all). A dead letter whose event is no longer
     * open (already delivered, or discarded) is taken out without being sent again. A forged dead letter (one the
     * delivery flow found without a valid integrity tag) is never replayed: it stays for inspection until discarded.
     * The copy keeps the dead letter's integrity tag, so the delivery flow checks it again.
     *
     * @param open         whether an event id still needs delivering
     * @param beforeCommit told the event ids moved, before the move is committed (to reset their state)
     */
    public Replay replay(String dossierCode, String eventId, Predicate<String> open, Consumer<List<String>> beforeCommit) {
        try (Connection connection = connections.createConnection()) {
            connection.start();
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            List<DossierEvent> moved = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            String selector = selector(dossierCode, eventId);
            String notForged = DossierDelivery.FORGED + " IS NULL";
            try (MessageConsumer consumer = session.createConsumer(session.createQueue(properties.getDeadLetterQueue()),
                    selector == null ? notForged : "(" + selector + ") AND " + notForged);
                 MessageProducer producer = session.createProducer(session.createQueue(properties.getQueue()))) {
                producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                Message m;
                while ((m = consumer.receive(200)) != null) {
                    DossierEvent event = read(((TextMessage) m).getText());
                    if (!open.test(event.eventId())) {
                        skipped.add(event.eventId());
                        continue;
                    }
                    TextMessage copy = session.createTextMessage(((TextMessage) m).getText());
                    copy.setStringProperty(GROUP_ID, event.dossierCode());
                    // A fresh duplicate id: the original one is remembered by the broker and would drop the replay.
                    copy.setStringProperty(DUPLICATE_ID, event.eventId() + ":replay:" + UUID.randomUUID());
                    copy.setStringProperty(EVENT_ID, event.eventId());
                    copy.setStringProperty(DOSSIER_CODE, event.dossierCode());
                    copy.setStringProperty(TRANSACTION_ID, event.transactionId());
                    copy.setStringProperty(DossierIntegrity.PROPERTY, m.getStringProperty(DossierIntegrity.PROPERTY));
                    producer.send(copy);
                    moved.add(event);
                }
                beforeCommit.accept(moved.stream().map(DossierEvent::eventId).toList());
                session.commit();
            } catch (RuntimeException | JMSException e) {
                session.rollback();
                throw e;
            }
            return new Replay(moved, skipped);
        } catch (JMSException e) {
            throw new IllegalStateException("cannot replay dead letters", e);
        }
    }

    /**
     * Takes one dead letter out for good, in one broker transaction with {@code beforeCommit} (which records why).
     *
     * @return the discarded event, or empty when no dead letter has that event id
     */
    public Optional<DossierEvent> discard(String eventId, Consumer<DossierEvent> beforeCommit) {
        try (Connection connection = connections.createConnection()) {
            connection.start();
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            try (MessageConsumer consumer = session.createConsumer(session.createQueue(properties.getDeadLetterQueue()),
                    selector(null, eventId))) {
                Message m = consumer.receive(500);
                if (m == null) {
                    session.rollback();
                    return Optional.empty();
                }
                DossierEvent event = read(((TextMessage) m).getText());
                beforeCommit.accept(event);
                session.commit();
                return Optional.of(event);
            } catch (RuntimeException | JMSException e) {
                session.rollback();
                throw e;
            }
        } catch (JMSException e) {
            throw new IllegalStateException("cannot discard the dead letter", e);
        }
    }

    private static String selector(String dossierCode, String eventId) {
        if (eventId != null) {
            return EVENT_ID + " = '" + eventId.replace("'", "''") + "'";
        }
        return dossierCode == null ? null : DOSSIER_CODE + " = '" + dossierCode.replace("'", "''") + "'";
    }

    public String write(DossierEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dossier event not serialisable", e);
        }
    }

    public DossierEvent read(String text) {
        try {
            return json.readValue(text, DossierEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a dossier event: " + e.getOriginalMessage(), e);
        }
    }
}
