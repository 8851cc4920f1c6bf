package vn.lienthong.hub.connector;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The rules of a connector folder (connectors/README.md), checked on files only: no Spring context, no network. Run
 * three ways: {@code java -jar lienthong-hub.jar lint DIR} (exit 0 when no rule is broken, 1 otherwise), at start-up on
 * every drop-in folder of {@code hub.connectors-extra-location} (a broken rule stops the start-up, naming the file and
 * the rule), and by the build on every built-in folder.
 */
public final class ConnectorLint {

    /** One finding: the file and what is wrong with it. A warning is advice and never fails the lint. */
    public record Problem(Path file, String message, boolean warning) {

        @Override
        public String toString() {
            return (warning ? "WARNING " : "ERROR ") + file + ": " + message;
        }
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\??([A-Za-z0-9_.-]+)(?::[^}]*)?}}");
    private static final Pattern TRANSFORM = Pattern.compile("/transforms/([A-Za-z0-9_.-]+)");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|secret|key|token).*");
    private static final Pattern SERVICE_CODE = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Set<String> SUBJECT_KINDS = Set.of("personal-id", "enterprise-code");
    private static final List<String> TIMEOUT_OPTIONS = List.of("connectTimeout", "responseTimeout", "connectionRequestTimeout");

    private final Path folder;
    private final List<Problem> problems = new ArrayList<>();

    private ConnectorLint(Path folder) {
        this.folder = folder;
    }

    /** Command line: {@code lint DIR...}; prints one line per finding and a summary, returns the exit status. */
    public static int run(List<String> dirs, PrintStream out, PrintStream err) {
        if (dirs.isEmpty()) {
            err.println("usage: java -jar lienthong-hub.jar lint DIR [DIR...]   (a connector folder, or a folder of them)");
            return 2;
        }
        int folders = 0;
        int errors = 0;
        int warnings = 0;
        for (String dir : dirs) {
            Path path = Path.of(dir);
            if (!Files.isDirectory(path)) {
                err.println("ERROR " + path + ": not a directory");
                errors++;
                continue;
            }
            List<Path> found = connectorFolders(path);
            if (found.isEmpty()) {
                err.println("ERROR " + path + ": no connector folder here (a folder holding " + ConnectorCatalogue.SERVICES_FILE
                        + ", or a folder of such folders)");
                errors++;
            }
            for (Path connector : found) {
                folders++;
                List<Problem> problems = check(connector);
                for (Problem problem : problems) {
                    (problem.warning() ? out : err).println(problem);
                    if (problem.warning()) {
                        warnings++;
                    } else {
                        errors++;
                    }
                }
                if (problems.stream().noneMatch(p -> !p.warning())) {
                    out.println("OK " + connector);
                }
            }
        }
        out.println(folders + " connector folder(s), " + errors + " error(s), " + warnings + " warning(s)");
        return errors == 0 ? 0 : 1;
    }

    /** The connector folders of a path: the path itself when it holds a connector.yaml, else its sub-folders. */
    public static List<Path> connectorFolders(Path path) {
        if (Files.isRegularFile(path.resolve(ConnectorCatalogue.SERVICES_FILE))) {
            return List.of(path);
        }
        try (Stream<Path> children = Files.list(path)) {
            return children.filter(Files::isDirectory).filter(d -> !d.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Every rule broken by one connector folder (errors and warnings), in the order the rules are listed. */
    public static List<Problem> check(Path folder) {
        ConnectorLint lint = new ConnectorLint(folder);
        lint.checkAll();
        return List.copyOf(lint.problems);
    }

    /** Only the errors of {@link #check}. */
    public static List<Problem> errors(Path folder) {
        return check(folder).stream().filter(p -> !p.warning()).toList();
    }

    private void checkAll() {
        List<Path> descriptors;
        try (Stream<Path> files = Files.list(folder)) {
            descriptors = files.filter(f -> f.getFileName().toString().endsWith(".kamelet.yaml")).sorted().toList();
        } catch (IOException e) {
            error(folder, "cannot be read: " + e.getMessage());
            return;
        }
        if (descriptors.isEmpty()) {
            error(folder, "has no Kamelet descriptor (<system>-<purpose>-action.kamelet.yaml)");
        }
        Set<String> kamelets = new HashSet<>();
        boolean checksAnswers = false;
        for (Path file : descriptors) {
            JsonNode kamelet = read(file, YAML);
            if (kamelet == null) {
                continue;
            }
            kamelets.add(kamelet.path("metadata").path("name").asText());
            checkDescriptor(file, kamelet);
            String template = kamelet.path("spec").path("template").toString();
            checksAnswers |= template.contains("\"nationalAnswers\"") && template.contains("\"check\"");
        }
        checkServices(kamelets, checksAnswers);
        checkSimulator();
    }

    private void checkDescriptor(Path file, JsonNode kamelet) {
        String fileName = file.getFileName().toString();
        String name = fileName.substring(0, fileName.length() - ".kamelet.yaml".length());
        if (!"Kamelet".equals(kamelet.path("kind").asText())) {
            error(file, "kind is '" + kamelet.path("kind").asText() + "', not Kamelet");
        }
        if (!name.equals(kamelet.path("metadata").path("name").asText())) {
            error(file, "metadata.name '" + kamelet.path("metadata").path("name").asText() + "' is not the file name '" + name + "'");
        }
        if (!name.startsWith(folder.getFileName() + "-") || !name.matches(".*-(action|source|sink)")) {
            error(file, "name '" + name + "' is not <folder>-<purpose>-action (it starts with '" + folder.getFileName()
                    + "-' and ends with -action, -source or -sink)");
        }
        JsonNode definition = kamelet.path("spec").path("definition");
        for (String field : List.of("title", "description")) {
            if (definition.path(field).asText().isBlank()) {
                error(file, "spec.definition has no " + field);
            }
        }
        JsonNode properties = definition.path("properties");
        Set<String> declared = new HashSet<>();
        for (Iterator<String> names = properties.fieldNames(); names.hasNext(); ) {
            String property = names.next();
            declared.add(property);
            JsonNode p = properties.get(property);
            for (String field : List.of("title", "description", "type")) {
                if (p.path(field).asText().isBlank()) {
                    error(file, "property '" + property + "' has no " + field);
                }
            }
            if (SECRET_NAME.matcher(property).matches() && !"password".equals(p.path("format").asText())) {
                error(file, "property '" + property + "' looks like a secret: declare it format: password");
            }
        }
        for (JsonNode required : definition.path("required")) {
            if (!declared.contains(required.asText())) {
                error(file, "required '" + required.asText() + "' is not a declared property");
            }
        }
        JsonNode template = kamelet.path("spec").path("template");
        if (!"kamelet:source".equals(template.path("from").path("uri").asText())) {
            error(file, "the template does not start with from: kamelet:source");
        }
        String text = template.toString();
        Matcher placeholders = PLACEHOLDER.matcher(text);
        Set<String> reported = new HashSet<>();
        while (placeholders.find()) {
            String used = placeholders.group(1);
            if (!declared.contains(used) && reported.add(used)) {
                error(file, "the template uses {{" + used + "}}, which spec.definition.properties does not declare");
            }
        }
        Matcher transforms = TRANSFORM.matcher(text);
        while (transforms.find()) {
            if (!Files.isRegularFile(folder.resolve("transforms").resolve(transforms.group(1)))) {
                error(file, "the template names transforms/" + transforms.group(1) + ", which does not exist");
            }
        }
        if (!"integer".equals(properties.path("timeoutMillis").path("type").asText())) {
            error(file, "declares no integer property timeoutMillis (the platform hands it the service's deadline)");
        }
        List<JsonNode> calls = new ArrayList<>();
        template.findParents("uri").forEach(step -> {
            if (step.path("uri").asText().startsWith("{{baseUrl}}")) {
                calls.add(step);
            }
        });
        if (calls.isEmpty()) {
            error(file, "calls no {{baseUrl}}… endpoint (the system's URL is the property baseUrl)");
        }
        for (JsonNode call : calls) {
            for (String option : TIMEOUT_OPTIONS) {
                if (!"{{timeoutMillis}}".equals(call.path("parameters").path(option).asText())) {
                    error(file, "the call of " + call.path("uri").asText() + " lacks parameters." + option
                            + ": \"{{timeoutMillis}}\"");
                }
            }
        }
    }

    private void checkServices(Set<String> kamelets, boolean checksAnswers) {
        Path file = folder.resolve(ConnectorCatalogue.SERVICES_FILE);
        if (!Files.isRegularFile(file)) {
            error(file, "is missing (the services the folder offers)");
            return;
        }
        JsonNode descriptor = read(file, YAML);
        if (descriptor == null) {
            return;
        }
        if (!folder.getFileName().toString().equals(descriptor.path("system").asText())) {
            error(file, "system '" + descriptor.path("system").asText() + "' is not the folder name '" + folder.getFileName() + "'");
        }
        JsonNode deliveries = descriptor.path("deliveries");
        for (JsonNode delivery : deliveries) {
            if (delivery.path("description").asText().isBlank()) {
                error(file, "a delivery has no description");
            }
            if (!kamelets.contains(delivery.path("kamelet").asText())) {
                error(file, "delivery kamelet '" + delivery.path("kamelet").asText() + "' is not a descriptor of this folder");
            }
        }
        JsonNode services = descriptor.path("services");
        if (!((services.isArray() && !services.isEmpty()) || (services.isMissingNode() && !deliveries.isEmpty()))) {
            error(file, "lists no services (nor deliveries, for a delivery connector)");
        }
        for (JsonNode service : services) {
            String code = service.path("code").asText();
            String where = "service '" + code + "'";
            if (!SERVICE_CODE.matcher(code).matches()) {
                error(file, "service code '" + code + "' is not lower-case letters, digits and '-'");
            }
            if (service.path("description").asText().isBlank()) {
                error(file, where + " has no description");
            }
            if (!kamelets.contains(service.path("kamelet").asText())) {
                error(file, where + ": kamelet '" + service.path("kamelet").asText() + "' is not a descriptor of this folder "
                        + kamelets);
            }
            if (!service.path("personalData").isBoolean()) {
                error(file, where + " does not say personalData: true or false");
            }
            for (String schema : List.of("input", "output")) {
                if (!"object".equals(service.path(schema).path("type").asText())) {
                    error(file, where + ": " + schema + " is not a JSON Schema of type object");
                    continue;
                }
                try {
                    JsonSchemas.compile(service.path(schema));
                } catch (RuntimeException e) {
                    error(file, where + ": " + schema + " schema does not compile: " + e.getMessage());
                }
            }
            for (JsonNode subject : service.path("subjects")) {
                if (!service.path("input").path("properties").has(subject.path("field").asText())) {
                    error(file, where + ": subject field '" + subject.path("field").asText() + "' is not an input property");
                }
                if (!SUBJECT_KINDS.contains(subject.path("kind").asText())) {
                    error(file, where + ": subject kind '" + subject.path("kind").asText() + "' is not one of " + SUBJECT_KINDS);
                }
            }
            JsonNode resilience = service.path("resilience");
            if (resilience.path("timeoutMillis").asLong() <= 0) {
                error(file, where + " declares no positive resilience.timeoutMillis");
            }
            if (resilience.path("maxConcurrentCalls").asInt() <= 0) {
                error(file, where + " declares no positive resilience.maxConcurrentCalls");
            }
        }
        JsonNode errors = descriptor.path("errors");
        if (errors.isMissingNode()) {
            return;
        }
        if (!errors.isArray() || errors.isEmpty()) {
            error(file, "errors: is not a non-empty list");
            return;
        }
        for (JsonNode rule : errors) {
            try {
                NationalError.read(rule, file.toString());
            } catch (IllegalStateException e) {
                error(file, e.getMessage().substring(e.getMessage().indexOf(": ") + 2));
            }
            if (!rule.path("retryable").isMissingNode() && !rule.path("retryable").isBoolean()) {
                error(file, "errors rule retryable is not true or false");
            }
        }
        if (!checksAnswers) {
            error(file, "declares errors: but no Kamelet of the folder applies them (bean nationalAnswers, method check)");
        }
    }

    private void checkSimulator() {
        Path simulator = folder.resolve("simulator");
        Path readme = simulator.resolve("README.md");
        try {
            if (!Files.isRegularFile(readme) || !Files.readString(readme, StandardCharsets.UTF_8).contains("|")) {
                error(readme, "is missing or has no table of the simulator's identifiers and behaviours");
            }
        } catch (IOException e) {
            error(readme, "cannot be read: " + e.getMessage());
        }
        Path mappings = simulator.resolve("mappings");
        List<Path> files;
        try (Stream<Path> list = Files.list(mappings)) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            error(mappings, "is missing (the WireMock stubs of the simulator)");
            return;
        }
        if (files.isEmpty()) {
            error(mappings, "holds no stub");
        }
        boolean catchAll = false;
        for (Path mapping : files) {
            JsonNode stub = read(mapping, JSON);
            if (stub == null) {
                continue;
            }
            if (stub.path("name").asText().isBlank()) {
                error(mapping, "has no name saying what it simulates");
            }
            String bodyFile = stub.path("response").path("bodyFileName").asText(null);
            if (bodyFile != null && !Files.isRegularFile(simulator.resolve("__files").resolve(bodyFile))) {
                error(mapping, "names body file __files/" + bodyFile + ", which does not exist");
            }
            catchAll |= isCatchAll(stub);
        }
        if (!files.isEmpty() && !catchAll) {
            warn(mappings, "no catch-all stub: a request no stub matches gets WireMock's 404, which the hub reads as "
                    + "\"no record\"; add a stub of lowest priority for any URL answering 501 (connectors/README.md)");
        }
    }

    /** A stub for any method and any URL answering a status that cannot pass for "no record". */
    static boolean isCatchAll(JsonNode stub) {
        JsonNode request = stub.path("request");
        String method = request.path("method").asText("ANY");
        boolean anyUrl = request.path("urlPattern").asText("").equals(".*") || request.path("urlPathPattern").asText("").equals(".*")
                || (!request.has("url") && !request.has("urlPath") && !request.has("urlPattern") && !request.has("urlPathPattern"));
        int status = stub.path("response").path("status").asInt(200);
        return "ANY".equals(method) && anyUrl && status >= 500;
    }

    private JsonNode read(Path file, ObjectMapper mapper) {
        try {
            JsonNode node = mapper.readTree(file.toFile());
            if (node == null || node.isMissingNode()) {
                error(file, "is empty");
                return null;
            }
            return node;
        } catch (IOException e) {
            error(file, "cannot be read: " + e.getMessage().lines().findFirst().orElse(""));
            return null;
        }
    }

    private void error(Path file, String message) {
        problems.add(new Problem(file, message, false));
    }

    private void warn(Path file, String message) {
        problems.add(new Problem(file, message, true));
    }
}
