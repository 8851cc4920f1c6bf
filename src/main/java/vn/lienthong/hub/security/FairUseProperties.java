package vn.lienthong.hub.security;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The fair-use defaults ({@code hub.fair-use.*}): what every client may use unless its own entry under
 * {@code hub.security.clients} sets a {@code quota}. The default concurrency sits below the connectors' own bulkheads
 * ({@code maxConcurrentCalls}, 20 in the bundled connectors), so one busy client meets its own 429 before it can fill
 * a national system's share of the hub.
 *
 * @param enabled  whether quotas are applied at all
 * @param client   limits over each client's calls together
 * @param services limits per service code, applied to each client's calls to that service
 */
@Validated
@ConfigurationProperties("hub.fair-use")
public record FairUseProperties(
        @DefaultValue("true") boolean enabled,
        @Valid @NestedConfigurationProperty QuotaLimits client,
        Map<String, @Valid QuotaLimits> services) {

    /** Each client: 100 calls a second and 10 in flight, unless configured otherwise. */
    public static final QuotaLimits DEFAULT_CLIENT = new QuotaLimits(100, Duration.ofSeconds(1), 10);

    public FairUseProperties {
        client = (client == null ? QuotaLimits.NONE : client).orElse(DEFAULT_CLIENT);
        services = services == null ? Map.of() : Map.copyOf(services);
    }
}
