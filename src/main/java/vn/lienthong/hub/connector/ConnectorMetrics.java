package vn.lienthong.hub.connector;

import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Times every call of a catalogue service, retries included, in {@code hub.connector.calls}
 * ({@code hub_connector_calls_seconds_*}) tagged by connector, service and outcome ({@code success} or the error code).
 */
@Component
public class ConnectorMetrics {

    static final String STARTED = "hubConnectorCallStarted";

    private final MeterRegistry meters;

    public ConnectorMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void started(Exchange exchange) {
        exchange.setProperty(STARTED, System.nanoTime());
    }

    void ended(Exchange exchange, CatalogueService service, String outcome) {
        Long started = exchange.getProperty(STARTED, Long.class);
        exchange.removeProperty(STARTED);
        if (started == null) {
            return;
        }
        Timer.builder("hub.connector.calls")
                .description("Calls from the hub to national and sector systems")
                .tag("connector", service.system()).tag("service", service.code()).tag("outcome", outcome)
                .register(meters).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }
}
