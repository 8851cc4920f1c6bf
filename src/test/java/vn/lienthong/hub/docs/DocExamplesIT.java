package vn.lienthong.hub.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import vn.lienthong.hub.HubApplication;

/**
 * Every curl example of the README, {@code docs/} and {@code connectors/} run against the hub as the demo runs it (its
 * default profile, demo clients and simulators; plus the drop-in connector that connectors/README.md walks through),
 * each checked against the {@code <!-- expect … -->} comment that follows its block. One test per curl command, named
 * by file and line; an example without an expectation fails.
 */
class DocExamplesIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static ConfigurableApplicationContext hub;
    private static int port;

    @TempDir
    static Path work;

    @BeforeAll
    static void startDemoHub() {
        hub = new SpringApplicationBuilder(HubApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:hub-docs-it;DB_CLOSE_DELAY=-1",
                "--HUB_DATA_DIR=target/it-data-docs",
                "--spring.artemis.embedded.persistent=false",
                "--HUB_BROKER_PORT=0",
                // connectors/README.md, "Add a connector": the folder holding driving-licence/, and its settings
                "--hub.connectors-extra-location=" + Path.of("src/test/resources/dropin").toAbsolutePath().toUri(),
                "--camel.kamelet.driving-licence-status-action.baseUrl=${hub.simulators.driving-licence.url}",
                "--camel.kamelet.driving-licence-status-action.accessKey=integrator-access-key");
        port = ((ServletWebServerApplicationContext) hub).getWebServer().getPort();
    }

    @AfterAll
    static void stopDemoHub() {
        if (hub != null) {
            hub.close();
        }
    }

    @TestFactory
    Stream<DynamicNode> everyDocumentedExampleAnswersAsDocumented() {
        Path repository = Path.of("").toAbsolutePath();
        return documents(repository).stream().map(file -> {
            List<DocExamples.Example> examples = DocExamples.read(repository, file);
            ExampleRunner runner = new ExampleRunner(DocExamplesIT::send, "http://127.0.0.1:" + port, repository, work);
            return DynamicContainer.dynamicContainer(file, repository.resolve(file).toUri(), examples.stream()
                    .map(example -> DynamicTest.dynamicTest(example.name(),
                            URI.create(repository.resolve(file).toUri() + "?line=" + example.line()),
                            () -> runner.run(example))));
        });
    }

    /** The Markdown files a reader is sent to: the README, docs/ and connectors/ (every folder). */
    static List<String> documents(Path repository) {
        try (Stream<Path> docs = Files.walk(repository.resolve("docs"));
                Stream<Path> connectors = Files.walk(repository.resolve("connectors"))) {
            return Stream.concat(Stream.of(repository.resolve("README.md")), Stream.concat(docs, connectors))
                    .filter(p -> p.toString().endsWith(".md"))
                    .map(p -> repository.relativize(p).toString().replace('\\', '/'))
                    .sorted((a, b) -> a.equals("README.md") ? -1 : b.equals("README.md") ? 1 : a.compareTo(b))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Expectation.Answer send(String method, String url, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Expectation.Answer(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
