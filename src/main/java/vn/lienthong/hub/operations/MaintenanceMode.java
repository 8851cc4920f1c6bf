package vn.lienthong.hub.operations;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * Maintenance mode of one hub instance, switched by an operator ({@code POST /api/v1/admin/maintenance}): while on,
 * readiness answers 503 {@code OUT_OF_SERVICE} with the reason (health component {@code maintenance}), so the load
 * balancer sends no new requests; requests that still arrive are served, the broker consumers go on. Each switch is
 * logged with who and why, and is the operator call's record in the message log.
 */
@Component("maintenance")
public class MaintenanceMode implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(MaintenanceMode.class);

    /** The state an operator set. */
    public record State(boolean on, String reason, String by, Instant since) {
    }

    private volatile State state = new State(false, null, null, null);

    public State state() {
        return state;
    }

    public State enter(String reason, String by) {
        state = new State(true, reason, by, Instant.now());
        log.warn("Maintenance mode ON by {}: {} (readiness answers 503 until it is switched off)", by, reason);
        return state;
    }

    public State leave(String by) {
        State was = state;
        state = new State(false, null, null, null);
        if (was.on()) {
            log.warn("Maintenance mode OFF by {} (was on since {} for: {})", by, was.since(), was.reason());
        }
        return state;
    }

    @Override
    public Health health() {
        State s = state;
        if (!s.on()) {
            return Health.up().build();
        }
        return Health.status(Status.OUT_OF_SERVICE).withDetail("reason", s.reason()).withDetail("by", s.by())
                .withDetail("since", s.since().toString()).build();
    }
}
