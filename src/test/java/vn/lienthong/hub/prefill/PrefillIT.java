package vn.lienthong.hub.prefill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import vn.lienthong.hub.HubIntegrationTest;
import vn.lienthong.hub.simulator.SimulatorServers;
import vn.lienthong.hub.soap.prefill.v1.FormField;
import vn.lienthong.hub.soap.prefill.v1.HubFault;
import vn.lienthong.hub.soap.prefill.v1.PrefillPortType;
import vn.lienthong.hub.soap.prefill.v1.PrefillResult;
import vn.lienthong.hub.soap.prefill.v1.PrefillService;
import vn.lienthong.hub.soap.prefill.v1.SourceStatus;
import vn.lienthong.hub.soap.prefill.v1.Subject;

/** The once-only pre-fill over REST ({@code POST /api/v1/prefill}) and SOAP ({@code /soap/PrefillService}). */
class PrefillIT extends HubIntegrationTest {

    private static final String JUDICIAL_RECORD_CERTIFICATE = "2.000488.000.00.00.H22";
    private static final String LAND_TRANSFER = "1.004227.000.00.00.H22";
    private static final String REPRESENTATIVE_CHANGE = "2.002042.000.00.00.H22";
    private static final String AN = "{\"personalId\":\"001090012345\",\"fullName\":\"Nguyễn Văn An\",\"dateOfBirth\":\"1990-05-15\"}";

    @Autowired
    SimulatorServers simulators;

    private static boolean warm;
    private final List<Map.Entry<WireMockServer, StubMapping>> temporaryStubs = new ArrayList<>();

