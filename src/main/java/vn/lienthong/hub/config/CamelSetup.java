package vn.lienthong.hub.config;

import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

import vn.lienthong.hub.connector.ConnectorSettingsSource;

/** Wiring between Spring and Camel that the starters do not provide. */
@Configuration
public class CamelSetup {

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
