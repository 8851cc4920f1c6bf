package vn.lienthong.hub.exchange;

/**
 * The closed catalogue of errors the hub answers with. Each code has one HTTP status and one title;
 * REST answers carry them as problem+json, SOAP answers as a fault detail.
 */
public enum ErrorCode {
    MALFORMED_REQUEST(400, "Malformed request"),
    UNKNOWN_FIELD(400, "Unknown field"),
    INVALID_FIELD(400, "Invalid field"),
    INVALID_PERSONAL_ID(400, "Invalid personal identification number"),
    INVALID_ENTERPRISE_CODE(400, "Invalid enterprise code"),
    INVALID_TRANSACTION_ID(400, "Invalid transaction id"),
    INVALID_DOCUMENT(400, "Invalid document"),
    MISSING_USER(400, "Missing user"),
    MISSING_PURPOSE(400, "Missing purpose"),
    PURPOSE_MISMATCH(400, "Purpose does not match the procedure"),
    UNAUTHENTICATED(401, "Unauthenticated"),
    INVALID_SIGNATURE(401, "Invalid signature"),
    ACCESS_DENIED(403, "Access denied"),
    NOT_FOUND(404, "Not found"),
    UNKNOWN_SERVICE(404, "Unknown service"),
    UNKNOWN_PROCEDURE(404, "Unknown procedure"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    REQUEST_TIMEOUT(408, "Request timeout"),
    TRANSACTION_ID_CONFLICT(409, "Transaction id belongs to another client"),
    EVENT_ID_CONFLICT(409, "Event id already used for another event"),
    ALREADY_PAID(409, "Already paid"),
    CALLBACK_REJECTED(409, "Callback rejected"),
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    UNSIGNED_DOCUMENT(422, "Document not signed"),
    TOO_MANY_REQUESTS(429, "Too many requests"),
    NATIONAL_SYSTEM_ERROR(502, "National system error"),
    NATIONAL_MALFORMED_ANSWER(502, "Malformed answer from national system"),
    NATIONAL_UNAVAILABLE(503, "National system unavailable"),
    CIRCUIT_OPEN(503, "National system temporarily cut off"),
    QUEUE_UNAVAILABLE(503, "Queue unavailable"),
    NATIONAL_TIMEOUT(504, "National system too slow"),
    INTERNAL_ERROR(500, "Internal error");

    private final int status;
    private final String title;

    ErrorCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The problem type URI published in the OpenAPI contract. */
    public String type() {
        return "urn:lienthong:problem:" + name().toLowerCase().replace('_', '-');
    }
}
