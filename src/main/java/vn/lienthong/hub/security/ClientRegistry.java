package vn.lienthong.hub.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;


/**
 * The agency systems known to the hub, found by what proves who they are: the SHA-256 of their API key (keys never
 * sit in configuration or memory in clear), the subject of their TLS client certificate, or the client id in their
 * OAuth2 tokens. Demo clients are dropped unless {@code hub.demo.enabled} is true.
 */
@Component
public class ClientRegistry {

    private static final Logger log = LoggerFactory.getLogger(ClientRegistry.class);

    private final Map<String, ApiClient> byKeyHash = new HashMap<>();
    private final Map<String, ApiClient> byId = new HashMap<>();
    private final Map<String, ApiClient> byCertificateSubject = new HashMap<>();
    private final Map<String, ApiClient> byTokenClientId = new HashMap<>();

    public ClientRegistry(SecurityProperties security, DemoProperties demoSettings) {
        boolean demo = demoSettings.enabled();
        for (SecurityProperties.Client client : security.clients()) {
            if (client.demo() && !demo) {
                continue;
            }
            if (client.id() == null) {
                throw new IllegalStateException("hub.security.clients: every client needs an id");
            }
            ApiClient registered = new ApiClient(client.id(), client.name(), client.grants(), client.scopes());
            byId.put(client.id(), registered);
            if (client.apiKeySha256() != null && !client.apiKeySha256().isBlank()) {
                byKeyHash.put(client.apiKeySha256().toLowerCase(), registered);
            }
            if (client.certificateSubject() != null && !client.certificateSubject().isBlank()) {
                byCertificateSubject.put(canonical(new X500Principal(client.certificateSubject())), registered);
            }
            byTokenClientId.put(client.tokenClientId() == null || client.tokenClientId().isBlank() ? client.id()
                    : client.tokenClientId(), registered);
        }
        log.info("{} client system(s) registered{}", byId.size(), demo ? " (demo clients enabled)" : "");
    }

    /** The client holding this key, if any. */
    public Optional<ApiClient> authenticate(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(byKeyHash.get(sha256Hex(apiKey)));
    }

    /**
     * The client of a TLS client certificate the connector has already verified against the hub's trust store: the
     * client configured with this subject, else the client {@code {OU}:{CN}} of the subject.
     */
    public Optional<ApiClient> byCertificate(X509Certificate certificate) {
        X500Principal subject = certificate.getSubjectX500Principal();
        ApiClient configured = byCertificateSubject.get(canonical(subject));
        if (configured != null) {
            return Optional.of(configured);
        }
        String agency = attribute(subject, "OU");
        String system = attribute(subject, "CN");
        return agency == null || system == null ? Optional.empty() : Optional.ofNullable(byId.get(agency + ":" + system));
    }

    /** The registered client of this id. */
    public Optional<ApiClient> byId(String clientId) {
        return clientId == null ? Optional.empty() : Optional.ofNullable(byId.get(clientId));
    }

    /** The client the identity provider calls {@code tokenClientId}. */
    public Optional<ApiClient> byTokenClient(String tokenClientId) {
        return tokenClientId == null ? Optional.empty() : Optional.ofNullable(byTokenClientId.get(tokenClientId));
    }

    private static String canonical(X500Principal principal) {
        return principal.getName(X500Principal.CANONICAL);
    }

    private static String attribute(X500Principal subject, String type) {
        try {
            String found = null;
            for (Rdn rdn : new LdapName(subject.getName(X500Principal.RFC2253)).getRdns()) {
                if (rdn.getType().equalsIgnoreCase(type)) {
                    if (found != null) {
                        return null; // ambiguous: two values of the attribute
                    }
                    found = rdn.getValue().toString();
                }
            }
            return found;
        } catch (InvalidNameException e) {
            return null;
        }
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
