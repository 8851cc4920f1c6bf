package vn.lienthong.hub.config;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Tracing is on where its spans go somewhere: when an OpenTelemetry collector is configured
 * ({@code MANAGEMENT_OTLP_TRACING_ENDPOINT}), or when {@code HUB_TRACING_ENABLED=true} asks for it without one (trace ids
 * in the log lines, {@code traceparent} continued to the national systems and the queues). Otherwise it is off: spans
 * nobody receives cost the citizen lookup about a sixth of its CPU (docs/performance.md). An explicit
 * {@code management.tracing.enabled} ({@code MANAGEMENT_TRACING_ENABLED}) always wins.
 */
public class TracingSwitch implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "hubTracingSwitch";
    static final String ENABLED = "management.tracing.enabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty(ENABLED)) {
            return;
        }
        String asked = environment.getProperty("hub.tracing.enabled", "").strip();
        boolean enabled = asked.isEmpty()
                ? !environment.getProperty("management.otlp.tracing.endpoint", "").isBlank()
                : Boolean.parseBoolean(asked);
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, Map.of(ENABLED, String.valueOf(enabled))));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
