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
 * @param bindAddress the address the simulators listen on: {@code 127.0.0.1} (default, this machine only), or
 *        {@code 0.0.0.0} to reach them from another machine or container (demo only: they answer anyone)
 */
@Validated
@ConfigurationProperties("hub.simulators")
public record SimulatorProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("./data/simulators") @NotBlank String workDirectory,
        @DefaultValue("127.0.0.1") @NotBlank String bindAddress) {

    /** The host of the URLs the simulators publish: the bind address, or 127.0.0.1 for a wildcard one. */
    public String urlHost() {
        return bindAddress.equals("0.0.0.0") || bindAddress.equals("::") || bindAddress.equals("[::]") ? "127.0.0.1"
                : bindAddress.contains(":") && !bindAddress.startsWith("[") ? "[" + bindAddress + "]" : bindAddress;
    }
}
