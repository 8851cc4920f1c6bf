package vn.lienthong.hub.api;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.lienthong.hub.audit.log.AuditProperties;
import vn.lienthong.hub.audit.log.BodyEvidence;
import vn.lienthong.hub.audit.log.MessageLog;
import vn.lienthong.hub.audit.MessageLogRecord;
import vn.lienthong.hub.audit.Outcome;
import vn.lienthong.hub.config.HubProperties;
import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.ExchangeContext;
import vn.lienthong.hub.exchange.HubException;
import vn.lienthong.hub.exchange.TransactionIds;
import vn.lienthong.hub.model.Names;
import vn.lienthong.hub.security.ApiClient;

/**
 * The hub's edge for REST and SOAP: every exchange gets a transaction id (taken or generated, echoed on every answer),
 * a size limit, authentication ({@link EdgeAuthentication}: API key, client certificate or bearer token), the caller's
 * user and purpose, and one message-log record, whether it succeeded, was denied or failed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class EdgeFilter extends OncePerRequestFilter {

    public static final String TRANSACTION_ID = "X-Transaction-Id";
    public static final String API_KEY = "X-API-Key";
    public static final String USER_ID = "X-User-Id";
    public static final String PURPOSE = "X-Purpose";
    static final String MDC_TRANSACTION_ID = "txId";
    private static final int MAX_USER_LENGTH = 128;
    private static final int MAX_PURPOSE_LENGTH = 256;
    private static final Pattern CONTRACT_QUERY = Pattern.compile("(?i)wsdl(=[A-Za-z0-9._-]*)?|xsd=[A-Za-z0-9._-]+");

    private static final Logger log = LoggerFactory.getLogger(EdgeFilter.class);

    private final EdgeAuthentication authentication;
    private final MessageLog messageLog;
    private final ErrorResponses errors;
    private final HubProperties hub;
    private final EdgeProperties edge;
    private final AuditProperties audit;

    public EdgeFilter(EdgeAuthentication authentication, MessageLog messageLog, ErrorResponses errors, HubProperties hub,
            EdgeProperties edge, AuditProperties audit) {
        this.authentication = authentication;
        this.messageLog = messageLog;
        this.errors = errors;
        this.hub = hub;
        this.edge = edge;
        this.audit = audit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = pathOf(request);
        String channel = EdgePaths.channel(path);
        if (channel == null) {
            return true;
        }
        if (!EdgePaths.isPlain(path)) {
            return false;
        }
        // Contracts are public: the WSDL and its schemas (GET ?wsdl / ?xsd=…) and the OpenAPI document.
        boolean get = "GET".equals(request.getMethod());
        return (EdgePaths.SOAP.equals(channel) && get && isContractQuery(request.getQueryString()))
                || (get && path.equals("/api/v1/openapi.yaml"));
    }

    /** The request path without the context path, as sent (not decoded). */
    static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** The queries CXF answers with the service's contract. */
    static boolean isContractQuery(String query) {
        return query != null && CONTRACT_QUERY.matcher(query).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String sent = request.getHeader(TRANSACTION_ID);
        boolean usable = sent == null || TransactionIds.isAcceptable(sent);
        String channel = EdgePaths.channel(pathOf(request));
        EdgeAuthentication.Result authenticated = authentication.authenticate(request);
        Optional<ApiClient> caller = authenticated.client();
        boolean foreign = usable && sent != null
                && messageLog.belongsToAnotherClient(sent, caller.map(ApiClient::id).orElse(null));
        ExchangeContext context = new ExchangeContext(usable && sent != null && !foreign ? sent : TransactionIds.generate(),
                channel);
        request.setAttribute(ExchangeContext.ATTRIBUTE, context);
        response.setHeader(TRANSACTION_ID, context.transactionId());
        // Answers may carry personal data: no cache keeps them.
        response.setHeader("Cache-Control", "no-store");
        MDC.put(MDC_TRANSACTION_ID, context.transactionId());
        boolean keepBodies = audit.keepsBodies();
        long maxBody = maxBody(request);
        CountingRequest countingRequest = new CountingRequest(request, maxBody, keepBodies);
        CountingResponse countingResponse = new CountingResponse(response, audit.responseHoldBytes(),
                keepBodies);
        try {
            Optional<HubException> refusal = admit(request, context, usable, authenticated, foreign, maxBody);
            if (refusal.isPresent()) {
                if (refusal.get().code() == ErrorCode.METHOD_NOT_ALLOWED && EdgePaths.SOAP.equals(channel)) {
                    countingResponse.setHeader("Allow", "POST");
                }
                errors.write(countingResponse, context, refusal.get());
            } else {
                chain.doFilter(countingRequest, countingResponse);
            }
            countingResponse.flushBuffer();
        } finally {
            try {
                // The answer is held until its record is committed (bounded by hub.audit.commit-timeout):
                // a caller never holds an answer whose record a crash could lose.
                record(context, countingResponse.getStatus(), countingRequest, countingResponse);
            } finally {
                countingResponse.release();
                MDC.remove(MDC_TRANSACTION_ID);
            }
        }
    }

    /** What the edge itself refuses before any service runs, in the order a caller should learn it. */
    private Optional<HubException> admit(HttpServletRequest request, ExchangeContext context, boolean usableTransactionId,
            EdgeAuthentication.Result authenticated, boolean foreignTransactionId, long maxBody) {
        Optional<ApiClient> client = authenticated.client();
        if (!usableTransactionId) {
            return Optional.of(new HubException(ErrorCode.INVALID_TRANSACTION_ID,
                    "X-Transaction-Id must be 1 to 64 letters, digits, '.', '_', ':' or '-'; this answer carries a new one"));
        }
        if (!EdgePaths.isPlain(pathOf(request))) {
            return Optional.of(new HubException(ErrorCode.MALFORMED_REQUEST, "the path must be written plainly: no ';'"
                    + " parameters, percent-encoded characters, empty or dot segments"));
        }
        if ("TRACE".equals(request.getMethod())) {
            return Optional.of(new HubException(ErrorCode.METHOD_NOT_ALLOWED, "TRACE is not supported here"));
        }
        if (EdgePaths.SOAP.equals(context.channel()) && !"POST".equals(request.getMethod())) {
            return Optional.of(new HubException(ErrorCode.METHOD_NOT_ALLOWED, request.getMethod()
                    + " is not supported here: a SOAP service answers POST, and its contract GET ?wsdl"));
        }
        if (request.getContentLengthLong() > maxBody) {
            return Optional.of(new HubException(ErrorCode.PAYLOAD_TOO_LARGE, "request body is larger than " + maxBody + " bytes"));
        }
        if (client.isEmpty() && EdgePaths.isOpenData(request.getMethod(), pathOf(request))) {
            // open statistics (docs/open-data.md): public, no key needed; still logged like every exchange
            return Optional.empty();
        }
        if (client.isEmpty()) {
            return Optional.of(new HubException(ErrorCode.UNAUTHENTICATED, authenticated.refusal()));
        }
        context.client(client.get());
        if (foreignTransactionId) {
            // A transaction id belongs to the client that used it first: no one joins another client's trace.
            return Optional.of(new HubException(ErrorCode.TRANSACTION_ID_CONFLICT, "X-Transaction-Id is already used by"
                    + " another client's exchanges; choose a new one (this answer carries one)"));
        }
        String user = request.getHeader(USER_ID);
        String purpose = request.getHeader(PURPOSE);
        if (user != null && user.strip().length() > MAX_USER_LENGTH) {
            return Optional.of(new HubException(ErrorCode.INVALID_FIELD, "X-User-Id is longer than " + MAX_USER_LENGTH));
        }
        if (purpose != null && purpose.strip().length() > MAX_PURPOSE_LENGTH) {
            return Optional.of(new HubException(ErrorCode.INVALID_FIELD, "X-Purpose is longer than " + MAX_PURPOSE_LENGTH));
        }
        context.userId(user == null ? null : Names.normalize(user));
        context.purpose(purpose == null ? null : Names.normalize(purpose));
        return Optional.empty();
    }

    /** The body limit: documents sent for signature verification may be larger than any other request. */
    private long maxBody(HttpServletRequest request) {
        return EdgePaths.isDocumentUpload(request.getMethod(), pathOf(request))
                ? Math.max(edge.maxDocumentBytes(), edge.maxBodyBytes()) : edge.maxBodyBytes();
    }

    private void record(ExchangeContext context, int status, CountingRequest request, CountingResponse response) {
        Outcome outcome = Outcome.fromStatus(status);
        if ("SOAP".equals(context.channel()) && context.errorCode() != null) {
            // SOAP faults all travel as HTTP 500; the log keeps the outcome of the real error.
            outcome = Outcome.fromStatus(context.errorCode().status());
        }
        try {
            if (context.scope() != null) {
                // Data minimisation: which scope limited the answer, chained with the exchange (committed with it)
                messageLog.submit(new MessageLogRecord(null, "HOP", context.transactionId(), hub.instanceId(), "HUB",
                        context.client() == null ? null : context.client().id(), context.userId(), context.purpose(),
                        context.service(), "scope " + context.scope(), context.subjectRef(), Outcome.SUCCESS, null, null,
                        null, context.timeIn(), Instant.now(), 0, null, null), BodyEvidence.NONE);
            }
            for (ExchangeContext.Finding finding : context.findings()) {
                // what the handler established (a signature's outcome), chained with the exchange (committed with it)
                messageLog.submit(new MessageLogRecord(null, "HOP", context.transactionId(), hub.instanceId(), "HUB",
                        context.client() == null ? null : context.client().id(), context.userId(), context.purpose(),
                        context.service(), finding.operation(), context.subjectRef(),
                        finding.succeeded() ? Outcome.SUCCESS : Outcome.REJECTED, finding.code(), finding.text(), null,
                        context.timeIn(), Instant.now(), 0, null, null), BodyEvidence.NONE);
            }
            messageLog.append(new MessageLogRecord(null, "EXCHANGE", context.transactionId(), hub.instanceId(),
                    context.channel(), context.client() == null ? null : context.client().id(), context.userId(),
                    context.purpose(), context.service(), context.operation(), context.subjectRef(), outcome,
                    context.errorCode() == null ? null : context.errorCode().name(), context.errorText(), status,
                    context.timeIn(), Instant.now(), context.elapsedMillis(),
                    Math.max(request.bytesRead(), request.getContentLengthLong()), response.bytesWritten()),
                    new BodyEvidence(request.sha256Hex(), response.sha256Hex(), request.copy(), response.copy()));
        } catch (RuntimeException e) {
            log.error("Message log write failed for transaction {}", context.transactionId(), e);
        }
    }
}
