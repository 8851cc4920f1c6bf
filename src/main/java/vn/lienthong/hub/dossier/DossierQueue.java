package vn.lienthong.hub.dossier;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
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
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The durable queues of dossier synchronisation on the broker: the delivery queue (message group = dossier code, broker
 * duplicate detection = event id), and the national-portal connector's dead-letter queue with list and replay.
 * Sends are persistent and block until the broker has the message in its journal, which is what lets the edge answer
 * 202 only for events that cannot be lost.
 */
@Component
public class DossierQueue {

    /** Artemis duplicate-detection property: a second message with the same value is dropped by the broker. */
    public static final String DUPLICATE_ID = "_AMQ_DUPL_ID";
    /** JMS message group: one consumer at a time per dossier, so a dossier's events stay in order. */
    public static final String GROUP_ID = "JMSXGroupID";
    public static final String EVENT_ID = "hubEventId";
    public static final String DOSSIER_CODE = "dossierCode";
    public static final String TRANSACTION_ID = "hubTransactionId";
    public static final String DEAD_REASON = "deadReason";
    public static final String DEAD_AT = "deadAt";

    /** One message of the dead-letter queue, as the admin API lists it. */
    public record DeadLetter(String eventId, String dossierCode, String kind, String reason, String deadAt,
            String transactionId) {
    }

    private final JmsTemplate jms;
    private final ConnectionFactory connections;
    private final DossierSyncProperties properties;
    private final ObjectMapper json;

    public DossierQueue(ConnectionFactory connectionFactory, DossierSyncProperties properties, ObjectMapper json) {
        this.properties = properties;
        this.json = json;
        this.jms = new JmsTemplate(connectionFactory);
        this.jms.setExplicitQosEnabled(true);
        this.jms.setDeliveryMode(DeliveryMode.PERSISTENT);
        // Browsing and replay use plain connections: a cached session must not keep a consumer on the dead letters.
        this.connections = connectionFactory instanceof CachingConnectionFactory caching
                && caching.getTargetConnectionFactory() != null ? caching.getTargetConnectionFactory() : connectionFactory;
    }

    /** The connection factory without session caching, for long-lived consumers. */
    public ConnectionFactory plainConnectionFactory() {
        return connections;
    }

    /** Stores the event durably in the delivery queue; returns once the broker has it. */
    public void enqueue(DossierEvent event) {
        String body = write(event);
        jms.send(properties.getQueue(), session -> {
            TextMessage message = session.createTextMessage(body);
            message.setStringProperty(GROUP_ID, event.dossierCode());
            message.setStringProperty(DUPLICATE_ID, event.eventId());
            message.setStringProperty(EVENT_ID, event.eventId());
            message.setStringProperty(DOSSIER_CODE, event.dossierCode());
            message.setStringProperty(TRANSACTION_ID, event.transactionId());
            return message;
        });
    }

    /** Moves an event to the connector's dead-letter queue with its reason. */
    public void deadLetter(DossierEvent event, String reason) {
        String body = write(event);
        jms.send(properties.getDeadLetterQueue(), session -> {
            TextMessage message = session.createTextMessage(body);
            message.setStringProperty(EVENT_ID, event.eventId());
            message.setStringProperty(DOSSIER_CODE, event.dossierCode());
            message.setStringProperty(TRANSACTION_ID, event.transactionId());
            message.setStringProperty("kind", event.kind().name());
            message.setStringProperty(DEAD_REASON, reason);
            message.setStringProperty(DEAD_AT, Instant.now().toString());
            return message;
        });
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

    /**
     * Moves dead letters back to the delivery queue in their order, in one broker transaction (taken from the dead
     * letters and put back in the delivery queue together, or not at all).
     *
     * @param beforeCommit told the event ids moved, before the move is committed (to reset their state)
     * @return the replayed events
     */
    public List<DossierEvent> replay(String dossierCode, String eventId, java.util.function.Consumer<List<String>> beforeCommit) {
        try (Connection connection = connections.createConnection()) {
            connection.start();
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            List<DossierEvent> moved = new ArrayList<>();
            try (MessageConsumer consumer = session.createConsumer(session.createQueue(properties.getDeadLetterQueue()),
                    selector(dossierCode, eventId));
                 MessageProducer producer = session.createProducer(session.createQueue(properties.getQueue()))) {
                producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                Message m;
                while ((m = consumer.receive(200)) != null) {
                    DossierEvent event = read(((TextMessage) m).getText());
                    TextMessage copy = session.createTextMessage(((TextMessage) m).getText());
                    copy.setStringProperty(GROUP_ID, event.dossierCode());
                    // A fresh duplicate id: the original one is remembered by the broker and would drop the replay.
                    copy.setStringProperty(DUPLICATE_ID, event.eventId() + ":replay:" + UUID.randomUUID());
                    copy.setStringProperty(EVENT_ID, event.eventId());
                    copy.setStringProperty(DOSSIER_CODE, event.dossierCode());
                    copy.setStringProperty(TRANSACTION_ID, event.transactionId());
                    producer.send(copy);
                    moved.add(event);
                }
                beforeCommit.accept(moved.stream().map(DossierEvent::eventId).toList());
                session.commit();
            } catch (RuntimeException | JMSException e) {
                session.rollback();
                throw e;
            }
            return moved;
        } catch (JMSException e) {
            throw new IllegalStateException("cannot replay dead letters", e);
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
