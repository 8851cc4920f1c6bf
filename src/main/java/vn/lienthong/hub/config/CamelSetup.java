package vn.lienthong.hub.config;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.ResourcePatternResolver;

/** Wiring between Spring and Camel that the starters do not provide. */
@Configuration
public class CamelSetup {

    /**
     * Flows from {@code hub.flows-location}; connector descriptors from {@code hub.connectors-location} and, when set,
     * the operator's outside folder {@code hub.connectors-extra-location} (drop-in connectors, no rebuild).
     */
    @Bean
    public FlowLoader flows(HubProperties properties, ResourcePatternResolver resolver) {
        return new FlowLoader(resolver, List.of(properties.flowsLocation()), properties.connectorLocations());
    }
}
