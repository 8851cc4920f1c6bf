package vn.lienthong.hub.exchange;

/** A refusal that tells the caller when to try again: the edge answers it with a {@code Retry-After} header. */
public interface RetryLater {

    /** Seconds after which the caller may try again, at least 1. */
    long retryAfterSeconds();
}
