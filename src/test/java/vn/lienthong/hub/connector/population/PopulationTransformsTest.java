package vn.lienthong.hub.connector.population;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import vn.lienthong.hub.connector.CatalogueService;
import vn.lienthong.hub.connector.ConnectorFailures;
import vn.lienthong.hub.connector.ConnectorRequests;
import vn.lienthong.hub.connector.NationalAnswers;
import vn.lienthong.hub.connector.Resilience;
import vn.lienthong.hub.exchange.CallContext;
import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.HubException;
import vn.lienthong.hub.model.Citizen;
import vn.lienthong.hub.model.CitizenLookupRequest;
import vn.lienthong.hub.reference.CodeLists;

/**
 * The population connector's own steps, read from its Kamelet (everything before the HTTP call builds the request,
 * everything after it reads the answer: request.jslt, congDanReader, citizenVerification), over the simulator's answer
 * files, which follow the national format. No network: the HTTP call is the seam.
 */
class PopulationTransformsTest {

    private static final Path HOME = Path.of("connectors/population");
    private static final Path FILES = HOME.resolve("simulator/__files");
    private static final CitizenLookupRequest AN = new CitizenLookupRequest("001090012345", "Nguyễn Văn An", LocalDate.of(1990, 5, 15));
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** The population service without its connector.yaml error rules, so the transforms' own defences are seen. */
    private static final CatalogueService SERVICE = new CatalogueService("citizen-lookup", "test", "population",
            "population-lookup-action", "direct:citizen-lookup", true, List.of(), JsonNodeFactory.instance.objectNode(),
            JsonNodeFactory.instance.missingNode(), new Resilience(5000, true, 0, 10, 50, 10, 30000, 20),
            "file:" + HOME, List.of());

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    private DefaultCamelContext camel;
    private ProducerTemplate producer;

    @BeforeEach
    void start() throws Exception {
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("objectMapper", json);
        camel.getRegistry().bind("nationalAnswers", new NationalAnswers(json));
        camel.getRegistry().bind("congDanReader", new CongDanReader());
        camel.getRegistry().bind("citizenVerification", new CitizenVerification(json, CodeLists.standard()));
        camel.getPropertiesComponent().addInitialProperty("integrationCode", "LGSP-H22");
        camel.getPropertiesComponent().addInitialProperty("accessKey", "test-key");
        PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.fromBytes("population-steps.camel.yaml",
                kameletSteps().getBytes(StandardCharsets.UTF_8)));
        camel.start();
        producer = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    /** The Kamelet's steps as two routes, direct:request (before the HTTP call) and direct:answer (after it). */
    private static String kameletSteps() throws Exception {
        JsonNode steps = YAML.readTree(HOME.resolve("population-lookup-action.kamelet.yaml").toFile())
                .path("spec").path("template").path("from").path("steps");
        ArrayNode request = JsonNodeFactory.instance.arrayNode();
        ArrayNode answer = JsonNodeFactory.instance.arrayNode();
        boolean called = false;
        for (JsonNode step : steps) {
            if (step.path("to").path("uri").asText().equals("{{baseUrl}}{{path}}")) {
                called = true;
            } else {
                (called ? answer : request).add(step);
            }
        }
        assertThat(called).as("the Kamelet calls {{baseUrl}}{{path}}").isTrue();
        ArrayNode routes = JsonNodeFactory.instance.arrayNode();
        for (var route : List.of(List.of("direct:request", request), List.of("direct:answer", answer))) {
            ObjectNode from = routes.addObject().putObject("route").putObject("from");
            from.put("uri", (String) route.get(0));
            from.set("steps", (ArrayNode) route.get(1));
        }
        return YAML.writeValueAsString(routes);
    }

    @Test
    void buildsNationalRequest_withOfficerPurposeAndRequestId() throws Exception {
        Exchange exchange = producer.send("direct:request", e -> {
            e.getMessage().setBody(AN);
            e.setProperty(ConnectorRequests.PROPERTY_CONNECTOR_HOME, SERVICE.home());
            new CallContext("tx-1", "000.00.00.H22:MOTCUA", "canbo01", "1.003560.000.00.00.H22", "citizen-lookup", "REST",
                    null).applyTo(e);
        });
        assertThat(exchange.getException()).isNull();

        JsonNode request = json.readTree(exchange.getMessage().getBody(String.class));

        assertThat(request.path("SoDinhDanh").asText()).isEqualTo("001090012345");
        assertThat(request.path("HoVaTen").asText()).isEqualTo("Nguyễn Văn An");
        assertThat(request.path("NgayThangNam").asText()).isEqualTo("19900515");
        assertThat(request.path("Nam").asText()).isEqualTo("1990");
        assertThat(request.path("MaCanBo").asText()).isEqualTo("canbo01");
        assertThat(request.path("MaDVC").asText()).isEqualTo("1.003560.000.00.00.H22");
        assertThat(request.path("MaYeuCau").asText()).isEqualTo("tx-1");
        assertThat(request.path("MaTichHop").asText()).isEqualTo("LGSP-H22");
        assertThat(request.path("SoCMND").asText()).isEmpty();
        assertThat(exchange.getProperty(CitizenVerification.ASKED)).isEqualTo(AN);
        assertThat(exchange.getMessage().getHeader("lgspaccesstoken")).isEqualTo("test-key");
    }

