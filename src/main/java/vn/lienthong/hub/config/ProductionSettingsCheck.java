package vn.lienthong.hub.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * With the {@code prod} profile, refuses to start unless every mandatory setting is given, and says which ones are
 * missing by their environment variable names, before anything tries to connect with an empty URL or key.
 */
public class ProductionSettingsCheck implements EnvironmentPostProcessor, Ordered {

    /** Setting → the environment variable an operator sets. */
    static final Map<String, String> MANDATORY = new LinkedHashMap<>();

    static {
        MANDATORY.put("spring.datasource.url", "HUB_DB_URL");
        MANDATORY.put("spring.datasource.username", "HUB_DB_USER");
        MANDATORY.put("spring.artemis.broker-url", "HUB_BROKER_URL");
        MANDATORY.put("spring.artemis.user", "HUB_BROKER_USER");
        MANDATORY.put("spring.artemis.password", "HUB_BROKER_PASSWORD");
        MANDATORY.put("hub.dossier.integrity-key", "HUB_DOSSIER_INTEGRITY_KEY");
        MANDATORY.put("hub.audit.subject-key", "HUB_AUDIT_SUBJECT_KEY");
        MANDATORY.put("hub.audit.signing-private-key", "HUB_AUDIT_SIGNING_PRIVATE_KEY");
        MANDATORY.put("hub.audit.signing-public-key", "HUB_AUDIT_SIGNING_PUBLIC_KEY");
        MANDATORY.put("hub.signatures.seal.private-key", "HUB_SEAL_PRIVATE_KEY");
        MANDATORY.put("hub.signatures.seal.certificate", "HUB_SEAL_CERTIFICATE");
        MANDATORY.put("camel.kamelet.population-lookup-action.baseUrl", "HUB_POPULATION_URL");
        MANDATORY.put("camel.kamelet.population-lookup-action.accessKey", "HUB_POPULATION_ACCESS_KEY");
        MANDATORY.put("camel.kamelet.national-portal-sync-action.baseUrl", "HUB_PORTAL_URL");
        MANDATORY.put("camel.kamelet.national-portal-sync-action.username", "HUB_PORTAL_USERNAME");
        MANDATORY.put("camel.kamelet.national-portal-sync-action.password", "HUB_PORTAL_PASSWORD");
        MANDATORY.put("camel.kamelet.national-portal-sync-action.agencyCode", "HUB_PORTAL_AGENCY_CODE");
        // the official conversion table: the bundled sample knows a few communes only (DOMAIN.md, administrative units)
        MANDATORY.put("hub.reference.admin-units-file", "HUB_ADMIN_UNITS_FILE");
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!List.of(environment.getActiveProfiles()).contains("prod")) {
            return;
        }
        List<String> missing = new ArrayList<>();
        MANDATORY.forEach((property, variable) -> {
            String value = environment.getProperty(property);
            if (value == null || value.isBlank()) {
                missing.add(variable + " (" + property + ")");
            }
        });
        if (!missing.isEmpty()) {
            throw new MissingProductionSettingsException(missing);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
