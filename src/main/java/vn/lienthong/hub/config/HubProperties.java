package vn.lienthong.hub.config;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Platform-wide settings of the hub, directly under {@code hub.*}: the instance name and where flows, connectors and
 * procedure profiles are read from. Each feature binds its own part of {@code hub.*} in its own package
 * ({@code hub.edge}, {@code hub.audit}, {@code hub.security}, {@code hub.demo}, {@code hub.simulators}, {@code hub.dossier});
 * every value can be overridden by an environment variable ({@code hub.instance-id} → {@code HUB_INSTANCE_ID}, or the
 * explicit {@code HUB_*} names listed in the README).
 *
 * @param instanceId name of this hub instance, written into every message-log record
 * @param flowsLocation where the flows are read from: {@code classpath:routes} (inside the jar) or {@code file:/path}
 * @param connectorsLocation where the connectors are read from: {@code classpath:connectors} or {@code file:/path}
 * @param connectorsExtraLocation an operator's outside folder of further connectors
 *        ({@code file:/opt/hub/connectors-extra}); empty for none
 * @param proceduresLocation where the procedure profiles of the once-only pre-fill are read from ({@code *.procedure.yaml})
 */
@Validated
@ConfigurationProperties("hub")
public record HubProperties(
        @DefaultValue("hub-1") @NotBlank @Size(max = 64) String instanceId,
        @DefaultValue("classpath:routes") @NotBlank String flowsLocation,
        @DefaultValue("classpath:connectors") @NotBlank String connectorsLocation,
        @DefaultValue("") String connectorsExtraLocation,
        @DefaultValue("classpath:routes/prefill/procedures") @NotBlank String proceduresLocation) {

    /** The settings as they are when nothing is configured (tools and tests outside a Spring context). */
    public static HubProperties defaults() {
        return new Binder().bindOrCreate("hub", HubProperties.class);
    }

    /** The built-in connectors location, then the outside one when set. */
    public List<String> connectorLocations() {
        return connectorsExtraLocation == null || connectorsExtraLocation.isBlank()
                ? List.of(connectorsLocation)
                : List.of(connectorsLocation, connectorsExtraLocation);
    }
}
