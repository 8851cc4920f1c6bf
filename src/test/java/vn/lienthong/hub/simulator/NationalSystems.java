package vn.lienthong.hub.simulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * The national systems as external servers, started by a test outside the hub (the prod ITs run the hub without its
 * simulators): one WireMock server per connector that ships a {@code simulator/} folder, fed with the same mappings
 * and files as the demo, the national portal with its stateful behaviour.
 */
public final class NationalSystems implements AutoCloseable {

    public static final String PORTAL_USERNAME = "lgsp-h22-prod-it";
    public static final String PORTAL_PASSWORD = "prod-it-portal-password";

    private final Map<String, WireMockServer> servers = new TreeMap<>();
    private final NationalPortalSimulator portal;

    public NationalSystems() throws IOException {
        Path work = Files.createTempDirectory("national-systems");
        Map<String, Path> roots = SimulatorServers.unpack("classpath:connectors", new PathMatchingResourcePatternResolver(), work);
        if (roots.containsKey(DigitisedPapersSimulation.CONNECTOR)) {
            DigitisedPapersSimulation.prepare(roots.get(DigitisedPapersSimulation.CONNECTOR), new SimulatedSigningAuthority());
        }
        portal = new NationalPortalSimulator(PORTAL_USERNAME, PORTAL_PASSWORD, Duration.ofMinutes(30),
                NationalPortalSimulator.DEFAULT_POISON, null);
        for (Map.Entry<String, Path> root : roots.entrySet()) {
            WireMockConfiguration options = WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                    .usingFilesUnderDirectory(root.getValue().toString()).maxRequestJournalEntries(1000)
                    .notifier(new Slf4jNotifier(false));
            if (root.getKey().equals(portal.connector())) {
                options.extensions(portal);
            }
            WireMockServer server = new WireMockServer(options);
            server.start();
            servers.put(root.getKey(), server);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::close));
    }

    public String url(String connector) {
        WireMockServer server = servers.get(connector);
        if (server == null) {
            throw new IllegalArgumentException("no simulator folder for connector " + connector);
        }
        return "http://127.0.0.1:" + server.port();
    }

    public WireMockServer server(String connector) {
        return servers.get(connector);
    }

    public NationalPortalSimulator portal() {
        return portal;
    }

    public Iterable<String> connectors() {
        return servers.keySet();
    }

    @Override
    public void close() {
        servers.values().forEach(WireMockServer::stop);
    }
}
