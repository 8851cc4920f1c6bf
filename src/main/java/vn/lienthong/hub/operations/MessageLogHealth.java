package vn.lienthong.hub.operations;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import vn.lienthong.hub.audit.log.AuditProperties;
import vn.lienthong.hub.audit.log.JdbcMessageLog;

/**
 * The message-log writer's backlog, in readiness: past {@value #DOWN_SHARE_PERCENT} % of the queue's capacity the
 * writer is not keeping up (the database is slow or failing) and answers would soon wait for their records, so the
 * instance stops taking new requests until it has caught up.
 */
@Component("messageLog")
public class MessageLogHealth implements HealthIndicator {

    static final int DOWN_SHARE_PERCENT = 80;

    private final JdbcMessageLog log;
    private final int capacity;

    public MessageLogHealth(JdbcMessageLog log, AuditProperties settings) {
        this.log = log;
        this.capacity = settings.queueCapacity();
    }

    @Override
    public Health health() {
        int backlog = log.queued();
        Health.Builder health = backlog * 100L >= (long) capacity * DOWN_SHARE_PERCENT ? Health.down() : Health.up();
        return health.withDetail("backlog", backlog).withDetail("capacity", capacity).build();
    }
}
