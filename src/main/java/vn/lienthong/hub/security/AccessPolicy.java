package vn.lienthong.hub.security;

import org.springframework.stereotype.Component;

/**
 * Deny by default: a client may call a service only if one of its grants names it. A grant is
 * {@code category:code} where the code may be {@code *}, e.g. {@code data:*} (every data service),
 * {@code data:enterprise-lookup}, {@code prefill:*}, {@code dossier:*}, {@code audit:*}.
 */
@Component
public class AccessPolicy {

    /** Whether the client may call the service {@code code} of {@code category}. */
    public boolean allows(ApiClient client, String category, String code) {
        for (String grant : client.grants()) {
            int colon = grant.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String grantCategory = grant.substring(0, colon);
            String grantCode = grant.substring(colon + 1);
            if (grantCategory.equals(category) && (grantCode.equals("*") || grantCode.equals(code))) {
                return true;
            }
        }
        return false;
    }
}
