package vn.lienthong.hub.exchange;

/** 429 TOO_MANY_REQUESTS: the client is over its fair-use quota; it may try again after {@link #retryAfterSeconds()}. */
public class QuotaExceededException extends HubException implements RetryLater {

    private final long retryAfterSeconds;

    public QuotaExceededException(String detail, long retryAfterSeconds) {
        super(ErrorCode.TOO_MANY_REQUESTS, detail);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
