package vn.lienthong.hub.api;

import java.io.IOException;
import java.time.Instant;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import vn.lienthong.hub.audit.MessageLogRecord;
import vn.lienthong.hub.audit.Outcome;
import vn.lienthong.hub.audit.log.MessageLog;
import vn.lienthong.hub.config.HubProperties;
import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.ExchangeContext;
import vn.lienthong.hub.exchange.HubException;
import vn.lienthong.hub.exchange.TransactionIds;
import vn.lienthong.hub.security.ApiClient;

/**
 * The servlet container's own error answers (a request it refuses before any filter runs: an encoded slash in the
 * path, a malformed header, no Host header, a request line it cannot read) on the hub's surfaces: under {@code /api}
 * (and for a request without a readable path) problem+json, under {@code /soap} a SOAP fault, each with a transaction
 * id and a message-log record. Elsewhere Tomcat's error page stays, without its report and server version.
 */
@Component
public class ContainerErrorValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ContainerErrorValve.class);

    private final ObjectProvider<ErrorResponses> errors;
    private final ObjectProvider<MessageLog> messageLog;
    private final ObjectProvider<EdgeAuthentication> authentication;
    private final ObjectProvider<HubProperties> hub;

    public ContainerErrorValve(ObjectProvider<ErrorResponses> errors, ObjectProvider<MessageLog> messageLog,
            ObjectProvider<EdgeAuthentication> authentication, ObjectProvider<HubProperties> hub) {
        this.errors = errors;
        this.messageLog = messageLog;
        this.authentication = authentication;
        this.hub = hub;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        String uri = request.getRequestURI();
        // A request line the container could not read has no path: it is answered as the API would answer it.
        boolean unread = uri == null || !uri.startsWith("/");
        String channel = status < 400 ? null : unread ? EdgePaths.REST : EdgePaths.channel(uri);
        if (channel == null) {
            super.report(request, response, throwable);
            return;
        }
        if (response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        ExchangeContext passed = (ExchangeContext) request.getAttribute(ExchangeContext.ATTRIBUTE);
        ExchangeContext context = passed != null ? passed : context(request, channel);
        try {
            response.setHeader(EdgeFilter.TRANSACTION_ID, context.transactionId());
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Cache-Control", "no-store");
            errors.getObject().write(response, context, refusal(status));
            response.finishResponse();
        } catch (IOException | RuntimeException e) {
            log.warn("Could not write the error answer of transaction {}", context.transactionId(), e);
        }
        if (passed == null) {
            // The edge filter never saw this request: its record is written here.
            record(context, response);
        }
    }

    private ExchangeContext context(Request request, String channel) {
        String sent = request.getHeader(EdgeFilter.TRANSACTION_ID);
        ApiClient client = null;
        try {
            // the edge's own authentication: API key, client certificate or bearer token, all of them or none
            client = authentication.getObject().authenticate(request).client().orElse(null);
        } catch (RuntimeException e) {
            log.debug("No client for a refused request", e);
        }
        boolean adopt = TransactionIds.isAcceptable(sent)
                && !messageLog.getObject().belongsToAnotherClient(sent, client == null ? null : client.id());
        ExchangeContext context = new ExchangeContext(adopt ? sent : TransactionIds.generate(), channel);
        context.client(client);
        return context;
    }

    /** The hub's error for what the container refused; its own words are not passed on. */
    static HubException refusal(int status) {
        return switch (status) {
            case 404 -> new HubException(ErrorCode.NOT_FOUND, "no resource at this address");
            case 405 -> new HubException(ErrorCode.METHOD_NOT_ALLOWED, "this method is not supported here");
            case 408 -> new HubException(ErrorCode.REQUEST_TIMEOUT, "the request body did not arrive in time");
            case 413 -> new HubException(ErrorCode.PAYLOAD_TOO_LARGE, "the request is too large");
            default -> status >= 500
                    ? new HubException(ErrorCode.INTERNAL_ERROR, "the hub failed to process the request")
                    : new HubException(ErrorCode.MALFORMED_REQUEST, "the request is not valid HTTP: its request line,"
                            + " a header or the path (an encoded '/' or '\\' for instance) was refused");
        };
    }

    private void record(ExchangeContext context, Response response) {
        try {
            int status = response.getStatus();
            Outcome outcome = Outcome.fromStatus(context.errorCode() == null ? status : context.errorCode().status());
            long requestSize = Math.max(0, response.getRequest().getContentLengthLong());
            messageLog.getObject().append(new MessageLogRecord(null, "EXCHANGE", context.transactionId(),
                    hub.getObject().instanceId(), context.channel(), context.client() == null ? null : context.client().id(),
                    null, null, null, null, null, outcome, context.errorCode() == null ? null : context.errorCode().name(),
                    context.errorText(), status, context.timeIn(), Instant.now(), context.elapsedMillis(), requestSize,
                    response.getContentWritten()));
        } catch (RuntimeException e) {
            log.error("Message log write failed for transaction {}", context.transactionId(), e);
        }
    }
}
