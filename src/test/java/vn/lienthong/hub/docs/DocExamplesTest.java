package vn.lienthong.hub.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/**
 * The docs test can fail: an example without an expectation, a changed expectation, a changed path, a changed header
 * are each reported with the file and line (here against a fake hub that answers one path only).
 */
class DocExamplesTest {

    @TempDir
    Path work;

    private final List<String> sent = new ArrayList<>();

    /** A fake demo hub: the documented lookup answers Nguyễn Văn An when the key is right, any other path 404. */
    private Expectation.Answer hub(String method, String url, Map<String, String> headers, String body) {
        sent.add(method + " " + url + " " + headers + " " + body);
        if (url.equals("http://hub.test/api/v1/citizens/lookup") && method.equals("POST")) {
            if (!"demo-motcua-key".equals(headers.get("X-API-Key"))) {
                return new Expectation.Answer(401, Map.of(), "{\"code\":\"UNAUTHENTICATED\"}");
            }
            return new Expectation.Answer(200, Map.of("X-Transaction-Id", List.of("demo-0001")),
                    "{\"personalId\":\"001090012345\",\"fullName\":\"Nguyễn Văn An\",\"addresses\":[{\"status\":\"EXACT\"},"
                            + "{\"status\":\"AMBIGUOUS\"}],\"url\":\"http://hub.test/api/v1/enterprises/0101234565\"}");
        }
        if (url.equals("http://hub.test/api/v1/enterprises/0101234565")) {
            return new Expectation.Answer(200, Map.of(), "{\"name\":\"CÔNG TY A\"}");
        }
        return new Expectation.Answer(404, Map.of(), "{\"code\":\"NOT_FOUND\"}");
    }

    private static final String DOC = """
            # Title

            ```bash
            K='X-API-Key: demo-motcua-key'
            curl -s http://localhost:8080/api/v1/citizens/lookup -H 'Content-Type: application/json' -H "$K" \\
              -H 'X-Transaction-Id: demo-0001' \\
              -d '{"personalId":"001090012345",
                   "fullName":"Nguyễn Văn An"}'   # a comment
            # {"fullName":"Nguyễn Văn An",…}
            U=$(curl -s localhost:8080/api/v1/citizens/lookup -H "$K" -d '{}' | jq -r '.url')
            curl -s "$U"
            ```
            <!-- expect
            200; $.fullName = Nguyễn Văn An; $.addresses[*].status ~ AMBIGUOUS; header X-Transaction-Id = demo-0001
            200; $.url exists
            200; $.name = CÔNG TY A
            -->
            """;

    private List<DocExamples.Example> examples(String markdown) {
        return DocExamples.parse("doc.md", markdown.lines().toList());
    }

    private void runAll(String markdown) {
        ExampleRunner runner = new ExampleRunner(this::hub, "http://hub.test", Path.of(""), work);
        examples(markdown).forEach(runner::run);
    }

    @Test
    void extractsEveryCurlWithItsLineMethodHeadersAndBody_andPassesWhenTheHubAnswersAsDocumented() {
        List<DocExamples.Example> examples = examples(DOC);
        assertThat(examples).extracting(DocExamples.Example::line).containsExactly(5, 10, 11);
        assertThat(examples).allSatisfy(e -> assertThat(e.problem()).isNull());

        runAll(DOC);

        assertThat(sent.get(0)).startsWith("POST http://hub.test/api/v1/citizens/lookup")
                .contains("X-API-Key=demo-motcua-key", "X-Transaction-Id=demo-0001")
                .endsWith("{\"personalId\":\"001090012345\",\n       \"fullName\":\"Nguyễn Văn An\"}");
        assertThat(sent.get(1)).contains("Content-Type=application/x-www-form-urlencoded");
        assertThat(sent.get(2)).startsWith("GET http://hub.test/api/v1/enterprises/0101234565");
    }

