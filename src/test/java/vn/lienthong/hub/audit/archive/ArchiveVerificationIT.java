package vn.lienthong.hub.audit.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import vn.lienthong.hub.HubApplication;
import vn.lienthong.hub.audit.chain.OfflineVerifier;

/**
 * The archive steps of docs/audit-record.md ("Export and offline verification") on the demo hub: with a retention and
 * frequent checkpoints set (seconds here instead of the document's minute), a call's records move to an archive file
 * listed in {@code manifest.json}, and the offline verifier, given the manifest and the hub's public key, finds it valid.
 */
class ArchiveVerificationIT {

    @TempDir
    Path data;

    @Test
    void demoWithARetention_archivesPastRecords_andTheOfflineVerifierAcceptsTheManifest() throws Exception {
        try (ConfigurableApplicationContext hub = new SpringApplicationBuilder(HubApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:hub-archive-it;DB_CLOSE_DELAY=-1",
                "--HUB_DATA_DIR=" + data,
                "--spring.artemis.embedded.persistent=false",
                "--HUB_BROKER_PORT=0",
                "--HUB_AUDIT_RETENTION=1s",
                "--HUB_AUDIT_CHECKPOINT_PERIOD=1s",
                "--HUB_AUDIT_ARCHIVE_CHECK_PERIOD=1s")) {
            int port = ((ServletWebServerApplicationContext) hub).getWebServer().getPort();
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> lookup = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/v1/citizens/lookup"))
                    .header("Content-Type", "application/json").header("X-API-Key", "demo-motcua-key")
                    .header("X-User-Id", "canbo01").header("X-Purpose", "1.003560.000.00.00.H22")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"personalId\":\"001090012345\",\"fullName\":\"Nguyễn Văn An\",\"dateOfBirth\":\"1990-05-15\"}",
                            StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(lookup.statusCode()).isEqualTo(200);
            Path publicKey = data.resolve("public-key.pem");
            HttpResponse<String> key = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/v1/audit/public-key"))
                    .header("X-API-Key", "demo-auditor-key").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(key.statusCode()).isEqualTo(200);
            Files.writeString(publicKey, key.body());

            Path manifest = data.resolve("audit/archive/manifest.json");
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(manifest)
                    && Files.readString(manifest).contains("message-log-"));

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int status = OfflineVerifier.run(new String[] {manifest.toString(), publicKey.toString()},
                    new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("VALID: ").contains("0 problem(s)");
            assertThat(status).isZero();
        }
    }
}
