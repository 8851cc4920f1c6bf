package vn.lienthong.hub.prefill;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.hub.connector.CatalogueService;
import vn.lienthong.hub.connector.ConnectorCatalogue;
import vn.lienthong.hub.connector.JsonSchemas;

/**
 * Checks a procedure profile against the connector catalogue, so a profile cannot promise what no source gives:
 * every service exists, its request built from a sample subject passes the service's input schema and names the
 * subject by an identifier of the profile's kind, and every field pointer follows properties the service's output
 * schema can have.
 */
final class ProfileCheck {

    /** A valid sample of each kind of subject; only its shape matters here. */
    private static final Map<ProcedureProfile.SubjectKind, PrefillSubject> SAMPLES = Map.of(
            ProcedureProfile.SubjectKind.CITIZEN, PrefillSubject.citizen("001090012345", "Nguyễn Văn An",
                    java.time.LocalDate.of(1990, 5, 15)),
            ProcedureProfile.SubjectKind.ENTERPRISE, PrefillSubject.enterprise("0101234565"));

    private ProfileCheck() {
    }

    static List<String> violations(ProcedureProfile profile, ConnectorCatalogue catalogue) {
        List<String> v = new ArrayList<>();
        String at = profile.location() + " (" + profile.code() + "): ";
        if (profile.sources().isEmpty()) {
            v.add(at + "no sources");
        }
        Set<String> ids = new HashSet<>();
        for (ProcedureProfile.Source source : profile.sources()) {
            if (!ids.add(source.id())) {
                v.add(at + "source id '" + source.id() + "' is used twice");
            }
            if (source.timeoutMillis() <= 0) {
                v.add(at + "source '" + source.id() + "' needs a positive timeoutMillis");
            }
            Optional<CatalogueService> service = catalogue.find(source.service());
            if (service.isEmpty()) {
                v.add(at + "source '" + source.id() + "' names unknown service '" + source.service() + "'");
                continue;
            }
            v.addAll(inputViolations(at, profile.subjectKind(), source, service.get()));
        }
        if (profile.papers() != null) {
            v.addAll(paperViolations(at, profile, catalogue));
        }
        Set<String> names = new HashSet<>();
        for (ProcedureProfile.Field field : profile.fields()) {
            if (!names.add(field.name())) {
                v.add(at + "field '" + field.name() + "' is declared twice");
            }
            if (field.source() == null) {
                if (field.pointer() != null) {
                    v.add(at + "field '" + field.name() + "' has a pointer but no source");
                }
                continue;
            }
            Optional<ProcedureProfile.Source> source = profile.source(field.source());
            if (source.isEmpty()) {
                v.add(at + "field '" + field.name() + "' names unknown source '" + field.source() + "'");
                continue;
            }
            if (field.pointer() == null || !field.pointer().startsWith("/")) {
                v.add(at + "field '" + field.name() + "' needs a JSON pointer starting with '/'");
                continue;
            }
            catalogue.find(source.get().service()).ifPresent(service -> pointerViolation(service.output(), field.pointer())
                    .ifPresent(reason -> v.add(at + "field '" + field.name() + "': " + field.pointer() + " " + reason
                            + " in the output of " + service.code())));
        }
        return v;
    }