    @Test
    void buildsValidJson_whateverTheContextHolds() throws Exception {
        Exchange exchange = producer.send("direct:request", e -> {
            e.getMessage().setBody(AN);
            e.setProperty(ConnectorRequests.PROPERTY_CONNECTOR_HOME, SERVICE.home());
            new CallContext("tx-2", "client", "cán bộ \"A\" \\ 01", "purpose", "citizen-lookup", "REST", null).applyTo(e);
        });
        assertThat(json.readTree(exchange.getMessage().getBody(String.class)).path("MaCanBo").asText())
                .isEqualTo("cán bộ \"A\" \\ 01");
    }

    @Test
    void mapsCongDanToCanonicalCitizen() throws Exception {
        Citizen an = citizen(Files.readAllBytes(FILES.resolve("congdan-001090012345.json")), AN);

        assertThat(an.personalId()).isEqualTo("001090012345");
        assertThat(an.oldIdNumber()).isEqualTo("012345678");
        assertThat(an.fullName()).isEqualTo("Nguyễn Văn An");
        assertThat(an.name().family()).isEqualTo("Nguyễn");
        assertThat(an.name().middle()).isEqualTo("Văn");
        assertThat(an.name().given()).isEqualTo("An");
        assertThat(an.dateOfBirth()).isEqualTo(LocalDate.of(1990, 5, 15));
        assertThat(an.gender().code()).isEqualTo("MALE");
        assertThat(an.nationality().code()).isEqualTo("VN");
        assertThat(an.permanentAddress().provinceName()).isEqualTo("Thành phố Hà Nội");
        assertThat(an.permanentAddress().districtName()).isEqualTo("Quận Ba Đình");
        assertThat(an.permanentAddress().communeCode()).isEqualTo("00004");
        assertThat(an.permanentAddress().detail()).isEqualTo("Số 12 phố Trấn Vũ");
        assertThat(an.homeTown().provinceCode()).isEqualTo("36");
        assertThat(an.householdBookNumber()).isEqualTo("010123456");
        assertThat(an.relatedPeople()).extracting("relation").contains("FATHER", "MOTHER", "SPOUSE");
        // beyond the fields above: labels from the code lists, empty text absent, the household relation
        assertThat(an.gender().label()).isEqualTo("Nam");
        assertThat(an.ethnicity().label()).isEqualTo("Kinh");
        assertThat(an.taxCode()).isEqualTo("8012345678");
        assertThat(an.religion()).isEqualTo("Không");
        assertThat(an.birthRegistration().detail()).isNull();
        assertThat(an.relatedPeople()).extracting("relation").containsExactly("FATHER", "MOTHER", "SPOUSE",
                "HEAD_OF_HOUSEHOLD (Chủ hộ)");
        assertThat(an.relatedPeople().get(2).oldIdNumber()).isNull();
        assertThat(an.relatedPeople().get(0).fullName()).isEqualTo("Nguyễn Văn Bình");
    }

    @Test
    void normalisesTextToNfc_andFoldsWhiteSpace() throws Exception {
        String decomposed = java.text.Normalizer.normalize("Nguyễn", java.text.Normalizer.Form.NFD);
        String answer = new String(Files.readAllBytes(FILES.resolve("congdan-001090012345.json")), StandardCharsets.UTF_8)
                .replace("<Ho>Nguyễn</Ho>", "<Ho>  " + decomposed + " </Ho>")
                .replace("<ChiTiet>Số 12 phố Trấn Vũ</ChiTiet>", "<ChiTiet> Số 12 \\n  phố Trấn Vũ </ChiTiet>");
        assertThat(answer).contains(decomposed);

        Citizen an = citizen(answer.getBytes(StandardCharsets.UTF_8), AN);

        assertThat(an.name().family()).isEqualTo("Nguyễn");
        assertThat(an.fullName()).isEqualTo("Nguyễn Văn An");
        assertThat(an.permanentAddress().detail()).isEqualTo("Số 12 phố Trấn Vũ");
    }

    @Test
    void treatsRecordThatDoesNotMatchTheQuestionAsNotFound() throws Exception {
        CitizenLookupRequest otherBirth = new CitizenLookupRequest("001090012345", "Nguyễn Văn An", LocalDate.of(1990, 5, 16));
        assertCode(Files.readAllBytes(FILES.resolve("congdan-001090012345.json")), otherBirth, 200, ErrorCode.NOT_FOUND);
        CitizenLookupRequest otherName = new CitizenLookupRequest("001090012345", "Nguyễn Văn Anh", LocalDate.of(1990, 5, 15));
        assertCode(Files.readAllBytes(FILES.resolve("congdan-001090012345.json")), otherName, 200, ErrorCode.NOT_FOUND);
        CitizenLookupRequest otherNumber = new CitizenLookupRequest("001090012346", "Nguyễn Văn An", LocalDate.of(1990, 5, 15));
        assertCode(Files.readAllBytes(FILES.resolve("congdan-001090012345.json")), otherNumber, 200, ErrorCode.NOT_FOUND);
    }

