package vn.lienthong.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** How a client's quota is put together from its own entry and the defaults, and what each limit refuses. */
class ClientQuotasTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private static SecurityProperties.Client client(String id, ClientQuota quota) {
        return new SecurityProperties.Client(id, id, "0".repeat(64), false, List.of("data:*"), quota);
    }

    private ClientQuotas quotas(FairUseProperties defaults, SecurityProperties.Client... clients) {
        return new ClientQuotas(defaults, new SecurityProperties(List.of(clients)), meters);
    }

    @Test
    void takesEachValueFromTheClient_thenFromTheDefaults() {
        FairUseProperties defaults = new FairUseProperties(true, new QuotaLimits(50, null, null),
                Map.of("citizen-lookup", new QuotaLimits(null, null, 4)));
        ClientQuotas quotas = quotas(defaults,
                client("A", new ClientQuota(null, Duration.ofMinutes(1), 3,
                        Map.of("citizen-lookup", new QuotaLimits(7, null, null)))),
                client("B", null));

        assertThat(quotas.limits("A", ClientQuotas.ALL_SERVICES)).isEqualTo(new QuotaLimits(50, Duration.ofMinutes(1), 3));
        assertThat(quotas.limits("A", "citizen-lookup")).isEqualTo(new QuotaLimits(7, null, 4));
        // B has no quota of its own: the defaults, where an unset default is the built-in one
        assertThat(quotas.limits("B", ClientQuotas.ALL_SERVICES))
                .isEqualTo(new QuotaLimits(50, Duration.ofSeconds(1), 10));
        assertThat(quotas.limits("B", "citizen-lookup")).isEqualTo(new QuotaLimits(null, null, 4));
        assertThat(quotas.limits("B", "tax-obligations")).isEqualTo(QuotaLimits.NONE);
        // a client the configuration does not know (another authentication) gets the defaults
        assertThat(quotas.limits("C", ClientQuotas.ALL_SERVICES)).isEqualTo(quotas.limits("B", ClientQuotas.ALL_SERVICES));
    }

    @Test
    void refusesPastTheConcurrencyQuota_untilACallEnds() {
        ClientQuotas quotas = quotas(new FairUseProperties(true, new QuotaLimits(0, null, 2), null), client("A", null));

        Admission first = quotas.admit("A", ClientQuotas.ALL_SERVICES);
        Admission second = quotas.admit("A", ClientQuotas.ALL_SERVICES);
        Admission third = quotas.admit("A", ClientQuotas.ALL_SERVICES);
        assertThat(first.admitted()).isTrue();
        assertThat(second.admitted()).isTrue();
        assertThat(third.admitted()).isFalse();
        assertThat(third.limit()).isEqualTo("concurrency");
        assertThat(third.retryAfterSeconds()).isEqualTo(1);
        assertThat(third.detail()).contains("client A", "more than 2 calls in flight");

        first.release();
        first.release(); // once only: a second release must not free a slot the call no longer holds
        assertThat(quotas.admit("A", ClientQuotas.ALL_SERVICES).admitted()).isTrue();
        assertThat(quotas.admit("A", ClientQuotas.ALL_SERVICES).admitted()).isFalse();
        // another client has slots of its own
        assertThat(quotas.admit("B", ClientQuotas.ALL_SERVICES).admitted()).isTrue();

        assertThat(meters.get("hub.quota.refused").tags("client", "A", "service", "*", "limit", "concurrency")
                .counter().count()).isEqualTo(2.0);
        assertThat(meters.get("resilience4j.bulkhead.available.concurrent.calls").tag("name", "A").gauge().value())
                .isZero();
    }

    @Test
    void refusesPastTheRate_withTheSecondsUntilTheNextPeriod() {
        ClientQuotas quotas = quotas(new FairUseProperties(true, new QuotaLimits(0, null, 0),
                Map.of("citizen-lookup", new QuotaLimits(2, Duration.ofMinutes(1), null))), client("A", null));

        assertThat(quotas.admit("A", "citizen-lookup").admitted()).isTrue();
        assertThat(quotas.admit("A", "citizen-lookup").admitted()).isTrue();
        Admission refused = quotas.admit("A", "citizen-lookup");
        assertThat(refused.admitted()).isFalse();
        assertThat(refused.limit()).isEqualTo("rate");
        assertThat(refused.retryAfterSeconds()).isBetween(1L, 60L);
        assertThat(refused.detail()).contains("more than 2 calls per 60 s to citizen-lookup");
        // other services, and the client's calls as a whole, have no limit here
        assertThat(quotas.admit("A", "tax-obligations").admitted()).isTrue();
        assertThat(quotas.admit("A", ClientQuotas.ALL_SERVICES).admitted()).isTrue();
    }

    @Test
    void admitsEverything_whenFairUseIsOff() {
        ClientQuotas quotas = quotas(new FairUseProperties(false, new QuotaLimits(1, null, 1), null), client("A", null));
        for (int i = 0; i < 5; i++) {
            assertThat(quotas.admit("A", ClientQuotas.ALL_SERVICES).admitted()).isTrue();
        }
    }
}
