package vn.lienthong.hub.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.lienthong.hub.signature.DocumentVerification.SignatureVerification;
import vn.lienthong.hub.signature.DocumentVerification.Status;

/**
 * Time-stamps and long-term validation data on PDFs the test signs itself, with a test CA and a test time-stamping
 * authority made with BouncyCastle (no network: the signers' CRLs are on a port nothing listens on, so only the
 * document's own validation data can tell their revocation state).
 */
class TimeStampVerificationTest {

    static TestPki.Issued ca;
    static TestPki.Issued tsa;
    static TestPki.Issued strangeTsa;
    static TestPki.Issued signer;
    static TestPki.Issued offline;
    static PdfSignatureVerifier verifier;

    @BeforeAll
    static void pki() throws Exception {
        ca = TestPki.authority("Test Root CA H22 (time-stamps)");
        tsa = TestPki.timeStampingAuthority(ca, "Test TSA H22");
        strangeTsa = TestPki.timeStampingAuthority(TestPki.authority("Unknown TSA root"), "Unknown TSA");
        signer = TestPki.signer(ca, "Nguyễn Văn An", "001090012345", null);
        offline = TestPki.signer(ca, "Lê Văn Cường", "001090000003", "http://127.0.0.1:1/crl/unreachable.crl");
        SignatureProperties properties = new SignatureProperties("", Duration.ofSeconds(2), Duration.ZERO, 1_000_000,
                new SignatureProperties.Seal("", "", "", false));
        verifier = new PdfSignatureVerifier(TrustList.of(List.of(ca.certificate())), properties, Clock.systemUTC());
    }

