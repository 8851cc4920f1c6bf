package vn.lienthong.hub.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** springdoc runs only where the actuator has a port of its own; elsewhere it is off, UI and generated document alike. */
class SwaggerUiOnManagementPortTest {

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "null, null, false",
        "'', 8080, false",
        "8080, 8080, false",
        "8081, 8080, true",
        "8081, null, true",
        "0, 0, true",
        "0, 8080, true"})
    void springdocOnlyWithAManagementPortOfItsOwn(String management, String server, boolean on) {
        StandardEnvironment environment = new StandardEnvironment();
        Map<String, Object> settings = new HashMap<>();
        if (management != null) {
            settings.put("management.server.port", management);
        }
        if (server != null) {
            settings.put("server.port", server);
        }
        environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
        new SwaggerUiOnManagementPort().postProcessEnvironment(environment, null);
        String expected = on ? null : "false";
        assertThat(environment.getProperty("springdoc.swagger-ui.enabled")).isEqualTo(expected);
        assertThat(environment.getProperty("springdoc.api-docs.enabled")).isEqualTo(expected);
    }
}
