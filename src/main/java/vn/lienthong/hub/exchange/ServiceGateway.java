package vn.lienthong.hub.exchange;

import java.util.function.Supplier;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.hub.model.SubjectBound;
import vn.lienthong.hub.security.AccessPolicy;
import vn.lienthong.hub.security.Admission;
import vn.lienthong.hub.security.ClientQuotas;
import vn.lienthong.hub.security.DataScopes;

/**
 * The one way from the edge (REST, SOAP, messages) into the flows. It applies what every service needs, so no flow
 * can forget it: access check (deny by default), the client's fair-use quota, the personal-data context (user and purpose), validation of the
 * request, the subject reference for the message log, the transaction id on the exchange, and error translation.
 */
@Component
public class ServiceGateway {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ServiceGateway.class);

    private final ProducerTemplate producer;
    private final AccessPolicy accessPolicy;
    private final SubjectReferences subjects;
    private final ClientQuotas quotas;
    private final DataScopes scopes;
    private final ObjectMapper json;

    public ServiceGateway(ProducerTemplate producer, AccessPolicy accessPolicy, SubjectReferences subjects,
            ClientQuotas quotas, DataScopes scopes, ObjectMapper json) {
        this.producer = producer;
        this.accessPolicy = accessPolicy;
        this.subjects = subjects;
        this.quotas = quotas;
        this.scopes = scopes;
        this.json = json;
    }

    /**
     * Validates the request and runs the service's flow, for an exchange the edge has authorized for this service from
     * the handler's {@link HubOperation} declaration; an exchange that was not (a handler without a declaration, or one
     * declaring another service) is refused, so nothing reaches a flow without the central access check.
     *
     * @param request validates and builds the flow's input; runs only after the access check, so an unauthorised
     *                caller learns nothing from validation messages
     * @return the flow's answer converted to {@code resultType}
     * @throws HubException with the error code the caller must see
     */
    public <T> T call(ExchangeContext context, HubService service, Supplier<?> request, Class<T> resultType) {
        requireAuthorized(context, service);
        Object body = request.get();
        if (body instanceof SubjectBound subject) {
            context.subjectRef(subjects.reference(subject.subjectId()));
        }
        Exchange exchange = new DefaultExchange(producer.getCamelContext());
        exchange.getIn().setBody(body);
        context.toCall().applyTo(exchange);
        Exchange done = producer.send(service.endpointUri(), exchange);
        if (done.getException() != null) {
            HubException problem = FailureTranslator.translate(done.getException());
            if (problem.code() == ErrorCode.INTERNAL_ERROR && !Problems.logged(done, done.getException())) {
                log.error("Flow {} failed unexpectedly", service.endpointUri(), done.getException());
            }
            throw problem;
        }
        T result = done.getMessage().getBody(resultType);
        if (result == null) {
            throw new HubException(ErrorCode.INTERNAL_ERROR, "flow " + service.endpointUri() + " gave no "
                    + resultType.getSimpleName());
        }
        return minimised(context, service, result, resultType);
    }

    /**
     * The answer with only the fields the data scope of the client and purpose lets through (Decree 13/2023); the
     * scope applied is named on the context, so the message log records it.
     */
    private <T> T minimised(ExchangeContext context, HubService service, T result, Class<T> resultType) {
        var restriction = scopes.restriction(context.client(), service.code(), context.purpose());
        if (restriction.isEmpty()) {
            return result;
        }
        if (!(json.valueToTree(result) instanceof ObjectNode answer)) {
            return result;
        }
        answer.retain(restriction.get().fields());
        context.scope(restriction.get().name());
        try {
            return json.treeToValue(answer, resultType);
        } catch (JsonProcessingException e) {
            throw new HubException(ErrorCode.INTERNAL_ERROR, "the answer could not be limited to its data scope");
        }
    }

    /**
     * Takes the client's fair-use quota over all its calls, once per exchange: the edge calls this as soon as the client
     * is authenticated, so every REST and SOAP request counts, whatever it asks; {@link #authorize} takes it when the
     * edge has not. Messages from the broker (AMQP) are not counted: their pace is the queue's consumers'.
     *
     * @throws QuotaExceededException 429 with the seconds to wait, when the client is over its quota
     */
    public void admit(ExchangeContext context) {
        admit(context, ClientQuotas.ALL_SERVICES);
    }

    /** The quota of the client's calls to one service (when one is configured), once per exchange. */
    private void admit(ExchangeContext context, String scope) {
        if (countsAgainstQuota(context) && context.takeQuotaOnce(scope)) {
            hold(context, quotas.admit(context.client().id(), scope));
        }
    }

    private static boolean countsAgainstQuota(ExchangeContext context) {
        return context.client() != null && !"AMQP".equals(context.channel());
    }

    private static void hold(ExchangeContext context, Admission admission) {
        if (!admission.admitted()) {
            throw new QuotaExceededException(admission.detail(), admission.retryAfterSeconds());
        }
        context.onEnd(admission::release);
    }

    /** Fails closed when the edge has not authorized the exchange for this very service. */
    private static void requireAuthorized(ExchangeContext context, HubService service) {
        HubService authorized = context.authorized();
        if (authorized == null || !authorized.category().equals(service.category())
                || !authorized.code().equals(service.code())) {
            log.error("Call of {} / {} without the edge's access check for it (authorized: {}): is its handler declared?",
                    service.code(), service.operation(), authorized == null ? "nothing" : authorized.code());
            throw new HubException(ErrorCode.ACCESS_DENIED, "the operation is not declared for this service");
        }
    }

    /**
     * The access check of one declared operation: called by the edge's declared-access check (REST, SOAP, the queue
     * intake) before the handler runs, never by handlers. Deny by default: the client needs a grant of the service
     * (unless it is open to every client or public); then the client's quotas; then user and purpose for personal data.
     */
    public void authorize(ExchangeContext context, HubService service) {
        context.service(service.code(), service.operation());
        if (HubService.PUBLIC.equals(service.category())) {
            context.authorized(service);
            return;
        }
        if (context.client() == null || (service.needsGrant()
                && !accessPolicy.allows(context.client(), service.category(), service.code()))) {
            throw new HubException(ErrorCode.ACCESS_DENIED,
                    "client " + (context.client() == null ? "?" : context.client().id()) + " may not call " + service.code());
        }
        admit(context);
        if (service.needsGrant()) {
            admit(context, service.code());
        }
        if (service.personalData()) {
            if (context.userId() == null || context.userId().isBlank()) {
                throw new HubException(ErrorCode.MISSING_USER, "X-User-Id is required for personal data");
            }
            if (context.purpose() == null || context.purpose().isBlank()) {
                throw new HubException(ErrorCode.MISSING_PURPOSE, "X-Purpose is required for personal data (Decree 13/2023/NĐ-CP)");
            }
        }
        context.authorized(service);
    }
}
