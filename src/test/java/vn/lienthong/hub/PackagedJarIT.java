package vn.lienthong.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar runs on its own: flows and connectors are read from inside it and the embedded parts start.
 * (Resource scanning inside a Spring Boot jar differs from the build folder the other tests run from.)
 */
class PackagedJarIT {

    private Process hub;

    @Test
    void packagedJarServesCitizenLookup() throws Exception {
        Path jar;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            jar = files.filter(p -> p.getFileName().toString().matches("lienthong-hub-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("run through 'mvnw verify', which packages the jar first"));
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path data = Files.createTempDirectory("hub-jar-it");
        Path log = data.resolve("hub.log");
        hub = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toAbsolutePath().toString(), "--server.port=" + port, "--HUB_DATA_DIR=" + data.toAbsolutePath(),
                // no agency listener: 61616 may be another hub's on a shared machine, and a listener that cannot bind
                // stops the start (BrokerListenerIT)
                "--HUB_BROKER_PORT=0"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).directory(new File(".")).start();

        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + port;
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(hub.isAlive()).as("hub process, see " + log).isTrue();
            try {
                return http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });

        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/citizens/lookup"))
                .header("Content-Type", "application/json").header("X-API-Key", "demo-motcua-key")
                .header("X-User-Id", "jar-it").header("X-Purpose", "1.003560.000.00.00.H22")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"personalId\":\"001090012345\",\"fullName\":\"Nguyễn Văn An\",\"dateOfBirth\":\"1990-05-15\"}",
                        StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("\"fullName\":\"Nguyễn Văn An\"", "\"status\":\"EXACT\"");
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (hub != null) {
            hub.destroy();
            hub.waitFor();
        }
    }
}
