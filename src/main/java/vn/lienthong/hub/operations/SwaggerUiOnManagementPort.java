package vn.lienthong.hub.operations;

import java.util.Map;
import java.util.Objects;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The Swagger UI of the contract lives on the management port only ({@code springdoc.use-management-port}). Without a
 * port of its own for the actuator ({@code HUB_MANAGEMENT_PORT} unset, or the application's port) springdoc is
 * switched off altogether, so nothing of it answers on the application port, where every path is the edge's.
 */
public class SwaggerUiOnManagementPort implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "swaggerUiOnManagementPort";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!hasOwnManagementPort(environment)) {
            environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, Map.of(
                    "springdoc.api-docs.enabled", "false", "springdoc.swagger-ui.enabled", "false")));
        }
    }

    /** Whether the actuator has a port of its own (0: a random one, as in the tests). */
    static boolean hasOwnManagementPort(ConfigurableEnvironment environment) {
        String management = environment.getProperty("management.server.port");
        if (management == null || management.isBlank()) {
            return false;
        }
        return !Objects.equals(management.strip(), environment.getProperty("server.port", "8080").strip())
                || "0".equals(management.strip());
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
