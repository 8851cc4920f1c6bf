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
import java.io.InputStream;
import java.security.cert.X509CRL;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;
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
    /** A document time-stamp (PAdES-LTA, {@code /Type /DocTimeStamp}): its /Contents is an RFC 3161 token. */
    private static final String DOCUMENT_TIME_STAMP = "ETSI.RFC3161";
    /** Vietnamese certification authorities write the holder's numbers as {@code UID=SCHEME:number}. */
    private static final Set<String> ID_SCHEMES = Set.of("CCCD", "CMND", "HC", "MST", "MNS", "BHXH");

    private final TrustList trustList;
    private final RevocationChecker crls;
    private final Clock clock;

    public PdfSignatureVerifier(SignatureProperties properties) {
        this(TrustList.load(properties.trustList()), properties, Clock.systemUTC());
    }

    /** The configured trust list with what {@code sources} add (the simulated store's test authority in the demo). */
    @org.springframework.beans.factory.annotation.Autowired
    public PdfSignatureVerifier(SignatureProperties properties,
            org.springframework.beans.factory.ObjectProvider<TrustListSource> sources) {
        this(withSources(TrustList.load(properties.trustList()), sources), properties, Clock.systemUTC());
    }

    private static TrustList withSources(TrustList configured,
            org.springframework.beans.factory.ObjectProvider<TrustListSource> sources) {
        TrustList list = configured;
        for (TrustListSource source : sources.orderedStream().toList()) {
            org.slf4j.LoggerFactory.getLogger(PdfSignatureVerifier.class).info(
                    "Signature trust list: adding {} certificate(s) of {}", source.certificates().size(), source.description());
            list = list.with(source.certificates());
        }
        return list;
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
            Dss dss = dss(document);
            for (int i = 0; i < signatures.size(); i++) {
                results.add(verify(i + 1, fields.get(i), signatures.get(i), pdf, dss));
            }
            return document(pdf, results, dss);
        } catch (InvalidPasswordException e) {
            throw new HubException(ErrorCode.INVALID_DOCUMENT, "the PDF is encrypted with a password: send it unencrypted");
        } catch (IOException e) {
            throw new HubException(ErrorCode.INVALID_DOCUMENT, "the PDF cannot be read: " + e.getMessage());
        }
    }

    private static DocumentVerification document(byte[] pdf, List<SignatureVerification> signatures, Dss dss) {
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
        DocumentVerification.ValidationData data = null;
        if (dss.present()) {
            boolean used = signatures.stream().anyMatch(s -> s.revocation().sources().contains("DSS")
                    || s.timeStamp() != null && s.timeStamp().revocation() != null
                    && s.timeStamp().revocation().sources().contains("DSS"));
            data = new DocumentVerification.ValidationData(dss.certificates().size(), dss.crls().size(),
                    dss.ocspResponses().size(), used);
        }
        return new DocumentVerification(sha256Hex(pdf), pdf.length, status, reason, modified, List.copyOf(signatures),
                data);
    }

    private SignatureVerification verify(int index, String field, PDSignature signature, byte[] pdf, Dss dss)
            throws IOException {
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
        if (DOCUMENT_TIME_STAMP.equals(subFilter)) {
            return documentTimeStamp(index, field, signature, pdf, byteRange, whole, dss);
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
        OffsetDateTime claimed = signingTime;
        List<X509Certificate> pool = new ArrayList<>(bundled);
        pool.addAll(dss.certificates());
        DocumentVerification.TimeStamp stamp = null;
        Attribute stampAttribute = signerInfo.getUnsignedAttributes() == null ? null
                : signerInfo.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        if (stampAttribute != null && stampAttribute.getAttrValues().size() > 0) {
            StampResult checked = timeStamp(encoded(stampAttribute.getAttrValues().getObjectAt(0)),
                    signerInfo.getSignature(), pool, dss, false);
            stamp = checked.stamp();
            if (checked.reason() == null) {
                signingTime = stamp.time();
                timeSource = "signature-time-stamp";
            } else {
                reasons.add(checked.reason());
            }
        }
        Instant at = signingTime == null ? clock.instant() : signingTime.toInstant();
        ChainResult chain = chain(signerCertificate, pool, at);
        if (chain.reason() != null) {
            reasons.add(chain.reason());
        }
        Revocation revocation = notChecked();
        if ("TRUSTED".equals(chain.chain().status())) {
            revocation = crls.check(chain.path(), chain.issuers(), dss.embedded(at));
            switch (revocation.status()) {
                case "REVOKED" -> reasons.add(new Reason("CERTIFICATE_REVOKED", revocation.detail()));
                case "UNKNOWN" -> reasons.add(new Reason("REVOCATION_UNKNOWN", "the revocation state could not be"
                        + " established: " + revocation.detail()));
                default -> {
                }
            }
        }
        return finish(index, field, subFilter, reasons, signer, signingTime, timeSource,
                new Integrity(intact, digest, signatureAlgorithm), byteRange, whole, chain.chain(), revocation,
                DocumentVerification.KIND_SIGNATURE, claimed, stamp);
    }

    private static SignatureVerification finish(int index, String field, String subFilter, List<Reason> reasons,
            Signer signer, OffsetDateTime signingTime, String timeSource, Integrity integrity, long[] byteRange,
            boolean whole, Chain chain, Revocation revocation) {
        return finish(index, field, subFilter, reasons, signer, signingTime, timeSource, integrity, byteRange, whole,
                chain, revocation, DocumentVerification.KIND_SIGNATURE, signingTime, null);
    }

    private static SignatureVerification finish(int index, String field, String subFilter, List<Reason> reasons,
            Signer signer, OffsetDateTime signingTime, String timeSource, Integrity integrity, long[] byteRange,
            boolean whole, Chain chain, Revocation revocation, String kind, OffsetDateTime claimed,
            DocumentVerification.TimeStamp stamp) {
        Status status = Status.VALID;
        for (Reason reason : reasons) {
            status = status.worst(switch (reason.code()) {
                case "UNSUPPORTED_FORMAT", "CHAIN_UNTRUSTED", "REVOCATION_UNKNOWN", "CERTIFICATE_NOT_VALID_AT_SIGNING_TIME",
                        "SIGNER_CERTIFICATE_MISSING", "TIMESTAMP_IMPRINT_INVALID", "TIMESTAMP_SIGNATURE_INVALID",
                        "TIMESTAMP_UNTRUSTED", "TIMESTAMP_REVOKED", "TIMESTAMP_REVOCATION_UNKNOWN",
                        "TIMESTAMP_MALFORMED" -> Status.INDETERMINATE;
                default -> Status.INVALID;
            });
        }
        // the most serious reason first, so the document's reason is the one that decides
        List<Reason> ordered = new ArrayList<>(reasons.stream().filter(r -> isInvalidating(r.code())).toList());
        ordered.addAll(reasons.stream().filter(r -> !isInvalidating(r.code())).toList());
        return new SignatureVerification(index, field, subFilter, status, List.copyOf(ordered), signer, signingTime,
                timeSource, integrity, byteRange, whole, chain, revocation, kind, claimed, stamp);
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

    /** The validation data of a document's {@code /DSS} dictionary (PAdES-LT), possibly empty. */
    record Dss(boolean present, List<X509Certificate> certificates, List<X509CRL> crls, List<BasicOCSPResp> ocspResponses) {

        static final Dss NONE = new Dss(false, List.of(), List.of(), List.of());

        RevocationChecker.Embedded embedded(Instant at) {
            return new RevocationChecker.Embedded(crls, ocspResponses, at);
        }
    }

    /** The certificates, CRLs and OCSP responses of the catalogue's {@code /DSS}; unreadable entries are skipped. */
    static Dss dss(PDDocument document) {
        COSDictionary dss = document.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.getPDFName("DSS"));
        if (dss == null) {
            return Dss.NONE;
        }
        List<X509Certificate> certificates = new ArrayList<>();
        for (byte[] der : streams(dss, "Certs")) {
            try {
                certificates.add((X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(der)));
            } catch (GeneralSecurityException | RuntimeException e) {
                // an unreadable entry is no validation data
            }
        }
        List<X509CRL> crls = new ArrayList<>();
        for (byte[] der : streams(dss, "CRLs")) {
            try {
                crls.add((X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der)));
            } catch (GeneralSecurityException | RuntimeException e) {
                // skipped
            }
        }
        List<BasicOCSPResp> ocsps = new ArrayList<>();
        for (byte[] der : streams(dss, "OCSPs")) {
            try {
                OCSPResp response = new OCSPResp(der);
                if (response.getStatus() == OCSPResp.SUCCESSFUL && response.getResponseObject() instanceof BasicOCSPResp b) {
                    ocsps.add(b);
                }
            } catch (IOException | OCSPException | RuntimeException e) {
                // skipped
            }
        }
        return new Dss(true, List.copyOf(certificates), List.copyOf(crls), List.copyOf(ocsps));
    }

    private static List<byte[]> streams(COSDictionary dss, String key) {
        List<byte[]> out = new ArrayList<>();
        COSArray array = dss.getCOSArray(COSName.getPDFName(key));
        if (array == null) {
            return out;
        }
        for (int i = 0; i < array.size(); i++) {
            COSBase item = array.getObject(i);
            if (item instanceof COSStream stream) {
                try (InputStream in = stream.createInputStream()) {
                    out.add(in.readAllBytes());
                } catch (IOException e) {
                    // skipped
                }
            }
        }
        return out;
    }

    private static byte[] encoded(ASN1Encodable value) throws IOException {
        return value.toASN1Primitive().getEncoded();
    }

    /** A time-stamp checked, and the reason (of a signature time-stamp, or of a document time-stamp) it is not VALID. */
    private record StampResult(DocumentVerification.TimeStamp stamp, Reason reason, X509Certificate authority,
            String signatureAlgorithm) {
    }

    /**
     * An RFC 3161 token over {@code imprinted}: its imprint, its signature by the authority's certificate, that
     * certificate's chain to the trust list at the token's time and the chain's revocation (falling back on the
     * document's DSS). {@code document}: a document time-stamp, whose failures are those of a signature.
     */
    private StampResult timeStamp(byte[] tokenBytes, byte[] imprinted, List<X509Certificate> pool, Dss dss,
            boolean document) {
        TimeStampToken token;
        try {
            token = new TimeStampToken(new CMSSignedData(tokenBytes));
        } catch (CMSException | TSPException | IOException | RuntimeException e) {
            String detail = "the time-stamp token cannot be read: " + e.getMessage();
            return new StampResult(new DocumentVerification.TimeStamp("INVALID", null, null, null, false,
                    new Chain("NOT_CHECKED", List.of(), "unreadable token"), notChecked(), null, null, detail),
                    new Reason(document ? "MALFORMED_SIGNATURE" : "TIMESTAMP_MALFORMED", detail), null, null);
        }
        TimeStampTokenInfo info = token.getTimeStampInfo();
        OffsetDateTime time = info.getGenTime().toInstant().atZone(VIETNAM).toOffsetDateTime();
        String digest = algorithmName(info.getMessageImprintAlgOID().getId());
        String policy = info.getPolicy() == null ? null : info.getPolicy().getId();
        String serial = info.getSerialNumber().toString(16);
        String signatureAlgorithm = algorithmName(token.toCMSSignedData().getSignerInfos().getSigners().iterator().next()
                .getEncryptionAlgOID());
        boolean imprintValid;
        try {
            DigestCalculator calculator = new JcaDigestCalculatorProviderBuilder().build()
                    .get(new AlgorithmIdentifier(info.getMessageImprintAlgOID()));
            try (java.io.OutputStream out = calculator.getOutputStream()) {
                out.write(imprinted);
            }
            imprintValid = MessageDigest.isEqual(calculator.getDigest(), info.getMessageImprintDigest());
        } catch (OperatorCreationException | IOException e) {
            imprintValid = false;
        }
        X509Certificate authority = authorityCertificate(token, pool);
        String subject = authority == null ? null : subject(authority);
        if (!imprintValid) {
            String detail = document ? "the document time-stamp's imprint does not match the signed bytes: they were"
                    + " altered after it was made" : "the signature time-stamp's imprint is not the " + digest
                    + " digest of this signature's value: it does not vouch for this signature";
            return new StampResult(new DocumentVerification.TimeStamp("INVALID", time, subject, digest, false,
                    new Chain("NOT_CHECKED", List.of(), "imprint invalid"), notChecked(), policy, serial, detail),
                    new Reason(document ? "SIGNED_BYTES_ALTERED" : "TIMESTAMP_IMPRINT_INVALID", detail), authority,
                    signatureAlgorithm);
        }
        String signatureFailure = null;
        if (authority == null) {
            signatureFailure = "the token carries no certificate of its time-stamping authority";
        } else {
            try {
                token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(authority));
            } catch (TSPException | OperatorCreationException | RuntimeException e) {
                signatureFailure = "the time-stamp's signature does not verify under its authority's certificate: "
                        + e.getMessage();
            }
        }
        if (signatureFailure != null) {
            return new StampResult(new DocumentVerification.TimeStamp("INVALID", time, subject, digest, true,
                    new Chain("NOT_CHECKED", List.of(), "signature invalid"), notChecked(), policy, serial,
                    signatureFailure), new Reason(document ? "SIGNATURE_VALUE_INVALID" : "TIMESTAMP_SIGNATURE_INVALID",
                    signatureFailure), authority, signatureAlgorithm);
        }
        ChainResult chain = chain(authority, pool, time.toInstant());
        Revocation revocation = notChecked();
        Reason reason = null;
        String status = "VALID";
        if (chain.reason() != null) {
            status = "INDETERMINATE";
            String detail = "the time-stamping authority " + subject + " is not trusted: " + chain.reason().detail();
            reason = document ? chain.reason() : new Reason("TIMESTAMP_UNTRUSTED", detail);
        } else {
            revocation = crls.check(chain.path(), chain.issuers(), dss.embedded(time.toInstant()));
            if ("REVOKED".equals(revocation.status())) {
                status = "INVALID";
                reason = new Reason(document ? "CERTIFICATE_REVOKED" : "TIMESTAMP_REVOKED",
                        "the time-stamping authority's certificate is revoked: " + revocation.detail());
            } else if ("UNKNOWN".equals(revocation.status())) {
                status = "INDETERMINATE";
                reason = new Reason(document ? "REVOCATION_UNKNOWN" : "TIMESTAMP_REVOCATION_UNKNOWN",
                        "the revocation state of the time-stamping authority could not be established: "
                        + revocation.detail());
            }
        }
        return new StampResult(new DocumentVerification.TimeStamp(status, time, subject, digest, true, chain.chain(),
                revocation, policy, serial, reason == null ? null : reason.detail()), reason, authority,
                signatureAlgorithm);
    }

    /** The authority's certificate: in the token, else among the document's and the trust list's certificates. */
    @SuppressWarnings("unchecked")
    private X509Certificate authorityCertificate(TimeStampToken token, List<X509Certificate> pool) {
        Collection<X509CertificateHolder> matches = token.getCertificates()
                .getMatches((Selector<X509CertificateHolder>) (Object) token.getSID());
        if (!matches.isEmpty()) {
            return toX509(matches.iterator().next());
        }
        List<X509Certificate> candidates = new ArrayList<>(pool);
        candidates.addAll(trustList.intermediates());
        for (X509Certificate candidate : candidates) {
            try {
                if (token.getSID().match(new JcaX509CertificateHolder(candidate))) {
                    return candidate;
                }
            } catch (java.security.cert.CertificateEncodingException e) {
                // not this one
            }
        }
        return null;
    }

    /** A document time-stamp (PAdES-LTA): a token over the signed bytes, its authority as the "signer". */
    private SignatureVerification documentTimeStamp(int index, String field, PDSignature signature, byte[] pdf,
            long[] byteRange, boolean whole, Dss dss) throws IOException {
        StampResult checked = timeStamp(signature.getContents(pdf), signature.getSignedContent(pdf), dss.certificates(),
                dss, true);
        DocumentVerification.TimeStamp stamp = checked.stamp();
        List<Reason> reasons = checked.reason() == null ? List.of() : List.of(checked.reason());
        Signer authority = checked.authority() == null ? null : signer(checked.authority());
        boolean intact = stamp.imprintValid() && !"SIGNATURE_VALUE_INVALID".equals(
                checked.reason() == null ? null : checked.reason().code()) && checked.authority() != null;
        return finish(index, field, DOCUMENT_TIME_STAMP, new ArrayList<>(reasons), authority, stamp.time(),
                stamp.time() == null ? null : "document-time-stamp",
                new Integrity(intact, stamp.digestAlgorithm(), checked.signatureAlgorithm()), byteRange, whole,
                stamp.chain(), stamp.revocation(), DocumentVerification.KIND_DOCUMENT_TIME_STAMP, null, stamp);
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
