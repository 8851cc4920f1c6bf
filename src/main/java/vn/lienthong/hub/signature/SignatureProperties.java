package vn.lienthong.hub.signature;

import java.time.Duration;

import jakarta.validation.constraints.Positive;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Signed documents ({@code hub.signatures.*}, docs/signatures.md): what signatures of PDF documents are checked against,
 * and the seal the hub puts on the evidence it issues.
 *
 * @param trustList         PEM file of the root (and, optionally, intermediate) certificates a signer's chain must reach,
 *                          in production the national root of the Vietnamese public digital signature system; empty:
 *                          no signature is trusted
 * @param revocationTimeout the longest wait for one CRL download or OCSP answer; past it the revocation state is {@code UNKNOWN}
 * @param crlCacheTtl       a downloaded CRL is used again for this long (never past its nextUpdate); 0 = always download
 * @param maxCrlBytes       a larger CRL is not read (revocation {@code UNKNOWN})
 * @param seal              the hub's seal
 */
@Validated
@ConfigurationProperties("hub.signatures")
public record SignatureProperties(
        @DefaultValue("") String trustList,
        @DefaultValue("5s") @DurationMin(millis = 1) Duration revocationTimeout,
        @DefaultValue("10m") Duration crlCacheTtl,
        @DefaultValue("20971520") @Positive long maxCrlBytes,
        @DefaultValue Seal seal) {

    /**
     * The key and certificate that seal what the hub issues (detached CMS signatures, docs/signatures.md).
     *
     * @param privateKey  PEM (PKCS#8) private key, EC or RSA; mandatory in production
     * @param certificate PEM certificate of that key, optionally followed by its issuing chain; mandatory in production
     * @param caCertificate PEM certificate of the authority verifiers trust ({@code openssl cms -verify -CAfile});
     *                    generated with the key in the default profile; may be empty where the chain is known elsewhere
     * @param generate    generate a seal authority, key and certificate at these paths at first start when none exists
     *                    (the default profile; production sets it off)
     */
    public record Seal(
            @DefaultValue("./data/seal/seal-private.pem") String privateKey,
            @DefaultValue("./data/seal/seal-certificate.pem") String certificate,
            @DefaultValue("./data/seal/hub-seal-ca.pem") String caCertificate,
            @DefaultValue("true") boolean generate) {
    }
}