    @Test
    void aSignatureTimeStamp_isVerified_andItsTimeIsTheTrustedSigningTime() throws Exception {
        DocumentVerification result = verifier.verify(TestPki.signWithTimeStamp(TestPki.unsignedPdf(), signer, tsa, false));

        SignatureVerification s = result.signatures().get(0);
        assertThat(s.status()).as(s.reasons().toString()).isEqualTo(Status.VALID);
        assertThat(s.kind()).isEqualTo("signature");
        assertThat(s.signingTimeSource()).isEqualTo("signature-time-stamp");
        assertThat(s.timeStamp().status()).isEqualTo("VALID");
        assertThat(s.timeStamp().imprintValid()).isTrue();
        assertThat(s.timeStamp().authority()).contains("CN=Test TSA H22");
        assertThat(s.timeStamp().chain().status()).isEqualTo("TRUSTED");
        assertThat(s.timeStamp().digestAlgorithm()).isEqualTo("SHA256");
        assertThat(s.signingTime()).isEqualTo(s.timeStamp().time());
        assertThat(s.claimedSigningTime()).isNotNull();
        assertThat(Duration.between(s.claimedSigningTime(), s.signingTime()).abs()).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void aTimeStampWhoseImprintIsNotTheSignatureValue_isInvalid_andTheSigningTimeStaysTheClaimedOne() throws Exception {
        DocumentVerification result = verifier.verify(TestPki.signWithTimeStamp(TestPki.unsignedPdf(), signer, tsa, true));

        SignatureVerification s = result.signatures().get(0);
        assertThat(s.status()).isEqualTo(Status.INDETERMINATE);
        assertThat(s.reasons().get(0).code()).isEqualTo("TIMESTAMP_IMPRINT_INVALID");
        assertThat(s.timeStamp().status()).isEqualTo("INVALID");
        assertThat(s.timeStamp().imprintValid()).isFalse();
        assertThat(s.signingTimeSource()).isEqualTo("signed-attribute");
        assertThat(s.integrity().valid()).as("the signature itself is intact").isTrue();
        assertThat(result.status()).isEqualTo(Status.INDETERMINATE);
    }

    @Test
    void aTimeStampOfAnUntrustedAuthority_givesNoTrustedTime() throws Exception {
        DocumentVerification result = verifier.verify(
                TestPki.signWithTimeStamp(TestPki.unsignedPdf(), signer, strangeTsa, false));

        SignatureVerification s = result.signatures().get(0);
        assertThat(s.status()).isEqualTo(Status.INDETERMINATE);
        assertThat(s.reasons().get(0).code()).isEqualTo("TIMESTAMP_UNTRUSTED");
        assertThat(s.timeStamp().status()).isEqualTo("INDETERMINATE");
        assertThat(s.timeStamp().chain().status()).isEqualTo("UNTRUSTED");
        assertThat(s.signingTimeSource()).isEqualTo("signed-attribute");
    }

    @Test
    void aDocumentTimeStamp_overTheSignatureAndItsValidationData_isVerified_andTheDssGivesRevocationOffline()
            throws Exception {
        byte[] signed = TestPki.signWithTimeStamp(TestPki.unsignedPdf(), offline, tsa, false);
        byte[] lt = TestPki.withDss(signed, List.of(ca.certificate()), List.of(TestPki.freshCrl(ca)), List.of());
        byte[] lta = TestPki.documentTimeStamp(lt, tsa);

        DocumentVerification result = verifier.verify(lta);

        assertThat(result.status()).as(result.reason()).isEqualTo(Status.VALID);
        assertThat(result.signatures()).hasSize(2);
        SignatureVerification signature = result.signatures().get(0);
        assertThat(signature.revocation().status()).isEqualTo("GOOD");
        assertThat(signature.revocation().sources()).containsExactly("DSS");
        SignatureVerification stamp = result.signatures().get(1);
        assertThat(stamp.kind()).isEqualTo("document-time-stamp");
        assertThat(stamp.subFilter()).isEqualTo("ETSI.RFC3161");
        assertThat(stamp.status()).as(stamp.reasons().toString()).isEqualTo(Status.VALID);
        assertThat(stamp.signer().commonName()).isEqualTo("Test TSA H22");
        assertThat(stamp.signingTimeSource()).isEqualTo("document-time-stamp");
        assertThat(stamp.coversWholeDocument()).isTrue();
        assertThat(result.validationData().crls()).isEqualTo(1);
        assertThat(result.validationData().certificates()).isEqualTo(1);
        assertThat(result.validationData().used()).isTrue();
    }

    @Test
    void withoutValidationData_anUnreachableCrl_leavesTheRevocationUnknown() throws Exception {
        DocumentVerification result = verifier.verify(TestPki.signWithTimeStamp(TestPki.unsignedPdf(), offline, tsa, false));

        assertThat(result.signatures().get(0).revocation().status()).isEqualTo("UNKNOWN");
        assertThat(result.status()).isEqualTo(Status.INDETERMINATE);
        assertThat(result.validationData()).isNull();
    }

    @Test
    void aRevocationInTheDocumentsOwnCrl_isReported() throws Exception {
        byte[] signed = TestPki.signWithTimeStamp(TestPki.unsignedPdf(), offline, tsa, false);
        byte[] lta = TestPki.documentTimeStamp(TestPki.withDss(signed, List.of(),
                List.of(TestPki.freshCrl(ca, offline.certificate())), List.of()), tsa);

        SignatureVerification s = verifier.verify(lta).signatures().get(0);

        assertThat(s.status()).isEqualTo(Status.INVALID);
        assertThat(s.revocation().status()).isEqualTo("REVOKED");
        assertThat(s.revocation().sources()).containsExactly("DSS");
    }

    @Test
    void aDocumentTimeStampOverBytesAlteredSince_isInvalid() throws Exception {
        byte[] stamped = TestPki.documentTimeStamp(TestPki.unsignedPdf(), tsa);
        byte[] altered = TestPki.altered(stamped);

        DocumentVerification result = verifier.verify(altered);

        SignatureVerification stamp = result.signatures().get(0);
        assertThat(stamp.kind()).isEqualTo("document-time-stamp");
        assertThat(stamp.status()).isEqualTo(Status.INVALID);
        assertThat(stamp.reasons().get(0).code()).isEqualTo("SIGNED_BYTES_ALTERED");
        assertThat(stamp.timeStamp().imprintValid()).isFalse();
        assertThat(new String(altered, StandardCharsets.ISO_8859_1)).contains("BAN SUA");
    }
}
