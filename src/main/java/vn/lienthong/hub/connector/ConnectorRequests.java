package vn.lienthong.hub.connector;

import java.util.Iterator;
import java.util.Map;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.HubException;
import vn.lienthong.hub.model.ServiceRequest;

/**
 * First step of every catalogue service route: names the service on the exchange, refuses a connector without a URL,
 * and offers the request to the Kamelet as the connector contract says (every top-level input field as an exchange
 * property of the same name, the body as JSON text; a typed request stays typed).
 */
@Component("connectorRequests")
public class ConnectorRequests {

    /** Exchange property holding the {@link CatalogueService} being called. */
    public static final String SERVICE = "hubCatalogueService";
    /** Exchange property naming the connector folder, so a Kamelet finds its transforms wherever it was loaded from. */
    public static final String PROPERTY_CONNECTOR_HOME = "hubConnectorHome";

    private final ConnectorCatalogue catalogue;
    private final ConnectorBreakers breakers;
    private final ConnectorMetrics metrics;

    public ConnectorRequests(ConnectorCatalogue catalogue, ConnectorBreakers breakers, ConnectorMetrics metrics) {
        this.catalogue = catalogue;
        this.breakers = breakers;
        this.metrics = metrics;
    }

    /** The service an exchange is calling, set by {@link #prepare}. */
    public static CatalogueService service(Exchange exchange) {
        CatalogueService service = exchange.getProperty(SERVICE, CatalogueService.class);
        if (service == null) {
            throw new IllegalStateException("exchange " + exchange.getExchangeId() + " is not in a catalogue service route");
        }
        return service;
    }

    public void prepare(Exchange exchange, String code) {
        CatalogueService service = catalogue.find(code)
                .orElseThrow(() -> new HubException(ErrorCode.UNKNOWN_SERVICE, "no service '" + code + "'"));
        exchange.setProperty(SERVICE, service);
        metrics.started(exchange);
        exchange.setProperty(PROPERTY_CONNECTOR_HOME, service.home());
        if (!breakers.configured(service)) {
            throw new HubException(ErrorCode.NATIONAL_UNAVAILABLE, "the connector " + service.system()
                    + " has no URL configured (camel.kamelet." + service.kamelet() + ".baseUrl)");
        }
        Object body = exchange.getMessage().getBody();
        if (body instanceof ServiceRequest request) {
            for (Iterator<Map.Entry<String, JsonNode>> it = request.input().fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                exchange.setProperty(field.getKey(), field.getValue().isValueNode() ? field.getValue().asText()
                        : field.getValue().toString());
            }
            exchange.getMessage().setBody(request.input().toString());
        }
    }
}
