package vn.lienthong.hub.dossier;

import java.time.Instant;
import java.util.Map;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.lienthong.hub.exchange.HubServices;
import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.ExchangeContext;
import vn.lienthong.hub.exchange.FailureTranslator;
import vn.lienthong.hub.exchange.HubException;
import vn.lienthong.hub.exchange.HubOperation;
import vn.lienthong.hub.exchange.ServiceGateway;
import vn.lienthong.hub.exchange.TransactionIds;
import vn.lienthong.hub.audit.log.MessageLog;
import vn.lienthong.hub.security.ClientRegistry;

/**
 * The decisions of the flow {@code dossier-intake-amqp}: dossier events agency systems send to the inbound queue over
 * AMQP 1.0 or the core protocol. The sender's identity travels in the application property {@code apiKey} (the same
 * key as X-API-Key), with optional {@code eventId}, {@code transactionId}, {@code userId}, {@code kind} (DOSSIER or
 * PROGRESS, default DOSSIER) and for progress {@code dossierCode}; the body is the same JSON as over REST. Each message
 * gets the REST treatment (authentication, access check, validation, durable queue); the properties are checked
 * first (size and value), so an oversized or malformed one is the sender's error, never the message log's. The
 * message's EXCHANGE record is written by {@link AmqpIntakeRecorder} with its real outcome.
 */
@Component("dossierAmqpIntake")
public class DossierAmqpIntake {

    /** Exchange property holding the intake's {@link ExchangeContext}. */
    public static final String CONTEXT = ExchangeContext.INTAKE;

    /** Longest value accepted per application property (the message log's columns, the event table's). */
    static final Map<String, Integer> MAX_LENGTH = Map.of("apiKey", 256, "eventId", 64, "transactionId", 64,
            "userId", 128, "kind", 16, "dossierCode", 40);

    private static final Logger log = LoggerFactory.getLogger(DossierAmqpIntake.class);

    private final ClientRegistry clients;
    private final ServiceGateway gateway;
    private final DossierValidator validator;
    private final ObjectMapper json;
    private final MessageLog messageLog;
    private final String hubUser;

    public DossierAmqpIntake(ClientRegistry clients, ServiceGateway gateway, DossierValidator validator, ObjectMapper json,
            MessageLog messageLog, @org.springframework.beans.factory.annotation.Value("${spring.artemis.user:hub}")
            String hubUser) {
        this.hubUser = hubUser;
        this.clients = clients;
        this.gateway = gateway;
        this.validator = validator;
        this.json = json;
        this.messageLog = messageLog;
    }

    /** First step: the transaction id (the sender's when acceptable) and the intake's context. */
    public void open(Exchange exchange) {
        Object sent = exchange.getMessage().getHeader("transactionId");
        String transactionId = sent instanceof String s && TransactionIds.isAcceptable(s) && !borrowed(exchange, s)
                ? s : TransactionIds.generate();
        exchange.setProperty(CONTEXT, new ExchangeContext(transactionId, "AMQP"));
        MDC.put("txId", transactionId);
    }

    /**
     * Whether the sender's transaction id is already another client's (as at the REST and SOAP edges, it never joins
     * that client's trace: the message gets a new id, which its record and delivery attempts carry).
     */
    private boolean borrowed(Exchange exchange, String transactionId) {
        Object key = exchange.getMessage().getHeader("apiKey");
        String clientId = key instanceof String k ? clients.authenticate(k).map(c -> c.id()).orElse(null) : null;
        boolean borrowed = messageLog.belongsToAnotherClient(transactionId, clientId);
        if (borrowed) {
            log.info("AMQP message sent transaction id {} of another client; it gets a new one", transactionId);
        }
        return borrowed;
    }

    /** The application properties: strings within their length, {@code kind} one of DOSSIER, PROGRESS. */
    public void checkProperties(Exchange exchange) {
        for (Map.Entry<String, Integer> p : MAX_LENGTH.entrySet()) {
            Object value = exchange.getMessage().getHeader(p.getKey());
            if (value == null) {
                continue;
            }
            if (!(value instanceof String text)) {
                throw new HubException(ErrorCode.INVALID_FIELD, "application property '" + p.getKey() + "' must be a string");
            }
            if (text.length() > p.getValue()) {
                throw new HubException(ErrorCode.INVALID_FIELD, "application property '" + p.getKey() + "' is longer than "
                        + p.getValue() + " characters");
            }
        }
        String kind = exchange.getMessage().getHeader("kind", String.class);
        if (kind != null && !kind.equalsIgnoreCase("DOSSIER") && !kind.equalsIgnoreCase("PROGRESS")) {
            throw new HubException(ErrorCode.INVALID_FIELD, "application property 'kind' must be DOSSIER or PROGRESS");
        }
    }

