package vn.lienthong.hub.audit;

/** How an exchange ended, as the message log records it. */
public enum Outcome {
    /** Answered with the data asked for (2xx). */
    SUCCESS,
    /** The subject was not found, or did not match (404). */
    NOT_FOUND,
    /** Refused for missing or bad credentials, missing rights, or a client over its fair-use quota (401, 403, 429). */
    DENIED,
    /** Refused because the request broke the contract (other 4xx). */
    REJECTED,
    /** The hub or a national system failed (5xx). */
    FAILED;

    /** The outcome an HTTP status stands for. */
    public static Outcome fromStatus(int status) {
        if (status < 400) {
            return SUCCESS;
        }
        if (status == 404) {
            return NOT_FOUND;
        }
        if (status == 401 || status == 403 || status == 429) {
            return DENIED;
        }
        return status < 500 ? REJECTED : FAILED;
    }
}
