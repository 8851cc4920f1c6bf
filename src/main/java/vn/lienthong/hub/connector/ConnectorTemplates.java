package vn.lienthong.hub.connector;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.springframework.stereotype.Component;

/**
 * Instantiates the route templates of routes/platform/catalogue-service.camel.yaml once per catalogue service, with
 * the parameters its {@code connector.yaml} declares (after the {@code hub.services.<code>.*} and
 * {@code hub.connector-overrides.*} overrides): {@code direct:service-<code>} (the service, its retries and catalogue
 * errors) and {@code direct:connector-<code>} (one attempt behind the service's circuit breaker).
 */
@Component
public class ConnectorTemplates extends RouteBuilder {

    /** The bounded pool the circuit breakers run timed calls on (Camel's thread-pool profile, not a private pool). */
    public static final String CALL_POOL = "connectorCallPool";
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
        int concurrent = 0;
        for (CatalogueService service : catalogue.all()) {
            concurrent += service.resilience().maxConcurrentCalls();
        }
        // A hand-off pool (no queue): a call takes an idle thread or starts one, up to twice the connectors' bulkheads,
        // and a thread idle for 30 s ends. With a core size equal to the bulkheads (140) and a queue, the executor
        // started a new thread for every call until it had 140, idle ones waiting or not (threads after load: 303).
        ThreadPoolProfile profile = new ThreadPoolProfileBuilder("connector-calls")
                .poolSize(Math.min(4, Math.max(1, concurrent))).maxPoolSize(Math.max(8, 2 * concurrent)).maxQueueSize(0)
                .keepAliveTime(30L, TimeUnit.SECONDS).allowCoreThreadTimeOut(true).build();
        ExecutorService pool = getContext().getExecutorServiceManager().newThreadPool(this, "connector-calls", profile);
        getContext().getRegistry().bind(CALL_POOL, ExecutorService.class, pool);

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
