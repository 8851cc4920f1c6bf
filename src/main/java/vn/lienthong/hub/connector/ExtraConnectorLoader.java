package vn.lienthong.hub.connector;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.RoutesLoader;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.camel.support.ResourceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

import vn.lienthong.hub.config.HubProperties;

/**
 * Loads the Kamelet descriptors of the operator's outside connectors folder ({@code hub.connectors-extra-location}),
 * next to the built-in ones that {@code camel.main.routes-include-pattern} loads, before Camel starts its routes.
 */
@Component
public class ExtraConnectorLoader implements CamelContextConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ExtraConnectorLoader.class);

    private final HubProperties properties;
    private final ResourcePatternResolver resolver;

    public ExtraConnectorLoader(HubProperties properties, ResourcePatternResolver resolver) {
        this.properties = properties;
        this.resolver = resolver;
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        String location = properties.getConnectorsExtraLocation();
        if (location == null || location.isBlank()) {
            return;
        }
        String base = location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
        RoutesLoader loader = camelContext.getCamelContextExtension().getContextPlugin(RoutesLoader.class);
        try {
            for (Resource descriptor : resolver.getResources(base + "/*/*.kamelet.yaml")) {
                String uri = descriptor.getURL().toString();
                loader.loadRoutes(ResourceHelper.resolveResource(camelContext, uri));
                log.info("Loaded outside connector descriptor {}", uri);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read connectors from " + location, e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot load connectors from " + location + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        // nothing to do once started
    }
}
