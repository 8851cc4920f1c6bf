package vn.lienthong.hub.simulator;

import com.github.tomakehurst.wiremock.extension.Extension;

/**
 * A WireMock extension that gives one connector's simulator behaviour static mappings cannot (state, sessions, counts).
 * Declared as a Spring bean; {@link SimulatorServers} registers it on the server of {@link #connector()}.
 */
public interface ConnectorSimulatorExtension extends Extension {

    /** The connector folder whose simulator gets this extension, e.g. {@code national-portal}. */
    String connector();
}
