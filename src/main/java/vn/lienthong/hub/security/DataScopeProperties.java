package vn.lienthong.hub.security;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Data minimisation ({@code hub.data-scopes}): named sets of the answer fields a caller receives.
 *
 * @param scopes        scope name to the top-level answer fields it lets through; {@code full} is every field
 * @param citizenLookup the citizen lookup's scope by purpose
 */
@ConfigurationProperties("hub.data-scopes")
public record DataScopeProperties(Map<String, List<String>> scopes, CitizenLookup citizenLookup) {

    public DataScopeProperties {
        scopes = scopes == null ? Map.of() : Map.copyOf(scopes);
        citizenLookup = citizenLookup == null ? new CitizenLookup(null, null) : citizenLookup;
    }

    /**
     * @param defaultScope the scope of a purpose not listed; {@code full} when unset
     * @param purposes     purpose (the procedure code sent as {@code X-Purpose}) to scope name
     */
    public record CitizenLookup(String defaultScope, Map<String, String> purposes) {

        public CitizenLookup {
            defaultScope = defaultScope == null || defaultScope.isBlank() ? DataScopes.FULL : defaultScope;
            purposes = purposes == null ? Map.of() : Map.copyOf(purposes);
        }
    }
}
