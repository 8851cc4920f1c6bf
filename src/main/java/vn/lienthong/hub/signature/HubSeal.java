package vn.lienthong.hub.signature;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;


import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's seal: a key and certificate that sign, as detached CMS SignedData (RFC 5652; {@code openssl cms -verify
 * -binary -inform DER -content X -in X.p7s -CAfile hub-seal-ca.pem} checks it), the evidence the hub issues. Keys are
 * PEM files; the default profile generates a seal authority and a seal certificate it issued at first start (like the
 * checkpoint keys), production is given its own.
 */
public final class HubSeal {

    private static final Logger log = LoggerFactory.getLogger(HubSeal.class);

    private final PrivateKey key;
    private final X509Certificate certificate;
    private final List<X509Certificate> chain;
    private final X509Certificate authority;

    HubSeal(PrivateKey key, List<X509Certificate> chain, X509Certificate authority) {
        this.key = key;
        this.certificate = chain.get(0);
        this.chain = List.copyOf(chain);
        this.authority = authority;
    }

    /** Loads the seal, generating the authority, key and certificate first when {@code generate} is set and none exists. */
    public static HubSeal load(SignatureProperties.Seal settings, String instanceName) {
        Path keyFile = Path.of(settings.privateKey());
        Path certificateFile = Path.of(settings.certificate());
        Path caFile = settings.caCertificate() == null || settings.caCertificate().isBlank() ? null
                : Path.of(settings.caCertificate());
        try {
            if (settings.generate() && !Files.exists(keyFile) && !Files.exists(certificateFile)) {
                generate(keyFile, certificateFile, caFile, instanceName);
            }
            List<X509Certificate> chain = readCertificates(certificateFile);
            if (chain.isEmpty()) {
                throw new GeneralSecurityException("no certificate in " + certificateFile);
            }
            X509Certificate authority = caFile != null && Files.exists(caFile) ? readCertificates(caFile).get(0) : null;
            byte[] der = der(Files.readString(keyFile, StandardCharsets.US_ASCII));
            PrivateKey key = KeyFactory.getInstance(chain.get(0).getPublicKey().getAlgorithm())
                    .generatePrivate(new PKCS8EncodedKeySpec(der));
            return new HubSeal(key, chain, authority);
        } catch (IOException | GeneralSecurityException | OperatorCreationException | RuntimeException e) {
            throw new IllegalStateException("cannot load the hub's seal " + keyFile + " / " + certificateFile + ": "
                    + e.getMessage(), e);
        }
    }

    /** The seal certificate, then the rest of its chain as configured, then the authority (PEM). */
    public String certificatesPem() {
        StringBuilder out = new StringBuilder();
        List<X509Certificate> all = new ArrayList<>(chain);
        if (authority != null && !all.contains(authority)) {
            all.add(authority);
        }
        for (X509Certificate c : all) {
            try {
                out.append(pem("CERTIFICATE", c.getEncoded()));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return out.toString();
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The authority verifiers trust, or null when it is not configured. */
    public X509Certificate authority() {
        return authority;
    }

    /** A detached CMS signature (DER) of the bytes {@code content} writes, with signing time and the seal's chain. */
    public byte[] seal(ContentWriter content) {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder()
                    .build()).build(new JcaContentSignerBuilder(algorithm()).build(key), certificate));
            generator.addCertificates(new JcaCertStore(chain));
            CMSSignedData signed = generator.generate(new CMSTypedData() {
                @Override
                public ASN1ObjectIdentifier getContentType() {
                    return CMSObjectIdentifiers.data;
                }

                @Override
                public void write(OutputStream out) throws IOException {
                    content.writeTo(out);
                }

                @Override
                public Object getContent() {
                    return content;
                }
            }, false);
            return signed.getEncoded("DER");
        } catch (IOException | GeneralSecurityException | OperatorCreationException | CMSException e) {
            throw new IllegalStateException("sealing failed: " + e.getMessage(), e);
        }
    }

    /** A detached CMS signature of {@code content}. */
    public byte[] seal(byte[] content) {
        return seal(out -> out.write(content));
    }

    /** Writes the content to seal; may be called more than once. */
    @FunctionalInterface
    public interface ContentWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    private String algorithm() {
        return "EC".equals(certificate.getPublicKey().getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
    }

    private static void generate(Path keyFile, Path certificateFile, Path caFile, String instanceName)
            throws IOException, GeneralSecurityException, OperatorCreationException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        KeyPair caKeys = generator.generateKeyPair();
        KeyPair sealKeys = generator.generateKeyPair();
        Instant now = Instant.now();
        X500Name caName = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN").addRDN(BCStyle.O, "LienThong Hub")
                .addRDN(BCStyle.CN, "LienThong Hub seal authority (generated for " + instanceName + ")").build();
        X500Name sealName = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN").addRDN(BCStyle.O, "LienThong Hub")
                .addRDN(BCStyle.CN, "LienThong Hub seal (" + instanceName + ")").build();
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        JcaX509v3CertificateBuilder ca = new JcaX509v3CertificateBuilder(caName, serial(), Date.from(now.minusSeconds(300)),
                Date.from(now.plus(Duration.ofDays(3650))), caName, caKeys.getPublic());
        ca.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        ca.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        ca.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(caKeys.getPublic()));
        X509Certificate caCertificate = new JcaX509CertificateConverter().getCertificate(
                ca.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate())));
        JcaX509v3CertificateBuilder seal = new JcaX509v3CertificateBuilder(caName, serial(),
                Date.from(now.minusSeconds(300)), Date.from(now.plus(Duration.ofDays(1825))), sealName, sealKeys.getPublic());
        seal.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        seal.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        seal.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(sealKeys.getPublic()));
        seal.addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(caCertificate));
        X509Certificate sealCertificate = new JcaX509CertificateConverter().getCertificate(
                seal.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate())));
        Files.createDirectories(keyFile.toAbsolutePath().getParent());
        Files.createDirectories(certificateFile.toAbsolutePath().getParent());
        Files.writeString(keyFile, pem("PRIVATE KEY", sealKeys.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(keyFile, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        } catch (UnsupportedOperationException e) {
            log.debug("file system without POSIX permissions for {}", keyFile);
        }
        Files.writeString(certificateFile, pem("CERTIFICATE", sealCertificate.getEncoded()), StandardCharsets.US_ASCII);
        if (caFile != null) {
            Files.createDirectories(caFile.toAbsolutePath().getParent());
            Files.writeString(caFile, pem("CERTIFICATE", caCertificate.getEncoded()), StandardCharsets.US_ASCII);
        }
        // the authority's key is not kept: nothing else is ever issued under it
        log.warn("Generated a seal authority, key and certificate at {}, {} and {}; give production its own", caFile,
                keyFile, certificateFile);
    }

    private static BigInteger serial() {
        return new BigInteger(127, new SecureRandom());
    }

    static List<X509Certificate> readCertificates(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = new ByteArrayInputStream(Files.readAllBytes(file))) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
        }
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(String pemText) {
        String body = pemText.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
