package vn.lienthong.hub.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import vn.lienthong.hub.HubApplication;

class ProductionSettingsCheckTest {

    private final ProductionSettingsCheck check = new ProductionSettingsCheck();
    private final SpringApplication application = new SpringApplication(HubApplication.class);

    @Test
    void refusesProdProfile_namingEveryMissingVariable() {
        StandardEnvironment environment = environment(Map.of("spring.datasource.url", "jdbc:postgresql://db/hub"));
        environment.setActiveProfiles("prod");

        assertThatThrownBy(() -> check.postProcessEnvironment(environment, application))
                .isInstanceOfSatisfying(MissingProductionSettingsException.class, e -> assertThat(e.missing())
                        .anySatisfy(m -> assertThat(m).startsWith("HUB_DB_USER"))
                        .anySatisfy(m -> assertThat(m).startsWith("HUB_BROKER_URL"))
                        .anySatisfy(m -> assertThat(m).startsWith("HUB_AUDIT_SUBJECT_KEY"))
                        .noneSatisfy(m -> assertThat(m).startsWith("HUB_DB_URL")));
    }

    @Test
    void acceptsProdProfile_whenEverythingIsSet() {
        Map<String, Object> all = new HashMap<>();
        ProductionSettingsCheck.MANDATORY.keySet().forEach(key -> all.put(key, "set"));
        StandardEnvironment environment = environment(all);
        environment.setActiveProfiles("prod");

        check.postProcessEnvironment(environment, application);
    }

    @Test
    void leavesDefaultProfileAlone() {
        check.postProcessEnvironment(environment(Map.of()), application);
    }

    @Test
    void explainsTheFailureWithoutStackTrace() {
        var analysis = new MissingProductionSettingsFailureAnalyzer()
                .analyze(new MissingProductionSettingsException(java.util.List.of("HUB_DB_URL (spring.datasource.url)")));
        assertThat(analysis.getDescription()).contains("HUB_DB_URL");
        assertThat(analysis.getAction()).contains("environment variables");
    }

    private static StandardEnvironment environment(Map<String, Object> values) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", values));
        return environment;
    }
}
