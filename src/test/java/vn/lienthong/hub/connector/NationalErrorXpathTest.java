package vn.lienthong.hub.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import vn.lienthong.hub.exchange.ErrorCode;

/** {@code errors:} rules with {@code xpath}: the system's own code inside an XML or SOAP answer. */
class NationalErrorXpathTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String ANSWER = """
            <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>
            <R xmlns="http://example.gov.vn/ws"><KetQua><MaLoi> 9 </MaLoi><MoTaLoi>Hệ thống đang bận</MoTaLoi></KetQua></R>
            </soap:Body></soap:Envelope>""";

    private static NationalError rule(String yaml) throws Exception {
        return NationalError.read(YAML.readTree(yaml), "connector.yaml");
    }

    @Test
    void matchesTheTrimmedCodeByLocalName_andReadsTheMessage() throws Exception {
        NationalError busy = rule("""
                xpath: "//*[local-name()='KetQua']/*[local-name()='MaLoi']"
                equals: ["9"]
                code: NATIONAL_UNAVAILABLE
                retryable: true
                message: "//*[local-name()='MoTaLoi']"
                """);
        var document = XmlAnswers.parse(ANSWER.getBytes(StandardCharsets.UTF_8));

        assertThat(busy.xml()).isTrue();
        assertThat(busy.code()).isEqualTo(ErrorCode.NATIONAL_UNAVAILABLE);
        assertThat(busy.match(document)).contains("9");
        assertThat(busy.messageOf(document)).isEqualTo("Hệ thống đang bận");
        assertThat(rule("""
                xpath: "//*[local-name()='MaLoi']"
                notIn: ["0", "9"]
                code: NATIONAL_SYSTEM_ERROR
                """).match(document)).isEmpty();
        assertThat(rule("""
                xpath: "//*[local-name()='NoSuchCode']"
                notIn: ["0"]
                code: NATIONAL_SYSTEM_ERROR
                """).match(document)).as("an absent code matches no rule").isEmpty();
    }

    @Test
    void documentWithDoctype_isNotRead() {
        String withDoctype = "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>";
        assertThat(XmlAnswers.parse(withDoctype.getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(XmlAnswers.looksLikeXml("  \n<x/>".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(XmlAnswers.looksLikeXml("{\"MaLoi\":\"0\"}".getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @Test
    void pointerAndXpathTogether_orABrokenXpath_areRefused() {
        assertThatThrownBy(() -> rule("""
                pointer: /MaLoi
                xpath: "//MaLoi"
                equals: ["2"]
                code: NOT_FOUND
                """)).hasMessage("connector.yaml: an errors rule has either 'pointer' (JSON) or 'xpath' (XML), not both");
        assertThatThrownBy(() -> rule("""
                xpath: "//*[local-name()='MaLoi'"
                equals: ["2"]
                code: NOT_FOUND
                """)).hasMessage("connector.yaml: errors rule XPath '//*[local-name()='MaLoi'' does not compile");
    }

    @Test
    void jsonRulesStayAsTheyWere() throws Exception {
        NationalError json = rule("""
                pointer: /error_code
                equals: ["99"]
                code: NATIONAL_UNAVAILABLE
                message: /message
                """);
        JsonNode answer = new ObjectMapper().readTree("{\"error_code\":99,\"message\":\"busy\"}");
        assertThat(json.xml()).isFalse();
        assertThat(json.where()).isEqualTo("error_code");
        assertThat(json.match(answer)).contains("99");
    }
}
