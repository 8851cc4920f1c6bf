package vn.lienthong.hub.audit.chain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key pair that signs checkpoints of the hash chain. Keys are PEM files (PKCS#8 private key, X.509
 * SubjectPublicKeyInfo public key), Ed25519 or EC (ECDSA with SHA-256). The default profile generates an Ed25519 pair
 * at first start and keeps it under the data directory; production must be given one.
 */
public final class CheckpointKeys {

    private static final Logger log = LoggerFactory.getLogger(CheckpointKeys.class);

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    CheckpointKeys(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.keyId = keyId(publicKey);
    }

    /** Loads the pair, generating it first when {@code generate} is set and neither file exists. */
    public static CheckpointKeys load(Path privatePem, Path publicPem, boolean generate) {
        try {
            if (generate && !Files.exists(privatePem) && !Files.exists(publicPem)) {
                KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                Files.createDirectories(privatePem.toAbsolutePath().getParent());
                Files.createDirectories(publicPem.toAbsolutePath().getParent());
                Files.writeString(privatePem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
                try {
                    Files.setPosixFilePermissions(privatePem, Set.of(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE));
                } catch (UnsupportedOperationException e) {
                    log.debug("file system without POSIX permissions: {}", PosixFilePermissions.toString(Set.of()));
                }
                Files.writeString(publicPem, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
                log.warn("Generated a checkpoint signing key pair at {} and {}; give production its own", privatePem, publicPem);
            }
            PublicKey pub = readPublicKey(publicPem);
            byte[] der = der(Files.readString(privatePem, StandardCharsets.US_ASCII));
            return new CheckpointKeys(KeyFactory.getInstance(pub.getAlgorithm()).generatePrivate(new PKCS8EncodedKeySpec(der)),
                    pub);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the checkpoint signing keys " + privatePem + " / " + publicPem
                    + ": " + e.getMessage(), e);
        }
    }

    /** A public key from a PEM file. */
    public static PublicKey readPublicKey(Path publicPem) throws IOException, GeneralSecurityException {
        return parsePublicKey(Files.readString(publicPem, StandardCharsets.US_ASCII));
    }

    /** A public key from PEM text (Ed25519 or EC). */
    public static PublicKey parsePublicKey(String pemText) throws GeneralSecurityException {
        byte[] der = der(pemText);
        for (String algorithm : new String[] {"Ed25519", "EC"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                log.trace("not an {} key", algorithm);
            }
        }
        throw new GeneralSecurityException("public key is neither Ed25519 nor EC");
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public String keyId() {
        return keyId;
    }

    public String publicKeyPem() {
        return pem("PUBLIC KEY", publicKey.getEncoded());
    }

    /** Signs a checkpoint; the signed bytes are {@link #payload}. */
    public Checkpoint sign(long seq, String recordHash, Instant signedAt) {
        try {
            String algorithm = signatureAlgorithm(publicKey);
            Signature signature = Signature.getInstance(algorithm);
            signature.initSign(privateKey);
            signature.update(payload(seq, recordHash, signedAt));
            return new Checkpoint(seq, recordHash, signedAt, keyId, algorithm,
                    Base64.getEncoder().encodeToString(signature.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("checkpoint signing failed", e);
        }
    }

    /** Whether the checkpoint's signature is valid under the public key. */
    public static boolean verify(Checkpoint checkpoint, PublicKey key) {
        try {
            Signature signature = Signature.getInstance(signatureAlgorithm(key));
            signature.initVerify(key);
            signature.update(payload(checkpoint.seq(), checkpoint.recordHash(), checkpoint.signedAt()));
            return signature.verify(Base64.getDecoder().decode(checkpoint.signature()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The signed bytes: {@code LTH-CHECKPOINT-1|seq|recordHash|signedAtEpochMillis}. */
    static byte[] payload(long seq, String recordHash, Instant signedAt) {
        return ("LTH-CHECKPOINT-1|" + seq + "|" + recordHash + "|" + signedAt.toEpochMilli()).getBytes(StandardCharsets.US_ASCII);
    }

    static String keyId(PublicKey key) {
        return CanonicalForm.sha256Hex(key.getEncoded()).substring(0, 16);
    }

    private static String signatureAlgorithm(PublicKey key) {
        return "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "Ed25519";
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(String pemText) {
        String body = pemText.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
