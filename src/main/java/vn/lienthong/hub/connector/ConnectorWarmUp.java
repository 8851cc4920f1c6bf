package vn.lienthong.hub.connector;

import java.io.IOException;

import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

import vn.lienthong.hub.config.ResourceLocations;

/**
 * Creates every catalogue service's Kamelet route once Camel has started, instead of on the first call: the first
 * caller would otherwise pay for building the route and its HTTP client inside the service's timeout.
 */
@Component
public class ConnectorWarmUp implements CamelContextConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ConnectorWarmUp.class);

    private final ConnectorCatalogue catalogue;
    private final ResourcePatternResolver resolver;
    private final ConnectorBreakers breakers;

    public ConnectorWarmUp(ConnectorCatalogue catalogue, ResourcePatternResolver resolver, ConnectorBreakers breakers) {
        this.catalogue = catalogue;
        this.resolver = resolver;
        this.breakers = breakers;
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        // routes are created after start
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        for (CatalogueService service : catalogue.all()) {
            if (!breakers.configured(service)) {
                log.warn("Connector '{}' ({}) has no URL: it answers 503 and shows DOWN until one is set",
                        service.code(), service.kamelet());
                continue;
            }
            try {
                camelContext.getEndpoint("kamelet:" + service.kamelet()).createProducer().start();
                warmTransforms(camelContext, service.home());
            } catch (Exception e) {
                // a connector without settings (e.g. no URL in production) stays DOWN in health; the hub still starts
                log.warn("Connector '{}' ({}) not ready: {}", service.code(), service.kamelet(), e.getMessage());
            }
        }
    }

    /** Loads the folder's stylesheets and JSLT files into the same endpoints the templates' {@code toD} will use. */
    private void warmTransforms(CamelContext camelContext, String home) throws IOException {
        String pattern = ResourceLocations.pattern(home, "transforms/*.*");
        for (Resource transform : resolver.getResources(pattern)) {
            String name = transform.getFilename();
            if (name == null) {
                continue;
            }
            String uri = home + "/transforms/" + name;
            if (name.endsWith(".jslt")) {
                camelContext.getEndpoint("jslt:" + uri);
            } else if (name.endsWith(".xsl") || name.endsWith(".xslt")) {
                camelContext.getEndpoint("xslt-saxon:" + uri);
            }
        }
    }
}
