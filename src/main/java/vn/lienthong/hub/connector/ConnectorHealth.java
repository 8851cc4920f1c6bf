package vn.lienthong.hub.connector;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.NamedContributor;
import org.springframework.stereotype.Component;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * One health component per catalogue service under {@code /actuator/health/connectors/<code>}, its status taken
 * from the service's circuit breaker in the breaker registry ({@link ConnectorBreakers}): DOWN while the circuit is open or when no URL is configured. The readiness
 * group does not include it, so one failing national system never takes the whole hub out of the load balancer.
 */
@Component("connectors")
public class ConnectorHealth implements CompositeHealthContributor {

    private final Map<String, HealthIndicator> indicators = new LinkedHashMap<>();

    public ConnectorHealth(ConnectorCatalogue catalogue, ConnectorBreakers breakers) {
        for (CatalogueService service : catalogue.all()) {
            indicators.put(service.code(), () -> health(service, breakers));
        }
    }

    private static Health health(CatalogueService service, ConnectorBreakers breakers) {
        if (!breakers.configured(service)) {
            return Health.down().withDetail("connector", service.system())
                    .withDetail("reason", "no URL configured (camel.kamelet." + service.kamelet() + ".baseUrl)").build();
        }
        CircuitBreaker breaker = breakers.breaker(service);
        CircuitBreaker.Metrics metrics = breaker.getMetrics();
        Health.Builder health = breaker.getState() == CircuitBreaker.State.OPEN ? Health.down() : Health.up();
        return health.withDetail("connector", service.system())
                .withDetail("circuit", breaker.getState().name())
                .withDetail("failureRate", metrics.getFailureRate())
                .withDetail("bufferedCalls", metrics.getNumberOfBufferedCalls())
                .withDetail("notPermittedCalls", metrics.getNumberOfNotPermittedCalls())
                .withDetail("maxConcurrentCalls", service.resilience().maxConcurrentCalls())
                .build();
    }

    @Override
    public HealthContributor getContributor(String name) {
        return indicators.get(name);
    }

    @Override
    public Iterator<NamedContributor<HealthContributor>> iterator() {
        return indicators.entrySet().stream()
                .map(e -> NamedContributor.<HealthContributor>of(e.getKey(), e.getValue()))
                .iterator();
    }
}
