package vn.lienthong.hub.exchange;

/** 503 CIRCUIT_OPEN with the number of seconds after which the caller may try again ({@code Retry-After}). */
public class CircuitOpenException extends HubException implements RetryLater {

    private final long retryAfterSeconds;

    public CircuitOpenException(String detail, long retryAfterSeconds) {
        super(ErrorCode.CIRCUIT_OPEN, detail);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
