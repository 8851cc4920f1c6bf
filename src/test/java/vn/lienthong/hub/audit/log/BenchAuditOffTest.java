package vn.lienthong.hub.audit.log;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The benchmark's "audit off" can never be switched on where a real deployment runs. */
class BenchAuditOffTest {

    @Test
    void refusedWithTheProductionProfile() {
        MockEnvironment env = new MockEnvironment().withProperty("hub.demo.enabled", "true");
        env.setActiveProfiles("prod");
        assertThatThrownBy(() -> BenchAuditOff.refuseOutsideBench(env)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("benchmark setting");
    }

    @Test
    void refusedWithoutTheDemoClients() {
        MockEnvironment env = new MockEnvironment();
        assertThatThrownBy(() -> BenchAuditOff.refuseOutsideBench(env)).isInstanceOf(IllegalStateException.class);
        env.setProperty("hub.demo.enabled", "false");
        assertThatThrownBy(() -> BenchAuditOff.refuseOutsideBench(env)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void allowedOnTheDefaultProfileOnly() {
        MockEnvironment env = new MockEnvironment().withProperty("hub.demo.enabled", "true");
        assertThatCode(() -> BenchAuditOff.refuseOutsideBench(env)).doesNotThrowAnyException();
    }
}
