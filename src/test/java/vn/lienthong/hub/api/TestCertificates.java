package vn.lienthong.hub.api;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates and keys made by the tests at run time (nothing private is committed): a certificate authority, the
 * hub's server certificate for 127.0.0.1, and client certificates, written as PKCS#12 stores where the server needs
 * files.
 */
final class TestCertificates {

    static final char[] PASSWORD = "test-store-password".toCharArray();

    /** A key pair with its certificate. */
    record Issued(KeyPair keys, X509Certificate certificate, Issued issuer) {

        /** This key and its chain as a PKCS#12 key store. */
        KeyStore keyStore() throws Exception {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            Certificate[] chain = issuer == null ? new Certificate[] {certificate}
                    : new Certificate[] {certificate, issuer.certificate};
            store.setKeyEntry("key", keys.getPrivate(), PASSWORD, chain);
            return store;
        }

        /** A client's TLS context: presents this certificate, trusts {@code trusted}. */
        SSLContext clientContext(Issued trusted) throws Exception {
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keyStore(), PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), trustManagers(trusted), new SecureRandom());
            return context;
        }
    }

    private TestCertificates() {
    }

    static Issued authority(String subject) throws Exception {
        KeyPair keys = keyPair();
        X500Principal name = new X500Principal(subject);
        JcaX509v3CertificateBuilder builder = builder(name, name, keys);
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        return new Issued(keys, sign(builder, keys), null);
    }

    /** A certificate for {@code subject} signed by {@code issuer}; with {@code ip}, a server certificate for it. */
    static Issued issue(Issued issuer, String subject, String ip) throws Exception {
        KeyPair keys = keyPair();
        JcaX509v3CertificateBuilder builder = builder(issuer.certificate().getSubjectX500Principal(),
                new X500Principal(subject), keys);
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        if (ip != null) {
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.iPAddress, ip)));
        }
        return new Issued(keys, sign(builder, issuer.keys()), issuer);
    }

    static TrustManagerFactory trustManagerFactory(Issued trusted) throws Exception {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trustStore(trusted));
        return factory;
    }

    static javax.net.ssl.TrustManager[] trustManagers(Issued trusted) throws Exception {
        return trustManagerFactory(trusted).getTrustManagers();
    }

    static KeyStore trustStore(Issued trusted) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("ca", trusted.certificate());
        return store;
    }

    static Path write(KeyStore store, Path file) throws Exception {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD);
        }
        return file;
    }

    private static KeyPair keyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    private static JcaX509v3CertificateBuilder builder(X500Principal issuer, X500Principal subject, KeyPair keys) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(now.toEpochMilli()).add(
                BigInteger.valueOf(new SecureRandom().nextInt(1_000_000))), Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(Duration.ofDays(2))), subject, keys.getPublic());
    }

    private static X509Certificate sign(JcaX509v3CertificateBuilder builder, KeyPair signer) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
    }
}
