package vn.lienthong.hub.signature;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;

/** How an outside verifier checks a seal: BouncyCastle always, {@code openssl cms -verify} where openssl is installed. */
final class SealVerification {

    private SealVerification() {
    }

    /** Whether {@code seal} is a valid detached signature of {@code content} by a certificate {@code authority} issued. */
    @SuppressWarnings("unchecked")
    static boolean verifiesWithBouncyCastle(byte[] content, byte[] seal, X509Certificate authority) throws Exception {
        CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(content), seal);
        boolean all = !signed.getSignerInfos().getSigners().isEmpty();
        for (SignerInformation signer : signed.getSignerInfos().getSigners()) {
            Collection<X509CertificateHolder> matches = signed.getCertificates().getMatches(signer.getSID());
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
            certificate.verify(authority.getPublicKey());
            certificate.checkValidity();
            try {
                all &= signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
            } catch (org.bouncycastle.cms.CMSSignerDigestMismatchException e) {
                return false;
            }
        }
        return all;
    }

    /** The openssl executable on the PATH, or null. */
    static Path openssl() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "openssl");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** Runs {@code openssl cms -verify -binary -inform DER} as docs/signatures.md shows; its exit code and output. */
    static String opensslVerify(Path openssl, Path dir, byte[] content, byte[] seal, String caPem) throws Exception {
        Path x = dir.resolve("export.jsonl");
        Path p7s = dir.resolve("export.jsonl.p7s");
        Path ca = dir.resolve("hub-seal-ca.pem");
        Files.write(x, content);
        Files.write(p7s, seal);
        Files.writeString(ca, caPem, StandardCharsets.US_ASCII);
        Process process = new ProcessBuilder(openssl.toString(), "cms", "-verify", "-binary", "-inform", "DER",
                "-in", p7s.toString(), "-content", x.toString(), "-CAfile", ca.toString(), "-out", "/dev/null")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return "timeout";
        }
        return process.exitValue() + " " + output.strip();
    }
}
