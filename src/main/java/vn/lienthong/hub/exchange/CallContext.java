package vn.lienthong.hub.exchange;

import java.util.Objects;

import org.apache.camel.Exchange;

/**
 * The exchange context as flows and connectors see it: one immutable value set once by the service gateway (or by the
 * consumer of a queued event) in the exchange property {@link #PROPERTY}. Camel copies exchange properties to the
 * exchanges of a split, a multicast or a Kamelet, so the context follows every step without being copied by hand;
 * a step that needs another service name derives a new value with {@link #forService(String)}.
 *
 * @param transactionId the accepting request's transaction id, written in every message-log record of the exchange
 * @param clientId      the calling agency system, {@code {agency identifier}:{system code}}
 * @param userId        officer or end user on whose behalf the client acts (personal data only)
 * @param purpose       purpose or legal basis, e.g. the procedure code (Decree 13/2023/NĐ-CP)
 * @param service       the catalogue service being served
 * @param channel       how the request arrived: REST, SOAP, AMQP
 * @param subjectRef    keyed hash of the data subject's identifier, never the identifier itself
 */
public record CallContext(String transactionId, String clientId, String userId, String purpose, String service,
        String channel, String subjectRef) {

    /** Exchange property holding the context; flows read it in Simple as {@code ${exchangeProperty.hubCall.purpose}}. */
    public static final String PROPERTY = "hubCall";

    public CallContext {
        Objects.requireNonNull(transactionId, "transactionId");
    }

    /** The context of an exchange, or an exception naming the step that runs outside one. */
    public static CallContext of(Exchange exchange) {
        CallContext context = exchange.getProperty(PROPERTY, CallContext.class);
        if (context == null) {
            throw new IllegalStateException("exchange " + exchange.getExchangeId() + " carries no " + PROPERTY
                    + " property: it did not enter through the service gateway");
        }
        return context;
    }

    /** The context of an exchange, or null when it has none (platform observers only). */
    public static CallContext find(Exchange exchange) {
        return exchange.getProperty(PROPERTY, CallContext.class);
    }

    /** The same call, serving another catalogue service (a pre-fill source, a hop). */
    public CallContext forService(String otherService) {
        return new CallContext(transactionId, clientId, userId, purpose, otherService, channel, subjectRef);
    }

    /** The same call, about another subject (a pre-fill source whose subject is the enterprise, not the person). */
    public CallContext forSubject(String otherSubjectRef) {
        return new CallContext(transactionId, clientId, userId, purpose, service, channel, otherSubjectRef);
    }

    /** Puts this context on an exchange. */
    public void applyTo(Exchange exchange) {
        exchange.setProperty(PROPERTY, this);
    }
}
