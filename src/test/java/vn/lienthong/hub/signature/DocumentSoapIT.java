package vn.lienthong.hub.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.soap.SOAPBinding;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.lienthong.hub.HubIntegrationTest;
import vn.lienthong.hub.audit.MessageLogRecord;
import vn.lienthong.hub.audit.log.MessageLog;
import vn.lienthong.hub.soap.document.v1.DocumentPortType;
import vn.lienthong.hub.soap.document.v1.DocumentService;
import vn.lienthong.hub.soap.document.v1.HubFault;
import vn.lienthong.hub.soap.document.v1.Verification;

/**
 * Signature verification over SOAP, through a client generated from the WSDL the hub serves: the PDF inline (base64)
 * and as an MTOM attachment, the same outcome as {@code POST /api/v1/documents/verify}, faults for bad inputs.
 * The trust list holds a test CA of its own; its signers name no revocation service.
 */
class DocumentSoapIT extends HubIntegrationTest {

    private static final Path WORK = Path.of("target", "it-data", "signatures-soap");
    private static TestPki.Issued ca;
    private static TestPki.Issued an;

    @Autowired
    MessageLog messageLog;

    @DynamicPropertySource
    static void trustList(DynamicPropertyRegistry registry) throws Exception {
        ca = TestPki.authority("Test Root CA H22 (SOAP IT)");
        an = TestPki.signer(ca, "Nguyễn Văn An", "001090012345", null);
        Files.createDirectories(WORK);
        Path trustList = WORK.resolve("trust-list.pem");
        Files.writeString(trustList, TestPki.pem(ca.certificate()), StandardCharsets.US_ASCII);
        registry.add("HUB_SIGNATURES_TRUST_LIST", trustList::toString);
        registry.add("HUB_EDGE_MAX_DOCUMENT_BYTES", () -> "200000");
    }

    @Test
    void servesTheWsdl() {
        HttpResponse<String> wsdl = get("/soap/DocumentService?wsdl", Map.of());
        assertThat(wsdl.statusCode()).isEqualTo(200);
        assertThat(wsdl.body()).contains("VerifyDocument", "HubFault");
    }

