package vn.lienthong.hub.signature;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the hub found about the signatures of one PDF document (docs/signatures.md). The indications follow
 * ETSI EN 319 102-1: {@code VALID}, {@code INVALID} (the signature is broken: altered bytes, a revoked or forged
 * certificate), {@code INDETERMINATE} (it could not be confirmed: untrusted chain, revocation unknown).
 *
 * @param documentSha256             SHA-256 (hex) of the document as received
 * @param documentBytes              its size
 * @param status                     the worst status of its signatures, or INDETERMINATE when the document was changed
 *                                   after its last signature
 * @param reason                     why the document is not VALID, or null
 * @param modifiedAfterLastSignature bytes follow the range of the last signature (an unsigned incremental update)
 * @param signatures                 each signature in the order of the document's signature fields
 */
public record DocumentVerification(String documentSha256, long documentBytes, Status status, String reason,
        boolean modifiedAfterLastSignature, List<SignatureVerification> signatures) {

    /** The indication of a signature, or of the whole document. */
    public enum Status {
        VALID, INDETERMINATE, INVALID;

        /** The worse of two indications. */
        Status worst(Status other) {
            return other.ordinal() > ordinal() ? other : this;
        }
    }

    /**
     * One signature.
     *
     * @param index               1-based position among the document's signatures
     * @param field               the signature field's name
     * @param subFilter           the signature's format: {@code ETSI.CAdES.detached} (PAdES) or {@code adbe.pkcs7.detached}
     * @param status              the indication
     * @param reasons             why it is not VALID (empty when it is)
     * @param signer              who signed (from the signing certificate), or null when the signature names none
     * @param signingTime         the time the signer claims (signed attribute, else the signature dictionary); no trusted
     *                            time-stamp vouches for it
     * @param signingTimeSource   {@code signed-attribute} or {@code signature-dictionary}, or null
     * @param integrity           whether the signed bytes are those signed
     * @param byteRange           the signed byte range {@code [offset1, length1, offset2, length2]}
     * @param coversWholeDocument whether the signed range reaches the end of the document
     * @param chain               the signer's certificate chain checked against the trust list
     * @param revocation          the revocation state of the chain's certificates
     */
    public record SignatureVerification(int index, String field, String subFilter, Status status, List<Reason> reasons,
            Signer signer, OffsetDateTime signingTime, String signingTimeSource, Integrity integrity, long[] byteRange,
            boolean coversWholeDocument, Chain chain, Revocation revocation) {
    }

    /** Why a signature is not VALID: a code of docs/signatures.md and a sentence. */
    public record Reason(String code, String detail) {
    }

    /**
     * The signer as its certificate names it.
     *
     * @param subject      the certificate's subject (RFC 4514 order as written, NFC)
     * @param commonName   CN
     * @param organisation O, or null
     * @param identifiers  Vietnamese identifiers in the subject ({@code UID=CCCD:…}, {@code MST:…}, …)
     * @param issuer       the issuing authority's subject
     * @param serialNumber the certificate's serial number (hex)
     * @param notBefore    start of the certificate's validity
     * @param notAfter     end of the certificate's validity
     * @param certificateSha256 SHA-256 (hex) of the certificate
     */
    public record Signer(String subject, String commonName, String organisation, List<Identifier> identifiers,
            String issuer, String serialNumber, OffsetDateTime notBefore, OffsetDateTime notAfter,
            String certificateSha256) {
    }

    /**
     * An identifier of the signer, as Vietnamese certification authorities write it in the subject.
     *
     * @param scheme {@code CCCD} (citizen identity card), {@code CMND} (former identity card), {@code HC} (passport),
     *               {@code MST} (tax code), {@code MNS} (budget relation code), {@code BHXH} (social insurance number)
     * @param value  the number
     */
    public record Identifier(String scheme, String value) {
    }

    /**
     * @param valid              the message digest matches the signed bytes and the signature value matches the signer's key
     * @param digestAlgorithm    e.g. {@code SHA-256}
     * @param signatureAlgorithm e.g. {@code SHA256withRSA}
     */
    public record Integrity(boolean valid, String digestAlgorithm, String signatureAlgorithm) {
    }

    /**
     * @param status       {@code TRUSTED}, {@code UNTRUSTED} (no path to the trust list), {@code INVALID} (a path with a
     *                     broken or expired link), {@code NOT_CHECKED} (no signer certificate)
     * @param certificates subjects from the signer's certificate up to the trust anchor
     * @param detail       why it is not TRUSTED, or null
     */
    public record Chain(String status, List<String> certificates, String detail) {
    }

    /**
     * @param status    {@code GOOD}, {@code REVOKED}, {@code UNKNOWN} (the published information could not be had or
     *                  read), {@code NOT_PUBLISHED} (the certificates name no CRL or OCSP responder), {@code NOT_CHECKED}
     *                  (the chain is not trusted)
     * @param method    {@code CRL} or {@code OCSP}, or null
     * @param sources   where the information was taken from
     * @param revokedAt when the revoked certificate was revoked, or null
     * @param detail    which certificate and why, or null
     */
    public record Revocation(String status, String method, List<String> sources, OffsetDateTime revokedAt, String detail) {
    }
}
