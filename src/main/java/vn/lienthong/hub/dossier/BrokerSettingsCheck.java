package vn.lienthong.hub.dossier;

import java.util.ArrayList;
import java.util.List;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;

import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks at start-up that an external broker treats the hub's addresses as the hub needs (docker/artemis/broker.xml),
 * by asking the broker itself over its management address (core management messages, role {@code hub}):
 * <ul>
 * <li>each dossier queue exists as a durable anycast queue (nothing is created at run time);</li>
 * <li>a rolled-back delivery is redelivered after a delay and never dropped: no limit on delivery attempts, or, where
 * there is one, its dead-letter address is the connector's own dead-letter queue the hub's API reads;</li>
 * <li>the delivery queue's dead-letter address is {@code hub.dossier.dead-letter-queue}, never the generic {@code DLQ};</li>
 * <li>the duplicate-id cache is persisted and holds at least {@code hub.broker.min-id-cache-size} ids.</li>
 * </ul>
 * What is wrong is listed in one {@link BrokerSettingsException}; the hub does not start.
 */
public class BrokerSettingsCheck {

    private static final Logger log = LoggerFactory.getLogger(BrokerSettingsCheck.class);

    private final ConnectionFactory connections;
    private final DossierSyncProperties properties;
    private final int minIdCacheSize;
    private final long timeoutMillis;
    private final ObjectMapper json = new ObjectMapper();

    public BrokerSettingsCheck(ConnectionFactory connections, DossierSyncProperties properties, int minIdCacheSize,
            long timeoutMillis) {
        this.connections = connections;
        this.properties = properties;
        this.minIdCacheSize = minIdCacheSize;
        this.timeoutMillis = timeoutMillis;
    }

    /** Throws {@link BrokerSettingsException} naming every setting that is not as needed. */
    public void verify() {
        List<String> problems = new ArrayList<>();
        try (BrokerManagement management = new BrokerManagement(connections, timeoutMillis)) {
            for (String queue : List.of(properties.getQueue(), properties.getDeadLetterQueue(), properties.getInboundQueue(),
                    properties.getRejectedQueue())) {
                checkQueue(management, queue, problems);
            }
            checkRedelivery(management, properties.getQueue(), properties.getDeadLetterQueue(), problems);
            checkRedelivery(management, properties.getInboundQueue(), properties.getRejectedQueue(), problems);
            Object size = management.attribute(ResourceNames.BROKER, "IDCacheSize");
            Object persisted = management.attribute(ResourceNames.BROKER, "persistIDCache");
            if (!(size instanceof Number n) || n.intValue() < minIdCacheSize) {
                problems.add("id-cache-size is " + size + ", needs at least " + minIdCacheSize
                        + " (duplicate detection of accepted events)");
            }
            if (!Boolean.TRUE.equals(persisted)) {
                problems.add("persist-id-cache is " + persisted + ", needs true (duplicate ids must survive a broker restart)");
            }
        } catch (JMSException e) {
            problems.add("the broker's management address could not be asked (" + e.getMessage()
                    + "); the hub's account needs role 'hub' with the manage permission");
        }
        if (!problems.isEmpty()) {
            throw new BrokerSettingsException(problems);
        }
        log.info("Broker settings checked: {} and {} redeliver with a delay, never drop, dead letters to {} and {}",
                properties.getQueue(), properties.getInboundQueue(), properties.getDeadLetterQueue(),
                properties.getRejectedQueue());
    }

    private void checkQueue(BrokerManagement management, String queue, List<String> problems) throws JMSException {
        Object found;
        try {
            found = management.attribute(ResourceNames.QUEUE + queue, "routingType");
        } catch (BrokerManagement.Failure e) {
            problems.add("queue " + queue + " does not exist (declare it in broker.xml as a durable anycast queue)");
            return;
        }
        if (!"ANYCAST".equals(String.valueOf(found))) {
            problems.add("queue " + queue + " has routing type " + found + ", needs ANYCAST");
        }
        Object durable = management.attribute(ResourceNames.QUEUE + queue, "durable");
        if (!Boolean.TRUE.equals(durable)) {
            problems.add("queue " + queue + " is not durable");
        }
    }

    private void checkRedelivery(BrokerManagement management, String address, String deadLetters, List<String> problems)
            throws JMSException {
        JsonNode settings;
        try {
            settings = json.readTree(String.valueOf(management.invoke(ResourceNames.BROKER, "getAddressSettingsAsJSON", address)));
        } catch (BrokerManagement.Failure | JsonProcessingException e) {
            problems.add("address settings of " + address + " could not be read: " + e.getMessage());
            return;
        }
        long attempts = number(settings, "maxDeliveryAttempts", 10);
        String dla = text(settings, "DLA", "deadLetterAddress");
        long delay = number(settings, "redeliveryDelay", 0);
        if (!deadLetters.equals(dla)) {
            problems.add("address-setting of " + address + ": dead-letter-address is " + (dla == null ? "unset" : dla)
                    + ", needs " + deadLetters);
        }
        if (attempts != -1) {
            problems.add("address-setting of " + address + ": max-delivery-attempts is " + attempts
                    + ", needs -1 (a rollback is the hub's own failure: the event waits, it is not dead-lettered)");
        }
        if (delay <= 0) {
            problems.add("address-setting of " + address + ": redelivery-delay is " + delay
                    + " ms, needs more than 0 (with max-redelivery-delay and a multiplier, e.g. 1000 / 60000 / 2)");
        }
    }

    private static long number(JsonNode settings, String key, long absent) {
        JsonNode value = settings.path(key);
        return value.isMissingNode() || value.isNull() ? absent : value.asLong(absent);
    }

    private static String text(JsonNode settings, String... keys) {
        for (String key : keys) {
            String value = settings.path(key).asText("");
            if (!value.isBlank() && !"null".equals(value)) {
                return value;
            }
        }
        return null;
    }
}
