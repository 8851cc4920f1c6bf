package vn.lienthong.hub.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.HubException;

/**
 * Decides whether a result posted by the payment platform is authentic and what it does, before anything changes:
 * the signature ({@code ChuKy}, {@link PaymentSignatures}) must match under the shared key; its send time
 * ({@code ThoiGianGui}, signed) must be within {@code hub.payment.callback-max-age} of now, so a captured result
 * replayed later is refused; it must settle an order of this hub with the same platform transaction, dossier and
 * amount. A result that repeats the one an order was settled with is a duplicate (acknowledged, nothing changes); a
 * different result for a settled order is refused. Every refusal is an error of the exchange, so the message log
 * records it with its code and reason.
 */
@Component("paymentCallbacks")
public class PaymentCallbacks {

    private static final Logger log = LoggerFactory.getLogger(PaymentCallbacks.class);
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final PaymentProperties properties;
    private final PaymentStore store;
    private final Clock clock;

    @Autowired
    public PaymentCallbacks(PaymentProperties properties, PaymentStore store) {
        this(properties, store, Clock.systemUTC());
    }

    PaymentCallbacks(PaymentProperties properties, PaymentStore store, Clock clock) {
        this.properties = properties;
        this.store = store;
        this.clock = clock;
    }

    /** First step of {@code direct:payment-callback}. */
    public CallbackResult verify(JsonNode result) {
        if (result == null || !result.isObject()) {
            throw new HubException(ErrorCode.MALFORMED_REQUEST, "a payment result is a JSON object");
        }
        for (String field : PaymentSignatures.RESULT_FIELDS) {
            if (!result.has(field) || !result.get(field).isTextual()) {
                throw new HubException(ErrorCode.INVALID_FIELD, "the payment result lacks " + field + " (text)");
            }
        }
        if (!properties.enabled()) {
            throw new HubException(ErrorCode.NATIONAL_UNAVAILABLE, "online payment is not configured on this hub");
        }
        PaymentSignatures signatures = new PaymentSignatures(properties.secretKey());
        if (!signatures.matches(result.path("ChuKy").asText(null), PaymentSignatures.resultFields(result))) {
            log.warn("Payment result for order '{}' refused: its signature does not match", result.path("MaDonHang").asText());
            throw new HubException(ErrorCode.INVALID_SIGNATURE, "ChuKy does not match the result under the platform's key");
        }
        Instant sent = stamp(result.path("ThoiGianGui").asText());
        Duration age = Duration.between(sent, clock.instant());
        if (age.compareTo(properties.callbackMaxAge()) > 0 || age.compareTo(Duration.ofMinutes(-2)) < 0) {
            log.warn("Payment result for order '{}' refused: sent at {}, outside {} of now", result.path("MaDonHang").asText(),
                    result.path("ThoiGianGui").asText(), properties.callbackMaxAge());
            throw new HubException(ErrorCode.CALLBACK_REJECTED, "the result was sent at " + result.path("ThoiGianGui").asText()
                    + " (Vietnam time), not within " + properties.callbackMaxAge().toMinutes() + " minutes of now: refused as a replay");
        }
        PaymentStore.Stored stored = store.find(result.path("MaDonHang").asText()).orElseThrow(() -> new HubException(
                ErrorCode.NOT_FOUND, "no payment order " + result.path("MaDonHang").asText() + " at this hub"));
        PaymentOrder order = stored.order();
        if (!order.partnerCode().equals(result.path("MaDoiTac").asText())
                || !order.dossierCode().equals(result.path("MaHoSo").asText())
                || !Long.toString(order.amount()).equals(result.path("SoTien").asText())
                || (stored.platformTx() != null && !stored.platformTx().equals(result.path("MaGiaoDich").asText()))) {
            throw new HubException(ErrorCode.CALLBACK_REJECTED, "the result does not match order " + order.orderId()
                    + " (partner, dossier, amount or platform transaction)");
        }
        String code = result.path("MaKetQua").asText();
        String status = switch (code) {
            case "00" -> "PAID";
            case "09" -> "EXPIRED";
            default -> "FAILED";
        };
        boolean settled = "PAID".equals(stored.status()) || "EXPIRED".equals(stored.status())
                || ("FAILED".equals(stored.status()) && stored.resultCode() != null && stored.resultCode().matches("\\d{2}"));
        boolean duplicate = false;
        if (settled) {
            if (stored.status().equals(status) && code.equals(stored.resultCode())
                    && result.path("MaGiaoDichNganHang").asText().equals(stored.bankTx() == null ? "" : stored.bankTx())) {
                duplicate = true;
            } else {
                throw new HubException(ErrorCode.CALLBACK_REJECTED, "order " + order.orderId() + " is already settled as "
                        + stored.status() + "; a different result (MaKetQua " + code + ") is refused");
            }
        }
        return new CallbackResult(order, status, code, result.path("MoTaKetQua").asText(), result.path("MaGiaoDich").asText(),
                result.path("MaGiaoDichNganHang").asText(), result.path("ThoiGianThanhToan").asText(), duplicate);
    }

    /** The answer the platform expects: it stops repeating the result once it has {@code MaLoi "00"}. */
    public Map<String, Object> acknowledge(CallbackResult result) {
        Map<String, Object> ack = new LinkedHashMap<>();
        ack.put("MaLoi", "00");
        ack.put("MoTa", result.duplicate() ? "Kết quả đã được ghi nhận trước đó" : "Đã ghi nhận kết quả thanh toán");
        ack.put("MaDonHang", result.order().orderId());
        ack.put("TrangThai", result.status());
        return ack;
    }

    private static Instant stamp(String text) {
        try {
            return LocalDateTime.parse(text, STAMP).atZone(VIETNAM).toInstant();
        } catch (DateTimeParseException e) {
            throw new HubException(ErrorCode.INVALID_FIELD, "ThoiGianGui must be yyyyMMddHHmmss (Vietnam time)");
        }
    }
}
