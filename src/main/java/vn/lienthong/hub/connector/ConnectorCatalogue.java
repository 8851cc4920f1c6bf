package vn.lienthong.hub.connector;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import vn.lienthong.hub.config.HubProperties;
import vn.lienthong.hub.config.ResourceLocations;

/**
 * The services every connector declares in its {@code connector.yaml}, read at start-up from the built-in connectors
 * ({@code hub.connectors-location}) and from the operator's outside folder ({@code hub.connectors-extra-location}).
 * Adding a folder there and restarting is all it takes to offer a new service: no Java, no rebuild.
 */
@Component
public class ConnectorCatalogue {

    public static final String SERVICES_FILE = "connector.yaml";
    private static final Logger log = LoggerFactory.getLogger(ConnectorCatalogue.class);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Map<String, CatalogueService> services = new LinkedHashMap<>();

    @org.springframework.beans.factory.annotation.Autowired
    public ConnectorCatalogue(HubProperties properties, ResourcePatternResolver resolver, Environment environment)
            throws IOException {
        List<String> locations = properties.connectorLocations();
        if (locations.size() > 1) {
            lintDropIns(locations.get(1), resolver);
        }
        for (String location : locations) {
            for (Resource resource : resolver.getResources(pattern(location))) {
                String url = resource.getURL().toString();
                String folderPath = url.substring(0, url.length() - SERVICES_FILE.length() - 1);
                String folder = folderPath.substring(folderPath.lastIndexOf('/') + 1);
                String home = trimSlash(location) + "/" + folder;
                try (InputStream in = resource.getInputStream()) {
                    for (CatalogueService service : read(folder, home, YAML.readTree(in), environment)) {
                        CatalogueService before = services.putIfAbsent(service.code(), service);
                        if (before != null) {
                            throw new IllegalStateException("service code '" + service.code() + "' is declared by both "
                                    + before.home() + " and " + home);
                        }
                    }
                }
            }
        }
        log.info("Connector catalogue: {} services {}", services.size(), services.keySet());
    }

