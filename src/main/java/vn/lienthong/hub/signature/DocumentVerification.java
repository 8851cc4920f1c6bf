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
 * @param signatures                 each signature (and document time-stamp) in the order of the document's signature
 *                                   fields
 * @param validationData             the validation data the document embeds for long-term validation (its DSS
 *                                   dictionary), or null when it has none
 */
public record DocumentVerification(String documentSha256, long documentBytes, Status status, String reason,
        boolean modifiedAfterLastSignature, List<SignatureVerification> signatures, ValidationData validationData) {

    /** A document without embedded validation data. */
    public DocumentVerification(String documentSha256, long documentBytes, Status status, String reason,
            boolean modifiedAfterLastSignature, List<SignatureVerification> signatures) {
        this(documentSha256, documentBytes, status, reason, modifiedAfterLastSignature, signatures, null);
    }

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
     * @param signingTime         the trusted time of a valid signature time-stamp; else the time the signer claims
     *                            (signed attribute, else the signature dictionary); for a document time-stamp its time
     * @param signingTimeSource   {@code signature-time-stamp}, {@code signed-attribute}, {@code signature-dictionary}
     *                            or {@code document-time-stamp}, or null
     * @param integrity           whether the signed bytes are those signed
     * @param byteRange           the signed byte range {@code [offset1, length1, offset2, length2]}
     * @param coversWholeDocument whether the signed range reaches the end of the document
     * @param chain               the signer's certificate chain checked against the trust list
     * @param revocation          the revocation state of the chain's certificates
     * @param kind                {@code signature}, or {@code document-time-stamp} (PAdES-LTA {@code /DocTimeStamp},
     *                            {@code ETSI.RFC3161}: the signer is the time-stamping authority)
     * @param claimedSigningTime  the time the signer claims, whatever a time-stamp says, or null
     * @param timeStamp           the signature's RFC 3161 signature time-stamp (unsigned attribute
     *                            {@code signatureTimeStampToken}), or for a document time-stamp the token itself; null
     *                            when there is none
     */
    public record SignatureVerification(int index, String field, String subFilter, Status status, List<Reason> reasons,
            Signer signer, OffsetDateTime signingTime, String signingTimeSource, Integrity integrity, long[] byteRange,
            boolean coversWholeDocument, Chain chain, Revocation revocation, String kind,
            OffsetDateTime claimedSigningTime, TimeStamp timeStamp) {

        /** A signature without time-stamp. */
        public SignatureVerification(int index, String field, String subFilter, Status status, List<Reason> reasons,
                Signer signer, OffsetDateTime signingTime, String signingTimeSource, Integrity integrity,
                long[] byteRange, boolean coversWholeDocument, Chain chain, Revocation revocation) {
            this(index, field, subFilter, status, reasons, signer, signingTime, signingTimeSource, integrity, byteRange,
                    coversWholeDocument, chain, revocation, KIND_SIGNATURE, signingTime, null);
        }
    }

    /** {@link SignatureVerification#kind()} of a signature. */
    public static final String KIND_SIGNATURE = "signature";
    /** {@link SignatureVerification#kind()} of a document time-stamp. */
    public static final String KIND_DOCUMENT_TIME_STAMP = "document-time-stamp";

    /**
     * An RFC 3161 time-stamp token: over the signature value (signature time-stamp) or over the document's signed bytes
     * (document time-stamp).
     *
     * @param status          {@code VALID} (its imprint covers what it claims to, its authority signed it and chains to
     *                        the trust list), {@code INVALID} (imprint or signature broken), {@code INDETERMINATE}
     *                        (the authority is not trusted, or its revocation is unknown)
     * @param time            the time the authority vouches for ({@code genTime}, +07:00)
     * @param authority       the time-stamping authority's certificate subject, or null when the token does not carry it
     * @param digestAlgorithm the imprint's digest algorithm
     * @param imprintValid    whether the imprint is the digest of the signature value (or of the signed bytes)
     * @param chain           the authority's chain to the trust list, valid at {@code time}
     * @param revocation      the revocation state of the authority's chain
     * @param policy          the authority's policy OID
     * @param serialNumber    the token's serial number (hex)
     * @param detail          why it is not VALID, or null
     */
    public record TimeStamp(String status, OffsetDateTime time, String authority, String digestAlgorithm,
            boolean imprintValid, Chain chain, Revocation revocation, String policy, String serialNumber, String detail) {
    }

    /**
     * The validation data a document embeds (PAdES-LT: its {@code /DSS} dictionary), used for revocation when the
     * published CRLs and OCSP responders cannot be reached.
     *
     * @param certificates  certificates in {@code /Certs}
     * @param crls          CRLs in {@code /CRLs}
     * @param ocspResponses OCSP responses in {@code /OCSPs}
     * @param used          whether any of them decided a revocation state of this verification
     */
    public record ValidationData(int certificates, int crls, int ocspResponses, boolean used) {
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
     * @param sources   where the information was taken from (a URL, or {@code DSS} for the document's own
     *                  validation data)
     * @param revokedAt when the revoked certificate was revoked, or null
     * @param detail    which certificate and why, or null
     */
    public record Revocation(String status, String method, List<String> sources, OffsetDateTime revokedAt, String detail) {
    }
}
