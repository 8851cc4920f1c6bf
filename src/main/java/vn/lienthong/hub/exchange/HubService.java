package vn.lienthong.hub.exchange;

/**
 * A service the hub offers, as the access policy and the message log see it.
 *
 * @param category     grant category: {@code data}, {@code prefill}, {@code dossier}, {@code audit}, …; or
 *                     {@link #ANY_CLIENT} (every authenticated client) or {@link #PUBLIC} (no authentication)
 * @param code         service code, unique within the category
 * @param operation    operation name written to the message log
 * @param endpointUri  the flow that serves it, e.g. {@code direct:citizen-lookup}
 * @param personalData whether it returns personal data, so {@code X-User-Id} and {@code X-Purpose} are mandatory
 */
public record HubService(String category, String code, String operation, String endpointUri, boolean personalData) {

    /** Category of the services every authenticated client may call (the lists of services and procedures). */
    public static final String ANY_CLIENT = "any-client";

    /** Category of what is public: the contracts. */
    public static final String PUBLIC = "public";

    /** Whether a grant is needed (not open to every client, not public). */
    public boolean needsGrant() {
        return !ANY_CLIENT.equals(category) && !PUBLIC.equals(category);
    }
}
