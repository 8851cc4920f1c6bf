package vn.lienthong.hub.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import vn.lienthong.hub.audit.log.JdbcMessageLog;
import vn.lienthong.hub.dossier.BrokerManagement;
import vn.lienthong.hub.dossier.DossierQueue;
import vn.lienthong.hub.dossier.DossierSyncProperties;

/**
 * Gauges for operators (docker/grafana, docker/prometheus): {@code hub_broker_queue_messages{queue}} for the delivery
 * queue, its dead letters, the inbound and the rejected queue (asked from the broker's management address, at most
 * every 10 s whatever the scrape rate; -1 while the broker cannot be asked), {@code hub_message_log_backlog}, and the writer's
 * {@code hub_message_log_commits_total} and {@code hub_message_log_records_total} (their ratio: records per commit). The
 * circuit states are Resilience4j's {@code resilience4j_circuitbreaker_state}.
 */
@Component
public class OperationsGauges implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(OperationsGauges.class);
    private static final Duration FRESH = Duration.ofSeconds(10);

    private final DossierQueue queue;
    private final DossierSyncProperties properties;
    private final JdbcMessageLog messageLog;
    private Map<String, Long> depths = Map.of();
    private Instant askedAt = Instant.EPOCH;

    public OperationsGauges(DossierQueue queue, DossierSyncProperties properties, JdbcMessageLog messageLog) {
        this.queue = queue;
        this.properties = properties;
        this.messageLog = messageLog;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String name : queues()) {
            Gauge.builder("hub.broker.queue.messages", this, g -> g.depth(name))
                    .description("Messages in a dossier queue of the broker (-1: the broker could not be asked)")
                    .tag("queue", name).register(registry);
        }
        Gauge.builder("hub.message.log.backlog", messageLog, JdbcMessageLog::queued)
                .description("Message-log records waiting for the writer").register(registry);
        // records ÷ commits over an interval: the group commit's batch size
        FunctionCounter.builder("hub.message.log.commits", messageLog, JdbcMessageLog::commits)
                .description("Transactions the message-log writer committed").register(registry);
        FunctionCounter.builder("hub.message.log.records", messageLog, JdbcMessageLog::written)
                .description("Message-log records the writer committed").register(registry);
    }

    private List<String> queues() {
        return List.of(properties.getQueue(), properties.getDeadLetterQueue(), properties.getInboundQueue(),
                properties.getRejectedQueue());
    }

    synchronized double depth(String name) {
        if (Duration.between(askedAt, Instant.now()).compareTo(FRESH) > 0) {
            askedAt = Instant.now();
            Map<String, Long> fresh = new HashMap<>();
            try (BrokerManagement management = new BrokerManagement(queue.plainConnectionFactory(), 2_000)) {
                for (String q : queues()) {
                    fresh.put(q, ((Number) management.attribute(ResourceNames.QUEUE + q, "messageCount")).longValue());
                }
            } catch (Exception e) {
                log.debug("queue depths not read from the broker: {}", e.toString());
            }
            depths = fresh;
        }
        return depths.getOrDefault(name, -1L);
    }
}
