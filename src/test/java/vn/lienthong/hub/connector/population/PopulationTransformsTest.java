package vn.lienthong.hub.connector.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.CallContext;
import vn.lienthong.hub.exchange.HubException;
import vn.lienthong.hub.model.Citizen;
import vn.lienthong.hub.model.CitizenLookupRequest;
import vn.lienthong.hub.reference.CodeLists;

/** The population transforms over the simulator's own answer files, which follow the national format. */
class PopulationTransformsTest {

    private static final Path FILES = Path.of("connectors/population/simulator/__files");
    private static final CitizenLookupRequest AN = new CitizenLookupRequest("001090012345", "Nguyễn Văn An", LocalDate.of(1990, 5, 15));

    private final ObjectMapper json = new ObjectMapper();
    private final PopulationTransforms transforms = new PopulationTransforms(json, CodeLists.standard());
    private final DefaultCamelContext camel = new DefaultCamelContext();

    @Test
    void buildsNationalRequest_withOfficerPurposeAndRequestId() throws Exception {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setBody(AN);
        new CallContext("tx-1", "000.00.00.H22:MOTCUA", "canbo01", "1.003560.000.00.00.H22", "citizen-lookup", "REST",
                null).applyTo(exchange);
        exchange.setProperty(PopulationTransforms.INTEGRATION_CODE, "LGSP-H22");

        JsonNode request = json.readTree(transforms.toNationalRequest(exchange));

        assertThat(request.path("SoDinhDanh").asText()).isEqualTo("001090012345");
        assertThat(request.path("HoVaTen").asText()).isEqualTo("Nguyễn Văn An");
        assertThat(request.path("NgayThangNam").asText()).isEqualTo("19900515");
        assertThat(request.path("Nam").asText()).isEqualTo("1990");
        assertThat(request.path("MaCanBo").asText()).isEqualTo("canbo01");
        assertThat(request.path("MaDVC").asText()).isEqualTo("1.003560.000.00.00.H22");
        assertThat(request.path("MaYeuCau").asText()).isEqualTo("tx-1");
        assertThat(request.path("MaTichHop").asText()).isEqualTo("LGSP-H22");
    }

    @Test
    void mapsCongDanToCanonicalCitizen() throws Exception {
        Citizen an = transforms.toCitizen(answer(Files.readAllBytes(FILES.resolve("congdan-001090012345.json")), AN));

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
    }

    @Test
    void treatsRecordThatDoesNotMatchTheQuestionAsNotFound() throws Exception {
        CitizenLookupRequest otherBirth = new CitizenLookupRequest("001090012345", "Nguyễn Văn An", LocalDate.of(1990, 5, 16));
        Exchange exchange = answer(Files.readAllBytes(FILES.resolve("congdan-001090012345.json")), otherBirth);
        assertCode(exchange, ErrorCode.NOT_FOUND);
    }

    @Test
    void answersNotFound_forEmptyCollection() throws Exception {
        assertCode(answer(Files.readAllBytes(FILES.resolve("congdan-empty.json")), AN), ErrorCode.NOT_FOUND);
    }

    @Test
    void refusesMalformedAnswers() {
        assertCode(answer("<html>".getBytes(), AN), ErrorCode.NATIONAL_MALFORMED_ANSWER);
        assertCode(answer("{\"error_code\":0}".getBytes(), AN), ErrorCode.NATIONAL_MALFORMED_ANSWER);
        assertCode(answer("{\"error_code\":0,\"message\":\"<a><b>\"}".getBytes(), AN), ErrorCode.NATIONAL_MALFORMED_ANSWER);
        assertCode(answer("{\"error_code\":0,\"message\":\"<!DOCTYPE a [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><a>&x;</a>\"}".getBytes(), AN),
                ErrorCode.NATIONAL_MALFORMED_ANSWER);
    }

    @Test
    void reportsNationalErrorCodes() {
        assertCode(answer("{\"error_code\":99,\"message\":\"Hệ thống đang bận\"}".getBytes(), AN), ErrorCode.NATIONAL_SYSTEM_ERROR);
        Exchange serverError = answer("oops".getBytes(), AN);
        serverError.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 500);
        assertCode(serverError, ErrorCode.NATIONAL_SYSTEM_ERROR);
    }

    private Exchange answer(byte[] body, CitizenLookupRequest asked) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.setProperty(CitizenLookupRequest.class.getName(), asked);
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        exchange.getMessage().setBody(body);
        return exchange;
    }

    private void assertCode(Exchange exchange, ErrorCode code) {
        assertThatThrownBy(() -> transforms.toCitizen(exchange))
                .isInstanceOfSatisfying(HubException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
