package vn.lienthong.hub.connector;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.HubException;

/**
 * Decisions on a connector's answer inside the catalogue service route: which failures are proper answers of a
 * healthy system (no record, a 4xx decision of the connector) and so do not count against its circuit, whether the
 * canonical answer fits the service's output schema, and "no record" as 404.
 */
@Component("connectorAnswers")
public class ConnectorAnswers {

    /** Exchange property holding a caller-side outcome (no record, …) decided inside the circuit breaker. */
    static final String DECIDED = "hubConnectorDecision";
    private static final Logger log = LoggerFactory.getLogger(ConnectorAnswers.class);

    private final ObjectMapper json;
    private final ConnectorMetrics metrics;
    private final vn.lienthong.hub.reference.AddressTranslation addresses;

    public ConnectorAnswers(ObjectMapper json, ConnectorMetrics metrics,
            vn.lienthong.hub.reference.AddressTranslation addresses) {
        this.json = json;
        this.metrics = metrics;
        this.addresses = addresses;
    }

    /** Whether a failure of the Kamelet is a proper answer of a healthy system: HTTP 404, or a 4xx decision. */
    static boolean answered(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpOperationFailedException http && http.getStatusCode() == 404) {
                return true;
            }
            if (t instanceof HubException hub) {
                return hub.code().status() < 500;
            }
        }
        return false;
    }

    /**
     * A failed attempt inside the circuit breaker: a proper answer of a healthy system (no record, a 4xx decision) is
     * kept for after the breaker and the attempt counts as a success; any other failure goes on as the attempt's failure.
     */
    public void decided(Exchange exchange) throws Exception {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (!answered(failure)) {
            if (failure instanceof Exception e) {
                throw e;
            }
            throw new IllegalStateException(failure);
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HubException hub) {
                exchange.setProperty(DECIDED, hub);
                break;
            }
        }
        exchange.getMessage().setBody(null);
    }

    /**
     * The Kamelet's answer as the canonical answer: typed for a typed flow, else JSON checked against the output
     * schema ({@code null} when the system has no record).
     */
    public Object canonical(Exchange exchange) {
        CatalogueService service = ConnectorRequests.service(exchange);
        Object answer = exchange.getMessage().getBody();
        if (service.flow() != null || exchange.getProperty(DECIDED) != null) {
            return answer;
        }
        // the answer of a JSLT or XSLT transform in NFC, whatever form the national system sent (platform step after
        // every generic connector)
        JsonNode canonical = vn.lienthong.hub.model.NfcJson.nfc(toJson(service, answer));
        if (!canonical.isNull() && !service.output().isMissingNode()) {
            List<String> violations = JsonSchemas.violations(service.output(), canonical);
            if (!violations.isEmpty()) {
                log.debug("Answer of service '{}' breaks its output schema: {}", service.code(), violations);
                throw new HubException(ErrorCode.NATIONAL_MALFORMED_ANSWER, service.system()
                        + " answered something the connector cannot map: " + violations.get(0));
            }
        }
        // every address in the answer (a land parcel's, a head office's) with the units in force since 2025-07-01
        return addresses.json(canonical);
    }

    /** After the circuit breaker: an outcome decided inside it, or "no record", becomes the caller's error. */
    public void found(Exchange exchange) {
        HubException decided = exchange.getProperty(DECIDED, HubException.class);
        if (decided != null) {
            exchange.removeProperty(DECIDED);
            throw decided;
        }
        Object body = exchange.getMessage().getBody();
        if (body == null || body instanceof JsonNode node && (node.isNull() || node.isMissingNode())) {
            throw new HubException(ErrorCode.NOT_FOUND, ConnectorRequests.service(exchange).system()
                    + " has no record for this request");
        }
        metrics.ended(exchange, ConnectorRequests.service(exchange), "success");
    }

    private JsonNode toJson(CatalogueService service, Object answer) {
        try {
            if (answer == null) {
                return NullNode.getInstance();
            }
            if (answer instanceof JsonNode node) {
                return node;
            }
            if (answer instanceof InputStream in) {
                return json.readTree(in);
            }
            if (answer instanceof byte[] bytes) {
                return json.readTree(bytes);
            }
            if (answer instanceof String text) {
                return text.isBlank() ? NullNode.getInstance() : json.readTree(text);
            }
            return json.valueToTree(answer);
        } catch (IOException | IllegalArgumentException e) {
            throw new HubException(ErrorCode.NATIONAL_MALFORMED_ANSWER, service.system()
                    + " answered something the connector cannot read as JSON", e);
        }
    }
}
