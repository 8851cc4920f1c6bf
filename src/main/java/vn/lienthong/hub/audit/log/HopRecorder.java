package vn.lienthong.hub.audit.log;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;
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
import vn.lienthong.hub.exchange.FailureTranslator;
import vn.lienthong.hub.exchange.HubException;
import vn.lienthong.hub.exchange.SubjectReferences;
import vn.lienthong.hub.model.SubjectBound;

/**
 * Writes one {@code HOP} record per connector call, from the platform: a Camel event notifier sees every exchange
 * sent to a {@code kamelet:} endpoint (a connector), so no flow can forget, or fake, its hops. The record carries the
 * exchange's transaction id, client, user and purpose, the connector as operation, the national system's HTTP status,
 * the SHA-256 of the bytes sent to and received from it, the outcome and the time taken. Hops are queued without
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

    private final MessageLog messageLog;
    private final SubjectReferences subjects;
    private final HubProperties properties;

    public HopRecorder(MessageLog messageLog, SubjectReferences subjects, HubProperties properties) {
        this.messageLog = messageLog;
        this.subjects = subjects;
        this.properties = properties;
    }

    /** What is known of a connector call while it runs. */
    private static final class Hop {
        final String connector;
        final Instant timeIn = Instant.now();
        final String subjectRef;
        String requestSha256;
        Long requestSize;
        String responseSha256;
        Long responseSize;

        Hop(String connector, String subjectRef) {
            this.connector = connector;
            this.subjectRef = subjectRef;
        }
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
        String connector = connector(uri);
        Hop open = exchange.getProperty(OPEN, Hop.class);
        if (connector != null) {
            Object body = exchange.getMessage().getBody();
            String ref = body instanceof SubjectBound subject ? subjects.reference(subject.subjectId()) : null;
            exchange.setProperty(OPEN, new Hop(connector, ref));
        } else if (open != null) {
            // The connector's own call to the national system: these are the bytes that leave the hub.
            byte[] bytes = bytes(exchange);
            if (bytes != null) {
                open.requestSha256 = CanonicalForm.sha256Hex(bytes);
                open.requestSize = (long) bytes.length;
            }
        }
    }

    private void sent(Exchange exchange, String uri, long timeTaken) {
        String connector = connector(uri);
        Hop open = exchange.getProperty(OPEN, Hop.class);
        if (open == null) {
            return;
        }
        if (connector == null) {
            byte[] bytes = bytes(exchange);
            if (bytes != null) {
                open.responseSha256 = CanonicalForm.sha256Hex(bytes);
                open.responseSize = (long) bytes.length;
            }
            return;
        }
        exchange.removeProperty(OPEN);
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        Outcome outcome = status == null ? Outcome.SUCCESS : Outcome.fromStatus(status);
        String errorCode = null;
        String errorText = null;
        Throwable failure = exchange.getException();
        if (failure != null) {
            HubException translated = FailureTranslator.translate(failure);
            outcome = Outcome.fromStatus(translated.code().status());
            errorCode = translated.code().name();
            errorText = translated.detail();
        }
        CallContext call = CallContext.find(exchange);
        MessageLogRecord record = new MessageLogRecord(null, "HOP",
                call == null ? exchange.getExchangeId() : call.transactionId(),
                properties.instanceId(), CHANNEL, call == null ? null : call.clientId(),
                call == null ? null : call.userId(), call == null ? null : call.purpose(),
                call == null ? null : call.service(), open.connector, open.subjectRef,
                outcome, errorCode, errorText, status, open.timeIn, Instant.now(), timeTaken, open.requestSize,
                open.responseSize);
        messageLog.submit(record, new BodyEvidence(open.requestSha256, open.responseSha256, null, null));
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
