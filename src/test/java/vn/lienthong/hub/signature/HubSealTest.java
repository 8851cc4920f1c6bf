package vn.lienthong.hub.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seal generated at first start, what it signs, and how an outside tool verifies it. */
class HubSealTest {

    @TempDir
    Path dir;

    private SignatureProperties.Seal settings(boolean generate) {
        return new SignatureProperties.Seal(dir.resolve("seal-private.pem").toString(),
                dir.resolve("seal-certificate.pem").toString(), dir.resolve("hub-seal-ca.pem").toString(), generate);
    }

    @Test
    void generatedAtFirstStart_andKeptAcrossRestarts() throws Exception {
        HubSeal first = HubSeal.load(settings(true), "hub-1");
        HubSeal again = HubSeal.load(settings(true), "hub-1");

        assertThat(again.certificate()).isEqualTo(first.certificate());
        assertThat(first.authority()).isNotNull();
        assertThat(first.certificate().getIssuerX500Principal()).isEqualTo(first.authority().getSubjectX500Principal());
        assertThat(first.certificatesPem()).contains("BEGIN CERTIFICATE").hasLineCount(first.certificatesPem().split("\n").length);
        assertThat(first.certificatesPem().split("BEGIN CERTIFICATE", -1)).hasSize(3);
    }

    @Test
    void withoutKeys_andNotToGenerate_refusesToStart() {
        assertThatThrownBy(() -> HubSeal.load(settings(false), "hub-1"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot load the hub's seal");
    }

    @Test
    void aSealVerifiesOverItsContentOnly_withBouncyCastle() throws Exception {
        HubSeal seal = HubSeal.load(settings(true), "hub-1");
        byte[] content = "{\"type\":\"export\",\"note\":\"Nguyễn Văn An\"}\n".getBytes(StandardCharsets.UTF_8);

        byte[] signature = seal.seal(content);

        X509Certificate authority = seal.authority();
        assertThat(SealVerification.verifiesWithBouncyCastle(content, signature, authority)).isTrue();
        byte[] changed = content.clone();
        changed[3] ^= 1;
        assertThat(SealVerification.verifiesWithBouncyCastle(changed, signature, authority)).isFalse();
    }

    @Test
    void aSealVerifiesWithOpensslCms_whenOpensslIsInstalled() throws Exception {
        Path openssl = SealVerification.openssl();
        assumeTrue(openssl != null, "openssl is not on the PATH");
        HubSeal seal = HubSeal.load(settings(true), "hub-1");
        byte[] content = "seq,id\r\n1,1\r\n".getBytes(StandardCharsets.UTF_8);
        String ca = Files.readString(dir.resolve("hub-seal-ca.pem"));

        assertThat(SealVerification.opensslVerify(openssl, dir, content, seal.seal(content), ca))
                .startsWith("0 ").contains("Verification successful");
        byte[] changed = "seq,id\r\n1,2\r\n".getBytes(StandardCharsets.UTF_8);
        assertThat(SealVerification.opensslVerify(openssl, dir, changed, seal.seal(content), ca)).doesNotStartWith("0 ");
    }

    @Test
    void theSealMakeSecretsWritesForProduction_loadsAndVerifies_whenOpensslIsInstalled() throws Exception {
        Path openssl = SealVerification.openssl();
        assumeTrue(openssl != null, "openssl is not on the PATH");
        Path secrets = dir.resolve("secrets");
        Process script = new ProcessBuilder("bash", "docker/make-secrets.sh", secrets.toString()).redirectErrorStream(true)
                .start();
        String output = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(script.waitFor()).as(output).isZero();

        HubSeal seal = HubSeal.load(new SignatureProperties.Seal(secrets.resolve("seal-private.pem").toString(),
                secrets.resolve("seal-certificate.pem").toString(), secrets.resolve("hub-seal-ca.pem").toString(), false),
                "prod");
        byte[] content = "{\"type\":\"export\"}\n".getBytes(StandardCharsets.UTF_8);
        byte[] signature = seal.seal(content);

        assertThat(SealVerification.verifiesWithBouncyCastle(content, signature, seal.authority())).isTrue();
        assertThat(SealVerification.opensslVerify(openssl, dir, content, signature,
                Files.readString(secrets.resolve("hub-seal-ca.pem")))).startsWith("0 ");
    }
}
