package vn.lienthong.hub.connector;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** Checks JSON against the schemas connectors declare (JSON Schema 2020-12 unless the schema says otherwise). */
public final class JsonSchemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Map<JsonNode, JsonSchema> COMPILED = new ConcurrentHashMap<>();

    private JsonSchemas() {
    }

    /** The violations, each one readable sentence; empty when the document is valid. */
    public static List<String> violations(JsonNode schema, JsonNode document) {
        JsonSchema compiled = COMPILED.computeIfAbsent(schema, FACTORY::getSchema);
        return compiled.validate(document).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    /** Compiles the schema, so a broken one is found at start-up or by the lint test, not on the first call. */
    public static void compile(JsonNode schema) {
        COMPILED.computeIfAbsent(schema, FACTORY::getSchema);
    }
}
