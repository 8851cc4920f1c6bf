package vn.lienthong.hub.connector;

/**
 * How the platform protects the hub from one national system, as declared in a connector's {@code connector.yaml}
 * and overridable per service with {@code hub.services.<code>.<setting>} (e.g. {@code hub.services.tax-obligations.timeout-millis}).
 *
 * @param timeoutMillis       longest wait for the connector; past it the caller gets 504 NATIONAL_TIMEOUT
 * @param idempotent          whether the call only reads, so a failed attempt may be repeated
 * @param retries             extra attempts after a transport failure or a 5xx, for idempotent reads only
 * @param retryBackoffMillis  wait before the first retry, doubled for each further one
 * @param failureRateThreshold percentage of failed calls in the window that opens the circuit
 * @param minimumCalls        size of the sliding window, and calls needed before the rate counts
 * @param openMillis          how long the circuit stays open before it lets a trial call through
 * @param maxConcurrentCalls  calls in flight at once; beyond it callers get 503 at once instead of queueing
 */
public record Resilience(long timeoutMillis, boolean idempotent, int retries, long retryBackoffMillis,
                         float failureRateThreshold, int minimumCalls, long openMillis, int maxConcurrentCalls) {

    public static final Resilience DEFAULTS = new Resilience(5000, true, 1, 200, 50, 10, 30000, 20);

    /** Retries only for reads: repeating a write could do it twice at the national system. */
    public int effectiveRetries() {
        return idempotent ? retries : 0;
    }
}
