package vn.lienthong.hub.security;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.PositiveOrZero;

import org.hibernate.validator.constraints.time.DurationMin;

/**
 * A client's own fair-use quota, in its entry under {@code hub.security.clients}: limits over all its calls together,
 * and limits per service code (each service of the catalogue on its own, e.g. {@code citizen-lookup}).
 *
 * @param requests   calls per {@code per}, all services together
 * @param per        the period of {@code requests}
 * @param concurrent calls in flight at once, all services together
 * @param services   limits per service code, for this client's calls to that service
 */
public record ClientQuota(
        @PositiveOrZero Integer requests,
        @DurationMin(millis = 1) Duration per,
        @PositiveOrZero Integer concurrent,
        Map<String, @Valid QuotaLimits> services) {

    public ClientQuota {
        services = services == null ? Map.of() : Map.copyOf(services);
    }

    /** The limits over all the client's calls. */
    public QuotaLimits overall() {
        return new QuotaLimits(requests, per, concurrent);
    }
}
