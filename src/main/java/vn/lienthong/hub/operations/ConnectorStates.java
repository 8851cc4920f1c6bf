package vn.lienthong.hub.operations;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import vn.lienthong.hub.connector.CatalogueService;
import vn.lienthong.hub.connector.ConnectorBreakers;
import vn.lienthong.hub.connector.ConnectorCatalogue;

/**
 * Each connector's state as information in readiness: always UP itself, with the circuit state of every catalogue
 * service (CLOSED, OPEN, HALF_OPEN, or "no URL"), so an operator reading readiness sees which national system is
 * failing, and one failing national system never takes the hub out of the load balancer
 * ({@code /actuator/health/connectors} has them as UP/DOWN).
 */
@Component("connectorStates")
public class ConnectorStates implements HealthIndicator {

    private final ConnectorCatalogue catalogue;
    private final ConnectorBreakers breakers;

    public ConnectorStates(ConnectorCatalogue catalogue, ConnectorBreakers breakers) {
        this.catalogue = catalogue;
        this.breakers = breakers;
    }

    @Override
    public Health health() {
        Map<String, Object> states = new LinkedHashMap<>();
        for (CatalogueService service : catalogue.all()) {
            states.put(service.code(), breakers.configured(service) ? breakers.breaker(service).getState().name() : "no URL");
        }
        return Health.up().withDetails(states).build();
    }
}
