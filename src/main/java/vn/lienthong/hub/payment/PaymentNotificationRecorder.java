package vn.lienthong.hub.payment;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import vn.lienthong.hub.audit.MessageLogRecord;
import vn.lienthong.hub.audit.Outcome;
import vn.lienthong.hub.audit.chain.CanonicalForm;
import vn.lienthong.hub.audit.log.BodyEvidence;
import vn.lienthong.hub.audit.log.MessageLog;
import vn.lienthong.hub.config.HubProperties;
import vn.lienthong.hub.exchange.CallContext;
import vn.lienthong.hub.exchange.FailureTranslator;
import vn.lienthong.hub.exchange.HubException;
import vn.lienthong.hub.exchange.HubServices;

/**
 * The message log's record of a payment result sent to a subscriber, written by the platform (the flow never writes
 * the log): one {@code HOP} record of channel {@code AMQP} per send to a subscriber's queue, under the transaction of
 * the platform's result and its client (a transaction id belongs to one client), operation
 * {@value PaymentNotifications#OPERATION}, the subscriber and its queue in the text, the size and SHA-256 of the
 * message, and the error when the broker did not take it.
 */
@Component
@Lazy
public class PaymentNotificationRecorder extends EventNotifierSupport {

    private static final Logger log = LoggerFactory.getLogger(PaymentNotificationRecorder.class);

    private final MessageLog messageLog;
    private final HubProperties hub;

    public PaymentNotificationRecorder(MessageLog messageLog, HubProperties hub) {
        this.messageLog = messageLog;
        this.hub = hub;
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.ExchangeSentEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        CamelEvent.ExchangeSentEvent sent = (CamelEvent.ExchangeSentEvent) event;
        Exchange exchange = sent.getExchange();
        if (!(exchange.getProperty(PaymentNotifications.PROPERTY) instanceof PaymentNotifications.Notice notice)
                || !sent.getEndpoint().getEndpointUri().startsWith("dossierJmsSend:")) {
            return;
        }
        Outcome outcome = Outcome.SUCCESS;
        String errorCode = null;
        String errorText = "to " + notice.clientId() + " on " + notice.address() + ": " + notice.noticeId() + " "
                + notice.state().status();
        Integer status = 200;
        if (exchange.getException() != null) {
            HubException error = FailureTranslator.translate(exchange.getException());
            errorCode = error.code().name();
            errorText = "not sent to " + notice.clientId() + " on " + notice.address() + ": " + error.detail();
            status = error.code().status();
            outcome = Outcome.fromStatus(status);
        }
        String body = exchange.getMessage().getBody(String.class);
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        CallContext call = CallContext.find(exchange);
        long took = sent.getTimeTaken();
        try {
            messageLog.submit(new MessageLogRecord(null, "HOP", notice.transactionId() == null ? exchange.getExchangeId()
                    : notice.transactionId(), hub.instanceId(), "AMQP", call == null ? null : call.clientId(), null, null,
                    HubServices.PAYMENT_STATE.code(), PaymentNotifications.OPERATION, null, outcome, errorCode, errorText,
                    status, Instant.now().minusMillis(took), Instant.now(), took,
                    (long) bytes.length, null), new BodyEvidence(CanonicalForm.sha256Hex(bytes), null, null, null));
        } catch (RuntimeException e) {
            log.error("Message log write failed for the payment result {} to {}", notice.noticeId(), notice.clientId(), e);
        }
    }
}