    /**
     * The store of papers must be a known service asked by the subject's identifier whose answer lists papers
     * ({@code /papers/0/documentType}), and every required paper must be of a document type the service declares in
     * its input schema ({@code documentType} enum: the store's catalogue of types).
     */
    private static List<String> paperViolations(String at, ProcedureProfile profile, ConnectorCatalogue catalogue) {
        List<String> v = new ArrayList<>();
        ProcedureProfile.Source store = profile.papers().store();
        if (ids(profile).contains(store.id())) {
            v.add(at + "source id '" + store.id() + "' is reserved for the store of papers");
        }
        if (store.timeoutMillis() <= 0) {
            v.add(at + "papers: the store needs a positive timeoutMillis");
        }
        if (profile.papers().required().isEmpty()) {
            v.add(at + "papers: no required paper");
        }
        Optional<CatalogueService> service = catalogue.find(store.service());
        if (service.isEmpty()) {
            v.add(at + "papers: unknown service '" + store.service() + "'");
            return v;
        }
        v.addAll(inputViolations(at, profile.subjectKind(), store, service.get()));
        pointerViolation(service.get().output(), "/papers/0/documentType").ifPresent(reason ->
                v.add(at + "papers: " + service.get().code() + " does not list papers: /papers/0/documentType " + reason));
        Set<String> known = new HashSet<>();
        service.get().input().path("properties").path("documentType").path("enum").forEach(t -> known.add(t.asText()));
        Set<String> types = new HashSet<>();
        for (ProcedureProfile.Paper paper : profile.papers().required()) {
            if (!types.add(paper.documentType())) {
                v.add(at + "papers: document type '" + paper.documentType() + "' is required twice");
            }
            if (!known.contains(paper.documentType())) {
                v.add(at + "papers: unknown document type '" + paper.documentType() + "' (" + service.get().code()
                        + " knows " + new java.util.TreeSet<>(known) + ")");
            }
            if (paper.maxAgeDays() != null && paper.maxAgeDays() <= 0) {
                v.add(at + "papers: maxAgeDays of '" + paper.documentType() + "' must be positive");
            }
        }
        return v;
    }

    private static Set<String> ids(ProcedureProfile profile) {
        Set<String> ids = new HashSet<>();
        profile.sources().forEach(s -> ids.add(s.id()));
        return ids;
    }

    private static List<String> inputViolations(String at, ProcedureProfile.SubjectKind kind,
                                                ProcedureProfile.Source source, CatalogueService service) {
        List<String> v = new ArrayList<>();
        PrefillSubject sample = SAMPLES.get(kind);
        ObjectNode input = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, String> entry : source.input().entrySet()) {
            Optional<String> value = sample.value(entry.getValue());
            if (value.isEmpty()) {
                v.add(at + "source '" + source.id() + "': " + entry.getKey() + " = " + entry.getValue()
                        + " is not a field of a " + kind.name().toLowerCase() + " subject " + PrefillSubject.fields(kind));
                continue;
            }
            input.put(entry.getKey(), value.get());
        }
        for (String violation : JsonSchemas.violations(service.input(), input)) {
            v.add(at + "source '" + source.id() + "': the request does not fit " + service.code() + ": " + violation);
        }
        String identifier = kind == ProcedureProfile.SubjectKind.CITIZEN ? "personal-id" : "enterprise-code";
        String subjectField = kind == ProcedureProfile.SubjectKind.CITIZEN ? "subject.personalId" : "subject.enterpriseCode";
        boolean names = service.subjects().stream().anyMatch(s -> s.kind().equals(identifier)
                && subjectField.equals(source.input().get(s.field())));
        if (!names) {
            v.add(at + "source '" + source.id() + "': " + service.code() + " is not asked by the "
                    + kind.name().toLowerCase() + "'s identifier (" + subjectField + " into a " + identifier + " field)");
        }
        return v;
    }

    /** Why the pointer cannot resolve in answers of this schema, or empty when it can. */
    static Optional<String> pointerViolation(JsonNode schema, String pointer) {
        JsonNode node = schema;
        String[] segments = pointer.substring(1).split("/", -1);
        for (String raw : segments) {
            String segment = raw.replace("~1", "/").replace("~0", "~");
            JsonNode properties = node.get("properties");
            JsonNode items = node.get("items");
            if (segment.matches("\\d+") && (items != null || allowsType(node, "array"))) {
                if (items == null) {
                    return Optional.empty();
                }
                node = items;
            } else if (properties != null) {
                if (!properties.has(segment)) {
                    return Optional.of("names '" + segment + "', which is not a declared property");
                }
                node = properties.get(segment);
            } else if (allowsType(node, "object")) {
                // an object without declared properties: the source may give anything below it
                return Optional.empty();
            } else {
                return Optional.of("goes below '" + segment + "', which is not an object or array");
            }
        }
        return Optional.empty();
    }

    private static boolean allowsType(JsonNode schema, String type) {
        JsonNode t = schema.get("type");
        if (t == null) {
            return false;
        }
        if (t.isArray()) {
            for (JsonNode each : t) {
                if (type.equals(each.asText())) {
                    return true;
                }
            }
            return false;
        }
        return type.equals(t.asText());
    }
}
