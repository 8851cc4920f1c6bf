package vn.lienthong.hub.audit.log;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import vn.lienthong.hub.audit.MessageLogRecord;
import vn.lienthong.hub.audit.Outcome;
import vn.lienthong.hub.audit.chain.CanonicalForm;
import vn.lienthong.hub.config.HubProperties;
import vn.lienthong.hub.exchange.CallContext;
import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.FailureTranslator;
import vn.lienthong.hub.exchange.HubException;
import vn.lienthong.hub.exchange.SubjectReferences;
import vn.lienthong.hub.model.SubjectBound;

/**
 * The only writer of {@code HOP} records: one per connector call attempt, from the platform. A Camel event notifier
 * sees every exchange sent to a {@code kamelet:} endpoint (a connector attempt; a retried call sends once per attempt),
 * and, inside it, the exchange sent out of the hub (the HTTP call, or the connector's client bean): the bytes of that
 * call are the ones hashed, so the record carries the SHA-256 and sizes of what was really sent to and received from the
 * national system (a GET sends no body: its request hash is the hash of no bytes). The record is filed under the
 * accepting transaction id of the {@link CallContext}, with its client, user, purpose and subject reference.
 * <p>
 * A call that outlives its deadline is recorded when its caller gives up (the end of {@code direct:service-<code>}),
 * as {@code NATIONAL_TIMEOUT}, and never a second time when the abandoned attempt ends. Hops are queued without
 * waiting: the edge's own record, queued after them, is committed after them.
 * <p>Lazy, so that Camel creates it when it collects the event notifiers while its context is set up. Created before
 * the Camel context (Spring creates beans in package order), it would still be in creation when Camel collects them,
 * Spring would leave it out, and no hop would ever be written.
 */
@Component
@Lazy
public class HopRecorder extends EventNotifierSupport {

    private static final Logger log = LoggerFactory.getLogger(HopRecorder.class);
    static final String CHANNEL = "CONNECTOR";
    private static final String OPEN = "hubHopOpen";
    private static final String TRAIL = "hubHopTrail";
    private static final String SERVICE_ROUTE = "direct:service-";
    private static final String SERVICE_ROUTE_LONG = "direct://service-";
    /**
     * Endpoints inside a connector that transform or route, and so never leave the hub. The Kamelet's own ends
     * ({@code kamelet://sink}, carrying the canonical answer) once passed for the national call and gave sector hops
     * the canonical answer's hash as both request and response hash.
     */
    private static final List<String> INTERNAL = List.of("kamelet:", "jslt:", "xslt:", "xslt-saxon:", "json-validator:",
            "direct:", "seda:", "language:", "log:", "mock:");

    private final MessageLog messageLog;
    private final SubjectReferences subjects;
    private final HubProperties properties;

    public HopRecorder(MessageLog messageLog, SubjectReferences subjects, HubProperties properties) {
        this.messageLog = messageLog;
        this.subjects = subjects;
        this.properties = properties;
    }

    /** One connector attempt while it runs; written once, by whoever closes it first. */
    private static final class Hop {
        final String connector;
        final Instant timeIn = Instant.now();
        final long startNanos = System.nanoTime();
        final String subjectRef;
        final CallContext call;
        final String exchangeId;
        volatile String requestSha256;
        volatile Long requestSize;
        volatile String responseSha256;
        volatile Long responseSize;
        volatile Integer status;
        private boolean closed;

        Hop(String connector, String subjectRef, CallContext call, String exchangeId) {
            this.connector = connector;
            this.subjectRef = subjectRef;
            this.call = call;
            this.exchangeId = exchangeId;
        }

        synchronized boolean close() {
            if (closed) {
                return false;
            }
            closed = true;
            return true;
        }
    }

    /** The attempts of one call of a catalogue service, shared by the exchange copies its circuit breaker makes. */
    private static final class Trail {
        final List<Hop> hops = new CopyOnWriteArrayList<>();
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.ExchangeSendingEvent || event instanceof CamelEvent.ExchangeSentEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        try {
            if (event instanceof CamelEvent.ExchangeSendingEvent sending) {
                sending(sending.getExchange(), sending.getEndpoint().getEndpointUri());
            } else if (event instanceof CamelEvent.ExchangeSentEvent sent) {
                sent(sent.getExchange(), sent.getEndpoint().getEndpointUri(), sent.getTimeTaken());
            }
        } catch (RuntimeException e) {
            // The log must never break an exchange; a lost hop is reported loudly instead.
            log.error("Hop record not written: {}", e.toString());
        }
    }

