package vn.lienthong.hub.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.RouteConfigurationsBuilder;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Loads the flows ({@code **}/*.camel.yaml) and connector descriptors ({@code **}/*.kamelet.yaml) from the configured
 * locations into Camel. Resolution goes through Spring, which reads sub-folders of a packaged jar correctly, so the same
 * files load whether the hub runs from the build folder, from its jar or from outside folders.
 */
public class FlowLoader implements RoutesBuilder, RouteConfigurationsBuilder {

    private static final Logger log = LoggerFactory.getLogger(FlowLoader.class);

    private final ResourcePatternResolver resolver;
    private final List<String> patterns;

    /**
     * @param flowLocations      folders of flows, e.g. {@code classpath:routes}, {@code file:/opt/hub/routes}
     * @param connectorLocations folders of connectors, e.g. {@code classpath:connectors}
     */
    public FlowLoader(ResourcePatternResolver resolver, List<String> flowLocations, List<String> connectorLocations) {
        this.resolver = resolver;
        this.patterns = new ArrayList<>();
        flowLocations.forEach(location -> patterns.add(ResourceLocations.pattern(location, "**/*.camel.yaml")));
        connectorLocations.forEach(location -> patterns.add(ResourceLocations.pattern(location, "**/*.kamelet.yaml")));
    }

    private List<RoutesBuilder> builders;

    @Override
    public void addRoutesToCamelContext(CamelContext context) throws Exception {
        for (RoutesBuilder builder : builders(context)) {
            builder.addRoutesToCamelContext(context);
        }
    }

    /** The platform's route configurations (routes/platform/), added before any route so every flow can use them. */
    @Override
    public void addRouteConfigurationsToCamelContext(CamelContext context) throws Exception {
        for (RoutesBuilder builder : builders(context)) {
            if (builder instanceof RouteConfigurationsBuilder configurations) {
                configurations.addRouteConfigurationsToCamelContext(context);
            }
        }
    }

    @Override
    public void updateRouteConfigurationsToCamelContext(CamelContext context) throws Exception {
        for (RoutesBuilder builder : builders(context)) {
            if (builder instanceof RouteConfigurationsBuilder configurations) {
                configurations.updateRouteConfigurationsToCamelContext(context);
            }
        }
    }

    @Override
    public void addTemplatedRoutesToCamelContext(CamelContext context) throws Exception {
        for (RoutesBuilder builder : builders(context)) {
            builder.addTemplatedRoutesToCamelContext(context);
        }
    }

    @Override
    public java.util.Set<String> updateRoutesToCamelContext(CamelContext context) throws Exception {
        java.util.Set<String> updated = new java.util.LinkedHashSet<>();
        for (RoutesBuilder builder : builders(context)) {
            updated.addAll(builder.updateRoutesToCamelContext(context));
        }
        return updated;
    }

    /** The route builders of every flow and connector descriptor found, read once. */
    private synchronized List<RoutesBuilder> builders(CamelContext camel) throws Exception {
        if (builders == null) {
            builders = List.copyOf(PluginHelper.getRoutesLoader(camel).findRoutesBuilders(resources()));
        }
        return builders;
    }

    private List<Resource> resources() throws IOException {
        Map<String, Resource> found = new LinkedHashMap<>();
        for (String pattern : patterns) {
            for (org.springframework.core.io.Resource resource : resolver.getResources(pattern)) {
                String location = location(resource.getURL().toString());
                if (resource.isReadable() && !found.containsKey(location)) {
                    found.put(location, ResourceHelper.fromBytes(location, read(resource)));
                }
            }
        }
        log.info("Loading {} flow and connector file(s) from {}", found.size(), patterns);
        return new ArrayList<>(found.values());
    }

    private static byte[] read(org.springframework.core.io.Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            return in.readAllBytes();
        }
    }

    /** A location Camel can read the file kind from: entries of a packaged jar become {@code classpath:} paths. */
    static String location(String url) {
        int entry = url.lastIndexOf("!/");
        return entry >= 0 ? "classpath:" + url.substring(entry + 2) : url;
    }
}
