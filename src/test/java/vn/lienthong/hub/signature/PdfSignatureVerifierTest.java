package vn.lienthong.hub.signature;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.HubException;
import vn.lienthong.hub.signature.DocumentVerification.SignatureVerification;
import vn.lienthong.hub.signature.DocumentVerification.Status;

/**
 * The verifier on PDFs the test signs itself, against a test CA whose CRL a WireMock server publishes: what a valid,
 * an altered, an untrusted, a revoked signature and an unreachable CRL each give.
 */
class PdfSignatureVerifierTest {

    static WireMockServer crls;
    static TestPki.Issued ca;
    static TestPki.Issued an;
    static TestPki.Issued revoked;
    static TestPki.Issued unreachable;
    static TestPki.Issued stranger;
    static PdfSignatureVerifier verifier;

    @BeforeAll
    static void pki() throws Exception {
        crls = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        crls.start();
        String base = "http://127.0.0.1:" + crls.port();
        ca = TestPki.authority("Test Root CA H22");
        an = TestPki.signer(ca, "Nguyễn Văn An", "001090012345", base + "/crl/test-ca.crl");
        revoked = TestPki.signer(ca, "Trần Thị Bích", "001190000002", base + "/crl/test-ca.crl");
        unreachable = TestPki.signer(ca, "Lê Văn Cường", "001090000003", "http://127.0.0.1:1/crl/gone.crl");
        stranger = TestPki.signer(TestPki.authority("Unknown CA"), "Phạm Văn Dũng", "001090000004", null);
        crls.stubFor(get(urlEqualTo("/crl/test-ca.crl")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/pkix-crl")
                .withBody(TestPki.crl(ca, revoked.certificate()).getEncoded())));
        SignatureProperties properties = new SignatureProperties("", Duration.ofSeconds(2), Duration.ZERO, 1_000_000,
                new SignatureProperties.Seal("", "", "", false));
        verifier = new PdfSignatureVerifier(TrustList.of(List.of(ca.certificate())), properties, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        crls.stop();
    }

    @Test
    void validSignature_reportsSignerWithPersonalId_signingTime_trustedChain_andGoodRevocation() throws Exception {
        byte[] pdf = TestPki.signedPdf(an);

        DocumentVerification result = verifier.verify(pdf);

        assertThat(result.status()).isEqualTo(Status.VALID);
        assertThat(result.reason()).isNull();
        assertThat(result.modifiedAfterLastSignature()).isFalse();
        assertThat(result.signatures()).hasSize(1);
        SignatureVerification s = result.signatures().get(0);
        assertThat(s.status()).as(s.reasons().toString()).isEqualTo(Status.VALID);
        assertThat(s.subFilter()).isEqualTo("ETSI.CAdES.detached");
        assertThat(s.signer().commonName()).isEqualTo("Nguyễn Văn An");
        assertThat(s.signer().subject()).contains("CN=Nguyễn Văn An").contains("ST=Hà Nội");
        assertThat(s.signer().identifiers()).containsExactly(new DocumentVerification.Identifier("CCCD", "001090012345"));
        assertThat(s.signer().issuer()).contains("CN=Test Root CA H22");
        assertThat(s.signingTimeSource()).isEqualTo("signed-attribute");
        assertThat(s.signingTime().getOffset().getTotalSeconds()).isEqualTo(7 * 3600);
        assertThat(s.integrity().valid()).isTrue();
        assertThat(s.integrity().digestAlgorithm()).isEqualTo("SHA256");
        assertThat(s.coversWholeDocument()).isTrue();
        assertThat(s.byteRange()[2] + s.byteRange()[3]).isEqualTo(pdf.length);
        assertThat(s.chain().status()).isEqualTo("TRUSTED");
        assertThat(s.chain().certificates()).hasSize(2);
        assertThat(s.revocation().status()).isEqualTo("GOOD");
        assertThat(s.revocation().method()).isEqualTo("CRL");
        assertThat(s.revocation().sources()).singleElement().asString().endsWith("/crl/test-ca.crl");
    }

    @Test
    void alteredSignedBytes_areReportedInvalid_withTheReason() throws Exception {
        byte[] altered = TestPki.altered(TestPki.signedPdf(an));

        DocumentVerification result = verifier.verify(altered);

        assertThat(result.status()).isEqualTo(Status.INVALID);
        SignatureVerification s = result.signatures().get(0);
        assertThat(s.status()).isEqualTo(Status.INVALID);
        assertThat(s.integrity().valid()).isFalse();
        assertThat(s.reasons().get(0).code()).isEqualTo("SIGNED_BYTES_ALTERED");
        assertThat(result.reason()).contains("signature 1").contains("altered after signing");
        // who signed is still told: the certificate itself is intact
        assertThat(s.signer().commonName()).isEqualTo("Nguyễn Văn An");
    }

    @Test
    void signatureByACertificateOutsideTheTrustList_isIndeterminate_chainUntrusted() throws Exception {
        DocumentVerification result = verifier.verify(TestPki.signedPdf(stranger));

        SignatureVerification s = result.signatures().get(0);
        assertThat(s.integrity().valid()).isTrue();
        assertThat(s.status()).isEqualTo(Status.INDETERMINATE);
        assertThat(s.chain().status()).isEqualTo("UNTRUSTED");
        assertThat(s.reasons()).extracting(DocumentVerification.Reason::code).containsExactly("CHAIN_UNTRUSTED");
        assertThat(s.chain().detail()).contains("Unknown CA");
        assertThat(s.revocation().status()).isEqualTo("NOT_CHECKED");
        assertThat(result.status()).isEqualTo(Status.INDETERMINATE);
    }

    @Test
    void certificateInATrustedAuthoritysNameItDidNotSign_isInvalid() throws Exception {
        // a second authority with the very name of the trusted one: its certificates must not pass for the real one's
        TestPki.Issued impostor = TestPki.authority("Test Root CA H22");
        DocumentVerification result = verifier.verify(TestPki.signedPdf(TestPki.signer(impostor, "Giả Mạo", "001090000009",
                null)));

        SignatureVerification s = result.signatures().get(0);
        assertThat(s.status()).isEqualTo(Status.INVALID);
        assertThat(s.chain().status()).isEqualTo("INVALID");
        assertThat(s.reasons().get(0).code()).isEqualTo("CHAIN_INVALID");
    }

    @Test
    void revokedCertificate_isInvalid_withTheRevocationDate() throws Exception {
        DocumentVerification result = verifier.verify(TestPki.signedPdf(revoked));

        SignatureVerification s = result.signatures().get(0);
        assertThat(s.status()).isEqualTo(Status.INVALID);
        assertThat(s.integrity().valid()).isTrue();
        assertThat(s.revocation().status()).isEqualTo("REVOKED");
        assertThat(s.revocation().revokedAt()).isNotNull();
        assertThat(s.reasons().get(0).code()).isEqualTo("CERTIFICATE_REVOKED");
        assertThat(s.reasons().get(0).detail()).contains("was revoked on").contains("KEY_COMPROMISE");
    }

    @Test
    void unreachableCrl_leavesRevocationUnknown_neverValid() throws Exception {
        DocumentVerification result = verifier.verify(TestPki.signedPdf(unreachable));

        SignatureVerification s = result.signatures().get(0);
        assertThat(s.revocation().status()).isEqualTo("UNKNOWN");
        assertThat(s.status()).isEqualTo(Status.INDETERMINATE);
        assertThat(s.reasons()).extracting(DocumentVerification.Reason::code).containsExactly("REVOCATION_UNKNOWN");
        assertThat(s.revocation().detail()).contains("127.0.0.1:1/crl/gone.crl");
    }

    @Test
    void crlNotSignedByTheIssuer_isNotBelieved() throws Exception {
        TestPki.Issued other = TestPki.authority("Test Root CA H22");
        crls.stubFor(get(urlEqualTo("/crl/forged.crl")).willReturn(aResponse().withStatus(200)
                .withBody(TestPki.crl(other).getEncoded())));
        TestPki.Issued signer = TestPki.signer(ca, "Đỗ Thị Em", "001190000005",
                "http://127.0.0.1:" + crls.port() + "/crl/forged.crl");

        SignatureVerification s = verifier.verify(TestPki.signedPdf(signer)).signatures().get(0);

        assertThat(s.revocation().status()).isEqualTo("UNKNOWN");
        assertThat(s.status()).isEqualTo(Status.INDETERMINATE);
    }

    @Test
    void certificateNamingOnlyAnOcspResponder_isCheckedThere_goodRevokedOrUnknown() throws Exception {
        String base = "http://127.0.0.1:" + crls.port();
        TestPki.Issued good = TestPki.signer(ca, "Vũ Thị Giang", "001190000007", null, base + "/ocsp/good");
        TestPki.Issued bad = TestPki.signer(ca, "Hoàng Văn Hải", "001090000008", null, base + "/ocsp/revoked");
        TestPki.Issued silent = TestPki.signer(ca, "Ngô Thị Lan", "001190000010", null, "http://127.0.0.1:1/ocsp");
        crls.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/ocsp/good"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/ocsp-response")
                        .withBody(TestPki.ocspAnswer(ca, good.certificate(), false))));
        crls.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/ocsp/revoked"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/ocsp-response")
                        .withBody(TestPki.ocspAnswer(ca, bad.certificate(), true))));

        SignatureVerification ok = verifier.verify(TestPki.signedPdf(good)).signatures().get(0);
        assertThat(ok.status()).as(ok.reasons().toString()).isEqualTo(Status.VALID);
        assertThat(ok.revocation().status()).isEqualTo("GOOD");
        assertThat(ok.revocation().method()).isEqualTo("OCSP");

        SignatureVerification revokedByOcsp = verifier.verify(TestPki.signedPdf(bad)).signatures().get(0);
        assertThat(revokedByOcsp.status()).isEqualTo(Status.INVALID);
        assertThat(revokedByOcsp.revocation().status()).isEqualTo("REVOKED");
        assertThat(revokedByOcsp.reasons().get(0).code()).isEqualTo("CERTIFICATE_REVOKED");

        // the answer about another certificate (the good one's) is not believed for this one
        crls.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/ocsp/revoked"))
                .willReturn(aResponse().withStatus(200).withBody(TestPki.ocspAnswer(ca, good.certificate(), false))));
        assertThat(verifier.verify(TestPki.signedPdf(bad)).signatures().get(0).revocation().status()).isEqualTo("UNKNOWN");

        SignatureVerification unreachableResponder = verifier.verify(TestPki.signedPdf(silent)).signatures().get(0);
        assertThat(unreachableResponder.revocation().status()).isEqualTo("UNKNOWN");
        assertThat(unreachableResponder.status()).isEqualTo(Status.INDETERMINATE);
    }

    @Test
    void bytesAddedAfterTheLastSignature_makeTheDocumentIndeterminate() throws Exception {
        byte[] signed = TestPki.signedPdf(an);
        byte[] appended = "\n% appended after signing\n".getBytes(StandardCharsets.US_ASCII);
        byte[] extended = Arrays.copyOf(signed, signed.length + appended.length);
        System.arraycopy(appended, 0, extended, signed.length, appended.length);

        DocumentVerification result = verifier.verify(extended);

        assertThat(result.signatures().get(0).status()).isEqualTo(Status.VALID);
        assertThat(result.signatures().get(0).coversWholeDocument()).isFalse();
        assertThat(result.modifiedAfterLastSignature()).isTrue();
        assertThat(result.status()).isEqualTo(Status.INDETERMINATE);
        assertThat(result.reason()).contains("changed after its last signature");
    }

    @Test
    void twoSignatures_theFirstCoveredByTheSecond_areBothValid() throws Exception {
        TestPki.Issued officer = TestPki.signer(ca, "Trần Thị Bích Ngọc", "001190000006", null);
        byte[] twice = TestPki.sign(TestPki.signedPdf(an), officer, "Signature2");

        DocumentVerification result = verifier.verify(twice);

        assertThat(result.signatures()).hasSize(2);
        assertThat(result.signatures().get(0).coversWholeDocument()).isFalse();
        assertThat(result.signatures().get(1).coversWholeDocument()).isTrue();
        assertThat(result.signatures().get(1).revocation().status()).isEqualTo("NOT_PUBLISHED");
        assertThat(result.signatures()).extracting(SignatureVerification::status).containsOnly(Status.VALID);
        assertThat(result.status()).isEqualTo(Status.VALID);
    }

    @Test
    void notAPdf_andAPdfWithoutSignature_areRefusedWithTheirCodes() throws Exception {
        assertThatThrownBy(() -> verifier.verify("hello, not a PDF".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOfSatisfying(HubException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_DOCUMENT));
        assertThatThrownBy(() -> verifier.verify("%PDF-1.7\n garbage that is no PDF body".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOfSatisfying(HubException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_DOCUMENT));
        assertThatThrownBy(() -> verifier.verify(TestPki.unsignedPdf()))
                .isInstanceOfSatisfying(HubException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSIGNED_DOCUMENT));
    }
}
