package vn.lienthong.hub.signature;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import vn.lienthong.hub.HubIntegrationTest;
import vn.lienthong.hub.audit.MessageLogRecord;
import vn.lienthong.hub.audit.log.MessageLog;

/**
 * Signed documents through the whole hub (a context of its own: its trust list is a test CA made here, whose CRL a
 * WireMock server publishes): the verification endpoint with its bad inputs, the outcome in the message log, and the
 * seal on the evidence the hub issues, checked as an outside verifier would.
 */
class SignedDocumentsIT extends HubIntegrationTest {

    private static final String VERIFY = "/api/v1/documents/verify";
    private static final Path WORK = Path.of("target", "it-data", "signatures");
    private static final WireMockServer CRLS = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private static TestPki.Issued ca;
    private static TestPki.Issued an;
    private static TestPki.Issued revoked;

    @Autowired
    MessageLog messageLog;

    @TempDir
    Path dir;

    @DynamicPropertySource
    static void trustList(DynamicPropertyRegistry registry) throws Exception {
        CRLS.start();
        String crl = "http://127.0.0.1:" + CRLS.port() + "/crl/test-ca.crl";
        ca = TestPki.authority("Test Root CA H22 (IT)");
        an = TestPki.signer(ca, "Nguyễn Văn An", "001090012345", crl);
        revoked = TestPki.signer(ca, "Trần Thị Bích", "001190000002", crl);
        CRLS.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/crl/test-ca.crl")).willReturn(aResponse().withStatus(200)
                .withBody(TestPki.crl(ca, revoked.certificate()).getEncoded())));
        Files.createDirectories(WORK);
        Path trustList = WORK.resolve("trust-list.pem");
        Files.writeString(trustList, TestPki.pem(ca.certificate()), StandardCharsets.US_ASCII);
        registry.add("HUB_SIGNATURES_TRUST_LIST", trustList::toString);
        registry.add("HUB_EDGE_MAX_DOCUMENT_BYTES", () -> "200000");
        registry.add("hub.signatures.crl-cache-ttl", () -> "0s");
    }

    @AfterAll
    static void stopCrls() {
        CRLS.stop();
    }

    // ------------------------------------------------------------------ verification

    @Test
    void aValidSignedPdf_isReportedValid_withSignerAndChain_andTheOutcomeIsLogged() throws Exception {
        HttpResponse<String> answer = pdf(TestPki.signedPdf(an), MOTCUA_KEY, "sig-valid-1");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode result = body(answer);
        assertThat(result.path("status").asText()).isEqualTo("VALID");
        JsonNode signature = result.path("signatures").get(0);
        assertThat(signature.path("signer").path("commonName").asText()).isEqualTo("Nguyễn Văn An");
        assertThat(signature.path("signer").path("identifiers").get(0).path("scheme").asText()).isEqualTo("CCCD");
        assertThat(signature.path("signer").path("identifiers").get(0).path("value").asText()).isEqualTo("001090012345");
        assertThat(signature.path("signingTime").asText()).endsWith("+07:00");
        assertThat(signature.path("integrity").path("valid").asBoolean()).isTrue();
        assertThat(signature.path("coversWholeDocument").asBoolean()).isTrue();
        assertThat(signature.path("chain").path("status").asText()).isEqualTo("TRUSTED");
        assertThat(signature.path("revocation").path("status").asText()).isEqualTo("GOOD");

        List<MessageLogRecord> records = records("sig-valid-1", 3);
        assertThat(records).anySatisfy(r -> {
            assertThat(r.recordType()).isEqualTo("EXCHANGE");
            assertThat(r.service()).isEqualTo("signature-verification");
            assertThat(r.operation()).isEqualTo("VerifySignatures");
            assertThat(r.httpStatus()).isEqualTo(200);
        });
        assertThat(records).anySatisfy(r -> {
            assertThat(r.recordType()).isEqualTo("HOP");
            assertThat(r.operation()).isEqualTo("signature 1 VALID");
            assertThat(r.errorText()).contains("chain TRUSTED, revocation GOOD");
        });
        // the log keeps the outcome, not who signed
        assertThat(records).allSatisfy(r -> assertThat(String.valueOf(r.errorText())).doesNotContain("001090012345",
                "Nguyễn"));
    }

    @Test
    void anAlteredSignedPdf_isReportedInvalid_withTheReason_inTheAnswerAndTheLog() throws Exception {
        HttpResponse<String> answer = pdf(TestPki.altered(TestPki.signedPdf(an)), MOTCUA_KEY, "sig-altered-1");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode result = body(answer);
        assertThat(result.path("status").asText()).isEqualTo("INVALID");
        assertThat(result.path("reason").asText()).contains("altered after signing");
        JsonNode signature = result.path("signatures").get(0);
        assertThat(signature.path("integrity").path("valid").asBoolean()).isFalse();
        assertThat(signature.path("reasons").get(0).path("code").asText()).isEqualTo("SIGNED_BYTES_ALTERED");

        assertThat(records("sig-altered-1", 3)).anySatisfy(r -> {
            assertThat(r.operation()).isEqualTo("signature 1 INVALID");
            assertThat(r.outcome().name()).isEqualTo("REJECTED");
            assertThat(r.errorCode()).isEqualTo("SIGNED_BYTES_ALTERED");
        });
    }

    @Test
    void untrustedAndRevokedSigners_areNotValid_eachWithItsReason() throws Exception {
        TestPki.Issued stranger = TestPki.signer(TestPki.authority("Unknown CA"), "Phạm Văn Dũng", "001090000004", null);
        JsonNode untrusted = body(pdf(TestPki.signedPdf(stranger), MOTCUA_KEY, "sig-untrusted-1"));
        assertThat(untrusted.path("status").asText()).isEqualTo("INDETERMINATE");
        assertThat(untrusted.path("signatures").get(0).path("reasons").get(0).path("code").asText())
                .isEqualTo("CHAIN_UNTRUSTED");

        JsonNode revokedAnswer = body(pdf(TestPki.signedPdf(revoked), MOTCUA_KEY, "sig-revoked-1"));
        assertThat(revokedAnswer.path("status").asText()).isEqualTo("INVALID");
        assertThat(revokedAnswer.path("signatures").get(0).path("revocation").path("status").asText()).isEqualTo("REVOKED");
        assertThat(revokedAnswer.path("signatures").get(0).path("reasons").get(0).path("code").asText())
                .isEqualTo("CERTIFICATE_REVOKED");
    }

    @Test
    void theDocumentMayComeAsBase64InJson() throws Exception {
        String json = "{\"document\":\"" + Base64.getEncoder().encodeToString(TestPki.signedPdf(an)) + "\"}";
        HttpResponse<String> answer = post(VERIFY, json, Map.of("X-API-Key", MOTCUA_KEY));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(body(answer).path("status").asText()).isEqualTo("VALID");
    }

    @Test
    void badInputs_areClearProblems_neverA500() throws Exception {
        assertProblem(pdf("plain text".getBytes(StandardCharsets.US_ASCII), MOTCUA_KEY, "sig-bad-1"), 400, "INVALID_DOCUMENT");
        assertProblem(pdf(TestPki.unsignedPdf(), MOTCUA_KEY, "sig-bad-2"), 422, "UNSIGNED_DOCUMENT");
        assertProblem(pdf(new byte[0], MOTCUA_KEY, "sig-bad-3"), 400, "INVALID_DOCUMENT");
        assertProblem(post(VERIFY, "{\"document\":42}", Map.of("X-API-Key", MOTCUA_KEY)), 400, "INVALID_DOCUMENT");
        assertProblem(post(VERIFY, "{\"document\":\"JVBERi0=\",\"x\":1}", Map.of("X-API-Key", MOTCUA_KEY)), 400,
                "UNKNOWN_FIELD");
        assertProblem(post(VERIFY, "{\"document\":", Map.of("X-API-Key", MOTCUA_KEY)), 400, "MALFORMED_REQUEST");
        assertProblem(send(HttpRequest.newBuilder(URI.create(url(VERIFY))).header("X-API-Key", MOTCUA_KEY)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("%PDF-")).build()),
                415, "UNSUPPORTED_MEDIA_TYPE");
        byte[] oversized = new byte[200_001];
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, oversized, 0, 9);
        assertProblem(pdf(oversized, MOTCUA_KEY, "sig-bad-4"), 413, "PAYLOAD_TOO_LARGE");
        // who is not granted document:* is refused, and logged under the declared operation
        assertProblem(pdf(TestPki.signedPdf(an), PORTAL_KEY, "sig-denied-1"), 403, "ACCESS_DENIED");
        assertThat(records("sig-denied-1", 1)).anySatisfy(r -> assertThat(r.operation()).isEqualTo("VerifySignatures"));
    }

    // ------------------------------------------------------------------ the seal

    @Test
    void nationalIndexReports_andAuditExports_carryASealOutsideToolsVerify() throws Exception {
        String caPem = Files.readString(Path.of("target", "it-data", "seal", "hub-seal-ca.pem"));
        X509Certificate authority = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII)));

        HttpResponse<byte[]> report = bytes("/api/v1/dossiers/statistics", AUDITOR_KEY);
        assertThat(report.statusCode()).isEqualTo(200);
        byte[] reportSeal = Base64.getDecoder().decode(report.headers().firstValue(SealFilter.HEADER).orElseThrow());
        assertThat(report.headers().allValues("Link")).anySatisfy(l -> assertThat(l).contains("/api/v1/seal/certificate"));
        assertThat(SealVerification.verifiesWithBouncyCastle(report.body(), reportSeal, authority)).isTrue();

        HttpResponse<byte[]> export = bytes("/api/v1/audit/export?format=jsonl", AUDITOR_KEY);
        assertThat(export.statusCode()).isEqualTo(200);
        byte[] exportSeal = Base64.getDecoder().decode(export.headers().firstValue(SealFilter.HEADER).orElseThrow());
        assertThat(SealVerification.verifiesWithBouncyCastle(export.body(), exportSeal, authority)).isTrue();
        byte[] tampered = export.body().clone();
        tampered[tampered.length / 2] ^= 1;
        assertThat(SealVerification.verifiesWithBouncyCastle(tampered, exportSeal, authority)).isFalse();

        HttpResponse<String> certificates = get("/api/v1/seal/certificate", Map.of("X-API-Key", PORTAL_KEY));
        assertThat(certificates.statusCode()).isEqualTo(200);
        assertThat(certificates.body()).contains(caPem.strip().lines().skip(1).findFirst().orElseThrow());

        Path openssl = SealVerification.openssl();
        assumeTrue(openssl != null, "openssl is not on the PATH");
        assertThat(SealVerification.opensslVerify(openssl, dir, export.body(), exportSeal, caPem))
                .startsWith("0 ").contains("Verification successful");
        assertThat(SealVerification.opensslVerify(openssl, dir, tampered, exportSeal, caPem)).doesNotStartWith("0 ");
    }

    @Test
    void failedAnswersOfSealedOperations_areNotSealed() {
        HttpResponse<String> refused = get("/api/v1/dossiers/statistics?from=yesterday", Map.of("X-API-Key", AUDITOR_KEY));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue(SealFilter.HEADER)).isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    private HttpResponse<String> pdf(byte[] document, String key, String transactionId) {
        return send(HttpRequest.newBuilder(URI.create(url(VERIFY))).timeout(Duration.ofSeconds(30))
                .header("X-API-Key", key).header("X-Transaction-Id", transactionId)
                .header("Content-Type", "application/pdf").POST(HttpRequest.BodyPublishers.ofByteArray(document)).build());
    }

    private HttpResponse<byte[]> bytes(String path, String key) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30))
                .header("X-API-Key", key).GET().build();
        return java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private List<MessageLogRecord> records(String transactionId, int atLeast) {
        await().atMost(Duration.ofSeconds(10)).until(() -> messageLog.findByTransaction(transactionId).size() >= atLeast);
        return messageLog.findByTransaction(transactionId);
    }

    private void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = body(response);
        assertThat(problem.path("code").asText()).isEqualTo(code);
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(problem.path("transactionId").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception", "\tat ");
    }
}
