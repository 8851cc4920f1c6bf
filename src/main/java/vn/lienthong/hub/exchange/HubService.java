package vn.lienthong.hub.exchange;

/**
 * A service the hub offers, as the access policy and the message log see it.
 *
 * @param category     grant category: {@code data}, {@code prefill}, {@code dossier} or {@code audit}
 * @param code         service code, unique within the category
 * @param operation    operation name written to the message log
 * @param endpointUri  the flow that serves it, e.g. {@code direct:citizen-lookup}
 * @param personalData whether it returns personal data, so {@code X-User-Id} and {@code X-Purpose} are mandatory
 */
public record HubService(String category, String code, String operation, String endpointUri, boolean personalData) {
}
