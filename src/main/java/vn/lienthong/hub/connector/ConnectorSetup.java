package vn.lienthong.hub.connector;

import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/** Makes the connectors' settings ({@link ConnectorSettingsSource}) visible to Camel's property placeholders. */
@Configuration
public class ConnectorSetup {

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
