package vn.lienthong.hub.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.lienthong.hub.HubIntegrationTest;
import vn.lienthong.hub.audit.MessageLogRecord;
import vn.lienthong.hub.audit.log.MessageLog;

/**
 * Mutual TLS at the edge: the hub serves HTTPS with a server certificate and asks for client certificates
 * ({@code server.ssl.client-auth=want}) of the agencies' certificate authority; a trusted certificate whose subject
 * names {@code OU={agency identifier}}, {@code CN={system code}} of a registered client authenticates that client,
 * without an API key. The CA, the server's and the clients' certificates and keys are made here, at run time.
 */
class MutualTlsIT extends HubIntegrationTest {

    private static final String AN = "{\"personalId\":\"001090012345\",\"fullName\":\"Nguyễn Văn An\",\"dateOfBirth\":\"1990-05-15\"}";
    private static final TestCertificates.Issued AGENCIES_CA;
    private static final TestCertificates.Issued OTHER_CA;
    private static final TestCertificates.Issued SERVER;
    private static final Path KEY_STORE;
    private static final Path TRUST_STORE;

    static {
        try {
            AGENCIES_CA = TestCertificates.authority("CN=CA cac co quan tinh H22 (test),O=UBND tinh,C=VN");
            OTHER_CA = TestCertificates.authority("CN=Another CA (test),C=VN");
            SERVER = TestCertificates.issue(TestCertificates.authority("CN=Hub server CA (test),C=VN"), "CN=127.0.0.1",
                    "127.0.0.1");
            Path dir = Path.of("target", "it-tls", Long.toString(System.nanoTime()));
            KEY_STORE = TestCertificates.write(SERVER.keyStore(), dir.resolve("hub.p12"));
            TRUST_STORE = TestCertificates.write(TestCertificates.trustStore(AGENCIES_CA), dir.resolve("agencies.p12"));
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void tls(DynamicPropertyRegistry registry) {
        registry.add("server.ssl.enabled", () -> "true");
        registry.add("server.ssl.key-store", () -> KEY_STORE.toAbsolutePath().toString());
        registry.add("server.ssl.key-store-type", () -> "PKCS12");
        registry.add("server.ssl.key-store-password", () -> new String(TestCertificates.PASSWORD));
        registry.add("server.ssl.trust-store", () -> TRUST_STORE.toAbsolutePath().toString());
        registry.add("server.ssl.trust-store-type", () -> "PKCS12");
        registry.add("server.ssl.trust-store-password", () -> new String(TestCertificates.PASSWORD));
        registry.add("server.ssl.client-auth", () -> "want");
    }

    @Autowired
    MessageLog messageLog;

    private HttpResponse<String> lookup(TestCertificates.Issued clientCertificate, Map<String, String> headers,
            String transactionId) throws Exception {
        return call(clientCertificate, "/api/v1/citizens/lookup", headers, transactionId);
    }

    private HttpResponse<String> call(TestCertificates.Issued clientCertificate, String path, Map<String, String> headers,
            String transactionId) throws Exception {
        TestCertificates.Issued serverIssuer = SERVER.issuer();
        SSLContext tls;
        if (clientCertificate == null) {
            tls = SSLContext.getInstance("TLS");
            tls.init(null, TestCertificates.trustManagers(serverIssuer), null);
        } else {
            tls = clientCertificate.clientContext(serverIssuer);
        }
        HttpClient client = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .header("X-User-Id", "canbo.motcua@hanoi.gov.vn").header("X-Purpose", "1.003560.000.00.00.H22")
                .header("X-Transaction-Id", transactionId)
                .POST(HttpRequest.BodyPublishers.ofString(AN, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private MessageLogRecord record(String transactionId) {
        List<MessageLogRecord> records = messageLog.findByTransaction(transactionId).stream()
                .filter(r -> "EXCHANGE".equals(r.recordType())).toList();
        assertThat(records).as(transactionId).hasSize(1);
        return records.get(0);
    }

    @Test
    void aTrustedCertificateOfARegisteredClient_authenticatesIt_withoutAnApiKey() throws Exception {
        var motcua = TestCertificates.issue(AGENCIES_CA, "CN=MOTCUA,OU=000.00.00.H22,O=UBND tinh,C=VN", null);
        HttpResponse<String> answer = lookup(motcua, Map.of(), "it-mtls-1");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(body(answer).path("fullName").asText()).isEqualTo("Nguyễn Văn An");
        assertThat(record("it-mtls-1").clientId()).isEqualTo("000.00.00.H22:MOTCUA");
        assertThat(record("it-mtls-1").outcome().name()).isEqualTo("SUCCESS");
    }

    @Test
    void aContainerError_isLoggedWithTheCertificatesClient() throws Exception {
        var motcua = TestCertificates.issue(AGENCIES_CA, "CN=MOTCUA,OU=000.00.00.H22,O=UBND tinh,C=VN", null);
        // an encoded slash: refused by the container before the edge filter runs
        HttpResponse<String> answer = call(motcua, "/api%2Fv1/citizens/lookup", Map.of(), "it-mtls-container");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(body(answer).path("code").asText()).isEqualTo("MALFORMED_REQUEST");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> !messageLog.findByTransaction("it-mtls-container").isEmpty());
        assertThat(record("it-mtls-container").clientId()).isEqualTo("000.00.00.H22:MOTCUA");
    }

    @Test
    void theCertificatesClientHasItsOwnGrants() throws Exception {
        var portal = TestCertificates.issue(AGENCIES_CA, "CN=CONGTTDT,OU=000.00.00.H22,C=VN", null);
        HttpResponse<String> answer = lookup(portal, Map.of(), "it-mtls-2");
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(body(answer).path("code").asText()).isEqualTo("ACCESS_DENIED");
        assertThat(record("it-mtls-2").clientId()).isEqualTo("000.00.00.H22:CONGTTDT");
    }

    @Test
    void aTrustedCertificateOfNoRegisteredClient_isRefused401_andLogged() throws Exception {
        var unknown = TestCertificates.issue(AGENCIES_CA, "CN=KHONGCO,OU=000.00.00.H22,C=VN", null);
        HttpResponse<String> answer = lookup(unknown, Map.of(), "it-mtls-3");
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(body(answer).path("code").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(body(answer).path("detail").asText()).contains("not a registered client");
        MessageLogRecord record = record("it-mtls-3");
        assertThat(record.errorCode()).isEqualTo("UNAUTHENTICATED");
        assertThat(record.clientId()).isNull();
    }

    @Test
    void aCertificateOfAnotherAuthority_neverAuthenticates() throws Exception {
        var forged = TestCertificates.issue(OTHER_CA, "CN=MOTCUA,OU=000.00.00.H22,C=VN", null);
        try {
            HttpResponse<String> answer = lookup(forged, Map.of(), "it-mtls-4");
            // the connector may go on without a certificate it cannot verify: then the call has no credentials
            assertThat(answer.statusCode()).isEqualTo(401);
        } catch (IOException refusedHandshake) {
            assertThat(refusedHandshake).isNotNull();
        }
    }

    @Test
    void aCertificateAndTheApiKeyOfAnotherClient_areRefused() throws Exception {
        var motcua = TestCertificates.issue(AGENCIES_CA, "CN=MOTCUA,OU=000.00.00.H22,C=VN", null);
        HttpResponse<String> answer = lookup(motcua, Map.of("X-API-Key", PORTAL_KEY), "it-mtls-5");
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(body(answer).path("detail").asText()).isEqualTo("the credentials name different clients");
        assertThat(lookup(motcua, Map.of("X-API-Key", MOTCUA_KEY), "it-mtls-6").statusCode()).isEqualTo(200);
    }

    @Test
    void apiKeysStillWorkOverTls_withoutACertificate() throws Exception {
        assertThat(lookup(null, Map.of("X-API-Key", MOTCUA_KEY), "it-mtls-7").statusCode()).isEqualTo(200);
        HttpResponse<String> none = lookup(null, Map.of(), "it-mtls-8");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(record("it-mtls-8").errorCode()).isEqualTo("UNAUTHENTICATED");
    }
}
