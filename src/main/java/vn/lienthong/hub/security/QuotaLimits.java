package vn.lienthong.hub.security;

import java.time.Duration;

import jakarta.validation.constraints.PositiveOrZero;

import org.hibernate.validator.constraints.time.DurationMin;

/**
 * One set of fair-use limits: at most {@code requests} calls per {@code per}, and at most {@code concurrent} calls in
 * flight at once. A value left out is taken from the level below (a client's own quota, then the defaults under
 * {@code hub.fair-use}); {@code 0} switches that limit off.
 *
 * @param requests   calls admitted per period; {@code 0}: no rate limit
 * @param per        the period the rate counts over, e.g. {@code 1s} or {@code 1m}
 * @param concurrent calls in flight at once; {@code 0}: no concurrency limit
 */
public record QuotaLimits(
        @PositiveOrZero Integer requests,
        @DurationMin(millis = 1) Duration per,
        @PositiveOrZero Integer concurrent) {

    /** No limit set at this level. */
    public static final QuotaLimits NONE = new QuotaLimits(null, null, null);

    /** These limits, with every value left out taken from {@code fallback}. */
    public QuotaLimits orElse(QuotaLimits fallback) {
        if (fallback == null) {
            return this;
        }
        return new QuotaLimits(requests != null ? requests : fallback.requests,
                per != null ? per : fallback.per,
                concurrent != null ? concurrent : fallback.concurrent);
    }

    /** Whether a rate limit applies. */
    public boolean limitsRate() {
        return requests != null && requests > 0;
    }

    /** Whether a concurrency limit applies. */
    public boolean limitsConcurrency() {
        return concurrent != null && concurrent > 0;
    }

    /** The rate period, one second when none is set. */
    public Duration period() {
        return per == null ? Duration.ofSeconds(1) : per;
    }
}