    /**
     * The sender's identity: the client whose API key the {@code apiKey} property carries. Its access to the operation
     * is checked next, from the accepting method's declaration, before that method runs.
     */
    public void authenticate(Exchange exchange) {
        ExchangeContext context = exchange.getProperty(CONTEXT, ExchangeContext.class);
        var message = exchange.getMessage();
        clients.authenticate(message.getHeader("apiKey", String.class)).ifPresentOrElse(context::client, () -> {
            throw new HubException(ErrorCode.UNAUTHENTICATED, "the message has no valid 'apiKey' application property");
        });
        context.userId(message.getHeader("userId", String.class));
        String sender = brokerLogin(exchange);
        if (sender != null && !sender.equals(hubUser) && !sender.equals(context.client().id())) {
            // an agency that knows another agency's key does not send under it
            throw new HubException(ErrorCode.ACCESS_DENIED, "the message's apiKey is not the key of the agency logged in"
                    + " to the broker (" + sender + ")");
        }
    }

    /**
     * The broker login that sent the message, as the broker records it ({@code JMSXUserID}, from Artemis's validated
     * user; core messages only: AMQP senders are checked by the broker itself, {@code security/InboundSenderCheck}).
     */
    private static String brokerLogin(Exchange exchange) {
        if (exchange.getMessage() instanceof org.apache.camel.component.jms.JmsMessage jms && jms.getJmsMessage() != null) {
            try {
                return jms.getJmsMessage().getStringProperty("JMSXUserID");
            } catch (jakarta.jms.JMSException e) {
                return null;
            }
        }
        return null;
    }

    /** A dossier (kind DOSSIER): validation and the accept flow, through the service gateway like REST and SOAP. */
    @HubOperation(service = "dossier-sync", operation = "DongBoHoSoMC")
    public DossierAccepted acceptDossier(Exchange exchange) {
        ExchangeContext context = exchange.getProperty(CONTEXT, ExchangeContext.class);
        var message = exchange.getMessage();
        String eventId = message.getHeader("eventId", String.class);
        JsonNode node = parse(message.getBody(String.class));
        return accepted(context, gateway.call(context, HubServices.DOSSIER_SUBMIT, () -> validator.dossier(node, eventId),
                DossierAccepted.class));
    }

    /** A processing step (kind PROGRESS) of the dossier {@code dossierCode} (or the body's {@code MaHoSo}). */
    @HubOperation(service = "dossier-sync", operation = "CapNhatTienDoHoSoMC")
    public DossierAccepted acceptProgress(Exchange exchange) {
        ExchangeContext context = exchange.getProperty(CONTEXT, ExchangeContext.class);
        var message = exchange.getMessage();
        String eventId = message.getHeader("eventId", String.class);
        JsonNode node = parse(message.getBody(String.class));
        String code = message.getHeader("dossierCode", String.class);
        return accepted(context, gateway.call(context, HubServices.DOSSIER_PROGRESS,
                () -> validator.progress(code != null ? code : node.path("MaHoSo").asText(null), node, eventId),
                DossierAccepted.class));
    }

    private static DossierAccepted accepted(ExchangeContext context, DossierAccepted accepted) {
        log.info("AMQP dossier event {} of {} accepted from {}", accepted.eventId(), accepted.dossierCode(),
                context.client().id());
        return accepted;
    }

    /**
     * The rejected message: the original body with {@code errorCode}, {@code reason}, {@code transactionId}. A failure
     * that is the hub's own (5xx: queue or database down) is thrown on instead: the intake rolls back and the broker
     * hands the message over again later.
     */
    public void rejection(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        HubException error = failure instanceof HubException h ? h : FailureTranslator.translate(failure);
        if (error.code().status() >= 500) {
            throw error;
        }
        ExchangeContext context = exchange.getProperty(CONTEXT, ExchangeContext.class);
        context.failed(error.code(), error.detail());
        log.warn("AMQP dossier message rejected: {} {}", error.code(), error.detail());
        var message = exchange.getMessage();
        String eventId = message.getHeader("eventId") instanceof String s && s.length() <= MAX_LENGTH.get("eventId") ? s : null;
        message.removeHeaders("*");
        message.setHeader("errorCode", error.code().name());
        message.setHeader("reason", error.detail());
        message.setHeader("transactionId", context.transactionId());
        message.setHeader("rejectedAt", Instant.now().toString());
        if (eventId != null) {
            message.setHeader("eventId", eventId);
        }
        if (message.getBody() == null) {
            message.setBody("");
        }
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body == null ? "" : body);
        } catch (Exception e) {
            throw new HubException(ErrorCode.MALFORMED_REQUEST, "the message body is not JSON");
        }
    }
}
