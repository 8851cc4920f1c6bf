package vn.lienthong.hub.dossier;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

import vn.lienthong.hub.audit.log.MessageLog;
import vn.lienthong.hub.audit.MessageLogRecord;
import vn.lienthong.hub.audit.Outcome;
import vn.lienthong.hub.config.HubProperties;
import vn.lienthong.hub.exchange.ExchangeContext;
import vn.lienthong.hub.exchange.FailureTranslator;
import vn.lienthong.hub.exchange.HubException;

/**
 * The message edge's record, written by the platform as the HTTP edge writes its own: one EXCHANGE record (channel
 * AMQP) per delivery of an inbound message, when the flow {@code dossier-intake-amqp} has finished with it, with the
 * real outcome: 202 accepted, the sender's error when rejected, or the hub's failure (503, 500) when the intake was
 * rolled back to be redelivered. The flow never writes the log itself.
 */
@Component
public class AmqpIntakeRecorder extends EventNotifierSupport {

    static final String ROUTE = "dossier-intake-amqp";
    private static final Logger log = LoggerFactory.getLogger(AmqpIntakeRecorder.class);

    private final MessageLog messageLog;
    private final HubProperties hub;

    public AmqpIntakeRecorder(MessageLog messageLog, HubProperties hub) {
        this.messageLog = messageLog;
        this.hub = hub;
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.ExchangeCompletedEvent || event instanceof CamelEvent.ExchangeFailedEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        Exchange exchange = ((CamelEvent.ExchangeEvent) event).getExchange();
        if (!ROUTE.equals(exchange.getFromRouteId())) {
            return;
        }
        ExchangeContext context = exchange.getProperty(DossierAmqpIntake.CONTEXT, ExchangeContext.class);
        if (context == null) {
            return;
        }
        int status = 202;
        if (exchange.getException() != null) {
            HubException error = exchange.getException() instanceof HubException h ? h
                    : FailureTranslator.translate(exchange.getException());
            context.failed(error.code(), error.detail());
            status = error.code().status();
        } else if (context.errorCode() != null) {
            status = context.errorCode().status();
        }
        String body = exchange.getIn().getBody(String.class);
        try {
            messageLog.append(new MessageLogRecord(null, "EXCHANGE", context.transactionId(), hub.instanceId(), "AMQP",
                    context.client() == null ? null : context.client().id(), context.userId(), context.purpose(),
                    context.service(), context.operation(), null, Outcome.fromStatus(status),
                    context.errorCode() == null ? null : context.errorCode().name(), context.errorText(), status,
                    context.timeIn(), Instant.now(), context.elapsedMillis(),
                    body == null ? 0L : (long) body.getBytes(StandardCharsets.UTF_8).length, null));
        } catch (RuntimeException e) {
            log.error("Message log write failed for AMQP transaction {}", context.transactionId(), e);
        } finally {
            MDC.remove("txId");
        }
    }
}
