package vn.lienthong.hub.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md is the configuration reference generated from the code ({@link ConfigurationReference}): every
 * setting has a description and one variable, the settings the docs name are in application.yaml with their
 * defaults, the variables the docs and manifests mention are the ones the hub reads, and the committed file is what
 * the generator writes today. {@code -Dhub.docs.regenerate=true} rewrites the file instead of failing on it.
 */
class ConfigurationReferenceTest {

    private static final Path ROOT = Path.of(".");

    private final ConfigurationReference reference = new ConfigurationReference(ROOT);

    @Test
    void everySettingHasADescriptionAndOneVariable() {
        assertThat(reference.problems).as("settings the reference cannot describe").isEmpty();
        assertThat(reference.settings).extracting(ConfigurationReference.Setting::name)
                .contains("hub.instance-id", "hub.edge.max-body-bytes", "hub.audit.subject-key",
                        "hub.dossier.integrity-key", "spring.datasource.url", "spring.artemis.broker-url",
                        "camel.kamelet.population-lookup-action.baseUrl");
        assertThat(reference.settings).allSatisfy(s -> assertThat(s.description()).as(s.name()).isNotBlank());
    }

    @Test
    void everyHubSettingOfTheMetadataIsInTheReference() {
        Set<String> listed = new TreeSet<>();
        reference.settings.forEach(s -> listed.add(s.name()));
        assertThat(reference.own.keySet().stream().filter(n -> n.startsWith("hub.")).toList())
                .isNotEmpty().allSatisfy(name -> assertThat(listed).contains(name));
    }

    @Test
    void settingsNamedInTheDocsAreInApplicationYamlWithTheirDefaults() {
        var yaml = reference.defaults;
        for (String key : List.of("timeout-millis", "retries", "retry-backoff-millis", "idempotent",
                "failure-rate-threshold", "minimum-calls", "open-millis", "max-concurrent-calls")) {
            assertThat(yaml).as("hub.connector-overrides." + key).containsKey("hub.connector-overrides." + key);
        }
        assertThat(yaml.get("hub.services.citizen-lookup.timeout-millis").value()).isEqualTo("3000");
        assertThat(yaml.get("hub.audit.max-batch")).isEqualTo(new ConfigurationReference.YamlValue("HUB_AUDIT_MAX_BATCH", "500"));
        assertThat(yaml.get("hub.audit.response-hold-bytes"))
                .isEqualTo(new ConfigurationReference.YamlValue("HUB_AUDIT_RESPONSE_HOLD_BYTES", "1048576"));
        assertThat(yaml.get("spring.datasource.url").variable()).isEqualTo("HUB_DB_URL");
        assertThat(yaml.get("spring.datasource.username")).isEqualTo(new ConfigurationReference.YamlValue("HUB_DB_USER", "sa"));
        assertThat(yaml.get("spring.datasource.password").variable()).isEqualTo("HUB_DB_PASSWORD");
        assertThat(yaml.get("spring.artemis.broker-url").variable()).isEqualTo("HUB_BROKER_URL");
        assertThat(yaml.get("spring.artemis.user").variable()).isEqualTo("HUB_BROKER_USER");
        assertThat(yaml.get("spring.artemis.password").variable()).isEqualTo("HUB_BROKER_PASSWORD");
        // where a setting's default is also the Java default, both say the same
        reference.own.values().stream().filter(m -> m.name().startsWith("hub.") && m.defaultValue() != null)
                .filter(m -> yaml.containsKey(m.name()) && yaml.get(m.name()).value() != null
                        && !yaml.get(m.name()).value().contains("${"))
                .forEach(m -> assertThat(normalised(yaml.get(m.name()).value())).as(m.name())
                        .isEqualTo(normalised(m.defaultValue())));
    }

