package vn.lienthong.hub.connector;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.hub.exchange.HubService;

/**
 * One service of the catalogue, as a connector's {@code connector.yaml} declares it.
 *
 * @param code          service code, unique in the hub; the access grant is {@code data:<code>}
 * @param description   one sentence for the catalogue
 * @param system        the connector folder (national or sector system) that serves it
 * @param kamelet       the Kamelet that calls the system
 * @param flow          a typed flow that serves the service instead of the generic route (built-in connectors only), or null
 * @param personalData  whether answers carry personal data, so X-User-Id and X-Purpose are mandatory
 * @param subjects      input fields that may name the data subject (its keyed hash goes to the message log), each
 *                      with the identifier rules checked before any call; the first one present is the subject
 * @param input         JSON Schema of the request body
 * @param output        JSON Schema of the canonical answer
 * @param resilience    timeout, retries, circuit breaker and concurrency limit
 * @param home          resource location of the connector folder ({@code classpath:connectors/tax}, {@code file:/opt/…/acme})
 * @param errors        how the system's own error codes inside an HTTP 200 answer map to the catalogue ({@code errors:})
 */
public record CatalogueService(String code, String description, String system, String kamelet, String flow,
                               boolean personalData, List<SubjectField> subjects, JsonNode input,
                               JsonNode output, Resilience resilience, String home,
                               List<NationalError> errors) {

    public static final String CATEGORY = "data";

    /**
     * An input field that names the data subject.
     *
     * @param field input field name, e.g. {@code personalId}
     * @param kind  {@code personal-id} (12-digit personal identification number) or {@code enterprise-code}
     *              (tax code with checksum and optional branch suffix)
     */
    public record SubjectField(String field, String kind) {
    }

    /** Name of the service's circuit breaker in the breaker registry, the Camel registry and the metrics. */
    public String breakerName() {
        return "connector-" + code;
    }

    /** The route the platform builds for the service from routes/platform/catalogue-service.camel.yaml. */
    public String routeUri() {
        return "direct:service-" + code;
    }

    /** The service as the gateway sees it: a typed flow when there is one, the generic route otherwise. */
    public HubService hubService() {
        return new HubService(CATEGORY, code, "CallService", flow != null ? flow : routeUri(), personalData);
    }
}
