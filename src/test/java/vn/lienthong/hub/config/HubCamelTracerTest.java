package vn.lienthong.hub.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;

/** The tracer's exclusions: decided once per endpoint, with Camel's pattern semantics, and no span where they match. */
class HubCamelTracerTest {

    private static final String PATTERNS = "^(direct|kamelet|bean):.*";

    private final CamelContext camel = new DefaultCamelContext();
    private final List<String> started = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        camel.stop();
    }

    private HubCamelTracer tracer(String patterns) {
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public void onStart(Observation.Context context) {
                started.add(context.getContextualName() != null ? context.getContextualName() : context.getName());
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }
        });
        HubCamelTracer tracer = new HubCamelTracer(patterns);
        tracer.setObservationRegistry(observations);
        tracer.setTracer(Tracer.NOOP);
        tracer.init(camel);
        return tracer;
    }

    @Test
    void thePatternsMatchAsCamelsDo() {
        HubCamelTracer tracer = tracer(PATTERNS);
        assertThat(tracer.excluded(camel, "direct:service-citizen-lookup")).isTrue();
        assertThat(tracer.excluded(camel, "direct://service-citizen-lookup")).isTrue();
        assertThat(tracer.excluded(camel, "kamelet:population-lookup-action?routeId=x")).isTrue();
        assertThat(tracer.excluded(camel, "http://127.0.0.1:8089/csdldc/api/v1/congdan/tracuu?httpMethod=POST")).isFalse();
        assertThat(tracer.excluded(camel, "dossierJms:queue:dossier.sync")).isFalse();
        assertThat(tracer.excluded(camel, null)).isFalse();
        // a comma-separated list, wildcards as well as expressions
        HubCamelTracer listed = new HubCamelTracer(" seda:* , ^jslt:.*");
        assertThat(listed.excluded(camel, "seda://prefill-source")).isTrue();
        assertThat(listed.excluded(camel, "jslt:connectors/x.jslt")).isTrue();
        assertThat(listed.excluded(camel, "direct:x")).isFalse();
        assertThat(new HubCamelTracer("").excluded(camel, "direct:x")).isFalse();
    }

    @Test
    void aFlowFromAnExcludedEndpoint_getsNoTracingPolicy() {
        HubCamelTracer tracer = tracer(PATTERNS);
        RouteDefinition internal = new RouteDefinition().from("direct:service-x");
        RouteDefinition timed = new RouteDefinition().from("timer:tick");
        assertThat(tracer.createRoutePolicy(camel, "internal", internal)).isNull();
        assertThat(tracer.createRoutePolicy(camel, "timed", timed)).isNotNull();
    }

    private void runFlows() throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:tick?repeatCount=1").routeId("ticking").to("direct:inner").to("seda:out");
                from("direct:inner").routeId("inner").setBody(constant("x"));
                from("seda:out").routeId("out").log("${body}");
            }
        });
        camel.start();
        // the direct: step runs on the timer's thread before the message is handed to seda:out, so every span of the
        // flow has started once the two of seda:out have
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> started.stream().filter(name -> name.contains("out")).count() >= 2);
    }

    @Test
    void excludedSteps_openNoSpan_theFlowAndItsOtherCallsDo() throws Exception {
        tracer(PATTERNS);
        runFlows();
        assertThat(started).contains("timer");
        // the call to seda:out (a client span) and the flow it starts (a server span)
        assertThat(started.stream().filter(name -> name.contains("out"))).hasSize(2);
        assertThat(started).noneMatch(name -> name.contains("inner"));
    }

    @Test
    void withoutPatterns_theInternalStepsHaveSpansToo() throws Exception {
        tracer("");
        runFlows();
        // the call to direct:inner and the flow it runs
        assertThat(started.stream().filter(name -> name.contains("inner"))).hasSize(2);
    }
}
