package vn.lienthong.hub.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.lienthong.hub.HubApplication;

/**
 * Follows connectors/README.md as an integrator would: a new connector folder (descriptor, JSLT transform,
 * connector.yaml, simulator) is written to an outside directory, the hub is started with that directory and an access
 * grant in its configuration (no Java, no rebuild), and the new service is listed, allowed and answers.
 */
class DropInConnectorIT {

    private static final String INTEGRATOR_KEY = "demo-transport-key";

    @TempDir
    Path outside;

    @Test
    void servesNewConnectorFromOutsideFolder_afterRestartWithGrant() throws Exception {
        copy(Path.of("src/test/resources/dropin/driving-licence"), outside.resolve("driving-licence"));

        try (ConfigurableApplicationContext hub = new SpringApplicationBuilder(HubApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:hub-dropin-it;DB_CLOSE_DELAY=-1",
                "--HUB_DATA_DIR=target/it-data-dropin",
                "--spring.artemis.embedded.persistent=false",
                // step 2 of the guide: the outside folder
                "--hub.connectors-extra-location=" + outside.toUri(),
                // step 3: the connector's settings
                "--camel.kamelet.driving-licence-status-action.baseUrl=${hub.simulators.driving-licence.url}",
                "--camel.kamelet.driving-licence-status-action.accessKey=integrator-access-key",
                // step 4: a client and its grant
                "--hub.security.clients[0].id=000.00.00.H22:GTVT",
                "--hub.security.clients[0].name=Sở Giao thông vận tải",
                "--hub.security.clients[0].api-key-sha256=" + sha256(INTEGRATOR_KEY),
                "--hub.security.clients[0].grants[0]=data:driving-licence-status")) {
            int port = ((ServletWebServerApplicationContext) hub).getWebServer().getPort();
            ObjectMapper json = new ObjectMapper();

            JsonNode allowed = json.readTree(send(port, "GET", "/api/v1/services/allowed", null).body());
            assertThat(allowed.path("services")).hasSize(1);
            assertThat(allowed.path("services").get(0).path("code").asText()).isEqualTo("driving-licence-status");

            HttpResponse<String> found = send(port, "POST", "/api/v1/services/driving-licence-status",
                    "{\"personalId\":\"001090012345\"}");
            assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
            JsonNode licence = json.readTree(found.body());
            assertThat(licence.path("holderName").asText()).isEqualTo("Nguyễn Văn An");
            assertThat(licence.path("status").asText()).isEqualTo("VALID");
            assertThat(licence.path("classes").get(0).path("class").asText()).isEqualTo("B");

            HttpResponse<String> missing = send(port, "POST", "/api/v1/services/driving-licence-status",
                    "{\"personalId\":\"001099000001\"}");
            assertThat(missing.statusCode()).isEqualTo(404);

            HttpResponse<String> denied = send(port, "POST", "/api/v1/services/tax-obligations",
                    "{\"enterpriseCode\":\"0101234565\"}");
            assertThat(denied.statusCode()).isEqualTo(403);
        }
    }

    private static HttpResponse<String> send(int port, String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("X-API-Key", INTEGRATOR_KEY)
                .header("X-User-Id", "canbo.gtvt@hanoi.gov.vn")
                .header("X-Purpose", "1.002835.000.00.00.H22")
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    private static String sha256(String text) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
