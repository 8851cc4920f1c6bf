package vn.lienthong.hub.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;


/**
 * The agency systems known to the hub, found by the SHA-256 of their API key so that keys never sit in
 * configuration or memory in clear. Demo clients are dropped unless {@code hub.demo.enabled} is true.
 */
@Component
public class ClientRegistry {

    private static final Logger log = LoggerFactory.getLogger(ClientRegistry.class);

    private final Map<String, ApiClient> byKeyHash = new HashMap<>();

    public ClientRegistry(SecurityProperties security, DemoProperties demoSettings) {
        boolean demo = demoSettings.enabled();
        for (SecurityProperties.Client client : security.clients()) {
            if (client.demo() && !demo) {
                continue;
            }
            if (client.id() == null || client.apiKeySha256() == null) {
                throw new IllegalStateException("hub.security.clients: every client needs an id and an api-key-sha256");
            }
            byKeyHash.put(client.apiKeySha256().toLowerCase(),
                    new ApiClient(client.id(), client.name(), List.copyOf(client.grants())));
        }
        log.info("{} client system(s) registered{}", byKeyHash.size(), demo ? " (demo clients enabled)" : "");
    }

    /** The client holding this key, if any. */
    public Optional<ApiClient> authenticate(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(byKeyHash.get(sha256Hex(apiKey)));
    }

    static String sha256Hex(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
