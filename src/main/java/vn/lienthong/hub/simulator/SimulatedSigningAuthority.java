package vn.lienthong.hub.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import vn.lienthong.hub.signature.TrustListSource;

/**
 * A certification authority for tests and the demo only, made in memory when the simulators start (its keys are never
 * written anywhere): it signs the papers of the simulated store of digitised documents as their issuing agencies
 * (PAdES, ETSI.CAdES.detached, with the signing time the paper's date of issue) and time-stamps each signature through
 * a simulated time-stamping authority (RFC 3161). One per JVM. While the simulators run, the hub trusts this authority
 * ({@link TrustListSource}); production runs no simulator and never trusts it.
 */
@Component
@ConditionalOnProperty(name = "hub.simulators.enabled", havingValue = "true", matchIfMissing = true)
public class SimulatedSigningAuthority implements TrustListSource {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    /** Its certificates are valid from before the oldest paper of the simulated store. */
    private static final Instant VALID_FROM = LocalDate.of(2010, 1, 1).atStartOfDay(VIETNAM).toInstant();
    private static final ASN1ObjectIdentifier TSA_POLICY = new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1.1");

    private record Issued(KeyPair keys, X509Certificate certificate) {
    }

    /**
     * One authority per JVM: every hub context of a test run (and the simulators each starts, which share one work
     * directory) signs and trusts the same keys.
     */
    private static final class Keys {
        static final Keys INSTANCE = new Keys();

        final AtomicLong serials = new AtomicLong(1);
        final Issued authority;
        final Issued timeStamping;
        final Map<String, Issued> agencies = new ConcurrentHashMap<>();

        private Keys() {
            try {
                KeyPair keys = keyPair();
                X500Name name = name("Demo signing CA of the simulated national systems (test only)");
                JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(this), Date.from(VALID_FROM),
                        Date.from(Instant.now().plusSeconds(3650L * 86400)), name, keys.getPublic());
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                authority = new Issued(keys, certificate(builder, keys));
                timeStamping = issue(this, authority,
                        name("Demo time-stamping authority of the simulated national systems (test only)"), true);
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException("cannot make the simulators' test signing authority: " + e.getMessage(), e);
            }
        }
    }

    private final Issued authority;
    private final Issued timeStamping;
    private final Map<String, Issued> agencies;

    public SimulatedSigningAuthority() {
        Keys keys = Keys.INSTANCE;
        this.authority = keys.authority;
        this.timeStamping = keys.timeStamping;
        this.agencies = keys.agencies;
    }

    @Override
    public List<X509Certificate> certificates() {
        return List.of(authority.certificate());
    }

    @Override
    public String description() {
        return "the simulators' test-only signing authority (" + authority.certificate().getSubjectX500Principal().getName()
                + ")";
    }

    public X509Certificate certificate() {
        return authority.certificate();
    }

    /**
     * {@code pdf} signed by the agency {@code agencyName} (its name as {@code O} and {@code CN}, its agency identifier as
     * {@code OU}) at {@code signedAt}, the signature time-stamped a second later.
     */
    public byte[] sign(byte[] pdf, String agencyCode, String agencyName, Instant signedAt) throws IOException {
        Issued signer = agencies.computeIfAbsent(agencyCode + "|" + agencyName, k -> {
            try {
                X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN")
                        .addRDN(BCStyle.O, agencyName).addRDN(BCStyle.OU, agencyCode).addRDN(BCStyle.CN, agencyName)
                        .build();
                return issue(Keys.INSTANCE, authority, subject, false);
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(agencyName);
            signature.setReason("Ký số kết quả giải quyết thủ tục hành chính");
            Calendar when = Calendar.getInstance(TimeZone.getTimeZone(VIETNAM));
            when.setTimeInMillis(signedAt.toEpochMilli());
            signature.setSignDate(when);
            document.addSignature(signature, content -> cms(content.readAllBytes(), signer, signedAt));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            return out.toByteArray();
        }
    }

    /** Detached CMS over {@code content} with signing time {@code at} and a signature time-stamp of the same time. */
    private byte[] cms(byte[] content, Issued signer, Instant at) throws IOException {
        try {
            Attribute signingTime = new Attribute(CMSAttributes.signingTime, new DERSet(new org.bouncycastle.asn1.cms.Time(Date.from(at))));
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder()
                    .build()).setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(
                            new AttributeTable(signingTime)))
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.keys().getPrivate()),
                            signer.certificate()));
            generator.addCertificates(new JcaCertStore(List.of(signer.certificate(), authority.certificate())));
            CMSSignedData signed = generator.generate(new CMSProcessableByteArray(content), false);
            SignerInformation info = signed.getSignerInfos().getSigners().iterator().next();
            TimeStampToken token = timeStamp(info.getSignature(), at.plusSeconds(1));
            Attribute stamp = new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                    new DERSet(token.toCMSSignedData().toASN1Structure()));
            SignerInformation stamped = SignerInformation.replaceUnsignedAttributes(info, new AttributeTable(stamp));
            return CMSSignedData.replaceSigners(signed, new SignerInformationStore(stamped)).getEncoded();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot sign: " + e.getMessage(), e);
        }
    }

    /** An RFC 3161 token of the simulated time-stamping authority over SHA-256 of {@code data}, at {@code at}. */
    public byte[] timeStampToken(byte[] data, Instant at) throws IOException {
        try {
            return timeStamp(data, at).getEncoded();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot time-stamp: " + e.getMessage(), e);
        }
    }

    private TimeStampToken timeStamp(byte[] data, Instant at) throws Exception {
        byte[] imprint = MessageDigest.getInstance("SHA-256").digest(data);
        TimeStampTokenGenerator generator = new TimeStampTokenGenerator(new JcaSimpleSignerInfoGeneratorBuilder()
                .build("SHA256withECDSA", timeStamping.keys().getPrivate(), timeStamping.certificate()),
                new JcaDigestCalculatorProviderBuilder().build().get(
                        new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                                org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha256)), TSA_POLICY);
        generator.addCertificates(new JcaCertStore(List.of(timeStamping.certificate())));
        TimeStampRequestGenerator request = new TimeStampRequestGenerator();
        request.setCertReq(true);
        return generator.generate(request.generate(TSPAlgorithms.SHA256, imprint), serial(Keys.INSTANCE), Date.from(at));
    }

    private static Issued issue(Keys pki, Issued authority, X500Name subject, boolean timeStampingUnit)
            throws GeneralSecurityException, IOException {
        KeyPair keys = keyPair();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(authority.certificate(), serial(pki),
                Date.from(VALID_FROM), Date.from(Instant.now().plusSeconds(5L * 365 * 86400)), subject, keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        if (timeStampingUnit) {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
        } else {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature
                    | KeyUsage.nonRepudiation));
        }
        return new Issued(keys, certificate(builder, authority.keys()));
    }

    private static X509Certificate certificate(JcaX509v3CertificateBuilder builder, KeyPair issuer)
            throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(builder.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.getPrivate())));
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN")
                .addRDN(BCStyle.O, "LiênThông Hub simulators (test only)").addRDN(BCStyle.CN, commonName).build();
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        return generator.generateKeyPair();
    }

    private static BigInteger serial(Keys pki) {
        return BigInteger.valueOf(System.currentTimeMillis()).shiftLeft(16)
                .add(BigInteger.valueOf(pki.serials.getAndIncrement()));
    }
}