    @Test
    void everyMandatoryProductionSettingIsListedWithItsVariable() {
        ProductionSettingsCheck.MANDATORY.forEach((property, variable) -> assertThat(reference.settings)
                .filteredOn(s -> s.name().equals(property)).singleElement()
                .satisfies(s -> {
                    assertThat(s.variable()).as(property).isEqualTo(variable);
                    assertThat(s.mandatoryInProd()).isTrue();
                }));
    }

    /** One spelling: a variable the README, docs/ or the deployment files mention is one the hub reads. */
    @Test
    void variablesInTheDocsAndManifestsAreTheOnesTheHubReads() throws IOException {
        Set<String> known = ConfigurationReference.variables(reference.settings);
        Pattern variable = Pattern.compile("\\bHUB_[A-Z0-9_]*[A-Z0-9]\\b");
        Set<String> unknown = new TreeSet<>();
        for (Path file : documents()) {
            Matcher m = variable.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (m.find()) {
                String name = m.group();
                if (!known.contains(name) && !notASetting(name)) {
                    unknown.add(name + " (" + file + ")");
                }
            }
        }
        assertThat(unknown).as("variables the hub does not read (misspelt, or a second spelling)").isEmpty();
    }

    /** The documented spelling of a per-service variable reaches the setting (Spring's environment-variable mapping). */
    @Test
    void perServiceVariablesAreSpeltWithUnderscoresBetweenWords() {
        org.springframework.core.env.StandardEnvironment environment = new org.springframework.core.env.StandardEnvironment();
        environment.getPropertySources().addFirst(new org.springframework.core.env.SystemEnvironmentPropertySource(
                "env", java.util.Map.of("HUB_SERVICES_TAX_OBLIGATIONS_TIMEOUT_MILLIS", "2000")));
        org.springframework.boot.context.properties.source.ConfigurationPropertySources.attach(environment);
        assertThat(environment.getProperty("hub.services.tax-obligations.timeout-millis", Long.class)).isEqualTo(2000L);
    }

    @Test
    void committedReferenceIsCurrent() throws IOException {
        assertThat(reference.problems).isEmpty();
        String generated = reference.markdown();
        if (Boolean.getBoolean("hub.docs.regenerate")) {
            Files.writeString(ConfigurationReference.DOC, generated, StandardCharsets.UTF_8);
        }
        String committed = Files.exists(ConfigurationReference.DOC)
                ? Files.readString(ConfigurationReference.DOC, StandardCharsets.UTF_8) : "";
        assertThat(committed).as("docs/configuration.md is stale; regenerate it with: "
                + ConfigurationReference.REGENERATE).isEqualTo(generated);
    }

    /** Variables of scripts, tests and the compose file that are not hub settings. */
    private static boolean notASetting(String name) {
        return name.startsWith("HUB_TEST_") || name.startsWith("HUB_BENCH_")
                || Set.of("HUB_ADMIN_UNITS_DIR", "HUB_JAR", "HUB_URL", "HUB_PID").contains(name)
                || name.matches("HUB_SERVICES_[A-Z0-9_]+_(TIMEOUT_MILLIS|RETRIES|RETRY_BACKOFF_MILLIS|IDEMPOTENT"
                        + "|FAILURE_RATE_THRESHOLD|MINIMUM_CALLS|OPEN_MILLIS|MAX_CONCURRENT_CALLS)");
    }

    private static List<Path> documents() throws IOException {
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs")); Stream<Path> docker = Files.walk(ROOT.resolve("docker"))) {
            return Stream.concat(Stream.of(ROOT.resolve("README.md")),
                    Stream.concat(docs, docker).filter(Files::isRegularFile)
                            .filter(f -> !f.startsWith(ROOT.resolve("docker/secrets")))
                            .filter(f -> f.toString().matches(".*\\.(md|yaml|yml|sh|properties|xml)$")
                                    || f.getFileName().toString().equals("Dockerfile"))).toList();
        }
    }

    private static String normalised(String value) {
        return value.equals("60s") ? "1m" : value;
    }
}