    private void sending(Exchange exchange, String uri) {
        if (serviceCall(uri)) {
            exchange.setProperty(TRAIL, new Trail());
            return;
        }
        String connector = connector(uri);
        if (connector != null) {
            Hop hop = new Hop(connector, subjectRef(exchange), CallContext.find(exchange), exchange.getExchangeId());
            exchange.setProperty(OPEN, hop);
            Trail trail = exchange.getProperty(TRAIL, Trail.class);
            if (trail != null) {
                trail.hops.add(hop);
            }
            return;
        }
        Hop open = exchange.getProperty(OPEN, Hop.class);
        if (open != null && outbound(uri)) {
            // The connector's own call to the national system: these are the bytes that leave the hub.
            byte[] bytes = bytes(exchange);
            open.requestSha256 = CanonicalForm.sha256Hex(bytes == null ? new byte[0] : bytes);
            open.requestSize = bytes == null ? 0L : bytes.length;
        }
    }

    private void sent(Exchange exchange, String uri, long timeTaken) {
        if (serviceCall(uri)) {
            Trail trail = exchange.getProperty(TRAIL, Trail.class);
            exchange.removeProperty(TRAIL);
            if (trail != null) {
                for (Hop hop : trail.hops) {
                    if (hop.close()) {
                        // the caller stopped waiting (its deadline) before the attempt ended: record it now
                        write(hop, exchange.getException(), Duration.ofNanos(System.nanoTime() - hop.startNanos).toMillis());
                    }
                }
            }
            return;
        }
        Hop open = exchange.getProperty(OPEN, Hop.class);
        if (open == null) {
            return;
        }
        if (connector(uri) == null) {
            if (outbound(uri)) {
                byte[] bytes = bytes(exchange);
                if (bytes != null) {
                    open.responseSha256 = CanonicalForm.sha256Hex(bytes);
                    open.responseSize = (long) bytes.length;
                }
                open.status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
            }
            return;
        }
        exchange.removeProperty(OPEN);
        if (open.close()) {
            write(open, exchange.getException(), timeTaken);
        }
    }

    private void write(Hop hop, Throwable failure, long timeTaken) {
        Integer status = hop.status;
        Outcome outcome = status == null ? Outcome.SUCCESS : Outcome.fromStatus(status);
        String errorCode = null;
        String errorText = null;
        if (failure != null) {
            HubException translated = notFound(failure) ? new HubException(ErrorCode.NOT_FOUND, "no record")
                    : FailureTranslator.translate(failure);
            outcome = Outcome.fromStatus(translated.code().status());
            errorCode = translated.code().name();
            errorText = translated.detail();
        }
        CallContext call = hop.call;
        MessageLogRecord record = new MessageLogRecord(null, "HOP",
                call == null ? hop.exchangeId : call.transactionId(),
                properties.instanceId(), CHANNEL, call == null ? null : call.clientId(),
                call == null ? null : call.userId(), call == null ? null : call.purpose(),
                call == null ? null : call.service(), hop.connector, hop.subjectRef,
                outcome, errorCode, errorText, status, hop.timeIn, Instant.now(), timeTaken, hop.requestSize,
                hop.responseSize);
        messageLog.submit(record, new BodyEvidence(hop.requestSha256, hop.responseSha256, null, null));
    }

    /** The subject of the call: the context's reference, else the typed request's subject. */
    private String subjectRef(Exchange exchange) {
        CallContext call = CallContext.find(exchange);
        if (call != null && call.subjectRef() != null) {
            return call.subjectRef();
        }
        Object body = exchange.getMessage().getBody();
        return body instanceof SubjectBound subject && subject.subjectId() != null
                ? subjects.reference(subject.subjectId()) : null;
    }

    private static boolean notFound(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpOperationFailedException http && http.getStatusCode() == 404) {
                return true;
            }
        }
        return false;
    }

    private static boolean serviceCall(String uri) {
        return uri != null && (uri.startsWith(SERVICE_ROUTE) || uri.startsWith(SERVICE_ROUTE_LONG));
    }

    private static boolean outbound(String uri) {
        return uri != null && INTERNAL.stream().noneMatch(uri::startsWith);
    }

    /** The connector name of a {@code kamelet:} endpoint, or null for other endpoints and the Kamelet's own ends. */
    static String connector(String uri) {
        if (uri == null || !uri.startsWith("kamelet:")) {
            return null;
        }
        String name = uri.substring("kamelet:".length());
        if (name.startsWith("//")) {
            name = name.substring(2);
        }
        int end = name.length();
        for (char c : new char[] {'?', '/'}) {
            int at = name.indexOf(c);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        name = name.substring(0, end);
        return name.isEmpty() || name.equals("source") || name.equals("sink") ? null : name;
    }

    /** The message body as bytes when it already is bytes or text (or a re-readable stream); never consumes it. */
    private static byte[] bytes(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        if (body instanceof byte[] b) {
            return b;
        }
        if (body instanceof String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        if (body instanceof StreamCache cache) {
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                cache.writeTo(out);
                cache.reset();
                return out.toByteArray();
            } catch (java.io.IOException e) {
                log.debug("response body not hashable: {}", e.toString());
            }
        }
        return null;
    }
}
