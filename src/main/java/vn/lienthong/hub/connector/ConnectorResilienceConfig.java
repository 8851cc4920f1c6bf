package vn.lienthong.hub.connector;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;

/** The registry of the connectors' circuit breakers, bound to Micrometer ({@code resilience4j_circuitbreaker_*}). */
@Configuration
public class ConnectorResilienceConfig {

    @Bean
    public CircuitBreakerRegistry connectorBreakerRegistry(MeterRegistry meters) {
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
        return registry;
    }
}
