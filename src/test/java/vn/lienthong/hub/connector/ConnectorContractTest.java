package vn.lienthong.hub.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * A connector's contract lives in its {@code connector.yaml} ({@code input} and {@code output} JSON Schemas, served by
 * {@code GET /api/v1/services} and enforced on every call). The typed surfaces describe the same requests and answers
 * again in {@code api/openapi.yaml}; this test keeps the two in agreement, field by field, so neither drifts. No network.
 */
class ConnectorContractTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<String> KEYWORDS = List.of("type", "pattern", "format", "minLength", "maxLength", "enum");

    private static JsonNode service(String folder, String code) throws IOException {
        for (JsonNode s : YAML.readTree(Path.of("connectors", folder, ConnectorCatalogue.SERVICES_FILE).toFile()).path("services")) {
            if (s.path("code").asText().equals(code)) {
                return s;
            }
        }
        throw new AssertionError(folder + " declares no " + code);
    }

    private static JsonNode openApiSchema(String name) throws IOException {
        JsonNode schema = YAML.readTree(Path.of("src/main/resources/api/openapi.yaml").toFile())
                .path("components").path("schemas").path(name);
        assertThat(schema.isMissingNode()).as("openapi.yaml schema " + name).isFalse();
        return schema;
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> texts = new TreeSet<>();
        array.forEach(v -> texts.add(v.asText()));
        return texts;
    }

    /** The typed request of the edge is exactly the connector's input schema. */
    @ParameterizedTest
    @CsvSource({"population, citizen-lookup, CitizenLookupRequest"})
    void typedRequestIsTheConnectorInput(String folder, String code, String schemaName) throws IOException {
        JsonNode input = service(folder, code).path("input");
        JsonNode typed = openApiSchema(schemaName);
        assertThat(texts(typed.path("required"))).isEqualTo(texts(input.path("required")));
        assertThat(names(typed.path("properties"))).isEqualTo(names(input.path("properties")));
        assertThat(typed.path("additionalProperties").asBoolean(true)).isEqualTo(input.path("additionalProperties").asBoolean(true));
        for (Iterator<String> it = input.path("properties").fieldNames(); it.hasNext(); ) {
            String field = it.next();
            for (String keyword : KEYWORDS) {
                assertThat(typed.path("properties").path(field).path(keyword))
                        .as("%s.%s %s in openapi.yaml and connectors/%s/connector.yaml", schemaName, field, keyword, folder)
                        .isEqualTo(input.path("properties").path(field).path(keyword));
            }
        }
    }

    /** Every field the connector promises in its output is in the typed answer, with the same kind, and required alike. */
    @ParameterizedTest
    @CsvSource({"population, citizen-lookup, Citizen", "business, enterprise-lookup, Enterprise"})
    void typedAnswerCoversTheConnectorOutput(String folder, String code, String schemaName) throws IOException {
        JsonNode output = service(folder, code).path("output");
        JsonNode typed = openApiSchema(schemaName);
        assertThat(texts(typed.path("required"))).containsAll(texts(output.path("required")));
        for (Iterator<String> it = output.path("properties").fieldNames(); it.hasNext(); ) {
            String field = it.next();
            JsonNode own = typed.path("properties").path(field);
            assertThat(own.isMissingNode()).as("%s.%s in openapi.yaml", schemaName, field).isFalse();
            JsonNode declared = output.path("properties").path(field).path("type");
            if (declared.isMissingNode()) {
                continue;
            }
            Set<String> kinds = declared.isArray() ? texts(declared) : Set.of(declared.asText());
            String typedKind = own.has("$ref") ? "object" : own.path("type").asText();
            assertThat(kinds).as("%s.%s type", schemaName, field).contains(typedKind);
        }
    }
}
