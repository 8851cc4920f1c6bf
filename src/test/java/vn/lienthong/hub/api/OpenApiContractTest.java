package vn.lienthong.hub.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import vn.lienthong.hub.exchange.ErrorCode;

/** The published contract and the code agree on the error catalogue, and the contract is valid YAML. */
class OpenApiContractTest {

    @Test
    @SuppressWarnings("unchecked")
    void problemCodesInContractMatchErrorCatalogue() throws Exception {
        Map<String, Object> contract;
        try (InputStream in = getClass().getResourceAsStream("/api/openapi.yaml")) {
            contract = new Yaml().load(in);
        }
        Map<String, Object> components = (Map<String, Object>) contract.get("components");
        Map<String, Object> schemas = (Map<String, Object>) components.get("schemas");
        Map<String, Object> problem = (Map<String, Object>) schemas.get("Problem");
        Map<String, Object> code = (Map<String, Object>) ((Map<String, Object>) problem.get("properties")).get("code");
        List<String> published = (List<String>) code.get("enum");

        assertThat(published).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(ErrorCode.values()).map(Enum::name).toList());
        assertThat((Map<String, Object>) contract.get("paths")).containsKeys("/api/v1/citizens/lookup",
                "/api/v1/enterprises/{enterpriseCode}", "/api/v1/services/{serviceCode}", "/api/v1/prefill",
                "/api/v1/dossiers", "/api/v1/audit/records");
    }
}
