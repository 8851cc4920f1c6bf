package vn.lienthong.hub.connector;

import java.util.Optional;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.NationalFailure;

/**
 * Applies the {@code errors:} rules of the connector's {@code connector.yaml} to the system's HTTP 200 answer, before
 * any transform: an answer carrying a declared error code becomes the declared catalogue error, with the system's own
 * message in the detail. A Kamelet calls it right after its HTTP call ({@code bean: {ref: nationalAnswers, method: check}}).
 * Answers that are not JSON, or match no rule, pass unchanged to the transform. A Kamelet that reads HTTP statuses
 * itself ({@code throwExceptionOnFailure: false}, as the population connector does, whose API never means "no record"
 * by a 404) gets any answer other than HTTP 200 as 502 NATIONAL_SYSTEM_ERROR here, before its transform.
 */
@Component("nationalAnswers")
public class NationalAnswers {

    private final ObjectMapper json;

    public NationalAnswers(ObjectMapper json) {
        this.json = json;
    }

    public void check(Exchange exchange) {
        CatalogueService service = exchange.getProperty(ConnectorRequests.SERVICE, CatalogueService.class);
        if (service == null) {
            return;
        }
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        if (status != null && status != 200) {
            // reached only by a Kamelet that reads statuses itself (throwExceptionOnFailure: false)
            throw new NationalFailure(ErrorCode.NATIONAL_SYSTEM_ERROR, service.system() + " answered HTTP " + status,
                    status >= 500);
        }
        if (service.errors().isEmpty()) {
            return;
        }
        byte[] bytes = exchange.getMessage().getBody(byte[].class);
        exchange.getMessage().setBody(bytes);
        if (bytes == null || bytes.length == 0) {
            return;
        }
        if (service.errors().stream().anyMatch(NationalError::xml) && XmlAnswers.looksLikeXml(bytes)) {
            checkXml(service, bytes);
            return;
        }
        JsonNode answer;
        try {
            answer = json.readTree(bytes);
        } catch (java.io.IOException e) {
            return; // not JSON: the transform decides whether it is malformed
        }
        if (answer == null) {
            return;
        }
        for (NationalError rule : service.errors()) {
            if (rule.xml()) {
                continue;
            }
            Optional<String> code = rule.match(answer);
            if (code.isPresent()) {
                String message = rule.messageOf(answer);
                throw new NationalFailure(rule.code(), service.system() + " answered " + rule.where()
                        + " " + code.get() + (message == null ? "" : ": " + message), rule.retryable());
            }
        }
    }

    /** The {@code xpath} rules on an XML or SOAP answer (a SOAP 200 carrying the system's own error code). */
    private static void checkXml(CatalogueService service, byte[] bytes) {
        org.w3c.dom.Document answer = XmlAnswers.parse(bytes);
        if (answer == null) {
            return; // not well-formed: the transform decides whether it is malformed
        }
        for (NationalError rule : service.errors()) {
            if (!rule.xml()) {
                continue;
            }
            Optional<String> code = rule.match(answer);
            if (code.isPresent()) {
                String message = rule.messageOf(answer);
                throw new NationalFailure(rule.code(), service.system() + " answered " + localName(rule.xpath()) + " "
                        + code.get() + (message == null ? "" : ": " + message), rule.retryable());
            }
        }
    }

    /** {@code MaLoi} for {@code //*[local-name()='MaLoi']}, else the expression itself. */
    private static String localName(String xpath) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("local-name\\(\\)\\s*=\\s*'([^']+)'\\]\\s*$").matcher(xpath);
        return m.find() ? m.group(1) : xpath;
    }
}
