package vn.lienthong.hub.exchange;

/**
 * A failure of a national or sector system (transport, 5xx, or an error code the connector declares), with whether
 * a further attempt may succeed. Only idempotent reads are ever repeated, and only after a retryable failure.
 */
public class NationalFailure extends HubException {

    private final boolean retryable;

    public NationalFailure(ErrorCode code, String detail, boolean retryable) {
        super(code, detail);
        this.retryable = retryable;
    }

    public NationalFailure(ErrorCode code, String detail, boolean retryable, Throwable cause) {
        super(code, detail, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
