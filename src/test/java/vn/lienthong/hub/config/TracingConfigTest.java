package vn.lienthong.hub.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;

/** Camel's tracer is set up on the Camel context only where tracing is on. */
class TracingConfigTest {

    private static CamelContext configured(boolean enabled) {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("tracer", Tracer.NOOP);
        CamelContext camel = new DefaultCamelContext();
        new TracingConfig().camelTracing(ObservationRegistry.create(), beans.getBeanProvider(Tracer.class),
                "^(direct|kamelet):.*", enabled).beforeApplicationStart(camel);
        return camel;
    }

    @Test
    void tracingOn_setsUpCamelsTracer() {
        CamelContext camel = configured(true);
        assertThat(camel.hasService(org.apache.camel.tracing.Tracer.class)).isNotNull();
        assertThat(camel.getRoutePolicyFactories()).hasSize(2);
    }

    @Test
    void tracingOff_leavesNoCamelTracer_butKeepsTheTransactionIdInTheLog() {
        CamelContext camel = configured(false);
        assertThat(camel.hasService(org.apache.camel.tracing.Tracer.class)).isNull();
        // the route policy that puts the queued message's transaction id into the log context stays
        assertThat(camel.getRoutePolicyFactories()).hasSize(1);
        assertThat(camel.getManagementStrategy().getEventNotifiers()).isEmpty();
    }
}
