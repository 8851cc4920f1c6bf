package vn.lienthong.hub.simulator;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * In-process simulators of the national systems ({@code hub.simulators.*}): WireMock servers fed from each connector's
 * {@code simulator/}.
 *
 * @param enabled whether the simulators run (default profile only)
 * @param workDirectory where the simulators keep their unpacked mappings while they run
 */
@Validated
@ConfigurationProperties("hub.simulators")
public record SimulatorProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("./data/simulators") @NotBlank String workDirectory) {
}
