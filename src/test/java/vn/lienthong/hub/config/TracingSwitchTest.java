package vn.lienthong.hub.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class TracingSwitchTest {

    private static String enabled(MockEnvironment environment) {
        new TracingSwitch().postProcessEnvironment(environment, null);
        return environment.getProperty(TracingSwitch.ENABLED);
    }

    @Test
    void withoutACollector_tracingIsOff() {
        assertThat(enabled(new MockEnvironment())).isEqualTo("false");
        assertThat(enabled(new MockEnvironment().withProperty("management.otlp.tracing.endpoint", " "))).isEqualTo("false");
    }

    @Test
    void aCollector_switchesTracingOn() {
        assertThat(enabled(new MockEnvironment()
                .withProperty("management.otlp.tracing.endpoint", "http://otel-collector:4318/v1/traces"))).isEqualTo("true");
    }

    @Test
    void theHubsSetting_forcesEitherWay() {
        assertThat(enabled(new MockEnvironment().withProperty("hub.tracing.enabled", "true"))).isEqualTo("true");
        assertThat(enabled(new MockEnvironment().withProperty("hub.tracing.enabled", "false")
                .withProperty("management.otlp.tracing.endpoint", "http://otel-collector:4318/v1/traces"))).isEqualTo("false");
    }

    @Test
    void anExplicitManagementSetting_wins() {
        assertThat(enabled(new MockEnvironment().withProperty("management.tracing.enabled", "true")
                .withProperty("hub.tracing.enabled", "false"))).isEqualTo("true");
    }
}
