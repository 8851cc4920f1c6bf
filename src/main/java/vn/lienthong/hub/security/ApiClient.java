package vn.lienthong.hub.security;

import java.util.List;
import java.util.Map;

/**
 * An authenticated agency system.
 *
 * @param id     {@code {agency identifier}:{system code}}, e.g. {@code 000.00.00.H22:MOTCUA}
 * @param name   display name
 * @param grants what it may call; see {@link AccessPolicy}
 * @param scopes per service code, the data scope of what it receives of the answer (data minimisation); absent: all
 */
public record ApiClient(String id, String name, List<String> grants, Map<String, String> scopes) {

    public ApiClient {
        grants = List.copyOf(grants);
        scopes = scopes == null ? Map.of() : Map.copyOf(scopes);
    }

    public ApiClient(String id, String name, List<String> grants) {
        this(id, name, grants, Map.of());
    }
}
