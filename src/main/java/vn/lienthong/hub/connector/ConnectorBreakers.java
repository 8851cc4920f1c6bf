package vn.lienthong.hub.connector;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/**
 * The circuit breaker of every catalogue service, kept in the {@link CircuitBreakerRegistry} whose breakers are
 * published as {@code resilience4j_circuitbreaker_*} metrics. The route template's {@code circuitBreaker} EIP uses these
 * breakers by name ({@link CatalogueService#breakerName()}), and the connector health reads them.
 * <p>
 * A call the service's bulkhead turns away (its calls in flight at the limit) never reached the national system: it
 * is neither a failure nor a success of that system, so the breaker does not count it. Counted, a burst of callers
 * beyond the limit would open the circuit of a healthy system and refuse every caller until it closes again.
 */
@Component
public class ConnectorBreakers {

    private static final Logger log = LoggerFactory.getLogger(ConnectorBreakers.class);

    private final CircuitBreakerRegistry registry;
    private final Environment environment;
    /** Per connector: its URL is read once (the environment does not change once the hub has started). */
    private final Map<String, Boolean> configured = new ConcurrentHashMap<>();

    public ConnectorBreakers(CircuitBreakerRegistry registry, Environment environment) {
        this.registry = registry;
        this.environment = environment;
    }

    /** The service's breaker, created from its descriptor on first use. */
    public CircuitBreaker breaker(CatalogueService service) {
        return registry.find(service.breakerName()).orElseGet(() -> create(service));
    }

    private synchronized CircuitBreaker create(CatalogueService service) {
        Resilience r = service.resilience();
        CircuitBreaker breaker = registry.circuitBreaker(service.breakerName(), CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(r.minimumCalls())
                .minimumNumberOfCalls(r.minimumCalls())
                .failureRateThreshold(r.failureRateThreshold())
                .waitDurationInOpenState(Duration.ofMillis(r.openMillis()))
                .permittedNumberOfCallsInHalfOpenState(1)
                .writableStackTraceEnabled(false)
                .ignoreExceptions(BulkheadFullException.class)
                .build());
        breaker.getEventPublisher().onStateTransition(event ->
                log.warn("Circuit of service '{}' ({}): {}", service.code(), service.system(), event.getStateTransition()));
        return breaker;
    }

    /** Whether the connector's national system has a URL: unset in production means not configured, reported unhealthy. */
    public boolean configured(CatalogueService service) {
        return configured.computeIfAbsent(service.kamelet(), kamelet -> {
            String url = environment.getProperty("camel.kamelet." + kamelet + ".baseUrl");
            return url != null && !url.isBlank();
        });
    }

    /** Seconds a caller should wait before trying an open circuit again ({@code Retry-After}). */
    public static long retryAfterSeconds(CatalogueService service) {
        return Math.max(1, Duration.ofMillis(service.resilience().openMillis()).toSeconds());
    }
}
