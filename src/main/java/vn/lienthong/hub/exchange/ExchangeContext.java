package vn.lienthong.hub.exchange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import vn.lienthong.hub.security.ApiClient;

/**
 * What the hub knows about one exchange while it runs: who called, on whose behalf, why, which service,
 * which subject, and how it ended. Created by the edge for every request; the message log is written from it.
 */
public final class ExchangeContext {

    /** Request attribute holding the context. */
    public static final String ATTRIBUTE = ExchangeContext.class.getName();

    /** Camel exchange property holding the context of a message taken in from the broker (the AMQP intake). */
    public static final String INTAKE = "hubIntake";

    private final String transactionId;
    private final String channel;
    private final Instant timeIn = Instant.now();
    private final long startNanos = System.nanoTime();
    private ApiClient client;
    private String userId;
    private String purpose;
    private String service;
    private String operation;
    private String subjectRef;
    private HubService authorized;
    private String scope;
    private ErrorCode errorCode;
    private String errorText;
    private Long retryAfterSeconds;
    private final Set<String> quotasTaken = new HashSet<>();
    private final List<Runnable> onEnd = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();

    /**
     * Something a handler established about the exchange that the message log must keep beside the exchange's own
     * record (one signature verification's outcome): written by the edge as a {@code HOP} record of channel {@code HUB}.
     *
     * @param operation what was established, e.g. {@code signature 1 VALID}
     * @param succeeded whether it is a favourable outcome (the record's outcome SUCCESS, else REJECTED)
     * @param code      a short code of the outcome, e.g. {@code SIGNED_BYTES_ALTERED}, or null
     * @param text      why, without personal data
     */
    public record Finding(String operation, boolean succeeded, String code, String text) {
    }

    public ExchangeContext(String transactionId, String channel) {
        this.transactionId = transactionId;
        this.channel = channel;
    }

    /** The context of a request that went through the edge. */
    public static ExchangeContext of(HttpServletRequest request) {
        return Optional.ofNullable((ExchangeContext) request.getAttribute(ATTRIBUTE))
                .orElseThrow(() -> new IllegalStateException("request did not pass the hub's edge filter"));
    }

    public String transactionId() {
        return transactionId;
    }

    public String channel() {
        return channel;
    }

    public Instant timeIn() {
        return timeIn;
    }

    public long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    public ApiClient client() {
        return client;
    }

    public void client(ApiClient client) {
        this.client = client;
    }

    public String userId() {
        return userId;
    }

    public void userId(String userId) {
        this.userId = userId;
    }

    public String purpose() {
        return purpose;
    }

    public void purpose(String purpose) {
        this.purpose = purpose;
    }

    public String service() {
        return service;
    }

    public String operation() {
        return operation;
    }

    public void service(String service, String operation) {
        this.service = service;
        this.operation = operation;
    }

    /** The declared service the edge authorized this exchange for, or null. */
    public HubService authorized() {
        return authorized;
    }

    void authorized(HubService service) {
        this.authorized = service;
    }

    /** The data-minimisation scope applied to the answer (written to the message log), or null. */
    public String scope() {
        return scope;
    }

    public void scope(String scope) {
        this.scope = scope;
    }

    public String subjectRef() {
        return subjectRef;
    }

    public void subjectRef(String subjectRef) {
        this.subjectRef = subjectRef;
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    public String errorText() {
        return errorText;
    }

    /** The immutable view flows and connectors get, as the exchange property {@link CallContext#PROPERTY}. */
    public CallContext toCall() {
        return new CallContext(transactionId, client == null ? null : client.id(), userId, purpose, service, channel,
                subjectRef);
    }

    /** Adds a finding for the message log (see {@link Finding}). */
    public void finding(Finding finding) {
        findings.add(finding);
    }

    /** The findings handlers added, in order. */
    public List<Finding> findings() {
        return List.copyOf(findings);
    }

    /** Records why the exchange failed; the first failure wins, later ones are consequences. */
    public void failed(ErrorCode code, String text) {
        if (this.errorCode == null) {
            this.errorCode = code;
            this.errorText = text;
        }
    }

    /** Seconds after which the caller may try again, when the failure says so ({@code Retry-After}); else null. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Records a failure that tells the caller when to try again; the first failure wins, as in {@link #failed}. */
    public void failed(HubException e) {
        if (this.errorCode == null && e instanceof RetryLater later) {
            this.retryAfterSeconds = later.retryAfterSeconds();
        }
        failed(e.code(), e.detail());
    }

    /** Marks the quota of {@code scope} (a service code, or all the client's calls) as taken; false if it already was. */
    boolean takeQuotaOnce(String scope) {
        return quotasTaken.add(scope);
    }

    /** Something to give back when the exchange ends (a concurrency slot of the client's quota). */
    void onEnd(Runnable release) {
        onEnd.add(release);
    }

    /** Ends the exchange: gives back what it held. Called once by the edge when the answer is complete. */
    public void end() {
        for (int i = onEnd.size() - 1; i >= 0; i--) {
            onEnd.get(i).run();
        }
        onEnd.clear();
    }
}
