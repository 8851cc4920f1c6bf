package vn.lienthong.hub.dossier;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.camel.Body;
import org.springframework.stereotype.Component;

/**
 * The integrity tag of a queued dossier event: HMAC-SHA256, under a key of the deployment's own
 * ({@code hub.dossier.integrity-key}), of the event exactly as it waits in the delivery queue (its JSON: the event id,
 * kind, dossier code, client, transaction, acceptance time and data). The accept flow tags every event it queues
 * (message property {@value #PROPERTY}); the delivery flow checks the tag before anything else, so an event that was put
 * on the queue without passing the edge, or changed on the way, is dead-lettered as forged and never delivered.
 * The previous key ({@code hub.dossier.integrity-previous-key}) is still accepted at delivery, for a key change.
 */
@Component("dossierIntegrity")
public class DossierIntegrity {

    /** Message property (and Camel header) carrying the tag: {@code v1:} and 64 hex digits. */
    public static final String PROPERTY = "hubIntegrity";

    private static final String VERSION = "v1:";
    /** Domain separation: a tag made for another purpose under the same key never passes as an event's tag. */
    private static final byte[] CONTEXT = "lienthong-hub/dossier-event/v1\n".getBytes(StandardCharsets.UTF_8);

    private final SecretKeySpec key;
    private final List<SecretKeySpec> accepted = new ArrayList<>();

    public DossierIntegrity(DossierSyncProperties properties) {
        this.key = key(properties.getIntegrityKey());
        accepted.add(key);
        if (properties.getIntegrityPreviousKey() != null) {
            accepted.add(key(properties.getIntegrityPreviousKey()));
        }
    }

    private static SecretKeySpec key(String secret) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalStateException(
                    "hub.dossier.integrity-key (HUB_DOSSIER_INTEGRITY_KEY) must be set, at least 32 characters");
        }
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The tag of a queued event's JSON, under the current key. */
    public String tag(@Body String queuedEvent) {
        return VERSION + HexFormat.of().formatHex(mac(key, queuedEvent));
    }

    /** Whether {@code tag} is the tag of {@code queuedEvent} under the current or the previous key. */
    public boolean verifies(String queuedEvent, Object tag) {
        if (queuedEvent == null || !(tag instanceof String text) || !text.startsWith(VERSION)
                || text.length() != VERSION.length() + 64) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(text, VERSION.length(), text.length());
        } catch (IllegalArgumentException e) {
            return false;
        }
        for (SecretKeySpec k : accepted) {
            if (MessageDigest.isEqual(given, mac(k, queuedEvent))) {
                return true;
            }
        }
        return false;
    }

    private static byte[] mac(SecretKeySpec key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(CONTEXT);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
