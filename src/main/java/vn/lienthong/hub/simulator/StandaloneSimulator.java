package vn.lienthong.hub.simulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * A connector's simulator as a process of its own: the national portal for tests that kill the hub (the in-process
 * simulator would die with it), any other connector's as the backend of the benchmarks (bench/run.sh). The portal
 * persists what it received to a file and reads it back when restarted. Run from the hub's jar:
 * <pre>
 * java -cp target/lienthong-hub-*.jar -Dloader.main=vn.lienthong.hub.simulator.StandaloneSimulator \
 *      org.springframework.boot.loader.launch.PropertiesLauncher --port=18099 --state=data/portal-received.jsonl
 * </pre>
 * Options: {@code --connector} (national-portal; any connector folder with a {@code simulator/}), {@code --root} (a
 * folder with {@code mappings/} and {@code __files/} to serve instead of the jar's), {@code --delay-millis} (a fixed
 * delay added to every answer, 0), {@code --port} (18099), {@code --state} (portal: file; none = memory only),
 * {@code --session-ttl} (ISO-8601 or e.g. 30m), {@code --username}, {@code --password} (the demo values of the hub's
 * configuration), {@code --bind-address} (127.0.0.1; 0.0.0.0 to be reached from another machine or container).
 */
public final class StandaloneSimulator {

    private static final Logger log = LoggerFactory.getLogger(StandaloneSimulator.class);

    private StandaloneSimulator() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new java.util.HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        int port = Integer.parseInt(options.getOrDefault("port", "18099"));
        Path state = options.containsKey("state") ? Path.of(options.get("state")).toAbsolutePath() : null;
        if (state != null && state.getParent() != null) {
            Files.createDirectories(state.getParent());
        }
        String connector = options.getOrDefault("connector", NationalPortalSimulator.NAME);
        int delayMillis = Integer.parseInt(options.getOrDefault("delay-millis", "0"));
        Path root;
        if (options.containsKey("root")) {
            root = Path.of(options.get("root")).toAbsolutePath();
        } else {
            Path work = Files.createTempDirectory(connector + "-simulator");
            root = SimulatorServers.unpack("classpath:connectors", new PathMatchingResourcePatternResolver(), work).get(connector);
            if (root == null) {
                throw new IllegalStateException("the jar has no connectors/" + connector + "/simulator folder");
            }
            if (connector.equals(DigitisedPapersSimulation.CONNECTOR)) {
                DigitisedPapersSimulation.prepare(root, new SimulatedSigningAuthority());
            }
        }
        WireMockConfiguration config = WireMockConfiguration.options()
                .bindAddress(options.getOrDefault("bind-address", "127.0.0.1"))
                .port(port)
                .containerThreads(Integer.parseInt(options.getOrDefault("threads", "200")))
                .usingFilesUnderDirectory(root.toString())
                .disableRequestJournal()
                .notifier(new Slf4jNotifier(false));
        NationalPortalSimulator portal = null;
        if (connector.equals(NationalPortalSimulator.NAME)) {
            portal = new NationalPortalSimulator(options.getOrDefault("username", "lgsp-h22-demo"),
                    options.getOrDefault("password", "demo-portal-password"), duration(options.getOrDefault("session-ttl", "30m")),
                    NationalPortalSimulator.DEFAULT_POISON, state);
            config.extensions(portal);
        }
        WireMockServer server = new WireMockServer(config);
        server.start();
        if (delayMillis > 0) {
            server.setGlobalFixedDelay(delayMillis);
        }
        if (portal != null) {
            log.info("National portal simulator listening at http://{}:{} (state file {}, {} arrivals loaded, delay {} ms)",
                    options.getOrDefault("bind-address", "127.0.0.1"), port, state, portal.received().path("arrivals").asInt(), delayMillis);
        } else {
            log.info("Simulator of connector '{}' listening at http://{}:{} ({} mappings, delay {} ms)", connector,
                    options.getOrDefault("bind-address", "127.0.0.1"), port,
                    server.getStubMappings().size(), delayMillis);
        }
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stop.countDown();
        }));
        stop.await();
    }

    private static Duration duration(String text) {
        if (text.startsWith("P") || text.startsWith("p")) {
            return Duration.parse(text);
        }
        long amount = Long.parseLong(text.replaceAll("[^0-9]", ""));
        return text.endsWith("ms") ? Duration.ofMillis(amount) : text.endsWith("s") ? Duration.ofSeconds(amount)
                : text.endsWith("h") ? Duration.ofHours(amount) : Duration.ofMinutes(amount);
    }
}
