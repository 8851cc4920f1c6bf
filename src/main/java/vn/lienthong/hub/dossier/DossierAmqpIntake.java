package vn.lienthong.hub.dossier;

import java.time.Instant;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.lienthong.hub.exchange.HubServices;
import vn.lienthong.hub.audit.log.MessageLog;
import vn.lienthong.hub.audit.MessageLogRecord;
import vn.lienthong.hub.audit.Outcome;
import vn.lienthong.hub.config.HubProperties;
import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.ExchangeContext;
import vn.lienthong.hub.exchange.FailureTranslator;
import vn.lienthong.hub.exchange.HubException;
import vn.lienthong.hub.exchange.ServiceGateway;
import vn.lienthong.hub.exchange.TransactionIds;
import vn.lienthong.hub.security.ClientRegistry;

/**
 * The message edge: dossier events agency systems send to the inbound queue over AMQP 1.0 or the core protocol.
 * The sender's identity travels in the application property {@code apiKey} (the same key as X-API-Key), with optional
 * {@code eventId}, {@code transactionId}, {@code kind} (DOSSIER or PROGRESS, default DOSSIER) and for progress
 * {@code dossierCode}; the body is the same JSON as over REST. Each message gets the REST treatment (authentication,
 * access check, validation, durable queue) and one EXCHANGE record (channel AMQP) in the message log; a message that
 * cannot be accepted goes to the rejected queue with its reason, never silently away.
 */
@Component("dossierAmqpIntake")
public class DossierAmqpIntake {

    private static final Logger log = LoggerFactory.getLogger(DossierAmqpIntake.class);

    private final ClientRegistry clients;
    private final ServiceGateway gateway;
    private final DossierValidator validator;
    private final MessageLog messageLog;
    private final DossierSyncProperties properties;
    private final HubProperties hub;
    private final ObjectMapper json;
    private final JmsTemplate jms;

    public DossierAmqpIntake(ClientRegistry clients, ServiceGateway gateway, DossierValidator validator,
            MessageLog messageLog, DossierSyncProperties properties, HubProperties hub, ObjectMapper json, DossierQueue queue) {
        this.clients = clients;
        this.gateway = gateway;
        this.validator = validator;
        this.messageLog = messageLog;
        this.properties = properties;
        this.hub = hub;
        this.json = json;
        this.jms = new JmsTemplate(queue.plainConnectionFactory());
    }

    public void accept(Exchange exchange) {
        String sentTx = exchange.getMessage().getHeader("transactionId", String.class);
        String transactionId = sentTx != null && TransactionIds.isAcceptable(sentTx) ? sentTx : TransactionIds.generate();
        ExchangeContext context = new ExchangeContext(transactionId, "AMQP");
        MDC.put("txId", transactionId);
        String body = exchange.getMessage().getBody(String.class);
        int status = 202;
        try {
            clients.authenticate(exchange.getMessage().getHeader("apiKey", String.class)).ifPresentOrElse(context::client,
                    () -> {
                        throw new HubException(ErrorCode.UNAUTHENTICATED, "the message has no valid 'apiKey' application property");
                    });
            context.userId(exchange.getMessage().getHeader("userId", String.class));
            String kind = exchange.getMessage().getHeader("kind", "DOSSIER", String.class);
            String eventId = exchange.getMessage().getHeader("eventId", String.class);
            JsonNode node = parse(body);
            DossierAccepted accepted;
            if ("PROGRESS".equalsIgnoreCase(kind)) {
                String code = exchange.getMessage().getHeader("dossierCode", String.class);
                accepted = gateway.call(context, HubServices.DOSSIER_PROGRESS,
                        () -> validator.progress(code != null ? code : node.path("MaHoSo").asText(null), node, eventId),
                        DossierAccepted.class);
            } else {
                accepted = gateway.call(context, HubServices.DOSSIER_SUBMIT, () -> validator.dossier(node, eventId),
                        DossierAccepted.class);
            }
            log.info("AMQP dossier event {} of {} accepted from {}", accepted.eventId(), accepted.dossierCode(),
                    context.client().id());
        } catch (RuntimeException e) {
            HubException error = e instanceof HubException h ? h : FailureTranslator.translate(e);
            if (error.code() == ErrorCode.QUEUE_UNAVAILABLE || error.code() == ErrorCode.INTERNAL_ERROR) {
                // Not the sender's fault: roll back, the broker hands the message over again later.
                throw error;
            }
            context.failed(error.code(), error.detail());
            status = error.code().status();
            reject(body, exchange, error, transactionId);
            log.warn("AMQP dossier message rejected: {} {}", error.code(), error.detail());
        } finally {
            record(context, status, body);
            MDC.remove("txId");
        }
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body == null ? "" : body);
        } catch (Exception e) {
            throw new HubException(ErrorCode.MALFORMED_REQUEST, "the message body is not JSON");
        }
    }

    private void reject(String body, Exchange exchange, HubException error, String transactionId) {
        jms.send(properties.getRejectedQueue(), session -> {
            var message = session.createTextMessage(body == null ? "" : body);
            message.setStringProperty("errorCode", error.code().name());
            message.setStringProperty("reason", error.detail());
            message.setStringProperty("transactionId", transactionId);
            message.setStringProperty("rejectedAt", Instant.now().toString());
            String eventId = exchange.getMessage().getHeader("eventId", String.class);
            if (eventId != null) {
                message.setStringProperty("eventId", eventId);
            }
            return message;
        });
    }

    private void record(ExchangeContext context, int status, String body) {
        try {
            messageLog.append(new MessageLogRecord(null, "EXCHANGE", context.transactionId(), hub.instanceId(), "AMQP",
                    context.client() == null ? null : context.client().id(), context.userId(), context.purpose(),
                    context.service(), context.operation(), null, Outcome.fromStatus(status),
                    context.errorCode() == null ? null : context.errorCode().name(), context.errorText(), status,
                    context.timeIn(), Instant.now(), context.elapsedMillis(),
                    body == null ? 0L : (long) body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, null));
        } catch (RuntimeException e) {
            log.error("Message log write failed for AMQP transaction {}", context.transactionId(), e);
        }
    }
}
