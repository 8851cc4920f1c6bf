package vn.lienthong.hub.prod;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.core.ConditionTimeoutException;

/**
 * A standalone Apache Artemis broker for the tests: the distribution the build unpacks (profile {@code prod-it},
 * {@code target/artemis/apache-artemis-<version>}), an instance made by {@code artemis create} in a fresh folder,
 * the production {@code docker/artemis/broker.xml} put in its {@code etc/}, users written to its JAAS property files,
 * started with {@code artemis run} on a free loopback port and stopped with the JVM (or by {@link #stop}).
 */
public final class StandaloneBroker implements AutoCloseable {

    public static final String HUB_USER = "hub";
    public static final String HUB_PASSWORD = "prod-it-broker-password";

    private final Path instance;
    private final int port;
    private final Process process;

    private StandaloneBroker(Path instance, int port, Process process) {
        this.instance = instance;
        this.port = port;
        this.process = process;
    }

    /** The distribution's folder, or null when the build did not unpack it. */
    public static Path home() {
        String configured = System.getProperty("hub.test.artemis-home", System.getenv("HUB_TEST_ARTEMIS_HOME"));
        if (configured == null || configured.isBlank()) {
            return null;
        }
        Path home = Path.of(configured);
        return Files.isExecutable(home.resolve("bin/artemis")) ? home : null;
    }

    /** The broker.xml the project ships for production. */
    public static Path brokerXml() {
        return Path.of(System.getProperty("hub.test.broker-xml", "docker/artemis/broker.xml"));
    }

    /**
     * Creates and starts a broker with the hub's account ({@link #HUB_USER}, role hub) and the given agency accounts
     * (user → password, role agency).
     */
    public static StandaloneBroker start(Path parent, Map<String, String> agencies) throws IOException, InterruptedException {
        Path home = home();
        if (home == null) {
            throw new IllegalStateException("the Artemis distribution is not unpacked (build with -Pprod-it)");
        }
        Files.createDirectories(parent);
        Path instance = Files.createTempDirectory(parent, "broker-");
        run(List.of(home.resolve("bin/artemis").toString(), "create", instance.toString(), "--silent", "--force",
                "--user", HUB_USER, "--password", HUB_PASSWORD, "--role", "hub", "--require-login", "--no-web",
                "--no-autotune", "--nio", "--no-amqp-acceptor", "--no-mqtt-acceptor", "--no-stomp-acceptor",
                "--no-hornetq-acceptor", "--java-memory", "512M"), instance.resolveSibling(instance.getFileName() + "-create.log"));
        Files.copy(brokerXml(), instance.resolve("etc/broker.xml"), StandardCopyOption.REPLACE_EXISTING);
        StringBuilder users = new StringBuilder("\n");
        StringBuilder agencyRole = new StringBuilder();
        for (Map.Entry<String, String> agency : agencies.entrySet()) {
            users.append(escape(agency.getKey())).append(" = ").append(agency.getValue()).append('\n');
            agencyRole.append(agencyRole.isEmpty() ? "" : ",").append(agency.getKey());
        }
        Files.writeString(instance.resolve("etc/artemis-users.properties"), users, StandardCharsets.ISO_8859_1,
                StandardOpenOption.APPEND);
        if (!agencies.isEmpty()) {
            Files.writeString(instance.resolve("etc/artemis-roles.properties"), "\nagency = " + escape(agencyRole.toString())
                    + "\n", StandardCharsets.ISO_8859_1, StandardOpenOption.APPEND);
        }
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(instance.resolve("bin/artemis").toString(), "run")
                .redirectErrorStream(true)
                .redirectOutput(instance.resolve("broker.log").toFile());
        builder.environment().put("JAVA_ARGS_APPEND",
                "-Dhub.broker.host=127.0.0.1 -Dhub.broker.port=" + port + " -Dhub.broker.name=test-" + port);
        Process process = builder.start();
        StandaloneBroker broker = new StandaloneBroker(instance, port, process);
        Runtime.getRuntime().addShutdownHook(new Thread(broker::stop));
        broker.awaitActive(Duration.ofSeconds(90));
        return broker;
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path instance() {
        return instance;
    }

    private void awaitActive(Duration patience) throws IOException {
        Path log = instance.resolve("broker.log");
        try {
            await().atMost(patience).pollInterval(Duration.ofMillis(200)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the broker stopped at start-up:\n" + tail(log));
                }
                return Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains("AMQ221007")
                        && listening();
            });
        } catch (ConditionTimeoutException e) {
            stop();
            throw new IllegalStateException("the broker did not become active within " + patience + ":\n" + tail(log));
        }
    }

    private boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops the broker (SIGTERM, then SIGKILL after 10 s). */
    public void stop() {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "(no log)";
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static void run(List<String> command, Path log) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("artemis create failed:\n" + tail(log));
        }
    }

    /** A key of a Java properties file: ':' and '=' in client ids (000.00.00.H22:MOTCUA) escaped. */
    private static String escape(String key) {
        return key.replace("\\", "\\\\").replace(":", "\\:").replace("=", "\\=").replace(" ", "\\ ");
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