    @Test
    void aSignedPdf_inlineOrAsMtomAttachment_isVerifiedAsOverRest_andTheOutcomeIsLogged() throws Exception {
        byte[] pdf = TestPki.signedPdf(an);
        Verification inline = client(apiKeyAndTransaction(MOTCUA_KEY, "sig-soap-valid-1"), false).verifyDocument(pdf);
        Verification attached = client(apiKeyAndTransaction(MOTCUA_KEY, "sig-soap-valid-2"), true).verifyDocument(pdf);

        for (Verification outcome : List.of(inline, attached)) {
            assertThat(outcome.getDocumentBytes()).isEqualTo(pdf.length);
            assertThat(outcome.getSignature()).singleElement().satisfies(s -> {
                assertThat(s.getSigner().getCommonName()).isEqualTo("Nguyễn Văn An");
                assertThat(s.getIntegrity().isValid()).isTrue();
                assertThat(s.getChain().getStatus()).isEqualTo("TRUSTED");
                assertThat(s.getByteRange()).hasSize(4);
            });
        }
        HttpResponse<String> rest = send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/api/v1/documents/verify")))
                .header("X-API-Key", MOTCUA_KEY).header("Content-Type", "application/pdf")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(pdf)).build());
        assertThat(inline.getStatus()).isEqualTo(body(rest).path("status").asText());
        assertThat(inline.getDocumentSha256()).isEqualTo(body(rest).path("documentSha256").asText());
        assertThat(inline.getSignature().get(0).getStatus())
                .isEqualTo(body(rest).path("signatures").get(0).path("status").asText());

        assertThat(records("sig-soap-valid-2", 3)).anySatisfy(r -> {
            assertThat(r.recordType()).isEqualTo("EXCHANGE");
            assertThat(r.channel()).isEqualTo("SOAP");
            assertThat(r.operation()).isEqualTo("VerifySignatures");
        }).anySatisfy(r -> assertThat(r.operation()).startsWith("signature 1 "));
    }

    @Test
    void aPdfSentAsAnXopAttachment_isReadFromTheAttachment() throws Exception {
        byte[] pdf = TestPki.signedPdf(an);
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(("--part\r\nContent-Type: application/xop+xml; charset=UTF-8; type=\"text/xml\"\r\n"
                + "Content-Transfer-Encoding: binary\r\nContent-ID: <root>\r\n\r\n"
                + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:d=\"http://hub.lienthong.vn/soap/document/v1\">"
                + "<soap:Body><d:VerifyDocument><d:document><xop:Include xmlns:xop=\"http://www.w3.org/2004/08/xop/include\""
                + " href=\"cid:document.pdf\"/></d:document></d:VerifyDocument></soap:Body></soap:Envelope>\r\n"
                + "--part\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: binary\r\n"
                + "Content-ID: <document.pdf>\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(pdf);
        body.write("\r\n--part--\r\n".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/soap/DocumentService")))
                .header("X-API-Key", MOTCUA_KEY).header("SOAPAction", "\"urn:VerifyDocument\"")
                .header("Content-Type", "multipart/related; type=\"application/xop+xml\"; start=\"<root>\";"
                        + " start-info=\"text/xml\"; boundary=\"part\"")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("<documentBytes>" + pdf.length + "</documentBytes>", "<commonName>Nguyễn Văn An</commonName>")
                .doesNotContain("Fault");
    }

    @Test
    void anAlteredSignedPdf_isReportedInvalid_withTheReason() throws Exception {
        Verification outcome = client(apiKeyAndTransaction(MOTCUA_KEY, "sig-soap-altered-1"), false)
                .verifyDocument(TestPki.altered(TestPki.signedPdf(an)));
        assertThat(outcome.getStatus()).isEqualTo("INVALID");
        assertThat(outcome.getSignature().get(0).getReason()).anySatisfy(r ->
                assertThat(r.getCode()).isEqualTo("SIGNED_BYTES_ALTERED"));
        assertThat(records("sig-soap-altered-1", 3)).anySatisfy(r -> {
            assertThat(r.operation()).isEqualTo("signature 1 INVALID");
            assertThat(r.errorCode()).isEqualTo("SIGNED_BYTES_ALTERED");
        });
    }

    @Test
    void badInputs_areFaultsWithCodeAndTransactionId() throws Exception {
        assertFault(() -> client(apiKeyAndTransaction(MOTCUA_KEY, "sig-soap-bad-1"), false)
                .verifyDocument("plain text".getBytes(StandardCharsets.US_ASCII)), "INVALID_DOCUMENT", 400, "sig-soap-bad-1");
        assertFault(() -> client(apiKeyAndTransaction(MOTCUA_KEY, null), false).verifyDocument(new byte[0]), "INVALID_DOCUMENT", 400, null);
        assertFault(() -> client(apiKeyAndTransaction(MOTCUA_KEY, null), false).verifyDocument(TestPki.unsignedPdf()),
                "UNSIGNED_DOCUMENT", 422, null);
        byte[] signed = TestPki.signedPdf(an);
        assertFault(() -> client(apiKeyAndTransaction(PORTAL_KEY, "sig-soap-denied-1"), false).verifyDocument(signed),
                "ACCESS_DENIED", 403, "sig-soap-denied-1");
        // past HUB_EDGE_MAX_DOCUMENT_BYTES the edge refuses the request before it is read
        HttpResponse<String> oversized = send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/soap/DocumentService")))
                .header("X-API-Key", MOTCUA_KEY).header("Content-Type", "text/xml; charset=utf-8")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                        + "<soap:Body>" + "A".repeat(200_001) + "</soap:Body></soap:Envelope>")).build());
        assertThat(oversized.body()).contains("PAYLOAD_TOO_LARGE").doesNotContain("\tat ");
        // a SOAP document below the document limit is not cut by the smaller limit of other requests (4096 bytes here)
        assertThat(client(apiKeyAndTransaction(MOTCUA_KEY, null), false).verifyDocument(signed).getStatus()).isNotBlank();
        assertThat(records("sig-soap-denied-1", 1)).anySatisfy(r -> {
            assertThat(r.operation()).isEqualTo("VerifySignatures");
            assertThat(r.errorCode()).isEqualTo("ACCESS_DENIED");
        });
    }

    private List<MessageLogRecord> records(String transactionId, int atLeast) {
        await().atMost(Duration.ofSeconds(10)).until(() -> messageLog.findByTransaction(transactionId).size() >= atLeast);
        return messageLog.findByTransaction(transactionId);
    }

    private static void assertFault(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code, int status,
            String transactionId) {
        assertThatThrownBy(call).isInstanceOfSatisfying(HubFault.class, fault -> {
            assertThat(fault.getFaultInfo().getCode()).isEqualTo(code);
            assertThat(fault.getFaultInfo().getStatus()).isEqualTo(status);
            assertThat(fault.getFaultInfo().getTransactionId()).isNotBlank();
            if (transactionId != null) {
                assertThat(fault.getFaultInfo().getTransactionId()).isEqualTo(transactionId);
            }
        });
    }

    private DocumentPortType client(Map<String, String> headers, boolean mtom) {
        DocumentPortType port = soapPort(new DocumentService().getDocumentPort(), "/soap/DocumentService", headers);
        ((SOAPBinding) ((BindingProvider) port).getBinding()).setMTOMEnabled(mtom);
        return port;
    }
}
