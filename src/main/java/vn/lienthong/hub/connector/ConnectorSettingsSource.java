package vn.lienthong.hub.connector;

import java.util.Properties;
import java.util.function.Predicate;

import org.apache.camel.spi.LoadablePropertiesSource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Offers the connector settings of the Spring environment ({@code camel.kamelet.<connector>.<parameter>} in
 * application.yaml, environment variables, outside configuration files) to the Kamelet component, which looks them
 * up by prefix. Values are resolved through the environment, so placeholders such as the simulator URLs work.
 */
public class ConnectorSettingsSource implements LoadablePropertiesSource {

    static final String PREFIX = "camel.kamelet.";

    private final ConfigurableEnvironment environment;

    public ConnectorSettingsSource(ConfigurableEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public String getName() {
        return "hub-connector-settings";
    }

    @Override
    public String getProperty(String name) {
        return name.startsWith(PREFIX) ? environment.getProperty(name) : null;
    }

    @Override
    public Properties loadProperties() {
        return loadProperties(key -> true);
    }

    @Override
    public Properties loadProperties(Predicate<String> filter) {
        Properties properties = new Properties();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String name : enumerable.getPropertyNames()) {
                    if (name.startsWith(PREFIX) && filter.test(name) && !properties.containsKey(name)) {
                        String value = environment.getProperty(name);
                        if (value != null) {
                            properties.setProperty(name, value);
                        }
                    }
                }
            }
        }
        return properties;
    }

    @Override
    public void reloadProperties(String location) {
        // The environment is read live on every lookup; nothing is cached here.
    }
}