    /** The first call of a connector loads and compiles its transforms (XSLT, JSLT); keep that out of the timings. */
    @BeforeEach
    void warmTheConnectorsOnce() {
        if (!warm) {
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                JsonNode result = body(prefill(JUDICIAL_RECORD_CERTIFICATE, AN, headers(MOTCUA_KEY, JUDICIAL_RECORD_CERTIFICATE)));
                boolean allOk = true;
                for (JsonNode s : result.path("sources")) {
                    allOk &= s.path("status").asText().equals("ok");
                }
                return allOk;
            });
            warm = true;
        }
    }

    @AfterEach
    void removeTemporaryStubs() {
        temporaryStubs.forEach(e -> e.getKey().removeStubMapping(e.getValue()));
        temporaryStubs.clear();
    }

    @Test
    void prefillsTheJudicialRecordCertificateOfNguyenVanAn_fromThreeSourcesWithProvenance() {
        HttpResponse<String> response = prefill(JUDICIAL_RECORD_CERTIFICATE, AN, headers(MOTCUA_KEY, JUDICIAL_RECORD_CERTIFICATE));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = body(response);
        assertThat(result.path("procedureName").asText()).startsWith("Cấp Phiếu lý lịch tư pháp");
        assertThat(result.path("sources")).hasSize(3).allSatisfy(s -> assertThat(s.path("status").asText()).isEqualTo("ok"));
        assertThat(field(result, "fullName").path("value").asText()).isEqualTo("Nguyễn Văn An");
        assertThat(field(result, "fullName").path("provenance").path("service").asText()).isEqualTo("citizen-lookup");
        assertThat(field(result, "placeOfBirth").path("value").asText()).isEqualTo("Bệnh viện Phụ sản Hà Nội");
        assertThat(field(result, "placeOfBirth").path("provenance").path("service").asText()).isEqualTo("birth-registration");
        assertThat(field(result, "criminalRecord").path("value").asText()).isEqualTo("Không có án tích");
        assertThat(field(result, "criminalRecord").path("provenance").path("retrievedAt").asText()).isNotBlank();
        assertThat(field(result, "permanentAddress").path("value").path("current").path("status").asText()).isEqualTo("EXACT");
        assertThat(field(result, "permanentAddress").path("value").path("current").path("candidates").get(0)
                .path("communeName").asText()).isEqualTo("Phường Ba Đình");
        assertThat(result.path("missingMandatoryFields")).extracting(JsonNode::asText)
                .containsExactly("requestPurpose", "certificateType", "copies");
        assertThat(response.headers().firstValue("X-Transaction-Id")).isPresent();
    }

    @Test
    void asksSourcesInParallel_threeSourcesOf200MillisFinishWellUnder600() {
        slowDown("population", "Nguyễn Văn An: found when number, name and birth date match", 200);
        slowDown("judicial-records", "Nguyễn Văn An: no criminal record", 200);
        slowDown("civil-status", "Birth registration of 001090012345", 200);

        long start = System.nanoTime();
        HttpResponse<String> response = prefill(JUDICIAL_RECORD_CERTIFICATE, AN, headers(MOTCUA_KEY, JUDICIAL_RECORD_CERTIFICATE));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = body(response);
        assertThat(result.path("sources")).hasSize(3).allSatisfy(s -> {
            assertThat(s.path("status").asText()).isEqualTo("ok");
            assertThat(s.path("durationMillis").asLong()).isGreaterThanOrEqualTo(200);
        });
        assertThat(millis).as("three sources of 200 ms each").isGreaterThanOrEqualTo(200).isLessThan(500);
    }

    @Test
    void answers200WithTheFailingSourcesMarked_andTheOtherFieldsFilled() {
        WireMockServer judicial = simulators.server("judicial-records");
        temporaryStubs.add(Map.entry(judicial, judicial.stubFor(WireMock.get("/lltp/api/v1/tinhtrang/001090012345")
                .atPriority(1).willReturn(WireMock.aResponse().withStatus(500).withBody("Internal Server Error")))));
        slowDown("civil-status", "Birth registration of 001090012345", 5000);

        HttpResponse<String> response = prefill(JUDICIAL_RECORD_CERTIFICATE, AN, headers(MOTCUA_KEY, JUDICIAL_RECORD_CERTIFICATE));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = body(response);
        assertThat(source(result, "population").path("status").asText()).isEqualTo("ok");
        assertThat(source(result, "judicial-records").path("status").asText()).isEqualTo("failed");
        assertThat(source(result, "judicial-records").path("code").asText()).isEqualTo("NATIONAL_SYSTEM_ERROR");
        assertThat(source(result, "birth").path("status").asText()).isEqualTo("timeout");
        assertThat(field(result, "fullName").path("value").asText()).isEqualTo("Nguyễn Văn An");
        assertThat(field(result, "criminalRecord").has("value")).isFalse();
        assertThat(result.path("missingMandatoryFields")).extracting(JsonNode::asText)
                .contains("placeOfBirth", "fatherName", "motherName").doesNotContain("fullName");
    }

    @Test
    void marksASourceWithNoRecordAsNotFound() {
        HttpResponse<String> response = prefill(LAND_TRANSFER,
                "{\"personalId\":\"001090012345\",\"fullName\":\"Nguyễn Văn An\",\"dateOfBirth\":\"1990-05-15\"}",
                headers(MOTCUA_KEY, LAND_TRANSFER));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(field(body(response), "parcelNumber").path("value").asText()).isEqualTo("00004-12-231");

        HttpResponse<String> nobody = prefill(LAND_TRANSFER,
                "{\"personalId\":\"001099000001\",\"fullName\":\"Nguyễn Văn Không\",\"dateOfBirth\":\"1999-01-01\"}",
                headers(MOTCUA_KEY, LAND_TRANSFER));
        assertThat(nobody.statusCode()).as(nobody.body()).isEqualTo(200);
        assertThat(body(nobody).path("sources")).allSatisfy(s -> assertThat(s.path("status").asText()).isEqualTo("not_found"));
    }

    @Test
    void prefillsAnEnterpriseProcedureByEnterpriseCode() {
        HttpResponse<String> response = prefill(REPRESENTATIVE_CHANGE, "{\"enterpriseCode\":\"0101234565\"}",
                headers(MOTCUA_KEY, REPRESENTATIVE_CHANGE));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = body(response);
        assertThat(field(result, "currentRepresentative").path("value").asText()).isEqualTo("Lê Thị Hồng");
        assertThat(field(result, "taxOffice").path("provenance").path("service").asText()).isEqualTo("tax-obligations");
    }

    @Test
    void refusesClientsWithoutThePrefillGrant() {
        assertProblem(prefill(JUDICIAL_RECORD_CERTIFICATE, AN, headers(PORTAL_KEY, JUDICIAL_RECORD_CERTIFICATE)), 403, "ACCESS_DENIED");
        assertProblem(prefill(JUDICIAL_RECORD_CERTIFICATE, AN, headers(AUDITOR_KEY, JUDICIAL_RECORD_CERTIFICATE)), 403, "ACCESS_DENIED");
    }

    @Test
    void requiresThePurposeToBeTheProcedureCode() {
        assertProblem(prefill(JUDICIAL_RECORD_CERTIFICATE, AN, Map.of("X-API-Key", MOTCUA_KEY, "X-User-Id", "canbo01")),
                400, "MISSING_PURPOSE");
        assertProblem(prefill(JUDICIAL_RECORD_CERTIFICATE, AN, headers(MOTCUA_KEY, LAND_TRANSFER)), 400, "PURPOSE_MISMATCH");
    }

    @Test
    void answers404ForAnUnknownProcedure_and400ForABadSubject() {
        assertProblem(prefill("9.999999.000.00.00.H22", AN, headers(MOTCUA_KEY, "9.999999.000.00.00.H22")), 404, "UNKNOWN_PROCEDURE");
        assertProblem(prefill(JUDICIAL_RECORD_CERTIFICATE,
                "{\"personalId\":\"001090012345\",\"fullName\":\"Nguyễn Văn An\",\"dateOfBirth\":\"1991-05-15\"}",
                headers(MOTCUA_KEY, JUDICIAL_RECORD_CERTIFICATE)), 400, "INVALID_PERSONAL_ID");
        assertProblem(prefill(REPRESENTATIVE_CHANGE, "{\"enterpriseCode\":\"0101234566\"}",
                headers(MOTCUA_KEY, REPRESENTATIVE_CHANGE)), 400, "INVALID_ENTERPRISE_CODE");
        assertProblem(post("/api/v1/prefill", "{\"procedureCode\":\"" + JUDICIAL_RECORD_CERTIFICATE + "\"}",
                headers(MOTCUA_KEY, JUDICIAL_RECORD_CERTIFICATE)), 400, "INVALID_FIELD");
    }

    @Test
    void listsTheProceduresWithTheirSourcesAndFields() {
        HttpResponse<String> response = get("/api/v1/prefill/procedures", Map.of("X-API-Key", MOTCUA_KEY));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode procedures = body(response).path("procedures");
        assertThat(procedures.size()).isGreaterThanOrEqualTo(4);
        JsonNode certificate = null;
        for (JsonNode p : procedures) {
            if (p.path("code").asText().equals(JUDICIAL_RECORD_CERTIFICATE)) {
                certificate = p;
            }
        }
        assertThat(certificate).isNotNull();
        assertThat(certificate.path("sources")).extracting(s -> s.path("service").asText())
                .containsExactly("citizen-lookup", "judicial-records-status", "birth-registration");
        assertThat(certificate.path("fields").get(0).path("label").asText()).isEqualTo("Họ và tên");
    }

    @Test
    void prefillsOverSoap_withValuesAsStrings_andFaultsWithTheSameCodes() throws HubFault {
        Subject subject = new Subject();
        subject.setPersonalId("001090012345");
        subject.setFullName("Nguyễn Văn An");
        subject.setDateOfBirth("1990-05-15");
        PrefillResult result = client(headers(MOTCUA_KEY, JUDICIAL_RECORD_CERTIFICATE)).prefill(JUDICIAL_RECORD_CERTIFICATE, subject);

        assertThat(result.getSource()).extracting(SourceStatus::getStatus).containsExactly("ok", "ok", "ok");
        FormField name = result.getField().stream().filter(f -> f.getName().equals("fullName")).findFirst().orElseThrow();
        assertThat(name.getValue()).isEqualTo("Nguyễn Văn An");
        assertThat(name.getService()).isEqualTo("citizen-lookup");
        FormField address = result.getField().stream().filter(f -> f.getName().equals("permanentAddress")).findFirst().orElseThrow();
        assertThat(address.getValue()).startsWith("{").contains("\"status\":\"EXACT\"");
        assertThat(result.getMissingMandatoryField()).containsExactly("requestPurpose", "certificateType", "copies");

        assertThatThrownBy(() -> client(headers(MOTCUA_KEY, LAND_TRANSFER)).prefill(JUDICIAL_RECORD_CERTIFICATE, subject))
                .isInstanceOfSatisfying(HubFault.class, fault -> {
                    assertThat(fault.getFaultInfo().getCode()).isEqualTo("PURPOSE_MISMATCH");
                    assertThat(fault.getFaultInfo().getStatus()).isEqualTo(400);
                    assertThat(fault.getFaultInfo().getTransactionId()).isNotBlank();
                });
    }

    /** Serves the subject's usual answer from this simulator {@code millis} later, until the test ends. */
    private void slowDown(String connector, String stubName, int millis) {
        WireMockServer server = simulators.server(connector);
        StubMapping usual = server.getStubMappings().stream().filter(s -> stubName.equals(s.getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no stub '" + stubName + "' in the " + connector + " simulator"));
        StubMapping slow = new StubMapping(usual.getRequest(),
                ResponseDefinitionBuilder.like(usual.getResponse()).withFixedDelay(millis).build());
        slow.setPriority(1);
        server.addStubMapping(slow);
        temporaryStubs.add(Map.entry(server, slow));
    }

    private HttpResponse<String> prefill(String procedureCode, String subject, Map<String, String> headers) {
        return post("/api/v1/prefill", "{\"procedureCode\":\"" + procedureCode + "\",\"subject\":" + subject + "}", headers);
    }

    private static Map<String, String> headers(String apiKey, String purpose) {
        return Map.of("X-API-Key", apiKey, "X-User-Id", "canbo.motcua@hanoi.gov.vn", "X-Purpose", purpose);
    }

    private void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(body(response).path("code").asText()).isEqualTo(code);
        assertThat(body(response).path("transactionId").asText()).isNotBlank();
    }

    private static JsonNode field(JsonNode result, String name) {
        for (JsonNode f : result.path("fields")) {
            if (f.path("name").asText().equals(name)) {
                return f;
            }
        }
        throw new AssertionError("no field " + name + " in " + result);
    }

    private static JsonNode source(JsonNode result, String id) {
        for (JsonNode s : result.path("sources")) {
            if (s.path("id").asText().equals(id)) {
                return s;
            }
        }
        throw new AssertionError("no source " + id + " in " + result);
    }

    private PrefillPortType client(Map<String, String> headers) {
        return soapPort(new PrefillService().getPrefillPort(), "/soap/PrefillService", headers);
    }
}
