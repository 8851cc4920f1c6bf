package vn.lienthong.hub.connector;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.component.jslt.JsltEndpoint;
import org.apache.camel.spi.EndpointStrategy;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Gives every {@code jslt:} endpoint (the connectors' transforms) an object mapper of its own, made once with the
 * endpoint. Camel's JSLT endpoint otherwise builds a new {@code ObjectMapper} for every exchange it transforms, which
 * the delivery profile showed on every portal call (docs/performance.md, "The delivery's marks"). The mapper is the
 * one the endpoint would have made: Jackson's defaults, with {@code mapBigDecimalAsFloats} applied when the endpoint
 * asks for it. An endpoint given a mapper of its own is left as it is.
 */
@Component
public class JsltMappers implements CamelContextConfiguration, EndpointStrategy {

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        camelContext.getCamelContextExtension().registerEndpointCallback(this);
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        // endpoints made after the start get their mapper from the callback
    }

    @Override
    public Endpoint registerEndpoint(String uri, Endpoint endpoint) {
        if (endpoint instanceof JsltEndpoint jslt && jslt.getObjectMapper() == null) {
            ObjectMapper mapper = new ObjectMapper();
            if (jslt.isMapBigDecimalAsFloats()) {
                mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
            }
            jslt.setObjectMapper(mapper);
        }
        return endpoint;
    }
}
