package vn.lienthong.hub.signature;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.Selector;
import org.springframework.stereotype.Component;

import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.HubException;
import vn.lienthong.hub.signature.DocumentVerification.Chain;
import vn.lienthong.hub.signature.DocumentVerification.Identifier;
import vn.lienthong.hub.signature.DocumentVerification.Integrity;
import vn.lienthong.hub.signature.DocumentVerification.Reason;
import vn.lienthong.hub.signature.DocumentVerification.Revocation;
import vn.lienthong.hub.signature.DocumentVerification.SignatureVerification;
import vn.lienthong.hub.signature.DocumentVerification.Signer;
import vn.lienthong.hub.signature.DocumentVerification.Status;

/**
 * Verifies the PAdES / CMS signatures of a PDF document (docs/signatures.md): for each signature the integrity of its
 * signed byte range, whether that range covers the whole document, the signer and the time it claims, the signer's
 * chain built to the trust list and valid at that time, and revocation by the CRLs the certificates name.
 */
@Component
public class PdfSignatureVerifier {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    /** The signature formats of PDF whose signed content is the byte range itself. */
    private static final Set<String> DETACHED = Set.of("adbe.pkcs7.detached", "ETSI.CAdES.detached");
    /** Vietnamese certification authorities write the holder's numbers as {@code UID=SCHEME:number}. */
    private static final Set<String> ID_SCHEMES = Set.of("CCCD", "CMND", "HC", "MST", "MNS", "BHXH");

    private final TrustList trustList;
    private final RevocationChecker crls;
    private final Clock clock;

    @org.springframework.beans.factory.annotation.Autowired
    public PdfSignatureVerifier(SignatureProperties properties) {
        this(TrustList.load(properties.trustList()), properties, Clock.systemUTC());
    }

    PdfSignatureVerifier(TrustList trustList, SignatureProperties properties, Clock clock) {
        this.trustList = trustList;
        this.crls = new RevocationChecker(properties, clock);
        this.clock = clock;
    }

