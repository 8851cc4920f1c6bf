package vn.lienthong.hub.security;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * Which fields of a service's answer a caller receives (Decree 13/2023: no more personal data than the purpose
 * needs). Two rules, both applied when both are set: the client's scope for the service ({@code scopes} in its
 * entry, e.g. the public portal sees an enterprise's name, status and address only), and for the citizen lookup the
 * scope of the purpose ({@code X-Purpose}). Unknown scope names stop the hub at start.
 */
@Component
public class DataScopes {

    /** The scope that lets every field through. */
    public static final String FULL = "full";
    static final String CITIZEN_LOOKUP = "citizen-lookup";

    /**
     * A scope that restricts an answer.
     *
     * @param name   as the message log records it ({@code a+b} when a client's and a purpose's scope both apply)
     * @param fields the top-level fields let through
     */
    public record Scope(String name, Set<String> fields) {
    }

    private final DataScopeProperties settings;

    public DataScopes(DataScopeProperties settings, SecurityProperties security) {
        this.settings = settings;
        check(settings.citizenLookup().defaultScope(), "hub.data-scopes.citizen-lookup.default-scope");
        settings.citizenLookup().purposes().forEach((purpose, scope) ->
                check(scope, "hub.data-scopes.citizen-lookup.purposes." + purpose));
        for (SecurityProperties.Client client : security.clients()) {
            client.scopes().forEach((service, scope) -> check(scope, "hub.security.clients[" + client.id() + "].scopes."
                    + service));
        }
    }

    private void check(String scope, String where) {
        if (!FULL.equals(scope) && !settings.scopes().containsKey(scope)) {
            throw new IllegalStateException(where + ": no data scope '" + scope + "' under hub.data-scopes.scopes");
        }
    }

    /** The scope restricting this client's answer of the service for this purpose; empty when it gets every field. */
    public Optional<Scope> restriction(ApiClient client, String serviceCode, String purpose) {
        String byClient = client == null ? null : client.scopes().get(serviceCode);
        String byPurpose = CITIZEN_LOOKUP.equals(serviceCode)
                ? settings.citizenLookup().purposes().getOrDefault(purpose == null ? "" : purpose,
                        settings.citizenLookup().defaultScope())
                : null;
        Set<String> fields = null;
        StringBuilder name = new StringBuilder();
        for (String scope : new String[] {byClient, byPurpose}) {
            if (scope == null || FULL.equals(scope)) {
                continue;
            }
            List<String> allowed = settings.scopes().get(scope);
            if (fields == null) {
                fields = new LinkedHashSet<>(allowed);
            } else {
                fields.retainAll(allowed);
            }
            name.append(name.isEmpty() ? "" : "+").append(scope);
        }
        return fields == null ? Optional.empty() : Optional.of(new Scope(name.toString(), Set.copyOf(fields)));
    }

    /** The fields of a scope, for documentation and tests. */
    public Map<String, List<String>> scopes() {
        return settings.scopes();
    }
}
