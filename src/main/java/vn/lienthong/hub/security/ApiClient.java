package vn.lienthong.hub.security;

import java.util.List;

/**
 * An authenticated agency system.
 *
 * @param id     {@code {agency identifier}:{system code}}, e.g. {@code 000.00.00.H22:MOTCUA}
 * @param name   display name
 * @param grants what it may call; see {@link AccessPolicy}
 */
public record ApiClient(String id, String name, List<String> grants) {
}
