package vn.lienthong.hub.security;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The answer of {@link ClientQuotas}: admitted (holding a concurrency slot until {@link #release()}), or refused with
 * the limit that refused and the seconds after which the client may try again.
 */
public final class Admission {

    private static final Admission FREE = new Admission(true, null, null, 0, () -> { });

    private final boolean admitted;
    private final String limit;
    private final String detail;
    private final long retryAfterSeconds;
    private final Runnable release;
    private final AtomicBoolean released = new AtomicBoolean();

    private Admission(boolean admitted, String limit, String detail, long retryAfterSeconds, Runnable release) {
        this.admitted = admitted;
        this.limit = limit;
        this.detail = detail;
        this.retryAfterSeconds = retryAfterSeconds;
        this.release = release;
    }

    /** Admitted without holding anything (no concurrency limit applies). */
    static Admission free() {
        return FREE;
    }

    static Admission holding(Runnable release) {
        return new Admission(true, null, null, 0, release);
    }

    static Admission refused(String limit, String detail, long retryAfterSeconds) {
        return new Admission(false, limit, detail, Math.max(1, retryAfterSeconds), () -> { });
    }

    public boolean admitted() {
        return admitted;
    }

    /** {@code rate} or {@code concurrency}; null when admitted. */
    public String limit() {
        return limit;
    }

    /** Why the call was refused, for the caller's problem detail. */
    public String detail() {
        return detail;
    }

    /** Seconds after which a refused call may be tried again ({@code Retry-After}), at least 1. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Gives the concurrency slot back; once, however often it is called. */
    public void release() {
        if (released.compareAndSet(false, true)) {
            release.run();
        }
    }
}