    @Test
    void leavesConnectorWalkthroughsToTheirOwnTest_butNotWhatFollowsThem() {
        String doc = """
                <!-- walkthrough: example -->
                ```bash
                curl -s localhost:8080/api/v1/services/social-protection-benefits
                ```
                <!-- /walkthrough -->
                ```bash
                curl -s localhost:8080/api/v1/services
                ```
                """;
        // the walkthrough's block has no expectation and is not read; the block after it is, and lacks one
        assertThat(examples(doc)).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(7);
            assertThat(e.problem()).contains("without an expectation");
        });
    }

    @Test
    void failsWithFileAndLine_whenTheDocumentedValueChanges() {
        String changed = DOC.replace("$.fullName = Nguyễn Văn An", "$.fullName = Nguyễn Văn Anh");
        assertThatThrownBy(() -> runAll(changed)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("doc.md:5").hasMessageContaining("$.fullName = Nguyễn Văn Anh: found Nguyễn Văn An");
    }

    @Test
    void failsWhenTheDocumentedStatusChanges() {
        String changed = DOC.replace("200; $.name", "201; $.name");
        assertThatThrownBy(() -> runAll(changed)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("doc.md:11").hasMessageContaining("status 200, documented 201");
    }

    @Test
    void failsWhenTheExampleCallsAPathTheHubDoesNotServe() {
        String changed = DOC.replace("localhost:8080/api/v1/citizens/lookup -H 'Content-Type",
                "localhost:8080/api/v1/citizen/lookup -H 'Content-Type");
        assertThatThrownBy(() -> runAll(changed)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("doc.md:5").hasMessageContaining("status 404, documented 200");
    }

    @Test
    void failsWhenTheExampleSendsAnotherKey() {
        String changed = DOC.replace("K='X-API-Key: demo-motcua-key'", "K='X-API-Key: demo-portal-key'");
        assertThatThrownBy(() -> runAll(changed)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("status 401");
    }

    @Test
    void anExampleWithoutAnExpectation_orWithTooFewLines_fails() {
        String without = DOC.substring(0, DOC.indexOf("<!-- expect"));
        assertThat(examples(without)).allSatisfy(e -> assertThat(e.problem()).contains("without an expectation"));
        assertThatThrownBy(() -> runAll(without)).isInstanceOf(AssertionError.class).hasMessageContaining("doc.md:5");

        String short1 = DOC.replace("200; $.url exists\n", "");
        assertThat(examples(short1).get(0).problem()).contains("3 curl commands but its expectation 2 lines");
    }

    @Test
    void blocksWithoutCurl_andOtherLanguages_areNotExamples() {
        String markdown = """
                ```yaml
                curl: not a command
                ```
                ```bash
                ./mvnw verify
                ```
                """;
        assertThat(examples(markdown)).isEmpty();
    }

    @Test
    void onlyCallsToOtherServersMayBeSkipped() {
        String skipped = """
                ```
                curl -s http://HUB:8081/actuator/health/readiness
                ```
                <!-- expect: skip: the production stack -->
                """;
        ExampleRunner runner = new ExampleRunner(this::hub, "http://hub.test", Path.of(""), work);
        assertThatThrownBy(() -> runner.run(examples(skipped).get(0))).isInstanceOf(TestAbortedException.class);

        String hubSkipped = skipped.replace("HUB:8081", "localhost:8080");
        assertThatThrownBy(() -> runner.run(examples(hubSkipped).get(0))).isInstanceOf(AssertionError.class)
                .hasMessageContaining("cannot be skipped");
    }

    @Test
    void checksXmlByLocalNames_andRefusesUnknownCurlOptions() {
        Expectation expectation = Expectation.parse("200; //LookupCitizenResponse/fullName = Nguyễn Văn An");
        String soap = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>"
                + "<c:LookupCitizenResponse xmlns:c=\"urn:c\"><c:fullName>Nguyễn Văn An</c:fullName>"
                + "</c:LookupCitizenResponse></s:Body></s:Envelope>";
        assertThat(expectation.mismatches(new Expectation.Answer(200, Map.of(), soap))).isEmpty();
        assertThat(Expectation.parse("200; //LookupCitizenResponse/fullName = Trần")
                .mismatches(new Expectation.Answer(200, Map.of(), soap))).hasSize(1);

        assertThatThrownBy(() -> CurlCall.parse(List.of("curl", "-k", "localhost:8080/x"), Path.of("")))
                .hasMessageContaining("-k");
        assertThatThrownBy(() -> Expectation.parse("OK; $.x = 1")).hasMessageContaining("HTTP status");
    }

    @Test
    void shellParameterExpansions_andDateCaptures_asTheExamplesUseThem() {
        String url = "http://127.0.0.1:45865/paygov/thanhtoan/PG261201000001";
        assertThat(ShellText.words("\"${PAY%/paygov/*}/__paygov/callbacks/${PAY##*/}/resend\"", Map.of("PAY", url)))
                .containsExactly("http://127.0.0.1:45865/__paygov/callbacks/PG261201000001/resend");
        assertThat(ShellText.trim("a/b/c", "#*/")).isEqualTo("b/c");
        assertThat(ShellText.trim("a/b/c", "%%/*")).isEqualTo("a");
        assertThatThrownBy(() -> ShellText.words("$MISSING", Map.of())).hasMessageContaining("MISSING");

        String markdown = """
                ```bash
                TODAY=$(TZ=Asia/Ho_Chi_Minh date +%F)
                curl -s "localhost:8080/api/v1/citizens/lookup?day=$TODAY" -H 'X-API-Key: demo-motcua-key' -d '{}'
                ```
                <!-- expect: 200 -->
                """;
        ExampleRunner runner = new ExampleRunner(this::hub, "http://hub.test", Path.of(""), work);
        assertThatThrownBy(() -> runner.run(examples(markdown).get(0))).hasMessageContaining("status 404");
        assertThat(sent.get(0)).contains("?day=" + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")));
    }
}
