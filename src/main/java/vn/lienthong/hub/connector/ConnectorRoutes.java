package vn.lienthong.hub.connector;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Builds, for every catalogue service, the route {@code direct:service-<code>} that calls the service's Kamelet
 * through {@link ConnectorCalls}: resilience is applied by the platform from the descriptor, never by a flow.
 */
@Component
public class ConnectorRoutes extends RouteBuilder {

    private final ConnectorCatalogue catalogue;
    private final ConnectorCalls calls;

    public ConnectorRoutes(ConnectorCatalogue catalogue, ConnectorCalls calls) {
        this.catalogue = catalogue;
        this.calls = calls;
    }

    @Override
    public void configure() {
        for (CatalogueService service : catalogue.all()) {
            JsonSchemas.compile(service.input());
            from(service.routeUri())
                    .routeId("service-" + service.code())
                    .routeDescription(service.description())
                    .process(exchange -> calls.invoke(service, exchange));
        }
    }
}
