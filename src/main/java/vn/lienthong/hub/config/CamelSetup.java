package vn.lienthong.hub.config;

import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.support.ResourcePatternResolver;

import vn.lienthong.hub.connector.ConnectorSettingsSource;

/** Wiring between Spring and Camel that the starters do not provide. */
@Configuration
public class CamelSetup {

    /** Flows and connector descriptors from {@code hub.flows-location} and {@code hub.connectors-location}. */
    @Bean
    public FlowLoader flows(HubProperties properties, ResourcePatternResolver resolver) {
        return new FlowLoader(resolver, List.of(properties.getFlowsLocation()), List.of(properties.getConnectorsLocation()));
    }

    @Bean
    public CamelContextConfiguration connectorSettings(ConfigurableEnvironment environment) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camelContext) {
                camelContext.getPropertiesComponent().addPropertiesSource(new ConnectorSettingsSource(environment));
            }

            @Override
            public void afterApplicationStart(CamelContext camelContext) {
                // nothing to do once started
            }
        };
    }
}
