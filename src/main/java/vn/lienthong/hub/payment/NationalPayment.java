package vn.lienthong.hub.payment;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.hub.connector.MalformedAnswerException;
import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.HubException;

/**
 * The decisions of the payment connector ({@code national-payment-request-action}): the order's signature, and what
 * the platform's answer means. {@code MaLoi} "00" gives the payment link; "99" is busy (503); any other code is a
 * refusal of the order (502 with the platform's text): the hub checked the amounts and the payer before sending, so a
 * refusal means the platform and the hub disagree (key, partner code, a changed order under the same id).
 */
@Component("nationalPayment")
public class NationalPayment {

    private static final Logger log = LoggerFactory.getLogger(NationalPayment.class);

    private final PaymentProperties properties;
    private final ObjectMapper json;

    public NationalPayment(PaymentProperties properties, ObjectMapper json) {
        this.properties = properties;
        this.json = json;
    }

    /** Adds {@code ChuKy} to the order the transform wrote. */
    public void sign(Exchange exchange) throws java.io.IOException {
        ObjectNode order = (ObjectNode) json.readTree(exchange.getMessage().getBody(byte[].class));
        order.put("ChuKy", signatures().sign(PaymentSignatures.orderFields(order)));
        exchange.getMessage().setBody(json.writeValueAsBytes(order));
    }

    /** The platform's answer to an order: its payment link, or the catalogue error its code means. */
    public PaymentStore.PaymentLink answer(Exchange exchange) {
        JsonNode answer;
        try {
            answer = json.readTree(exchange.getMessage().getBody(byte[].class));
        } catch (java.io.IOException e) {
            throw new MalformedAnswerException("the payment platform answered something that is not JSON");
        }
        if (answer == null || !answer.isObject()) {
            throw new MalformedAnswerException("the payment platform answered something that is not a JSON object");
        }
        String code = answer.path("MaLoi").asText();
        String text = answer.path("MoTa").asText();
        if ("99".equals(code)) {
            throw new HubException(ErrorCode.NATIONAL_UNAVAILABLE, "the payment platform is busy: " + text);
        }
        if (!"00".equals(code)) {
            log.warn("The payment platform refused an order: MaLoi {} {}", code, text);
            throw new HubException(ErrorCode.NATIONAL_SYSTEM_ERROR, "the payment platform answered MaLoi " + code + ": " + text);
        }
        for (String field : new String[] {"MaGiaoDich", "UrlThanhToan", "DuLieuQR", "HetHanLuc"}) {
            if (answer.path(field).asText().isBlank()) {
                throw new MalformedAnswerException("the payment platform's answer has no " + field);
            }
        }
        return new PaymentStore.PaymentLink(answer.path("MaGiaoDich").asText(), answer.path("UrlThanhToan").asText(),
                answer.path("DuLieuQR").asText(), answer.path("HetHanLuc").asText());
    }

    PaymentSignatures signatures() {
        if (!properties.enabled()) {
            throw new HubException(ErrorCode.NATIONAL_UNAVAILABLE, "online payment is not configured on this hub");
        }
        return new PaymentSignatures(properties.secretKey());
    }
}
