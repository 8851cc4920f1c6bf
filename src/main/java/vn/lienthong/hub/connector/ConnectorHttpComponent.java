package vn.lienthong.hub.connector;

import org.apache.camel.component.http.HttpComponent;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.io.HttpClientConnectionManager;
import org.apache.hc.client5.http.socket.ConnectionSocketFactory;
import org.apache.hc.core5.http.config.Registry;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.util.TimeValue;
import org.springframework.stereotype.Component;

/**
 * Camel's {@code http} component, through which every connector calls its national system, with a connection pool
 * that takes no pool-wide lock. Camel's own pool (strict) serialises every lease and release of every connector
 * behind one lock: under load on a small machine the thread holding it is often descheduled and the lookups queue
 * behind it. The lax pool locks per route (one national system each) and keeps each route's limit
 * ({@code camel.component.http.connections-per-route}); the limit over all routes is not kept, and the connectors'
 * bulkheads bound the calls in flight instead. Registered as the bean {@code http}, which Camel takes for the
 * component of that name; {@code camel.component.http.*} still configures it.
 */
@Component("http")
public class ConnectorHttpComponent extends HttpComponent {

    @Override
    protected HttpClientConnectionManager createConnectionManager(Registry<ConnectionSocketFactory> registry,
            int maxTotalConnections, int connectionsPerRoute, SocketConfig socketConfig) {
        PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager(registry,
                PoolConcurrencyPolicy.LAX, TimeValue.ofMilliseconds(getConnectionTimeToLive()), null);
        pool.setDefaultMaxPerRoute(connectionsPerRoute > 0 ? connectionsPerRoute : getConnectionsPerRoute());
        pool.setDefaultSocketConfig(socketConfig);
        return pool;
    }
}