    /**
     * The connector rules ({@link ConnectorLint}) on every drop-in folder, before any is read: a broken rule stops the
     * start-up with one line per problem naming the file (a half-working connector is worse than none: its clients
     * would meet 500s or a wrong "not found" in production); a warning is logged and the folder is served.
     */
    static void lintDropIns(String location, ResourcePatternResolver resolver) throws IOException {
        Resource root = resolver.getResource(location);
        java.nio.file.Path dir;
        try {
            dir = root.getFile().toPath();
        } catch (IOException e) {
            log.warn("Drop-in connectors at {} are not a folder on disk: not linted", location);
            return;
        }
        if (!java.nio.file.Files.isDirectory(dir)) {
            throw new IllegalStateException("hub.connectors-extra-location " + location + " is not a folder");
        }
        List<String> errors = new ArrayList<>();
        for (java.nio.file.Path folder : ConnectorLint.connectorFolders(dir)) {
            for (ConnectorLint.Problem problem : ConnectorLint.check(folder)) {
                if (problem.warning()) {
                    log.warn("Drop-in connector {}: {}", problem.file(), problem.message());
                } else {
                    log.error("Drop-in connector {}: {}", problem.file(), problem.message());
                    errors.add(problem.file() + ": " + problem.message());
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("drop-in connectors at " + location + " break " + errors.size()
                    + " rule(s) of connectors/README.md (check them with: java -jar lienthong-hub.jar lint " + dir + "):\n  "
                    + String.join("\n  ", errors));
        }
    }

    private ConnectorCatalogue(Collection<CatalogueService> given) {
        given.forEach(service -> services.put(service.code(), service));
    }

    /** A catalogue of the given services only (tests of the platform's routes). */
    public static ConnectorCatalogue of(Collection<CatalogueService> services) {
        return new ConnectorCatalogue(services);
    }

    public Collection<CatalogueService> all() {
        return Collections.unmodifiableCollection(services.values());
    }

    public Optional<CatalogueService> find(String code) {
        return Optional.ofNullable(services.get(code));
    }

    static String pattern(String location) {
        return ResourceLocations.pattern(location, "*/" + SERVICES_FILE);
    }

    private static String trimSlash(String location) {
        return location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
    }

    /**
     * Reads one {@code connector.yaml}. Its resilience values are overridden by {@code hub.services.<code>.<setting>}
     * for one service, else by {@code hub.connector-overrides.<setting>} for every service.
     */
    static List<CatalogueService> read(String folder, String home, JsonNode descriptor, Environment environment) {
        List<CatalogueService> result = new ArrayList<>();
        JsonNode list = descriptor.path("services");
        if (descriptor.path("deliveries").isArray() && !descriptor.path("deliveries").isEmpty() && list.isMissingNode()) {
            // A delivery connector (the national portal) is a target of asynchronous flows, not a callable data service.
            return result;
        }
        if (!list.isArray() || list.isEmpty()) {
            throw new IllegalStateException(home + "/" + SERVICES_FILE + " declares no services");
        }
        List<NationalError> errors = new ArrayList<>();
        for (JsonNode rule : descriptor.path("errors")) {
            errors.add(NationalError.read(rule, home + "/" + SERVICES_FILE));
        }
        for (JsonNode s : list) {
            String code = required(s, "code", home);
            List<CatalogueService.SubjectField> subjects = new ArrayList<>();
            for (JsonNode subject : s.path("subjects")) {
                subjects.add(new CatalogueService.SubjectField(required(subject, "field", home), required(subject, "kind", home)));
            }
            result.add(new CatalogueService(code, required(s, "description", home), folder, required(s, "kamelet", home),
                    text(s, "flow"), s.path("personalData").asBoolean(false), List.copyOf(subjects), s.path("input"), s.path("output"),
                    resilience(code, s.path("resilience"), environment), home, List.copyOf(errors)));
        }
        return result;
    }

    private static Resilience resilience(String code, JsonNode r, Environment env) {
        Resilience d = Resilience.DEFAULTS;
        Setting s = new Setting(code, env);
        return new Resilience(
                s.get("timeout-millis", Long.class, r.path("timeoutMillis").asLong(d.timeoutMillis())),
                s.get("idempotent", Boolean.class, r.path("idempotent").asBoolean(d.idempotent())),
                s.get("retries", Integer.class, r.path("retries").asInt(d.retries())),
                s.get("retry-backoff-millis", Long.class, r.path("retryBackoffMillis").asLong(d.retryBackoffMillis())),
                s.get("failure-rate-threshold", Float.class,
                        (float) r.path("failureRateThreshold").asDouble(d.failureRateThreshold())),
                s.get("minimum-calls", Integer.class, r.path("minimumCalls").asInt(d.minimumCalls())),
                s.get("open-millis", Long.class, r.path("openMillis").asLong(d.openMillis())),
                s.get("max-concurrent-calls", Integer.class, r.path("maxConcurrentCalls").asInt(d.maxConcurrentCalls())));
    }

    /**
     * Looks a resilience setting up for one service, then for all, before the descriptor's value. An empty value is
     * no value: application.yaml lists every {@code hub.connector-overrides.*} key with an empty default.
     */
    private record Setting(String code, Environment env) {
        <T> T get(String key, Class<T> type, T descriptorValue) {
            T own = given("hub.services." + code + "." + key, type);
            if (own != null) {
                return own;
            }
            T all = given("hub.connector-overrides." + key, type);
            return all != null ? all : descriptorValue;
        }

        private <T> T given(String property, Class<T> type) {
            String raw = env.getProperty(property);
            return raw == null || raw.isBlank() ? null : env.getProperty(property, type);
        }
    }

    private static String required(JsonNode node, String field, String home) {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(home + "/" + SERVICES_FILE + ": a service lacks '" + field + "'");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
