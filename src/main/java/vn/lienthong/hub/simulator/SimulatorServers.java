package vn.lienthong.hub.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Extension;

import vn.lienthong.hub.config.HubProperties;
import vn.lienthong.hub.config.ResourceLocations;

/**
 * Runs one real HTTP server (WireMock) per connector that ships a {@code simulator/} folder, fed with that folder's
 * {@code mappings/} and {@code __files/}: the same files serve the demo and the tests. Each server listens on a free
 * port published as {@code hub.simulators.<connector>.url}, which the connector settings use by default.
 */
@Component
@ConditionalOnProperty(name = "hub.simulators.enabled", havingValue = "true", matchIfMissing = true)
public class SimulatorServers implements DisposableBean {

    public static final String PROPERTY_SOURCE = "hub-simulators";
    private static final Logger log = LoggerFactory.getLogger(SimulatorServers.class);

    private final Map<String, WireMockServer> servers = new TreeMap<>();

    public SimulatorServers(HubProperties properties, SimulatorProperties simulators, ConfigurableEnvironment environment,
            ResourcePatternResolver resolver, ObjectProvider<ConnectorSimulatorExtension> extensions,
            ObjectProvider<SimulatedSigningAuthority> signing) throws IOException {
        Path work = Path.of(simulators.workDirectory()).toAbsolutePath().normalize();
        FileSystemUtils.deleteRecursively(work);
        Map<String, Path> roots = new TreeMap<>();
        for (String location : properties.connectorLocations()) {
            roots.putAll(unpack(location, resolver, work));
        }
        Path papers = roots.get(DigitisedPapersSimulation.CONNECTOR);
        SimulatedSigningAuthority authority = signing.getIfAvailable();
        if (papers != null && authority != null) {
            // the store's papers signed at start by the test-only authority the hub then trusts (never in production)
            DigitisedPapersSimulation.prepare(papers, authority);
        }
        Map<String, Object> urls = new LinkedHashMap<>();
        for (Map.Entry<String, Path> root : roots.entrySet()) {
            WireMockConfiguration options = WireMockConfiguration.options()
                    .bindAddress(simulators.bindAddress())
                    .dynamicPort()
                    .usingFilesUnderDirectory(root.getValue().toString())
                    .maxRequestJournalEntries(1000)
                    .notifier(new Slf4jNotifier(false));
            // Stateful behaviour (sessions, what was received) comes from extensions declared for this connector.
            Extension[] own = extensions.orderedStream().filter(e -> e.connector().equals(root.getKey()))
                    .toArray(Extension[]::new);
            if (own.length > 0) {
                options.extensions(own);
            }
            WireMockServer server = new WireMockServer(options);
            server.start();
            servers.put(root.getKey(), server);
            String url = "http://" + simulators.urlHost() + ":" + server.port();
            urls.put("hub.simulators." + root.getKey() + ".url", url);
            log.info("Simulator of connector '{}' listening at {} ({} mappings)", root.getKey(), url,
                    server.getStubMappings().size());
        }
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, urls));
    }

    /** The running simulator of a connector, for tests that count what reached it. */
    public WireMockServer server(String connector) {
        return servers.get(connector);
    }

    public Map<String, WireMockServer> all() {
        return Map.copyOf(servers);
    }

    /** Copies every {@code <connector>/simulator/**} file into the work directory, so jar and folder work alike. */
    static Map<String, Path> unpack(String connectorsLocation, ResourcePatternResolver resolver, Path work)
            throws IOException {
        String pattern = ResourceLocations.pattern(connectorsLocation, "*/simulator/**/*.*");
        Map<String, Path> roots = new TreeMap<>();
        for (Resource resource : resolver.getResources(pattern)) {
            String url = resource.getURL().toString();
            int marker = url.lastIndexOf("/simulator/");
            if (marker < 0 || !resource.isReadable() || url.endsWith("/")) {
                continue;
            }
            String connector = url.substring(url.lastIndexOf('/', marker - 1) + 1, marker);
            String relative = url.substring(marker + "/simulator/".length());
            if (!relative.startsWith("mappings/") && !relative.startsWith("__files/")) {
                continue;
            }
            Path root = roots.computeIfAbsent(connector, c -> work.resolve(c));
            Path target = root.resolve(relative).normalize();
            if (!target.startsWith(root)) {
                continue;
            }
            Files.createDirectories(target.getParent());
            try (InputStream in = resource.getInputStream()) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return roots;
    }

    @Override
    public void destroy() {
        servers.values().forEach(WireMockServer::stop);
    }
}
