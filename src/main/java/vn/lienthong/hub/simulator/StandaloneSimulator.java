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
 * The national portal simulator as a process of its own, for tests that kill the hub (the in-process simulator would
 * die with it). It persists what it received to a file and reads it back when restarted. Run from the hub's jar:
 * <pre>
 * java -cp target/lienthong-hub-*.jar -Dloader.main=vn.lienthong.hub.simulator.StandaloneSimulator \
 *      org.springframework.boot.loader.launch.PropertiesLauncher --port=18099 --state=data/portal-received.jsonl
 * </pre>
 * Options: {@code --port} (18099), {@code --state} (file; none = memory only), {@code --session-ttl} (ISO-8601 or
 * e.g. 30m), {@code --username}, {@code --password} (the demo values of the hub's configuration).
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
        Path work = Files.createTempDirectory("portal-simulator");
        Map<String, Path> roots = SimulatorServers.unpack("classpath:connectors", new PathMatchingResourcePatternResolver(), work);
        Path root = roots.get(NationalPortalSimulator.NAME);
        if (root == null) {
            throw new IllegalStateException("the jar has no connectors/national-portal/simulator folder");
        }
        NationalPortalSimulator portal = new NationalPortalSimulator(options.getOrDefault("username", "lgsp-h22-demo"),
                options.getOrDefault("password", "demo-portal-password"), duration(options.getOrDefault("session-ttl", "30m")),
                NationalPortalSimulator.DEFAULT_POISON, state);
        WireMockServer server = new WireMockServer(WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .port(port)
                .usingFilesUnderDirectory(root.toString())
                .disableRequestJournal()
                .notifier(new Slf4jNotifier(false))
                .extensions(portal));
        server.start();
        log.info("National portal simulator listening at http://127.0.0.1:{} (state file {}, {} arrivals loaded)", port, state,
                portal.received().path("arrivals").asInt());
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
