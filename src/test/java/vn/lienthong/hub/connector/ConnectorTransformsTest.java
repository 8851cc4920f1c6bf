package vn.lienthong.hub.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.schibsted.spt.data.jslt.Expression;
import com.schibsted.spt.data.jslt.Parser;

import vn.lienthong.hub.reference.CodeLists;

/** The business registration transform, run on the simulator's own files, agrees with the hub's code lists. */
class ConnectorTransformsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path BUSINESS = Path.of("connectors/business");

    private static Expression enterpriseTransform() throws IOException {
        return Parser.compileString(Files.readString(BUSINESS.resolve("transforms/enterprise.jslt")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "2", "3", "4", "5", "6"})
    void legalStatusCodesAgreeWithTheCodeList(String nationalCode) throws IOException {
        ArrayNode answer = (ArrayNode) JSON.readTree(BUSINESS.resolve("simulator/__files/entcert-0101234565.json").toFile());
        ((ObjectNode) answer.get(0).path("TinhTrangPhapLy").get(0)).put("MaTinhTrangPhapLy", nationalCode);
        JsonNode enterprise = enterpriseTransform().apply(answer);
        assertThat(enterprise.path("legalStatus").path("code").asText())
                .isEqualTo(CodeLists.standard().legalStatus(nationalCode).code());
    }

    @Test
    void mapsEmptyAnswerToNull_soTheHubAnswersNotFound() throws IOException {
        assertThat(enterpriseTransform().apply(JSON.createArrayNode()).isNull()).isTrue();
    }

    @Test
    void mapsSuspendedEnterpriseWithinItsOutputSchema() throws IOException {
        JsonNode enterprise = enterpriseTransform().apply(
                JSON.readTree(BUSINESS.resolve("simulator/__files/entcert-0312345673.json").toFile()));
        JsonNode schema = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                .readTree(BUSINESS.resolve("connector.yaml").toFile()).path("services").get(0).path("output");
        assertThat(JsonSchemas.violations(schema, enterprise)).isEmpty();
        assertThat(enterprise.path("legalStatus").path("suspensionReason").asText()).contains("tái cơ cấu");
    }
}