    @Test
    void answersNotFound_forEmptyCollection() throws Exception {
        assertCode(Files.readAllBytes(FILES.resolve("congdan-empty.json")), AN, 200, ErrorCode.NOT_FOUND);
    }

    @Test
    void refusesMalformedAnswers() {
        assertCode("<html>".getBytes(), AN, 200, ErrorCode.NATIONAL_MALFORMED_ANSWER);
        assertCode("{\"error_code\":0}".getBytes(), AN, 200, ErrorCode.NATIONAL_MALFORMED_ANSWER);
        assertCode("{\"error_code\":0,\"message\":\"<a><b>\"}".getBytes(), AN, 200, ErrorCode.NATIONAL_MALFORMED_ANSWER);
        assertCode("{\"error_code\":0,\"message\":\"<!DOCTYPE a [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><a>&x;</a>\"}".getBytes(), AN,
                200, ErrorCode.NATIONAL_MALFORMED_ANSWER);
        assertCode("{\"error_code\":0,\"message\":\"<a/>\"}".getBytes(), AN, 200, ErrorCode.NATIONAL_MALFORMED_ANSWER);
        assertCode("{\"error_code\": 0, \"message\": \"<soap:Envelope><soap:Body><CongdanCollection><CongDan>".getBytes(), AN,
                200, ErrorCode.NATIONAL_MALFORMED_ANSWER);
    }

    @Test
    void neverResolvesExternalEntities_insideMessage() throws Exception {
        Path secret = Files.createTempFile("population-xxe", ".txt");
        Files.writeString(secret, "SECRET-CONTENT");
        try {
            String an = new String(Files.readAllBytes(FILES.resolve("congdan-001090012345.json")), StandardCharsets.UTF_8);
            String withEntity = an.replace("<?xml version=\\\"1.0\\\" encoding=\\\"utf-8\\\"?>",
                            "<!DOCTYPE x [<!ENTITY secret SYSTEM '" + secret.toUri() + "'>]>")
                    .replace("<SoSoHoKhau>010123456</SoSoHoKhau>", "<SoSoHoKhau>&secret;</SoSoHoKhau>");
            assertThat(withEntity).contains("<!DOCTYPE x", "&secret;");
            Exchange exchange = answer(withEntity.getBytes(StandardCharsets.UTF_8), AN, 200);
            assertThat(exchange.getException()).isNotNull();
            assertThat(String.valueOf(exchange.getMessage().getBody())).doesNotContain("SECRET-CONTENT");
            assertCode(withEntity.getBytes(StandardCharsets.UTF_8), AN, 200, ErrorCode.NATIONAL_MALFORMED_ANSWER);
        } finally {
            Files.delete(secret);
        }
    }

    @Test
    void reportsNationalErrorCodes() {
        assertCode("{\"error_code\":99,\"message\":\"Hệ thống đang bận\"}".getBytes(), AN, 200, ErrorCode.NATIONAL_SYSTEM_ERROR);
        assertCode("oops".getBytes(), AN, 500, ErrorCode.NATIONAL_SYSTEM_ERROR);
        assertCode("{\"error_code\":0,\"message\":\"<a/>\"}".getBytes(), AN, 404, ErrorCode.NATIONAL_SYSTEM_ERROR);
    }

    private Exchange answer(byte[] body, CitizenLookupRequest asked, int status) {
        return producer.send("direct:answer", e -> {
            e.setProperty(CitizenVerification.ASKED, asked);
            e.setProperty(ConnectorRequests.SERVICE, SERVICE);
            e.setProperty(ConnectorRequests.PROPERTY_CONNECTOR_HOME, SERVICE.home());
            e.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
            e.getMessage().setBody(body);
        });
    }

    private Citizen citizen(byte[] body, CitizenLookupRequest asked) {
        Exchange exchange = answer(body, asked, 200);
        assertThat(exchange.getException()).isNull();
        return exchange.getMessage().getBody(Citizen.class);
    }

    private void assertCode(byte[] body, CitizenLookupRequest asked, int status, ErrorCode code) {
        Exchange exchange = answer(body, asked, status);
        assertThat(exchange.getException()).as("failure of the answer steps").isNotNull();
        // the connector's failures reach the caller as the platform classifies them
        HubException problem = ConnectorFailures.classify(SERVICE, exchange.getException());
        assertThat(problem.code()).as(problem.getMessage()).isEqualTo(code);
    }
}
