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

    /**
     * The settings the README marks "prod: mandatory" (table of environment variables), written out here rather than
     * read from the check, so a setting dropped from the check fails this test.
     */
    private static final Map<String, String> MANDATORY_IN_README = literalMap(
            "spring.datasource.url", "HUB_DB_URL",
            "spring.datasource.username", "HUB_DB_USER",
            "spring.artemis.broker-url", "HUB_BROKER_URL",
            "spring.artemis.user", "HUB_BROKER_USER",
            "spring.artemis.password", "HUB_BROKER_PASSWORD",
            "hub.dossier.integrity-key", "HUB_DOSSIER_INTEGRITY_KEY",
            "hub.audit.subject-key", "HUB_AUDIT_SUBJECT_KEY",
            "hub.audit.signing-private-key", "HUB_AUDIT_SIGNING_PRIVATE_KEY",
            "hub.audit.signing-public-key", "HUB_AUDIT_SIGNING_PUBLIC_KEY",
            "hub.signatures.seal.private-key", "HUB_SEAL_PRIVATE_KEY",
            "hub.signatures.seal.certificate", "HUB_SEAL_CERTIFICATE",
            "camel.kamelet.population-lookup-action.baseUrl", "HUB_POPULATION_URL",
            "camel.kamelet.population-lookup-action.accessKey", "HUB_POPULATION_ACCESS_KEY",
            "camel.kamelet.national-portal-sync-action.baseUrl", "HUB_PORTAL_URL",
            "camel.kamelet.national-portal-sync-action.username", "HUB_PORTAL_USERNAME",
            "camel.kamelet.national-portal-sync-action.password", "HUB_PORTAL_PASSWORD",
            "camel.kamelet.national-portal-sync-action.agencyCode", "HUB_PORTAL_AGENCY_CODE",
            "hub.reference.admin-units-file", "HUB_ADMIN_UNITS_FILE");

    @Test
    void refusesProdProfile_namingEveryMissingVariable() {
        StandardEnvironment environment = environment(Map.of("spring.datasource.url", "jdbc:postgresql://db/hub"));
        environment.setActiveProfiles("prod");

        assertThatThrownBy(() -> check.postProcessEnvironment(environment, application))
                .isInstanceOfSatisfying(MissingProductionSettingsException.class, e -> {
                    assertThat(e.missing())
                            .anySatisfy(m -> assertThat(m).startsWith("HUB_DB_USER"))
                            .anySatisfy(m -> assertThat(m).startsWith("HUB_BROKER_URL"))
                            .anySatisfy(m -> assertThat(m).startsWith("HUB_AUDIT_SUBJECT_KEY"))
                            .noneSatisfy(m -> assertThat(m).startsWith("HUB_DB_URL"));
                    assertThat(e.missing()).containsExactlyInAnyOrder(
                            "HUB_DB_USER (spring.datasource.username)",
                            "HUB_BROKER_URL (spring.artemis.broker-url)",
                            "HUB_BROKER_USER (spring.artemis.user)",
                            "HUB_BROKER_PASSWORD (spring.artemis.password)",
                            "HUB_DOSSIER_INTEGRITY_KEY (hub.dossier.integrity-key)",
                            "HUB_AUDIT_SUBJECT_KEY (hub.audit.subject-key)",
                            "HUB_AUDIT_SIGNING_PRIVATE_KEY (hub.audit.signing-private-key)",
                            "HUB_AUDIT_SIGNING_PUBLIC_KEY (hub.audit.signing-public-key)",
                            "HUB_SEAL_PRIVATE_KEY (hub.signatures.seal.private-key)",
                            "HUB_SEAL_CERTIFICATE (hub.signatures.seal.certificate)",
                            "HUB_POPULATION_URL (camel.kamelet.population-lookup-action.baseUrl)",
                            "HUB_POPULATION_ACCESS_KEY (camel.kamelet.population-lookup-action.accessKey)",
                            "HUB_PORTAL_URL (camel.kamelet.national-portal-sync-action.baseUrl)",
                            "HUB_PORTAL_USERNAME (camel.kamelet.national-portal-sync-action.username)",
                            "HUB_PORTAL_PASSWORD (camel.kamelet.national-portal-sync-action.password)",
                            "HUB_PORTAL_AGENCY_CODE (camel.kamelet.national-portal-sync-action.agencyCode)",
                            "HUB_ADMIN_UNITS_FILE (hub.reference.admin-units-file)");
                });
    }

    @Test
    void acceptsProdProfile_whenEverythingIsSet() {
        Map<String, Object> all = new HashMap<>();
        MANDATORY_IN_README.keySet().forEach(key -> all.put(key, "set"));
        StandardEnvironment environment = environment(all);
        environment.setActiveProfiles("prod");

        check.postProcessEnvironment(environment, application);
    }

    @Test
    void refusesProdProfile_whenAnyOneMandatorySettingIsMissingOrBlank() {
        MANDATORY_IN_README.forEach((property, variable) -> {
            for (String absent : new String[] {null, "  "}) {
                Map<String, Object> values = new HashMap<>();
                MANDATORY_IN_README.keySet().forEach(key -> values.put(key, "set"));
                if (absent == null) {
                    values.remove(property);
                } else {
                    values.put(property, absent);
                }
                StandardEnvironment environment = environment(values);
                environment.setActiveProfiles("prod");
                assertThatThrownBy(() -> check.postProcessEnvironment(environment, application)).as(property)
                        .isInstanceOfSatisfying(MissingProductionSettingsException.class, e -> assertThat(e.missing())
                                .containsExactly(variable + " (" + property + ")"));
            }
        });
    }

    @Test
    void leavesDefaultProfileAlone() {
        StandardEnvironment environment = environment(Map.of());
        assertThat(environment.getActiveProfiles()).isEmpty();
        check.postProcessEnvironment(environment, application);
        environment.setActiveProfiles("default", "demo");
        check.postProcessEnvironment(environment, application);
    }

    @Test
    void explainsTheFailureWithoutStackTrace() {
        var analysis = new MissingProductionSettingsFailureAnalyzer()
                .analyze(new MissingProductionSettingsException(java.util.List.of("HUB_DB_URL (spring.datasource.url)")));
        assertThat(analysis.getDescription()).contains("HUB_DB_URL");
        assertThat(analysis.getAction()).contains("environment variables");
    }

    private static Map<String, String> literalMap(String... pairs) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static StandardEnvironment environment(Map<String, Object> values) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", values));
        return environment;
    }
}
