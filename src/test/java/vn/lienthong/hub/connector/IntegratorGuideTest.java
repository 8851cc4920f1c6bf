package vn.lienthong.hub.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Keeps the snippets of connectors/README.md equal to the files {@link IntegratorGuideIT} runs: a block after
 * {@code <!-- file: PATH -->} is that file, word for word; and every call of a walkthrough parses.
 */
class IntegratorGuideTest {

    private static final Pattern FILE = Pattern.compile("^\\s*<!-- file: (\\S+) -->\\s*$");

    @Test
    void everyFileSnippetIsTheFile() throws IOException {
        List<String> lines = Files.readAllLines(IntegratorGuideIT.GUIDE, StandardCharsets.UTF_8);
        List<String> checked = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = FILE.matcher(lines.get(i));
            if (!m.matches()) {
                continue;
            }
            String fence = lines.get(i + 1);
            int indent = fence.length() - fence.stripLeading().length();
            assertThat(fence.strip()).as("a fenced block follows %s", lines.get(i)).startsWith("```");
            StringBuilder block = new StringBuilder();
            for (int j = i + 2; !lines.get(j).strip().equals("```"); j++) {
                String line = lines.get(j);
                block.append(line.length() >= indent ? line.substring(indent) : line.strip()).append('\n');
            }
            assertThat(block.toString()).as("the guide's copy of %s", m.group(1))
                    .isEqualTo(Files.readString(Path.of(m.group(1)), StandardCharsets.UTF_8));
            checked.add(m.group(1));
        }
        assertThat(checked).containsExactly("src/test/resources/dropin/social-protection.settings.yaml",
                "src/test/resources/dropin/land-tax.settings.yaml");
    }

    /** The table "Optional inputs: how an absent value renders", for JSLT: keys whose value is null, {} or [] are left out. */
    @Test
    void jsltLeavesOutAbsentOptionalInputs_andEmptyAnswers() throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        Path example = Path.of("src/test/resources/dropin/social-protection");
        com.schibsted.spt.data.jslt.Expression request = com.schibsted.spt.data.jslt.Parser.compileString(
                Files.readString(example.resolve("transforms/request.jslt")));
        // camel-jslt gives the exchange variables as the JSLT variable $variables
        java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> variables = java.util.Map.of("variables", json.readTree(
                "{\"call\":{\"transactionId\":\"t-1\",\"userId\":\"canbo01\"},\"requesterCode\":\"000.00.00.H22\"}"));

        assertThat(request.apply(variables, json.readTree("{\"personalId\":\"001090012345\"}")).toString())
                .isEqualTo("{\"MaYeuCau\":\"t-1\",\"MaDonViYeuCau\":\"000.00.00.H22\",\"MaCanBo\":\"canbo01\","
                        + "\"SoDinhDanh\":\"001090012345\"}");
        assertThat(request.apply(variables, json.readTree(
                "{\"personalId\":\"001090012345\",\"benefitType\":\"CARE_AT_HOME\",\"fromMonth\":\"2024-06\"}")).toString())
                .endsWith("\"SoDinhDanh\":\"001090012345\",\"LoaiTroCap\":\"CHAMSOC_TAINHA\",\"TuThang\":\"202406\"}");

        com.fasterxml.jackson.databind.JsonNode noBenefit = com.schibsted.spt.data.jslt.Parser.compileString(
                Files.readString(example.resolve("transforms/benefits.jslt"))).apply(json.readTree(
                example.resolve("simulator/__files/doituong-079301004567.json").toFile()));
        assertThat(noBenefit.toString()).as("an empty DanhSachTroCap leaves no benefits key")
                .isEqualTo("{\"personalId\":\"079301004567\",\"fullName\":\"Lê Văn Cường\",\"group\":\"Người khuyết tật\"}");
    }

    @Test
    void walkthroughCallsParse() throws IOException {
        List<IntegratorGuideIT.Call> calls = IntegratorGuideIT.walkthrough("social-protection");
        assertThat(calls).hasSize(4);
        assertThat(calls.get(0).method()).isEqualTo("POST");
        assertThat(calls.get(0).path()).isEqualTo("/api/v1/services/social-protection-benefits");
        assertThat(calls.get(0).headers()).containsEntry("X-API-Key", "demo-auditor-key")
                .containsEntry("Content-Type", "application/json");
        assertThat(calls.get(0).body()).isEqualTo("{\"personalId\":\"001090012345\"}");
        assertThat(calls.get(2).answer().path("status").asInt()).isEqualTo(404);
        assertThat(IntegratorGuideIT.walkthrough("land-tax")).hasSize(3);
    }
}
