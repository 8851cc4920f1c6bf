package vn.lienthong.hub.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.validation.annotation.Validated;

/**
 * Agency systems allowed to call the hub, what each may call, and how they prove who they are
 * ({@code hub.security}).
 *
 * @param clients the agency systems; none when not configured
 * @param tokens  the identity provider whose OAuth2 access tokens (JWTs) the edge accepts; none when not configured
 * @param extraGrants grants added to clients of {@code clients} by client id, without restating the list (a list set
 *        in an outside file replaces the whole list; a map merges key by key): e.g.
 *        {@code hub.security.extra-grants."[000.00.00.H22:MOTCUA]": [data:driving-licence-status]}. A client id with
 *        {@code .} or {@code :} is written in brackets. An id that names no client stops the start-up.
 */
@Validated
@ConfigurationProperties("hub.security")
public record SecurityProperties(List<@Valid Client> clients, @Valid Tokens tokens, Map<String, List<String>> extraGrants) {

    @ConstructorBinding
    public SecurityProperties {
        clients = clients == null ? List.of() : List.copyOf(clients);
        tokens = tokens == null ? new Tokens(null, null, null, null) : tokens;
        extraGrants = extraGrants == null ? Map.of() : Map.copyOf(extraGrants);
        clients = withExtraGrants(clients, extraGrants);
    }

    public SecurityProperties(List<Client> clients) {
        this(clients, null, null);
    }

    public SecurityProperties(List<Client> clients, Tokens tokens) {
        this(clients, tokens, null);
    }

    /** The clients with their {@code extra-grants} appended (each grant once, the configured ones first). */
    private static List<Client> withExtraGrants(List<Client> clients, Map<String, List<String>> extraGrants) {
        if (extraGrants.isEmpty()) {
            return clients;
        }
        Map<String, Client> byId = new LinkedHashMap<>();
        clients.forEach(client -> byId.put(client.id(), client));
        List<String> unknown = new ArrayList<>();
        for (String id : extraGrants.keySet()) {
            if (!byId.containsKey(id)) {
                unknown.add(id);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("hub.security.extra-grants names no configured client: " + unknown
                    + " (known clients: " + byId.keySet() + "; write an id holding '.' or ':' in brackets, e.g. "
                    + "\"[000.00.00.H22:MOTCUA]\": [data:driving-licence-status])");
        }
        List<Client> merged = new ArrayList<>(clients.size());
        for (Client client : clients) {
            List<String> extra = extraGrants.get(client.id());
            if (extra == null) {
                merged.add(client);
                continue;
            }
            LinkedHashSet<String> grants = new LinkedHashSet<>(client.grants());
            extra.stream().filter(grant -> grant != null && !grant.isBlank()).map(String::trim).forEach(grants::add);
            merged.add(new Client(client.id(), client.name(), client.apiKeySha256(), client.demo(), List.copyOf(grants),
                    client.quota(), client.certificateSubject(), client.tokenClientId(), client.scopes()));
        }
        return List.copyOf(merged);
    }

    /**
     * OAuth2 client-credentials tokens of a province's identity provider, sent as {@code Authorization: Bearer …} or
     * as {@code lgspaccesstoken: …}. A token is a JWT signed with a key of the provider's JWK set, from this issuer,
     * unexpired; the claim {@code clientClaim} names the client (its {@code token-client-id}, by default its id).
     *
     * @param issuer      the {@code iss} every token must carry; tokens are refused when unset
     * @param jwkSetUri   the provider's JWK set (its signing keys)
     * @param clientClaim the claim naming the client, {@code client_id} by default ({@code azp}, {@code sub} …)
     * @param audience    when set, the {@code aud} every token must contain
     */
    public record Tokens(String issuer, String jwkSetUri, String clientClaim, String audience) {

        public Tokens {
            clientClaim = clientClaim == null || clientClaim.isBlank() ? "client_id" : clientClaim;
        }

        /** Whether bearer tokens are accepted at all. */
        public boolean enabled() {
            return issuer != null && !issuer.isBlank() && jwkSetUri != null && !jwkSetUri.isBlank();
        }
    }

    /**
     * One agency system, identified as {@code {agency identifier}:{system code}}.
     *
     * @param id for example {@code 000.00.00.H22:MOTCUA}
     * @param name human name shown in the message log console
     * @param apiKeySha256 SHA-256 (hex) of the API key; the key itself is never stored. Optional for a client that
     *        proves itself by certificate or token only (it then cannot log in to the broker)
     * @param demo demo clients exist only while {@code hub.demo.enabled} is true
     * @param grants deny by default: {@code data:*}, {@code data:citizen-lookup}, {@code prefill:*}, {@code dossier:*},
     *        {@code audit:*}
     * @param quota fair-use limits of this client, over all its calls and per service; unset values come from
     *        {@code hub.fair-use} (see {@link ClientQuotas})
     * @param certificateSubject the subject of this client's TLS client certificate (RFC 2253, e.g.
     *        {@code CN=MOTCUA,OU=000.00.00.H22,O=UBND tinh,C=VN}); without it, a trusted certificate whose subject has
     *        {@code OU={agency identifier}} and {@code CN={system code}} is this client's when they form its id
     * @param tokenClientId the client id the identity provider puts in its tokens; by default the client's id
     * @param scopes per service code, the data scope ({@code hub.data-scopes.scopes}) of what this client receives of
     *        the service's answer (data minimisation); a service not listed answers in full
     */
    public record Client(
            @NotBlank String id,
            String name,
            @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be the SHA-256 of the key, 64 hex digits")
            String apiKeySha256,
            boolean demo,
            List<String> grants,
            @Valid ClientQuota quota,
            String certificateSubject,
            String tokenClientId,
            java.util.Map<String, String> scopes) {

        @ConstructorBinding
        public Client {
            grants = grants == null ? List.of() : List.copyOf(grants);
            scopes = scopes == null ? java.util.Map.of() : java.util.Map.copyOf(scopes);
        }

        public Client(String id, String name, String apiKeySha256, boolean demo, List<String> grants, ClientQuota quota) {
            this(id, name, apiKeySha256, demo, grants, quota, null, null, null);
        }
    }
}
