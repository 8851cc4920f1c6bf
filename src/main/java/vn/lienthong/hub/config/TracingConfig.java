package vn.lienthong.hub.config;

import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;

/**
 * Spans of the Camel routes, in the same trace as the HTTP request or JMS message that started them. Spring Boot's
 * tracing (Micrometer Tracing on OpenTelemetry, W3C {@code traceparent}) opens the server span of every REST and SOAP
 * request; the Camel tracer continues it through the routes, writes {@code traceparent} on every connector call and
 * every message the hub puts on its queues, and reads it back when a queue consumer takes the message. Camel's own
 * auto-configuration for this stands aside when the actuator is present, so it is set up here. The transaction id
 * goes into the log context of the threads that take exchanges from a queue ({@link TransactionIdLogContext}) and,
 * with the trace, travels on to the threads of asynchronous steps ({@link LogContextInterceptor}).
 * <p>
 * Only where tracing is on ({@code management.tracing.enabled}, set by {@link TracingSwitch}): Spring Boot creates its
 * OpenTelemetry tracer whether tracing is on or not, and Camel's tracer on it, with nobody receiving the spans, was in
 * 11 % of the delivery consumers' profile samples and 6.5 % of the lookup's (an observation and its timers per
 * step, the exclude patterns matched against every endpoint's URI; docs/performance.md).
 */
@Configuration(proxyBeanMethods = false)
public class TracingConfig {

    /** The transaction id and the trace go with an exchange onto the threads of its asynchronous steps. */
    @Bean
    public LogContextInterceptor logContextInterceptor() {
        return new LogContextInterceptor();
    }

    /** The span handling of the Camel context, set up before it starts (none when tracing is switched off). */
    @Bean
    public CamelContextConfiguration camelTracing(ObservationRegistry observations, ObjectProvider<Tracer> tracers,
            @Value("${hub.tracing.exclude-patterns:}") String excludePatterns,
            @Value("${management.tracing.enabled:true}") boolean enabled) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camelContext) {
                camelContext.addRoutePolicyFactory((context, routeId, route) -> new TransactionIdLogContext());
                Tracer tracer = enabled ? tracers.getIfAvailable() : null;
                if (tracer == null) {
                    return;
                }
                HubCamelTracer camelTracer = new HubCamelTracer(excludePatterns);
                camelTracer.setObservationRegistry(observations);
                camelTracer.setTracer(tracer);
                camelTracer.init(camelContext);
            }

            @Override
            public void afterApplicationStart(CamelContext camelContext) {
                // nothing after the start
            }
        };
    }
}
