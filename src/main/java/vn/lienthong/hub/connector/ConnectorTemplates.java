package vn.lienthong.hub.connector;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Instantiates the route templates of routes/platform/catalogue-service.camel.yaml once per catalogue service, with
 * the parameters its {@code connector.yaml} declares (after the {@code hub.services.<code>.*} and
 * {@code hub.connector-overrides.*} overrides): {@code direct:service-<code>} (the service, its retries and catalogue
 * errors) and {@code direct:connector-<code>} (one attempt behind the service's circuit breaker).
 */
@Component
public class ConnectorTemplates extends RouteBuilder {

    public static final String TEMPLATE = "catalogue-service";
    public static final String ATTEMPT_TEMPLATE = "connector-attempt";

    private final ConnectorCatalogue catalogue;
    private final ConnectorBreakers breakers;

    public ConnectorTemplates(ConnectorCatalogue catalogue, ConnectorBreakers breakers) {
        this.catalogue = catalogue;
        this.breakers = breakers;
    }

    @Override
    public void configure() {
        for (CatalogueService service : catalogue.all()) {
            JsonSchemas.compile(service.input());
            Resilience r = service.resilience();
            getContext().getRegistry().bind(service.breakerName(), breakers.breaker(service));
            templatedRoute(TEMPLATE)
                    .routeId("service-" + service.code())
                    .parameter("code", service.code());
            if (!breakers.configured(service)) {
                // No URL (a sector system not yet connected in production): the hub starts, the service answers 503
                // from ConnectorRequests before any attempt, and its health shows DOWN. Its Kamelet is not built.
                continue;
            }
            templatedRoute(ATTEMPT_TEMPLATE)
                    .routeId("connector-" + service.code())
                    .parameter("code", service.code())
                    .parameter("kamelet", service.kamelet())
                    .parameter("breaker", service.breakerName())
                    .parameter("timeoutMillis", Long.toString(r.timeoutMillis()))
                    .parameter("maxConcurrentCalls", Integer.toString(r.maxConcurrentCalls()));
        }
    }
}
