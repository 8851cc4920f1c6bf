package vn.lienthong.hub.signature;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Date;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.X509ObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.jcajce.JcaBasicOCSPRespBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * A certification authority, signers and signed PDFs made by the tests at run time (no key or document is committed):
 * PDFBox writes and signs the PDF (PAdES, ETSI.CAdES.detached), BouncyCastle makes keys, certificates, CMS and CRLs.
 */
final class TestPki {

    static final String TITLE = "Trich luc khai sinh ban goc";

    /** A key with its certificate; {@code issuer} null for a root. */
    record Issued(KeyPair keys, X509Certificate certificate, Issued issuer) {

        List<X509Certificate> chain() {
            List<X509Certificate> chain = new ArrayList<>();
            for (Issued i = this; i != null; i = i.issuer()) {
                chain.add(i.certificate());
            }
            return chain;
        }
    }

    private TestPki() {
    }

    static Issued authority(String commonName) throws Exception {
        KeyPair keys = keyPair();
        X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN").addRDN(BCStyle.O, "Test CA")
                .addRDN(BCStyle.CN, commonName).build();
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365))), name, keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
        return new Issued(keys, certificate, null);
    }

    /**
     * A signer's certificate in the Vietnamese style: {@code CN} the holder's name, {@code UID=CCCD:<number>}, with a
     * CRL distribution point at {@code crlUrl} (none when null).
     */
    static Issued signer(Issued issuer, String name, String personalId, String crlUrl) throws Exception {
        return signer(issuer, name, personalId, crlUrl, null);
    }

    /** As {@link #signer(Issued, String, String, String)}, naming also an OCSP responder at {@code ocspUrl}. */
    static Issued signer(Issued issuer, String name, String personalId, String crlUrl, String ocspUrl) throws Exception {
        KeyPair keys = keyPair();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN").addRDN(BCStyle.ST, "Hà Nội")
                .addRDN(BCStyle.CN, name).addRDN(BCStyle.UID, "CCCD:" + personalId).build();
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer.certificate(), serial(),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(30))),
                subject, keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        if (crlUrl != null) {
            GeneralNames names = new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, crlUrl));
            builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                new DistributionPoint(new DistributionPointName(names), null, null)}));
        }
        if (ocspUrl != null) {
            builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                    X509ObjectIdentifiers.id_ad_ocsp, new GeneralName(GeneralName.uniformResourceIdentifier, ocspUrl)));
        }
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuer.keys().getPrivate())));
        return new Issued(keys, certificate, issuer);
    }

    /** An OCSP answer of {@code issuer} itself about {@code certificate}: good, or revoked five minutes ago. */
    static byte[] ocspAnswer(Issued issuer, X509Certificate certificate, boolean revoked) throws Exception {
        DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
        CertificateID id = new CertificateID(digests.get(CertificateID.HASH_SHA1),
                new JcaX509CertificateHolder(issuer.certificate()), certificate.getSerialNumber());
        Instant now = Instant.now();
        BasicOCSPRespBuilder builder = new JcaBasicOCSPRespBuilder(issuer.certificate().getPublicKey(),
                digests.get(CertificateID.HASH_SHA1));
        builder.addResponse(id, revoked ? new RevokedStatus(Date.from(now.minus(Duration.ofMinutes(5))),
                CRLReason.keyCompromise) : CertificateStatus.GOOD, Date.from(now.minus(Duration.ofMinutes(1))),
                Date.from(now.plus(Duration.ofHours(1))));
        BasicOCSPResp basic = builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuer.keys().getPrivate()),
                null, Date.from(now));
        return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
    }

    /** A CRL of {@code issuer} revoking {@code revoked}, current for a day. */
    static X509CRL crl(Issued issuer, X509Certificate... revoked) throws Exception {
        Instant now = Instant.now();
        X509v2CRLBuilder builder = new X509v2CRLBuilder(
                X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded()),
                Date.from(now.minus(Duration.ofMinutes(10))));
        builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(1))));
        for (X509Certificate certificate : revoked) {
            builder.addCRLEntry(certificate.getSerialNumber(), Date.from(now.minus(Duration.ofMinutes(5))),
                    CRLReason.keyCompromise);
        }
        return new JcaX509CRLConverter().getCRL(builder.build(
                new JcaContentSignerBuilder("SHA256withRSA").build(issuer.keys().getPrivate())));
    }

    /** An unsigned one-page PDF whose title is {@link #TITLE}, written without compression (so tests can find bytes). */
    static byte[] unsignedPdf() throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                content.newLineAtOffset(72, 700);
                content.showText("Trich luc khai sinh - Nguyen Van An - 001090012345");
                content.endText();
            }
            document.getDocumentInformation().setTitle(TITLE);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out, CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        }
    }

    /** {@code pdf} with one more signature by {@code signer} (PAdES baseline: ETSI.CAdES.detached), incrementally saved. */
    static byte[] sign(byte[] pdf, Issued signer, String field) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(field);
            signature.setSignDate(Calendar.getInstance());
            document.addSignature(signature, content -> cms(content.readAllBytes(), signer));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            return out.toByteArray();
        }
    }

    static byte[] signedPdf(Issued signer) throws IOException {
        return sign(unsignedPdf(), signer, "Signature1");
    }

    /** The signed PDF with its title changed inside the signed bytes (same length, so the structure still reads). */
    static byte[] altered(byte[] signedPdf) {
        String text = new String(signedPdf, StandardCharsets.ISO_8859_1);
        int at = text.indexOf(TITLE);
        if (at < 0) {
            throw new IllegalStateException("title not found in the PDF");
        }
        byte[] copy = signedPdf.clone();
        byte[] replacement = "Trich luc khai sinh BAN SUA".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(replacement, 0, copy, at, replacement.length);
        return copy;
    }

    /** Detached CMS SignedData over {@code content}, with the signer's chain. */
    static byte[] cms(byte[] content, Issued signer) throws IOException {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder()
                    .build()).build(new JcaContentSignerBuilder("SHA256withRSA").build(signer.keys().getPrivate()),
                    signer.certificate()));
            generator.addCertificates(new JcaCertStore(signer.chain()));
            return generator.generate(new CMSProcessableByteArray(content), false).getEncoded();
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    // ------------------------------------------------------------------ time-stamps and validation data

    /** A time-stamping authority under {@code issuer}: critical extended key usage id-kp-timeStamping (RFC 3161). */
    static Issued timeStampingAuthority(Issued issuer, String name) throws Exception {
        KeyPair keys = keyPair();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN").addRDN(BCStyle.O, "Test TSA")
                .addRDN(BCStyle.CN, name).build();
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer.certificate(), serial(),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(30))), subject,
                keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.extendedKeyUsage, true,
                new org.bouncycastle.asn1.x509.ExtendedKeyUsage(org.bouncycastle.asn1.x509.KeyPurposeId.id_kp_timeStamping));
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuer.keys().getPrivate())));
        return new Issued(keys, certificate, issuer);
    }

    /** An RFC 3161 token of {@code tsa} over SHA-256 of {@code data}, made now (the encoded ContentInfo). */
    static org.bouncycastle.tsp.TimeStampToken token(Issued tsa, byte[] data) throws Exception {
        byte[] imprint = java.security.MessageDigest.getInstance("SHA-256").digest(data);
        org.bouncycastle.tsp.TimeStampTokenGenerator generator = new org.bouncycastle.tsp.TimeStampTokenGenerator(
                new org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA",
                        tsa.keys().getPrivate(), tsa.certificate()),
                new JcaDigestCalculatorProviderBuilder().build().get(new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                        org.bouncycastle.asn1.oiw.OIWObjectIdentifiers.idSHA1)),
                new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.3.6.1.4.1.99999.2.1"));
        generator.addCertificates(new JcaCertStore(List.of(tsa.certificate())));
        org.bouncycastle.tsp.TimeStampRequestGenerator request = new org.bouncycastle.tsp.TimeStampRequestGenerator();
        request.setCertReq(true);
        return generator.generate(request.generate(org.bouncycastle.tsp.TSPAlgorithms.SHA256, imprint), serial(),
                new Date());
    }

    /**
     * {@code pdf} signed by {@code signer} with a signature time-stamp of {@code tsa} in the unsigned attributes; with
     * {@code alterImprint} the token is over other bytes than the signature value (an altered imprint).
     */
    static byte[] signWithTimeStamp(byte[] pdf, Issued signer, Issued tsa, boolean alterImprint) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName("Signature1");
            signature.setSignDate(Calendar.getInstance());
            document.addSignature(signature, content -> {
                try {
                    org.bouncycastle.cms.CMSSignedData cms = new org.bouncycastle.cms.CMSSignedData(
                            cms(content.readAllBytes(), signer));
                    org.bouncycastle.cms.SignerInformation info = cms.getSignerInfos().getSigners().iterator().next();
                    byte[] stamped = info.getSignature().clone();
                    if (alterImprint) {
                        stamped[0] ^= 1;
                    }
                    org.bouncycastle.asn1.cms.Attribute attribute = new org.bouncycastle.asn1.cms.Attribute(
                            org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                            new org.bouncycastle.asn1.DERSet(token(tsa, stamped).toCMSSignedData().toASN1Structure()));
                    org.bouncycastle.cms.SignerInformation withStamp = org.bouncycastle.cms.SignerInformation
                            .replaceUnsignedAttributes(info, new org.bouncycastle.asn1.cms.AttributeTable(attribute));
                    return org.bouncycastle.cms.CMSSignedData.replaceSigners(cms,
                            new org.bouncycastle.cms.SignerInformationStore(withStamp)).getEncoded();
                } catch (Exception e) {
                    throw new IOException(e);
                }
            });
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            return out.toByteArray();
        }
    }

    /** {@code pdf} with a document time-stamp of {@code tsa} (PAdES-LTA: /Type /DocTimeStamp, ETSI.RFC3161). */
    static byte[] documentTimeStamp(byte[] pdf, Issued tsa) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDSignature signature = new PDSignature();
            signature.setType(org.apache.pdfbox.cos.COSName.DOC_TIME_STAMP);
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(org.apache.pdfbox.cos.COSName.getPDFName("ETSI.RFC3161"));
            document.addSignature(signature, content -> {
                try {
                    return token(tsa, content.readAllBytes()).getEncoded();
                } catch (Exception e) {
                    throw new IOException(e);
                }
            });
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            return out.toByteArray();
        }
    }

    /** {@code pdf} with a /DSS dictionary holding {@code certificates}, {@code crls} and OCSP responses (PAdES-LT). */
    static byte[] withDss(byte[] pdf, List<X509Certificate> certificates, List<X509CRL> crls, List<byte[]> ocsps)
            throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            org.apache.pdfbox.cos.COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
            org.apache.pdfbox.cos.COSDictionary dss = new org.apache.pdfbox.cos.COSDictionary();
            List<byte[]> certs = new ArrayList<>();
            for (X509Certificate c : certificates) {
                certs.add(c.getEncoded());
            }
            List<byte[]> lists = new ArrayList<>();
            for (X509CRL c : crls) {
                lists.add(c.getEncoded());
            }
            dss.setItem("Certs", streams(document, certs));
            dss.setItem("CRLs", streams(document, lists));
            dss.setItem("OCSPs", streams(document, ocsps));
            dss.setNeedToBeUpdated(true);
            catalog.setItem(org.apache.pdfbox.cos.COSName.getPDFName("DSS"), dss);
            catalog.setNeedToBeUpdated(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            return out.toByteArray();
        }
    }

    private static org.apache.pdfbox.cos.COSArray streams(PDDocument document, List<byte[]> items) throws IOException {
        org.apache.pdfbox.cos.COSArray array = new org.apache.pdfbox.cos.COSArray();
        for (byte[] item : items) {
            org.apache.pdfbox.cos.COSStream stream = document.getDocument().createCOSStream();
            try (java.io.OutputStream out = stream.createOutputStream()) {
                out.write(item);
            }
            stream.setNeedToBeUpdated(true);
            array.add(stream);
        }
        array.setNeedToBeUpdated(true);
        return array;
    }

    /** A CRL of {@code issuer} issued now (after whatever was signed before), revoking {@code revoked}. */
    static X509CRL freshCrl(Issued issuer, X509Certificate... revoked) throws Exception {
        Instant now = Instant.now().plusSeconds(1);
        X509v2CRLBuilder builder = new X509v2CRLBuilder(
                X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded()), Date.from(now));
        builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(1))));
        for (X509Certificate certificate : revoked) {
            builder.addCRLEntry(certificate.getSerialNumber(), Date.from(now.minus(Duration.ofMinutes(5))),
                    CRLReason.keyCompromise);
        }
        return new JcaX509CRLConverter().getCRL(builder.build(
                new JcaContentSignerBuilder("SHA256withRSA").build(issuer.keys().getPrivate())));
    }

    static String pem(X509Certificate certificate) throws Exception {
        return HubSeal.pem("CERTIFICATE", certificate.getEncoded());
    }

    private static KeyPair keyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, new SecureRandom());
        return generator.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(64, new SecureRandom()).add(BigInteger.ONE);
    }
}
