package vn.lienthong.hub.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import vn.lienthong.hub.HubApplication;
import vn.lienthong.hub.simulator.SimulatorServers;

/**
 * Runs the POST-JSON and SOAP walkthroughs of connectors/README.md as written: the example folders are put in an outside
 * folder, the hub starts with the settings files the guide shows (the same files) and no other configuration, and each
 * curl call of a walkthrough is sent as written and must get the answer the guide prints after it. Then what reached
 * the simulators (absent optional inputs left out), the grants the walkthroughs add (and the ones they keep), and a
 * start-up refused for a broken drop-in or an unknown client id.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntegratorGuideIT {

    static final Path GUIDE = Path.of("connectors/README.md");
    static final Path EXAMPLES = Path.of("src/test/resources/dropin");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path outside;

    private ConfigurableApplicationContext hub;
    private int port;

    @BeforeAll
    void startHubAsTheGuideSays() throws IOException {
        // step 2: the folders in the outside folder
        copy(EXAMPLES.resolve("social-protection"), outside.resolve("social-protection"));
        copy(EXAMPLES.resolve("land-tax"), outside.resolve("land-tax"));
        // step 3: the settings files the guide prints (IntegratorGuideTest keeps the guide's copies equal to them)
        String settings = "file:" + EXAMPLES.resolve("social-protection.settings.yaml").toAbsolutePath() + ",file:"
                + EXAMPLES.resolve("land-tax.settings.yaml").toAbsolutePath();
        hub = new SpringApplicationBuilder(HubApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:hub-guide-it;DB_CLOSE_DELAY=-1",
                "--HUB_DATA_DIR=target/it-data-guide",
                "--spring.artemis.embedded.persistent=false",
                "--hub.connectors-extra-location=" + outside.toUri(),
                "--spring.config.additional-location=" + settings);
        port = ((ServletWebServerApplicationContext) hub).getWebServer().getPort();
    }

    @AfterAll
    void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void postJsonWalkthrough_answersAsPrinted() throws Exception {
        List<Call> calls = walkthrough("social-protection");
        assertThat(calls).hasSize(4);
        for (Call call : calls) {
            call.check(port);
        }
    }

    @Test
    void soapWalkthrough_answersAsPrinted() throws Exception {
        List<Call> calls = walkthrough("land-tax");
        assertThat(calls).hasSize(3);
        for (Call call : calls) {
            call.check(port);
        }
    }

    @Test
    void absentOptionalInputs_areLeftOutOfTheRequests() throws Exception {
        SimulatorServers simulators = hub.getBean(SimulatorServers.class);
        simulators.server("social-protection").resetRequests();
        simulators.server("land-tax").resetRequests();

        assertThat(post("demo-auditor-key", "social-protection-benefits", "{\"personalId\":\"001090012345\"}").statusCode())
                .isEqualTo(200);
        assertThat(post("demo-auditor-key", "social-protection-benefits",
                "{\"personalId\":\"001090012345\",\"fromMonth\":\"2024-06\"}").statusCode()).isEqualTo(200);
        assertThat(post("demo-portal-key", "land-tax-notice", "{\"personalId\":\"001090012345\"}").statusCode())
                .isEqualTo(200);

        List<JsonNode> bodies = new ArrayList<>();
        for (ServeEvent event : simulators.server("social-protection").getAllServeEvents()) {
            bodies.add(0, JSON.readTree(event.getRequest().getBodyAsString()));
        }
        assertThat(bodies).hasSize(2);
        assertThat(fieldNames(bodies.get(0))).containsExactly("MaYeuCau", "MaDonViYeuCau", "MaCanBo", "SoDinhDanh");
        assertThat(bodies.get(0).path("MaDonViYeuCau").asText()).isEqualTo("000.00.00.H22");
        assertThat(bodies.get(0).path("MaCanBo").asText()).isEqualTo("canbo01");
        assertThat(bodies.get(1).path("TuThang").asText()).isEqualTo("202406");
        assertThat(bodies.get(1).has("LoaiTroCap")).isFalse();

        List<ServeEvent> soap = simulators.server("land-tax").getAllServeEvents();
        assertThat(soap).hasSize(1);
        String envelope = soap.get(0).getRequest().getBodyAsString();
        assertThat(envelope).contains("<td:SoDinhDanh>001090012345</td:SoDinhDanh>").doesNotContain("NamTinhThue")
                .doesNotContain("ThuaDat");
        assertThat(soap.get(0).getRequest().getHeader("SOAPAction"))
                .isEqualTo("http://thuedat.gdt.gov.vn/ws/TraCuuThongBaoThueDat");
    }

    @Test
    void simulatorsRefuseTheEmptyFormsAndUnmatchedRequests_neverAsNotFound() throws Exception {
        String url = hub.getEnvironment().getProperty("hub.simulators.social-protection.url");
        HttpResponse<String> empty = raw("POST", url + "/btxh/api/v2/doituong/tracuu", "application/json",
                "{\"MaYeuCau\":\"x\",\"MaDonViYeuCau\":\"000.00.00.H22\",\"SoDinhDanh\":\"001090012345\",\"LoaiTroCap\":null}");
        assertThat(empty.body()).contains("\"MaLoi\":\"01\"");
        HttpResponse<String> wrongPath = raw("POST", url + "/btxh/api/v1/doituong/tracuu", "application/json", "{}");
        assertThat(wrongPath.statusCode()).isEqualTo(501);
        assertThat(wrongPath.body()).contains("no stub matches");

        String soapUrl = hub.getEnvironment().getProperty("hub.simulators.land-tax.url") + "/thuedat/ws/ThongBaoThueService";
        HttpResponse<String> emptyYear = raw("POST", soapUrl, "text/xml; charset=UTF-8",
                "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:td=\"http://thuedat.gdt.gov.vn/ws\">"
                        + "<soapenv:Body><td:TraCuuThongBaoThueDat><td:MaYeuCau>x</td:MaYeuCau><td:MaDonViYeuCau>y</td:MaDonViYeuCau>"
                        + "<td:SoDinhDanh>001090012345</td:SoDinhDanh><td:NamTinhThue/></td:TraCuuThongBaoThueDat></soapenv:Body></soapenv:Envelope>");
        assertThat(emptyYear.statusCode()).isEqualTo(500);
        assertThat(emptyYear.body()).contains("Fault").contains("NamTinhThue");
    }

    @Test
    void nationalErrorCodes_mapAsDeclared() throws Exception {
        HttpResponse<String> refused = post("demo-auditor-key", "social-protection-benefits", "{\"personalId\":\"001090000502\"}");
        assertThat(refused.statusCode()).isEqualTo(502);
        assertThat(JSON.readTree(refused.body()).path("code").asText()).isEqualTo("NATIONAL_MALFORMED_ANSWER");

        HttpResponse<String> busy = post("demo-portal-key", "land-tax-notice", "{\"personalId\":\"001090000503\"}");
        assertThat(busy.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(busy.body()).path("detail").asText())
                .isEqualTo("land-tax answered MaLoi 9: Hệ thống đang bận, vui lòng thử lại sau");

        HttpResponse<String> fault = post("demo-portal-key", "land-tax-notice", "{\"personalId\":\"001090000500\"}");
        assertThat(fault.statusCode()).isEqualTo(502);
        assertThat(JSON.readTree(fault.body()).path("code").asText()).isEqualTo("NATIONAL_SYSTEM_ERROR");

        HttpResponse<String> badYear = post("demo-portal-key", "land-tax-notice",
                "{\"personalId\":\"001090012345\",\"taxYear\":\"năm nay\"}");
        assertThat(badYear.statusCode()).isEqualTo(400);
    }

    @Test
    void addedGrants_keepEveryClientsOwnGrants() throws Exception {
        assertThat(allowed("demo-auditor-key")).containsExactly("social-protection-benefits");
        assertThat(allowed("demo-portal-key")).containsExactlyInAnyOrder("enterprise-lookup", "land-tax-notice");
        assertThat(allowed("demo-motcua-key")).contains("citizen-lookup", "social-protection-benefits", "land-tax-notice");
        // the inspectorate keeps audit:*, the portal keeps its enterprise lookup
        assertThat(get("demo-auditor-key", "/api/v1/audit/statistics").statusCode()).isEqualTo(200);
        assertThat(get("demo-portal-key", "/api/v1/enterprises/0312345673").statusCode()).isEqualTo(200);
        // and the portal is still refused what it was never granted
        assertThat(post("demo-portal-key", "social-protection-benefits", "{\"personalId\":\"001090012345\"}").statusCode())
                .isEqualTo(403);
    }

    @Test
    void brokenDropIn_stopsTheStartUp_namingTheFileAndTheRule(@TempDir Path broken) throws Exception {
        copy(EXAMPLES.resolve("land-tax"), broken.resolve("land-tax"));
        Path kamelet = broken.resolve("land-tax/land-tax-notice-action.kamelet.yaml");
        Files.writeString(kamelet, Files.readString(kamelet).replace("constant: \"{{requesterCode}}\"",
                "constant: \"{{requesterCod}}\""));

        assertThatThrownBy(() -> new SpringApplicationBuilder(HubApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:hub-guide-broken-it;DB_CLOSE_DELAY=-1",
                "--HUB_DATA_DIR=target/it-data-guide-broken",
                "--spring.artemis.embedded.persistent=false",
                "--hub.connectors-extra-location=" + broken.toUri()).close())
                .hasStackTraceContaining("drop-in connectors at " + broken.toUri() + " break 1 rule(s)")
                .hasStackTraceContaining(kamelet + ": the template uses {{requesterCod}}, which spec.definition.properties"
                        + " does not declare");
    }

    @Test
    void extraGrantForAnUnknownClient_stopsTheStartUp() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(HubApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:hub-guide-grant-it;DB_CLOSE_DELAY=-1",
                "--HUB_DATA_DIR=target/it-data-guide-grant",
                "--spring.artemis.embedded.persistent=false",
                "--hub.security.extra-grants[000.00.00.H22:THANHTRA]=data:land-tax-notice").close())
                .hasStackTraceContaining("hub.security.extra-grants names no configured client: [000.00.00.H22:THANHTRA]");
    }

    // ------------------------------------------------------------------ the guide's calls

    /** A documented call: the curl command as written and the answer printed after it. */
    record Call(String method, String path, Map<String, String> headers, String body, JsonNode answer) {

        void check(int port) throws Exception {
            HttpResponse<String> response = send(port, method, path, headers, body);
            int expectedStatus = answer.path("status").isInt() ? answer.path("status").asInt() : 200;
            assertThat(response.statusCode()).as("%s %s %s", method, path, response.body()).isEqualTo(expectedStatus);
            JsonNode actual = JSON.readTree(response.body());
            if (expectedStatus < 400) {
                assertThat(actual).as("the answer of %s %s", path, body).isEqualTo(answer);
            } else {
                for (Iterator<Map.Entry<String, JsonNode>> it = answer.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    assertThat(actual.path(field.getKey())).as("%s of %s", field.getKey(), response.body())
                            .isEqualTo(field.getValue());
                }
            }
        }
    }

    /** The curl calls of one walkthrough section and the JSON answer printed after each. */
    static List<Call> walkthrough(String name) throws IOException {
        List<String> lines = section(name);
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals("```bash")) {
                continue;
            }
            StringBuilder command = new StringBuilder();
            for (i++; !lines.get(i).strip().equals("```"); i++) {
                String line = lines.get(i).strip();
                command.append(line.endsWith("\\") ? line.substring(0, line.length() - 1) : line).append(' ');
            }
            // the answer: the next fenced json block (blank lines and HTML comments may stand between)
            int j = i + 1;
            while (lines.get(j).isBlank() || lines.get(j).strip().startsWith("<!--")) {
                j++;
            }
            assertThat(lines.get(j).strip()).as("a ```json answer follows the call %s", command).isEqualTo("```json");
            StringBuilder answer = new StringBuilder();
            for (j++; !lines.get(j).strip().equals("```"); j++) {
                answer.append(lines.get(j)).append('\n');
            }
            calls.add(parse(command.toString(), JSON.readTree(answer.toString())));
            i = j;
        }
        return calls;
    }

    static List<String> section(String name) throws IOException {
        List<String> all = Files.readAllLines(GUIDE, StandardCharsets.UTF_8);
        int start = all.indexOf("<!-- walkthrough: " + name + " -->");
        assertThat(start).as("walkthrough %s in %s", name, GUIDE).isNotNegative();
        int end = start;
        while (!all.get(end).equals("<!-- /walkthrough -->")) {
            end++;
        }
        return all.subList(start, end);
    }

    /** A curl command as the guide writes it: {@code curl -s -X M -H 'k: v' … -d '…' localhost:8080/path}. */
    static Call parse(String command, JsonNode answer) {
        List<String> words = shellWords(command);
        assertThat(words.get(0)).isEqualTo("curl");
        String method = "GET";
        String body = null;
        String url = null;
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        for (int k = 1; k < words.size(); k++) {
            String word = words.get(k);
            switch (word) {
                case "-s" -> { }
                case "-X" -> method = words.get(++k);
                case "-H" -> {
                    String header = words.get(++k);
                    int colon = header.indexOf(':');
                    headers.put(header.substring(0, colon).strip(), header.substring(colon + 1).strip());
                }
                case "-d" -> body = words.get(++k);
                default -> {
                    assertThat(word).as("curl option of the guide").doesNotStartWith("-");
                    url = word;
                }
            }
        }
        assertThat(url).startsWith("localhost:8080/");
        return new Call(method, url.substring("localhost:8080".length()), headers, body, answer);
    }

    /** Words of a command line with single quotes (all the guide uses). */
    static List<String> shellWords(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        boolean quoted = false;
        for (char c : command.toCharArray()) {
            if (quoted) {
                if (c == '\'') {
                    quoted = false;
                } else {
                    word.append(c);
                }
            } else if (c == '\'') {
                quoted = true;
                word = word == null ? new StringBuilder() : word;
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    // ------------------------------------------------------------------ helpers

    private List<String> allowed(String key) throws Exception {
        List<String> codes = new ArrayList<>();
        JSON.readTree(get(key, "/api/v1/services/allowed").body()).path("services")
                .forEach(s -> codes.add(s.path("code").asText()));
        return codes;
    }

    private HttpResponse<String> post(String key, String service, String body) throws Exception {
        return send(port, "POST", "/api/v1/services/" + service, Map.of("X-API-Key", key, "X-User-Id", "canbo01",
                "X-Purpose", "1.003560.000.00.00.H22", "Content-Type", "application/json"), body);
    }

    private HttpResponse<String> get(String key, String path) throws Exception {
        return send(port, "GET", path, Map.of("X-API-Key", key), null);
    }

    static HttpResponse<String> send(int port, String method, String path, Map<String, String> headers, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> raw(String method, String url, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .header("lgspaccesstoken", "test").header("SOAPAction", "http://thuedat.gdt.gov.vn/ws/TraCuuThongBaoThueDat")
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
