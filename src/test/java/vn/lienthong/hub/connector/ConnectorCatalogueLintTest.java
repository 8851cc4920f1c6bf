package vn.lienthong.hub.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Keeps the connector catalogue honest mechanically (the camel-kamelets rules): every connector folder, built in or
 * the drop-in example, has a well-formed descriptor, declared parameters, marked secrets, schemas and a documented
 * simulator. No network: files only.
 */
class ConnectorCatalogueLintTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\??([A-Za-z0-9_.-]+)(?::[^}]*)?}}");
    private static final Pattern TRANSFORM = Pattern.compile("/transforms/([A-Za-z0-9_.-]+)");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|secret|key|token).*");
    private static final Set<String> SUBJECT_KINDS = Set.of("personal-id", "enterprise-code");

    static Stream<Path> connectorFolders() throws IOException {
        List<Path> folders = new ArrayList<>();
        for (Path root : List.of(Path.of("connectors"), Path.of("src/test/resources/dropin"))) {
            try (Stream<Path> children = Files.list(root)) {
                children.filter(Files::isDirectory).sorted().forEach(folders::add);
            }
        }
        assertThat(folders).hasSizeGreaterThanOrEqualTo(8);
        return folders.stream();
    }

    private static List<Path> descriptors(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".kamelet.yaml")).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("connectorFolders")
    void descriptorNameMatchesFileAndFolder(Path folder) throws IOException {
        List<Path> descriptors = descriptors(folder);
        assertThat(descriptors).as("%s has a Kamelet descriptor", folder).isNotEmpty();
        for (Path file : descriptors) {
            JsonNode kamelet = YAML.readTree(file.toFile());
            String fileName = file.getFileName().toString();
            String name = fileName.substring(0, fileName.length() - ".kamelet.yaml".length());
            assertThat(kamelet.path("kind").asText()).isEqualTo("Kamelet");
            assertThat(kamelet.path("metadata").path("name").asText()).as(fileName).isEqualTo(name);
            assertThat(name).as("<system>-<purpose>-action").startsWith(folder.getFileName() + "-").matches(".*-(action|source|sink)");
        }
    }

    @ParameterizedTest
    @MethodSource("connectorFolders")
    void everyPropertyIsDocumented_andEverySecretMarked(Path folder) throws IOException {
        for (Path file : descriptors(folder)) {
            JsonNode definition = YAML.readTree(file.toFile()).path("spec").path("definition");
            assertThat(definition.path("title").asText()).as(file + " title").isNotBlank();
            assertThat(definition.path("description").asText()).as(file + " description").isNotBlank();
            JsonNode properties = definition.path("properties");
            for (Iterator<String> names = properties.fieldNames(); names.hasNext(); ) {
                String property = names.next();
                JsonNode p = properties.get(property);
                for (String field : List.of("title", "description", "type")) {
                    assertThat(p.path(field).asText()).as("%s: property %s has a %s", file, property, field).isNotBlank();
                }
                if (SECRET_NAME.matcher(property).matches()) {
                    assertThat(p.path("format").asText()).as("%s: secret %s is format: password", file, property)
                            .isEqualTo("password");
                }
            }
            definition.path("required").forEach(required -> assertThat(properties.has(required.asText()))
                    .as("%s: required %s is declared", file, required.asText()).isTrue());
        }
    }

    @ParameterizedTest
    @MethodSource("connectorFolders")
    void everyPlaceholderInTheTemplateIsDeclared_andEveryTransformExists(Path folder) throws IOException {
        for (Path file : descriptors(folder)) {
            JsonNode kamelet = YAML.readTree(file.toFile());
            Set<String> declared = new HashSet<>();
            kamelet.path("spec").path("definition").path("properties").fieldNames().forEachRemaining(declared::add);
            String template = kamelet.path("spec").path("template").toString();
            Matcher placeholders = PLACEHOLDER.matcher(template);
            while (placeholders.find()) {
                assertThat(declared).as("%s uses {{%s}}", file, placeholders.group(1)).contains(placeholders.group(1));
            }
            Matcher transforms = TRANSFORM.matcher(template);
            while (transforms.find()) {
                assertThat(folder.resolve("transforms").resolve(transforms.group(1))).as(file + " transform").isRegularFile();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("connectorFolders")
    void servicesDeclareKameletSchemasAndSubjects(Path folder) throws IOException {
        Path servicesFile = folder.resolve(ConnectorCatalogue.SERVICES_FILE);
        assertThat(servicesFile).isRegularFile();
        Set<String> kamelets = new HashSet<>();
        for (Path file : descriptors(folder)) {
            kamelets.add(YAML.readTree(file.toFile()).path("metadata").path("name").asText());
        }
        JsonNode deliveries = YAML.readTree(servicesFile.toFile()).path("deliveries");
        for (JsonNode delivery : deliveries) {
            assertThat(delivery.path("description").asText()).as(servicesFile + " delivery description").isNotBlank();
            assertThat(kamelets).as(servicesFile + " delivery kamelet is in the folder").contains(delivery.path("kamelet").asText());
        }
        JsonNode services = YAML.readTree(servicesFile.toFile()).path("services");
        assertThat((services.isArray() && !services.isEmpty()) || (services.isMissingNode() && !deliveries.isEmpty()))
                .as(servicesFile + " lists services, or deliveries for a delivery connector").isTrue();
        for (JsonNode service : services) {
            String code = service.path("code").asText();
            assertThat(code).matches("[a-z][a-z0-9-]*");
            assertThat(service.path("description").asText()).as(code + " description").isNotBlank();
            assertThat(kamelets).as(code + " kamelet is in the folder").contains(service.path("kamelet").asText());
            assertThat(service.path("personalData").isBoolean()).as(code + " says whether it is personal data").isTrue();
            for (String schema : List.of("input", "output")) {
                assertThat(service.path(schema).path("type").asText()).as(code + " " + schema + " schema").isEqualTo("object");
                JsonSchemas.compile(service.path(schema));
            }
            for (JsonNode subject : service.path("subjects")) {
                assertThat(service.path("input").path("properties").has(subject.path("field").asText()))
                        .as(code + " subject field is an input field").isTrue();
                assertThat(SUBJECT_KINDS).contains(subject.path("kind").asText());
            }
            JsonNode resilience = service.path("resilience");
            assertThat(resilience.path("timeoutMillis").asLong()).as(code + " declares its timeout").isPositive();
            assertThat(resilience.path("maxConcurrentCalls").asInt()).as(code + " declares its concurrency limit").isPositive();
        }
    }

    /** The platform hands each attempt's deadline to the Kamelet: every call of the system must use it. */
    @ParameterizedTest
    @MethodSource("connectorFolders")
    void everyCallOfTheSystemUsesTheServiceDeadline(Path folder) throws IOException {
        for (Path file : descriptors(folder)) {
            JsonNode kamelet = YAML.readTree(file.toFile());
            assertThat(kamelet.path("spec").path("definition").path("properties").path("timeoutMillis").path("type").asText())
                    .as(file + " declares timeoutMillis").isEqualTo("integer");
            List<JsonNode> calls = new ArrayList<>();
            kamelet.path("spec").path("template").findParents("uri").forEach(step -> {
                if (step.path("uri").asText().startsWith("{{baseUrl}}")) {
                    calls.add(step);
                }
            });
            assertThat(calls).as(file + " calls its system").isNotEmpty();
            for (JsonNode call : calls) {
                for (String option : List.of("connectTimeout", "responseTimeout", "connectionRequestTimeout")) {
                    assertThat(call.path("parameters").path(option).asText()).as("%s: %s of %s", file, option,
                            call.path("uri").asText()).isEqualTo("{{timeoutMillis}}");
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("connectorFolders")
    void errorCodeDeclarationsAreWellFormed_andCheckedByTheKamelet(Path folder) throws IOException {
        Path servicesFile = folder.resolve(ConnectorCatalogue.SERVICES_FILE);
        JsonNode errors = YAML.readTree(servicesFile.toFile()).path("errors");
        if (errors.isMissingNode()) {
            return;
        }
        assertThat(errors.isArray() && !errors.isEmpty()).as(servicesFile + " errors: is a non-empty list").isTrue();
        for (JsonNode rule : errors) {
            // the same reading the hub does at start-up: pointer, exactly one of equals/notIn, a national catalogue code
            NationalError declared = NationalError.read(rule, servicesFile.toString());
            assertThat(NationalError.ALLOWED).contains(declared.code());
            assertThat(rule.path("retryable").isMissingNode() || rule.path("retryable").isBoolean())
                    .as(servicesFile + " retryable is true or false").isTrue();
        }
        boolean checked = false;
        for (Path file : descriptors(folder)) {
            String template = YAML.readTree(file.toFile()).path("spec").path("template").toString();
            checked |= template.contains("\"nationalAnswers\"") && template.contains("\"check\"");
        }
        assertThat(checked).as(folder + " declares errors: a Kamelet applies them (bean nationalAnswers, method check)")
                .isTrue();
    }

    @ParameterizedTest
    @MethodSource("connectorFolders")
    void simulatorIsPresentAndDocumented(Path folder) throws IOException {
        Path simulator = folder.resolve("simulator");
        assertThat(simulator.resolve("README.md")).isRegularFile();
        assertThat(Files.readString(simulator.resolve("README.md"))).contains("|");
        try (Stream<Path> mappings = Files.list(simulator.resolve("mappings"))) {
            List<Path> files = mappings.toList();
            assertThat(files).isNotEmpty();
            for (Path mapping : files) {
                JsonNode stub = JSON.readTree(mapping.toFile());
                assertThat(stub.path("name").asText()).as(mapping + " says what it simulates").isNotBlank();
                String bodyFile = stub.path("response").path("bodyFileName").asText(null);
                if (bodyFile != null) {
                    assertThat(simulator.resolve("__files").resolve(bodyFile)).as(mapping + " body").isRegularFile();
                }
            }
        }
    }
}