    /**
     * The verification of every signature of {@code pdf}.
     *
     * @throws HubException {@code INVALID_DOCUMENT} when it is not a readable PDF, {@code UNSIGNED_DOCUMENT} when it has
     *                      no signature
     */
    public DocumentVerification verify(byte[] pdf) {
        if (pdf == null || pdf.length < 8 || !startsWithPdfHeader(pdf)) {
            throw new HubException(ErrorCode.INVALID_DOCUMENT, "the document is not a PDF (it must start with %PDF-)");
        }
        List<SignatureVerification> results = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<PDSignature> signatures = new ArrayList<>();
            List<String> fields = new ArrayList<>();
            for (PDSignatureField field : document.getSignatureFields()) {
                if (field.getSignature() != null) {
                    signatures.add(field.getSignature());
                    fields.add(field.getFullyQualifiedName());
                }
            }
            if (signatures.isEmpty()) {
                throw new HubException(ErrorCode.UNSIGNED_DOCUMENT, "the PDF carries no signature (no signed signature field)");
            }
            for (int i = 0; i < signatures.size(); i++) {
                results.add(verify(i + 1, fields.get(i), signatures.get(i), pdf));
            }
        } catch (InvalidPasswordException e) {
            throw new HubException(ErrorCode.INVALID_DOCUMENT, "the PDF is encrypted with a password: send it unencrypted");
        } catch (IOException e) {
            throw new HubException(ErrorCode.INVALID_DOCUMENT, "the PDF cannot be read: " + e.getMessage());
        }
        return document(pdf, results);
    }

    private static DocumentVerification document(byte[] pdf, List<SignatureVerification> signatures) {
        Status status = Status.VALID;
        for (SignatureVerification s : signatures) {
            status = status.worst(s.status());
        }
        boolean modified = signatures.stream().noneMatch(SignatureVerification::coversWholeDocument);
        String reason = null;
        if (status != Status.VALID) {
            reason = signatures.stream().filter(s -> s.status() != Status.VALID).findFirst()
                    .map(s -> "signature " + s.index() + ": " + s.reasons().get(0).detail()).orElse(null);
        } else if (modified) {
            status = Status.INDETERMINATE;
            reason = "the document was changed after its last signature: bytes follow every signed range";
        }
        return new DocumentVerification(sha256Hex(pdf), pdf.length, status, reason, modified, List.copyOf(signatures));
    }

    private SignatureVerification verify(int index, String field, PDSignature signature, byte[] pdf) throws IOException {
        List<Reason> reasons = new ArrayList<>();
        String subFilter = signature.getSubFilter();
        int[] range = signature.getByteRange();
        long[] byteRange = range == null ? null : Arrays.stream(range).asLongStream().toArray();
        boolean rangeOk = rangeIsSound(range, pdf);
        boolean whole = rangeOk && (long) range[2] + range[3] == pdf.length;
        if (!rangeOk) {
            reasons.add(new Reason("BYTE_RANGE_INVALID", "the signature's /ByteRange does not frame its /Contents within"
                    + " the document"));
            return finish(index, field, subFilter, reasons, null, null, null, null, byteRange, false,
                    new Chain("NOT_CHECKED", List.of(), "the signature could not be read"), notChecked());
        }
        if (subFilter == null || !DETACHED.contains(subFilter)) {
            reasons.add(new Reason("UNSUPPORTED_FORMAT", "signature format " + subFilter + " is not verified by this hub"
                    + " (PAdES ETSI.CAdES.detached and adbe.pkcs7.detached are)"));
            return finish(index, field, subFilter, reasons, null, claimedTime(signature), "signature-dictionary", null,
                    byteRange, whole, new Chain("NOT_CHECKED", List.of(), "the signature could not be read"), notChecked());
        }
        CMSSignedData cms;
        SignerInformation signerInfo;
        try {
            cms = new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(pdf)), signature.getContents(pdf));
            Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                throw new CMSException(signers.size() + " signer infos instead of one");
            }
            signerInfo = signers.iterator().next();
        } catch (CMSException | RuntimeException e) {
            reasons.add(new Reason("MALFORMED_SIGNATURE", "the signature's CMS structure cannot be read: " + e.getMessage()));
            return finish(index, field, subFilter, reasons, null, claimedTime(signature), "signature-dictionary", null,
                    byteRange, whole, new Chain("NOT_CHECKED", List.of(), "the signature could not be read"), notChecked());
        }
        OffsetDateTime signedAttributeTime = signedAttributeTime(signerInfo);
        OffsetDateTime signingTime = signedAttributeTime != null ? signedAttributeTime : claimedTime(signature);
        String timeSource = signedAttributeTime != null ? "signed-attribute" : signingTime == null ? null : "signature-dictionary";
        List<X509Certificate> bundled = certificates(cms);
        X509Certificate signerCertificate = signerCertificate(cms, signerInfo);
        String digest = algorithmName(signerInfo.getDigestAlgOID());
        String signatureAlgorithm = algorithmName(signerInfo.getEncryptionAlgOID());
        if (signerCertificate == null) {
            reasons.add(new Reason("SIGNER_CERTIFICATE_MISSING", "the signature does not carry its signer's certificate"));
            return finish(index, field, subFilter, reasons, null, signingTime, timeSource,
                    new Integrity(false, digest, signatureAlgorithm), byteRange, whole,
                    new Chain("NOT_CHECKED", List.of(), "no signer certificate"), notChecked());
        }
        Signer signer = signer(signerCertificate);
        boolean intact = false;
        try {
            intact = signerInfo.verify(new JcaSimpleSignerInfoVerifierBuilder().build(signerCertificate.getPublicKey()));
            if (!intact) {
                reasons.add(new Reason("SIGNATURE_VALUE_INVALID", "the signature value does not match the signer's key:"
                        + " the signature was not made with this certificate's key, or was altered"));
            }
        } catch (CMSSignerDigestMismatchException e) {
            reasons.add(new Reason("SIGNED_BYTES_ALTERED", "the signed bytes were altered after signing: their " + digest
                    + " digest does not match the one the signer signed"));
        } catch (CMSException | OperatorCreationException | RuntimeException e) {
            reasons.add(new Reason("SIGNATURE_VALUE_INVALID", "the signature cannot be verified: " + e.getMessage()));
        }
        Instant at = signingTime == null ? clock.instant() : signingTime.toInstant();
        ChainResult chain = chain(signerCertificate, bundled, at);
        if (chain.reason() != null) {
            reasons.add(chain.reason());
        }
        Revocation revocation = notChecked();
        if ("TRUSTED".equals(chain.chain().status())) {
            revocation = crls.check(chain.path(), chain.issuers());
            switch (revocation.status()) {
                case "REVOKED" -> reasons.add(new Reason("CERTIFICATE_REVOKED", revocation.detail()));
                case "UNKNOWN" -> reasons.add(new Reason("REVOCATION_UNKNOWN", "the revocation state could not be"
                        + " established: " + revocation.detail()));
                default -> {
                }
            }
        }
        return finish(index, field, subFilter, reasons, signer, signingTime, timeSource,
                new Integrity(intact, digest, signatureAlgorithm), byteRange, whole, chain.chain(), revocation);
    }

    private static SignatureVerification finish(int index, String field, String subFilter, List<Reason> reasons,
            Signer signer, OffsetDateTime signingTime, String timeSource, Integrity integrity, long[] byteRange,
            boolean whole, Chain chain, Revocation revocation) {
        Status status = Status.VALID;
        for (Reason reason : reasons) {
            status = status.worst(switch (reason.code()) {
                case "UNSUPPORTED_FORMAT", "CHAIN_UNTRUSTED", "REVOCATION_UNKNOWN", "CERTIFICATE_NOT_VALID_AT_SIGNING_TIME",
                        "SIGNER_CERTIFICATE_MISSING" -> Status.INDETERMINATE;
                default -> Status.INVALID;
            });
        }
        // the most serious reason first, so the document's reason is the one that decides
        List<Reason> ordered = new ArrayList<>(reasons.stream().filter(r -> isInvalidating(r.code())).toList());
        ordered.addAll(reasons.stream().filter(r -> !isInvalidating(r.code())).toList());
        return new SignatureVerification(index, field, subFilter, status, List.copyOf(ordered), signer, signingTime,
                timeSource, integrity, byteRange, whole, chain, revocation);
    }

    private static boolean isInvalidating(String code) {
        return Set.of("SIGNED_BYTES_ALTERED", "SIGNATURE_VALUE_INVALID", "BYTE_RANGE_INVALID", "MALFORMED_SIGNATURE",
                "CERTIFICATE_REVOKED", "CHAIN_INVALID").contains(code);
    }

    private static Revocation notChecked() {
        return new Revocation("NOT_CHECKED", null, List.of(), null, "revocation is checked for trusted chains only");
    }

    private record ChainResult(Chain chain, List<X509Certificate> path, List<X509Certificate> issuers, Reason reason) {
    }

    /** The path from the signer's certificate to an anchor of the trust list, valid at the signing time. */
    private ChainResult chain(X509Certificate signer, List<X509Certificate> bundled, Instant at) {
        if (at.isBefore(signer.getNotBefore().toInstant()) || at.isAfter(signer.getNotAfter().toInstant())) {
            return new ChainResult(new Chain("INVALID", List.of(subject(signer)), "the signer's certificate was not valid"
                    + " at the signing time"), List.of(), List.of(), new Reason("CERTIFICATE_NOT_VALID_AT_SIGNING_TIME",
                    "the signer's certificate is valid from " + time(signer.getNotBefore()) + " to "
                    + time(signer.getNotAfter()) + ", the signature claims " + at.atZone(VIETNAM).toOffsetDateTime()));
        }
        if (trustList.isEmpty()) {
            return untrusted(signer, "no trust list is configured (hub.signatures.trust-list)");
        }
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(signer);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(trustList.anchors(), target);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            List<X509Certificate> pool = new ArrayList<>(bundled);
            pool.addAll(trustList.intermediates());
            pool.add(signer);
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(pool)));
            PKIXCertPathBuilderResult result = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX")
                    .build(parameters);
            List<X509Certificate> path = result.getCertPath().getCertificates().stream()
                    .map(X509Certificate.class::cast).toList();
            X509Certificate anchor = result.getTrustAnchor().getTrustedCert();
            List<X509Certificate> issuers = new ArrayList<>(path.subList(1, path.size()));
            issuers.add(anchor);
            List<String> subjects = new ArrayList<>(path.stream().map(PdfSignatureVerifier::subject).toList());
            subjects.add(subject(anchor));
            return new ChainResult(new Chain("TRUSTED", List.copyOf(subjects), null), path, List.copyOf(issuers), null);
        } catch (CertPathBuilderException e) {
            boolean namesTrustedIssuer = trustList.anchors().stream().anyMatch(a -> a.getTrustedCert()
                    .getSubjectX500Principal().equals(signer.getIssuerX500Principal()));
            if (namesTrustedIssuer) {
                // a certificate in a trusted authority's name that its key did not sign, or out of that authority's validity
                return new ChainResult(new Chain("INVALID", List.of(subject(signer)), e.getMessage()), List.of(), List.of(),
                        new Reason("CHAIN_INVALID", "the signer's certificate names a trusted issuer but does not verify"
                        + " under it: " + e.getMessage()));
            }
            return untrusted(signer, "no chain from the signer's certificate (issued by " + issuer(signer)
                    + ") to a certificate of the trust list");
        } catch (GeneralSecurityException e) {
            return untrusted(signer, "the chain could not be built: " + e.getMessage());
        }
    }

    private static ChainResult untrusted(X509Certificate signer, String detail) {
        return new ChainResult(new Chain("UNTRUSTED", List.of(subject(signer)), detail), List.of(), List.of(),
                new Reason("CHAIN_UNTRUSTED", detail));
    }

    private static boolean startsWithPdfHeader(byte[] pdf) {
        // %PDF- within the first 1024 bytes, as readers accept (ISO 32000-1, Annex H.2)
        int limit = Math.min(pdf.length - 5, 1024);
        for (int i = 0; i <= limit; i++) {
            if (pdf[i] == '%' && pdf[i + 1] == 'P' && pdf[i + 2] == 'D' && pdf[i + 3] == 'F' && pdf[i + 4] == '-') {
                return true;
            }
        }
        return false;
    }

    /** {@code [0, a, b, c]} with the hex string {@code <…>} of /Contents exactly in the gap, all inside the file. */
    private static boolean rangeIsSound(int[] range, byte[] pdf) {
        if (range == null || range.length != 4 || range[0] != 0 || range[1] <= 0 || range[3] < 0) {
            return false;
        }
        long gapEnd = range[2];
        long end = gapEnd + range[3];
        return gapEnd > range[1] + 1L && end <= pdf.length && pdf[range[1]] == '<' && pdf[(int) gapEnd - 1] == '>';
    }

    private static OffsetDateTime claimedTime(PDSignature signature) {
        Calendar date = signature.getSignDate();
        return date == null ? null : date.toInstant().atZone(VIETNAM).toOffsetDateTime();
    }

    private static OffsetDateTime signedAttributeTime(SignerInformation signer) {
        AttributeTable attributes = signer.getSignedAttributes();
        Attribute attribute = attributes == null ? null : attributes.get(CMSAttributes.signingTime);
        if (attribute == null || attribute.getAttrValues().size() == 0) {
            return null;
        }
        try {
            return Time.getInstance(attribute.getAttrValues().getObjectAt(0)).getDate().toInstant().atZone(VIETNAM)
                    .toOffsetDateTime();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<X509Certificate> certificates(CMSSignedData cms) {
        List<X509Certificate> out = new ArrayList<>();
        for (X509CertificateHolder holder : cms.getCertificates().getMatches(null)) {
            X509Certificate certificate = toX509(holder);
            if (certificate != null) {
                out.add(certificate);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static X509Certificate signerCertificate(CMSSignedData cms, SignerInformation signer) {
        Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches((Selector<X509CertificateHolder>) (Object) signer.getSID());
        return matches.isEmpty() ? null : toX509(matches.iterator().next());
    }

    private static X509Certificate toX509(X509CertificateHolder holder) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(holder.getEncoded()));
        } catch (IOException | GeneralSecurityException e) {
            return null;
        }
    }

    static Signer signer(X509Certificate certificate) {
        X500Name name = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        List<Identifier> identifiers = new ArrayList<>();
        for (RDN rdn : name.getRDNs()) {
            for (AttributeTypeAndValue value : rdn.getTypesAndValues()) {
                if (value.getType().equals(BCStyle.UID) || value.getType().equals(BCStyle.SERIALNUMBER)) {
                    identifier(IETFUtils.valueToString(value.getValue()), identifiers);
                }
            }
        }
        try {
            return new Signer(subject(certificate), first(name, BCStyle.CN), first(name, BCStyle.O), List.copyOf(identifiers),
                    issuer(certificate), certificate.getSerialNumber().toString(16),
                    time(certificate.getNotBefore()), time(certificate.getNotAfter()),
                    sha256Hex(certificate.getEncoded()));
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code CCCD:001090012345}, also written {@code CCCD-…} or {@code CCCD 001…}. */
    private static void identifier(String text, List<Identifier> out) {
        String value = text.replace("\\", "").strip();
        int cut = -1;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ':' || c == '-' || c == ' ') {
                cut = i;
                break;
            }
        }
        if (cut > 0) {
            String scheme = value.substring(0, cut).toUpperCase(Locale.ROOT);
            String number = value.substring(cut + 1).strip();
            if (ID_SCHEMES.contains(scheme) && !number.isEmpty()) {
                out.add(new Identifier(scheme, number));
            }
        }
    }

    private static String first(X500Name name, ASN1ObjectIdentifier type) {
        RDN[] rdns = name.getRDNs(type);
        if (rdns.length == 0) {
            return null;
        }
        ASN1Encodable value = rdns[0].getFirst().getValue();
        return nfc(IETFUtils.valueToString(value).replace("\\", ""));
    }

    static String subject(X509Certificate certificate) {
        return nfc(X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).toString());
    }

    private static String issuer(X509Certificate certificate) {
        return nfc(X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()).toString());
    }

    private static String nfc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    private static OffsetDateTime time(Date date) {
        return date.toInstant().atZone(VIETNAM).toOffsetDateTime();
    }

    private static String algorithmName(String oid) {
        try {
            return new DefaultAlgorithmNameFinder().getAlgorithmName(new ASN1ObjectIdentifier(oid));
        } catch (IllegalArgumentException e) {
            return oid;
        }
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
