package vn.lienthong.hub.exchange;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Turns a personal id or enterprise code into the reference the message log keeps: HMAC-SHA256 under a key
 * of the deployment's own, so the log never holds the number in clear (Decree 13/2023: data minimisation)
 * while an auditor who knows a number can still find its records by hashing it the same way.
 */
@Component
public class SubjectReferences {

    private final SecretKeySpec key;

    public SubjectReferences(SubjectKeyProperties properties) {
        String secret = properties.subjectKey();
        if (secret == null || secret.length() < 16) {
            throw new IllegalStateException("hub.audit.subject-key (HUB_AUDIT_SUBJECT_KEY) must be set, at least 16 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The reference of a subject identifier; {@code null} for {@code null}. */
    public String reference(String subjectId) {
        if (subjectId == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(subjectId.strip().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
