package vn.lienthong.hub.security;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRateLimiterMetrics;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Fair use between the agency systems: each client's calls are limited in rate (Resilience4j {@link RateLimiter}) and in
 * calls in flight ({@link Bulkhead}), over all its calls and, where configured, per service. Nothing waits: a call over a
 * limit is refused at once, so a busy client meets its own quota before it can fill a connector's bulkhead and take
 * another client's share. Limits come from the client's {@code quota} in {@code hub.security.clients}, then from the
 * defaults {@code hub.fair-use.*}.
 *
 * <p>Metrics: {@code hub_quota_refused_total{client,service,limit}} counts refusals; the limiters and bulkheads are
 * published as {@code resilience4j_ratelimiter_*} and {@code resilience4j_bulkhead_*} under the name
 * {@code <client>} (all its calls) or {@code <client>/<service>}.
 */
@Component
public class ClientQuotas {

    /** The service tag of the limits over all of a client's calls. */
    public static final String ALL_SERVICES = "*";

    private final FairUseProperties defaults;
    private final Map<String, ClientQuota> byClient = new HashMap<>();
    private final RateLimiterRegistry rateLimiters = RateLimiterRegistry.ofDefaults();
    private final BulkheadRegistry bulkheads = BulkheadRegistry.ofDefaults();
    private final MeterRegistry meters;

    public ClientQuotas(FairUseProperties defaults, SecurityProperties security, MeterRegistry meters) {
        this.defaults = defaults;
        this.meters = meters;
        for (SecurityProperties.Client client : security.clients()) {
            if (client.quota() != null) {
                byClient.put(client.id(), client.quota());
            }
        }
        TaggedRateLimiterMetrics.ofRateLimiterRegistry(rateLimiters).bindTo(meters);
        TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(meters);
    }

    /**
     * Admits one call of {@code clientId}: over all its calls when {@code service} is {@link #ALL_SERVICES}, else to that
     * service. An admitted call holds its concurrency slot until {@link Admission#release()}.
     */
    public Admission admit(String clientId, String service) {
        if (!defaults.enabled() || clientId == null) {
            return Admission.free();
        }
        QuotaLimits limits = limits(clientId, service);
        String name = ALL_SERVICES.equals(service) ? clientId : clientId + "/" + service;
        if (limits.limitsRate()) {
            RateLimiter limiter = rateLimiters.rateLimiter(name, () -> RateLimiterConfig.custom()
                    .limitForPeriod(limits.requests())
                    .limitRefreshPeriod(limits.period())
                    .timeoutDuration(Duration.ZERO)
                    .build());
            if (!limiter.acquirePermission()) {
                return refuse(clientId, service, "rate", "more than " + limits.requests() + " calls per "
                        + describe(limits.period()) + scope(service), secondsToWait(limiter));
            }
        }
        if (limits.limitsConcurrency()) {
            Bulkhead bulkhead = bulkheads.bulkhead(name, () -> BulkheadConfig.custom()
                    .maxConcurrentCalls(limits.concurrent())
                    .maxWaitDuration(Duration.ZERO)
                    .writableStackTraceEnabled(false)
                    .build());
            if (!bulkhead.tryAcquirePermission()) {
                return refuse(clientId, service, "concurrency", "more than " + limits.concurrent()
                        + " calls in flight at once" + scope(service), 1);
            }
            return Admission.holding(bulkhead::onComplete);
        }
        return Admission.free();
    }

    /** The limits that apply to {@code clientId}'s calls to {@code service} (or to all its calls). */
    public QuotaLimits limits(String clientId, String service) {
        ClientQuota own = byClient.get(clientId);
        if (ALL_SERVICES.equals(service)) {
            return (own == null ? QuotaLimits.NONE : own.overall()).orElse(defaults.client());
        }
        QuotaLimits ownService = own == null ? null : own.services().get(service);
        return (ownService == null ? QuotaLimits.NONE : ownService)
                .orElse(defaults.services().getOrDefault(service, QuotaLimits.NONE));
    }

    private Admission refuse(String clientId, String service, String limit, String detail, long retryAfterSeconds) {
        Counter.builder("hub.quota.refused")
                .description("Calls refused with 429 because the client was over its fair-use quota")
                .tag("client", clientId)
                .tag("service", service)
                .tag("limit", limit)
                .register(meters)
                .increment();
        return Admission.refused(limit, "client " + clientId + " sent " + detail + "; try again later",
                retryAfterSeconds);
    }

    private static long secondsToWait(RateLimiter limiter) {
        if (limiter instanceof AtomicRateLimiter atomic) {
            long nanos = atomic.getDetailedMetrics().getNanosToWait();
            return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
        }
        return Math.max(1, limiter.getRateLimiterConfig().getLimitRefreshPeriod().toSeconds());
    }

    private static String scope(String service) {
        return ALL_SERVICES.equals(service) ? "" : " to " + service;
    }

    private static String describe(Duration period) {
        return period.toMillis() % 1000 == 0 ? period.toSeconds() + " s" : period.toMillis() + " ms";
    }
}
