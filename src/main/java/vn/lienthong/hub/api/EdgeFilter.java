package vn.lienthong.hub.api;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

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
import vn.lienthong.hub.security.ClientRegistry;

/**
 * The hub's edge for REST and SOAP: every exchange gets a transaction id (taken or generated, echoed on every answer),
 * a size limit, authentication by {@code X-API-Key}, the caller's user and purpose, and one message-log record,
 * whether it succeeded, was denied or failed.
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

    private static final Logger log = LoggerFactory.getLogger(EdgeFilter.class);

    private final ClientRegistry clients;
    private final MessageLog messageLog;
    private final ErrorResponses errors;
    private final HubProperties hub;
    private final EdgeProperties edge;
    private final AuditProperties audit;

    public EdgeFilter(ClientRegistry clients, MessageLog messageLog, ErrorResponses errors, HubProperties hub,
            EdgeProperties edge, AuditProperties audit) {
        this.clients = clients;
        this.messageLog = messageLog;
        this.errors = errors;
        this.hub = hub;
        this.edge = edge;
        this.audit = audit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean soap = path.startsWith("/soap/");
        if (!soap && !path.startsWith("/api/")) {
            return true;
        }
        // Contracts are public: the WSDL (GET ?wsdl / ?xsd) and the OpenAPI document.
        return (soap && "GET".equals(request.getMethod())) || path.equals("/api/v1/openapi.yaml");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String sent = request.getHeader(TRANSACTION_ID);
        boolean usable = sent == null || TransactionIds.isAcceptable(sent);
        String channel = request.getRequestURI().substring(request.getContextPath().length()).startsWith("/soap/") ? "SOAP" : "REST";
        ExchangeContext context = new ExchangeContext(usable && sent != null ? sent : TransactionIds.generate(), channel);
        request.setAttribute(ExchangeContext.ATTRIBUTE, context);
        response.setHeader(TRANSACTION_ID, context.transactionId());
        MDC.put(MDC_TRANSACTION_ID, context.transactionId());
        boolean keepBodies = audit.keepsBodies();
        CountingRequest countingRequest = new CountingRequest(request, edge.maxBodyBytes(), keepBodies);
        CountingResponse countingResponse = new CountingResponse(response, audit.responseHoldBytes(),
                keepBodies);
        try {
            Optional<HubException> refusal = admit(request, context, usable);
            if (refusal.isPresent()) {
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
    private Optional<HubException> admit(HttpServletRequest request, ExchangeContext context, boolean usableTransactionId) {
        if (!usableTransactionId) {
            return Optional.of(new HubException(ErrorCode.INVALID_TRANSACTION_ID,
                    "X-Transaction-Id must be 1 to 64 letters, digits, '.', '_', ':' or '-'; this answer carries a new one"));
        }
        long maxBody = edge.maxBodyBytes();
        if (request.getContentLengthLong() > maxBody) {
            return Optional.of(new HubException(ErrorCode.PAYLOAD_TOO_LARGE, "request body is larger than " + maxBody + " bytes"));
        }
        Optional<ApiClient> client = clients.authenticate(request.getHeader(API_KEY));
        if (client.isEmpty()) {
            return Optional.of(new HubException(ErrorCode.UNAUTHENTICATED,
                    request.getHeader(API_KEY) == null ? "X-API-Key is missing" : "X-API-Key is not valid"));
        }
        context.client(client.get());
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

    private void record(ExchangeContext context, int status, CountingRequest request, CountingResponse response) {
        Outcome outcome = Outcome.fromStatus(status);
        if ("SOAP".equals(context.channel()) && context.errorCode() != null) {
            // SOAP faults all travel as HTTP 500; the log keeps the outcome of the real error.
            outcome = Outcome.fromStatus(context.errorCode().status());
        }
        try {
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
