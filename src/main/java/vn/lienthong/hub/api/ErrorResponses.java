package vn.lienthong.hub.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.lienthong.hub.exchange.ExchangeContext;
import vn.lienthong.hub.exchange.HubException;
import vn.lienthong.hub.exchange.RetryLater;

/**
 * Writes an error straight to the servlet response, for errors the edge finds before any controller or SOAP
 * endpoint runs (credentials, size, transaction id): problem+json on the REST surface, a SOAP 1.1 fault with the
 * same code and transaction id on the SOAP surface.
 */
@Component
public class ErrorResponses {

    public static final String PROBLEM_JSON = "application/problem+json";
    /** Namespace of the SOAP types every service shares ({@code common.xsd}), the {@code HubFault} among them. */
    public static final String COMMON_NS = "http://hub.lienthong.vn/soap/common/v1";

    private final ObjectMapper json;

    public ErrorResponses(ObjectMapper json) {
        this.json = json;
    }

    public void write(HttpServletResponse response, ExchangeContext context, HubException error) throws IOException {
        context.failed(error);
        response.resetBuffer();
        if (error instanceof RetryLater later) {
            response.setHeader("Retry-After", Long.toString(later.retryAfterSeconds()));
        }
        if ("SOAP".equals(context.channel())) {
            // SOAP 1.1 sends every fault with HTTP 500 (SOAP 1.1 §6.2); the status the REST surface would use is in the detail.
            response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            response.setContentType("text/xml;charset=UTF-8");
            response.getOutputStream().write(soapFault(error, context.transactionId()).getBytes(StandardCharsets.UTF_8));
        } else {
            response.setStatus(error.code().status());
            response.setContentType(PROBLEM_JSON);
            response.setCharacterEncoding("UTF-8");
            response.getOutputStream().write(json.writeValueAsBytes(Problem.of(error, context.transactionId())));
        }
    }

    static String soapFault(HubException error, String transactionId) {
        String faultCode = error.code().status() < 500 ? "soap:Client" : "soap:Server";
        return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><soap:Fault>"
                + "<faultcode>" + faultCode + "</faultcode>"
                + "<faultstring>" + escape(error.code().title() + ": " + error.detail()) + "</faultstring>"
                + "<detail><c:HubFault xmlns:c=\"" + COMMON_NS + "\">"
                + "<c:code>" + error.code().name() + "</c:code>"
                + "<c:status>" + error.code().status() + "</c:status>"
                + "<c:title>" + escape(error.code().title()) + "</c:title>"
                + "<c:detail>" + escape(error.detail()) + "</c:detail>"
                + "<c:transactionId>" + escape(transactionId) + "</c:transactionId>"
                + "</c:HubFault></detail></soap:Fault></soap:Body></soap:Envelope>";
    }

    private static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
