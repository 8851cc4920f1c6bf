package vn.lienthong.hub.prefill;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import vn.lienthong.hub.config.HubProperties;
import vn.lienthong.hub.config.ResourceLocations;
import vn.lienthong.hub.connector.ConnectorCatalogue;

/**
 * The procedure profiles of the pre-fill, read at start-up from {@code hub.procedures-location}
 * ({@code *.procedure.yaml}) and checked against the connector catalogue: the hub refuses to start with a profile
 * that names an unknown service or a field its source can never give.
 */
@Component
public class ProcedureProfiles {

    public static final String FILE_SUFFIX = ".procedure.yaml";
    private static final Logger log = LoggerFactory.getLogger(ProcedureProfiles.class);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Map<String, ProcedureProfile> profiles = new LinkedHashMap<>();

    @Autowired
    public ProcedureProfiles(HubProperties properties, ResourcePatternResolver resolver, ConnectorCatalogue catalogue)
            throws IOException {
        this(load(resolver, properties.proceduresLocation()), catalogue);
    }

    ProcedureProfiles(List<ProcedureProfile> loaded, ConnectorCatalogue catalogue) {
        List<String> violations = new ArrayList<>();
        for (ProcedureProfile profile : loaded) {
            violations.addAll(ProfileCheck.violations(profile, catalogue));
            ProcedureProfile before = profiles.putIfAbsent(profile.code(), profile);
            if (before != null) {
                violations.add("procedure " + profile.code() + " is declared by both " + before.location()
                        + " and " + profile.location());
            }
        }
        if (!violations.isEmpty()) {
            throw new IllegalStateException("invalid procedure profiles: " + String.join("; ", violations));
        }
        log.info("Procedure profiles: {} {}", profiles.size(), profiles.keySet());
    }

    public Collection<ProcedureProfile> all() {
        return Collections.unmodifiableCollection(profiles.values());
    }

    public Optional<ProcedureProfile> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(profiles.get(code.strip()));
    }

    /** Reads every profile under the location; {@code classpath:} becomes {@code classpath*:} so a packaged jar works too. */
    public static List<ProcedureProfile> load(ResourcePatternResolver resolver, String location) throws IOException {
        List<ProcedureProfile> result = new ArrayList<>();
        for (Resource resource : resolver.getResources(ResourceLocations.pattern(location, "*" + FILE_SUFFIX))) {
            try (InputStream in = resource.getInputStream()) {
                result.add(read(YAML.readTree(in), resource.getDescription()));
            }
        }
        return result;
    }

    static ProcedureProfile read(JsonNode node, String location) {
        List<ProcedureProfile.Source> sources = new ArrayList<>();
        for (JsonNode s : node.path("sources")) {
            Map<String, String> input = new LinkedHashMap<>();
            s.path("input").fields().forEachRemaining(e -> input.put(e.getKey(), e.getValue().asText()));
            sources.add(new ProcedureProfile.Source(required(s, "id", location), required(s, "service", location),
                    Collections.unmodifiableMap(input), s.path("timeoutMillis").asLong(0)));
        }
        List<ProcedureProfile.Field> fields = new ArrayList<>();
        for (JsonNode f : node.path("fields")) {
            fields.add(new ProcedureProfile.Field(required(f, "name", location), required(f, "label", location),
                    text(f, "source"), text(f, "pointer"), f.path("mandatory").asBoolean(false)));
        }
        ProcedureProfile.Papers papers = null;
        JsonNode p = node.get("papers");
        if (p != null && !p.isNull()) {
            JsonNode store = p.path("store");
            Map<String, String> input = new LinkedHashMap<>();
            store.path("input").fields().forEachRemaining(e -> input.put(e.getKey(), e.getValue().asText()));
            List<ProcedureProfile.Paper> required = new ArrayList<>();
            for (JsonNode r : p.path("required")) {
                required.add(new ProcedureProfile.Paper(required(r, "documentType", location), required(r, "label", location),
                        r.hasNonNull("maxAgeDays") ? r.get("maxAgeDays").asInt() : null));
            }
            papers = new ProcedureProfile.Papers(new ProcedureProfile.Source(ProcedureProfile.PAPER_STORE,
                    required(store, "service", location), Collections.unmodifiableMap(input),
                    store.path("timeoutMillis").asLong(0)), List.copyOf(required));
        }
        String kind = required(node, "subjectKind", location);
        ProcedureProfile.SubjectKind subjectKind;
        try {
            subjectKind = ProcedureProfile.SubjectKind.valueOf(kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(location + ": subjectKind must be citizen or enterprise, not " + kind);
        }
        return new ProcedureProfile(required(node, "code", location), required(node, "name", location), subjectKind,
                List.copyOf(sources), List.copyOf(fields), papers, location);
    }

    private static String required(JsonNode node, String field, String location) {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(location + ": '" + field + "' is missing");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
