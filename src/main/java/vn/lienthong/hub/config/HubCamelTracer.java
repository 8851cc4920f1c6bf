package vn.lienthong.hub.config;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.NamedNode;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.observation.MicrometerObservationTracer;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.support.EndpointHelper;
import org.apache.camel.tracing.SpanDecorator;
import org.apache.camel.tracing.decorators.AbstractSpanDecorator;

/**
 * Camel's tracer on Micrometer's observations, with the steps that get no span of their own
 * ({@code hub.tracing.exclude-patterns}) decided once per endpoint. Camel itself matches its exclude patterns against
 * the endpoint's URI on every exchange sent and received (the URI normalised, each pattern tried as a wildcard and
 * compiled as a regular expression): in a profile of the citizen lookup, half of the Camel tracer's time.
 * Here an excluded endpoint gets a span decorator that opens no span, which Camel's notifier checks first; a flow
 * that starts from an excluded endpoint gets no tracing route policy; and Camel's own patterns stay unset. The
 * patterns and their meaning are Camel's ({@link EndpointHelper#matchEndpoint}).
 */
final class HubCamelTracer extends MicrometerObservationTracer {

    /** Endpoint URIs remembered at most: dynamic endpoints (a URI per request) are decided each time beyond it. */
    static final int MAX_REMEMBERED = 10_000;

    /** The decorator of an excluded endpoint: no span (the step's work stays in the span of the flow that runs it). */
    private static final SpanDecorator NO_SPAN = new AbstractSpanDecorator() {
        @Override
        public boolean newSpan() {
            return false;
        }

        @Override
        public String getComponent() {
            return "excluded";
        }

        @Override
        public String getComponentClassName() {
            return null;
        }
    };

    private final List<String> patterns;
    private final Map<String, SpanDecorator> decorators = new ConcurrentHashMap<>();

    HubCamelTracer(String excludePatterns) {
        this.patterns = excludePatterns == null ? List.of()
                : Arrays.stream(excludePatterns.split(",")).map(String::trim).filter(p -> !p.isEmpty()).toList();
    }

    @Override
    protected SpanDecorator getSpanDecorator(Endpoint endpoint) {
        String uri = endpoint.getEndpointUri();
        SpanDecorator decorator = decorators.get(uri);
        if (decorator == null) {
            decorator = excluded(endpoint.getCamelContext(), uri) ? NO_SPAN : super.getSpanDecorator(endpoint);
            if (decorators.size() < MAX_REMEMBERED) {
                decorators.put(uri, decorator);
            }
        }
        return decorator;
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId, NamedNode route) {
        if (route instanceof RouteDefinition definition && definition.getInput() != null
                && excluded(camelContext, definition.getInput().getEndpointUri())) {
            init(camelContext);
            return null;
        }
        return super.createRoutePolicy(camelContext, routeId, route);
    }

    /** Whether the endpoint's steps get no span: one of the patterns matches its URI. */
    boolean excluded(CamelContext camelContext, String uri) {
        if (uri == null) {
            return false;
        }
        for (String pattern : patterns) {
            if (EndpointHelper.matchEndpoint(camelContext, uri, pattern)) {
                return true;
            }
        }
        return false;
    }
}
