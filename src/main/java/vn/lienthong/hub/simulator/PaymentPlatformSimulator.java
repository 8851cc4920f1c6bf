package vn.lienthong.hub.simulator;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import vn.lienthong.hub.payment.PaymentSignatures;

/**
 * The national payment platform of the public service portal as the hub sees it (its protocol is not public: this
 * simulator defines a realistic one, described in {@code connectors/national-payment/simulator/README.md}). A partner
 * creates a payment order signed with the shared key; the platform answers a payment link and VietQR data; when the
 * payer completes the payment (opening the link), the platform posts the signed result to the partner's notification
 * URL and keeps what it sent and what the partner answered. Outcomes by amount and payer: see the README.
 *
 * <p>Registered on the national-payment WireMock server; its mappings route every request here (transformer
 * {@value #NAME}).
 */
public class PaymentPlatformSimulator implements ResponseDefinitionTransformerV2, ConnectorSimulatorExtension {

    public static final String NAME = "national-payment";
    /** Amount (VND) whose order is answered 10 s late. */
    public static final long SLOW_AMOUNT = 504_000;
    /** Amount (VND), or payer id {@value #DECLINED_PAYER}, whose payment the bank declines. */
    public static final long DECLINED_AMOUNT = 402_000;
    public static final String DECLINED_PAYER = "001090000402";
    /** Amount (VND) whose payer never completes: the platform reports the payment timed out. */
    public static final long EXPIRED_AMOUNT = 408_000;
    /** Payer id whose order the platform answers with HTTP 500. */
    public static final String FAILING_PAYER = "001090000500";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final String partnerCode;
    private final PaymentSignatures signatures;
    private final String hubApiKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, ObjectNode> orders = new LinkedHashMap<>();
    private final Map<String, String> byOrderId = new LinkedHashMap<>();
    private final List<ObjectNode> callbacks = new ArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger();

    /**
     * @param partnerCode the partner code (MaDoiTac) of the hub
     * @param secretKey   the key shared with the hub, signing orders and results (HMAC-SHA256)
     * @param hubApiKey   the API key the platform presents to the hub when it posts a result
     */
    public PaymentPlatformSimulator(String partnerCode, String secretKey, String hubApiKey) {
        this.partnerCode = partnerCode;
        this.signatures = new PaymentSignatures(secretKey);
        this.hubApiKey = hubApiKey;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String connector() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        String url = serveEvent.getRequest().getUrl();
        String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        String base = serveEvent.getRequest().getAbsoluteUrl();
        base = base.substring(0, base.indexOf('/', "http://".length()));
        try {
            if (path.equals("/__paygov/callbacks")) {
                return json(200, sent());
            }
            if (path.equals("/__paygov/reset")) {
                reset();
                return json(200, JSON.createObjectNode().put("reset", true));
            }
            if (path.startsWith("/__paygov/callbacks/") && path.endsWith("/resend")) {
                return json(200, resend(path.substring("/__paygov/callbacks/".length(), path.length() - "/resend".length())));
            }
            if (path.startsWith("/paygov/thanhtoan/")) {
                return json(200, pay(path.substring("/paygov/thanhtoan/".length())));
            }
            JsonNode body = JSON.readTree(serveEvent.getRequest().getBodyAsString());
            if (body == null || !body.isObject()) {
                return json(400, answer("96", "Dữ liệu không đúng định dạng"));
            }
            if (path.equals("/paygov/api/v1/thanhtoan/khoitao")) {
                return create(body, base);
            }
            if (path.equals("/paygov/api/v1/thanhtoan/tracuu")) {
                return json(200, lookup(body));
            }
            return json(404, answer("96", "Không có dịch vụ " + path));
        } catch (IOException e) {
            return json(400, answer("96", "Dữ liệu không đúng định dạng JSON"));
        }
    }

    /** An order: checked like the platform would (partner, signature, amounts, duplicate order id), then answered. */
    private synchronized ResponseDefinition create(JsonNode order, String base) {
        for (String field : List.of("MaDoiTac", "MaDonHang", "MaHoSo", "SoTien", "ThoiGianTao", "UrlThongBao", "ChuKy")) {
            if (!order.hasNonNull(field) || order.get(field).asText().isBlank()) {
                return json(200, answer("96", "Thiếu trường " + field));
            }
        }
        if (!partnerCode.equals(order.path("MaDoiTac").asText())) {
            return json(200, answer("01", "Đối tác không hợp lệ"));
        }
        if (!signatures.matches(order.path("ChuKy").asText(), PaymentSignatures.orderFields(order))) {
            return json(200, answer("02", "Chữ ký không hợp lệ"));
        }
        BigDecimal amount = new BigDecimal(order.path("SoTien").asText());
        BigDecimal lines = BigDecimal.ZERO;
        for (JsonNode fee : order.path("DanhSachLePhi")) {
            lines = lines.add(new BigDecimal(fee.path("SoTien").asText("0")));
        }
        if (amount.signum() <= 0 || lines.compareTo(amount) != 0) {
            return json(200, answer("03", "Số tiền không khớp với danh sách phí, lệ phí"));
        }
        if (FAILING_PAYER.equals(order.path("NguoiNop").path("SoDinhDanh").asText())) {
            return ResponseDefinitionBuilder.responseDefinition().withStatus(500).withBody("Internal Server Error").build();
        }
        String orderId = order.path("MaDonHang").asText();
        ObjectNode known = byOrderId.containsKey(orderId) ? orders.get(byOrderId.get(orderId)) : null;
        if (known != null && !known.path("order").equals(order)) {
            return json(200, answer("04", "Mã đơn hàng " + orderId + " đã tồn tại với nội dung khác"));
        }
        ObjectNode answer;
        if (known != null) {
            answer = (ObjectNode) known.path("answer");
        } else {
            String transaction = "PG" + ZonedDateTime.now(VIETNAM).format(DateTimeFormatter.ofPattern("yyMMdd"))
                    + String.format("%06d", sequence.incrementAndGet());
            answer = answer("00", "Khởi tạo giao dịch thành công");
            answer.put("MaGiaoDich", transaction);
            answer.put("MaDonHang", orderId);
            answer.put("UrlThanhToan", base + "/paygov/thanhtoan/" + transaction);
            answer.put("DuLieuQR", VietQr.payload("970436", "0011001234567", amount.longValueExact(), order.path("MaHoSo").asText()));
            answer.put("HetHanLuc", ZonedDateTime.now(VIETNAM).plusMinutes(15).format(STAMP));
            ObjectNode entry = JSON.createObjectNode();
            entry.set("order", order);
            entry.set("answer", answer);
            entry.put("state", "CHO_THANH_TOAN");
            orders.put(transaction, entry);
            byOrderId.put(orderId, transaction);
        }
        return amount.longValueExact() == SLOW_AMOUNT ? json(200, answer, 10_000) : json(200, answer);
    }

    /** The payer completes (or fails) the payment at the bank; the platform posts the signed result to the partner. */
    private ObjectNode pay(String transaction) {
        ObjectNode entry;
        synchronized (this) {
            entry = orders.get(transaction);
        }
        if (entry == null) {
            return answer("05", "Không có giao dịch " + transaction);
        }
        JsonNode order = entry.path("order");
        long amount = order.path("SoTien").asLong();
        String code;
        String text;
        boolean late = ZonedDateTime.now(VIETNAM).format(STAMP).compareTo(order.path("HetHanLuc").asText("99999999999999")) > 0;
        if (late || amount == EXPIRED_AMOUNT) {
            code = "09";
            text = "Giao dịch hết hạn: người nộp không hoàn tất thanh toán";
        } else if (amount == DECLINED_AMOUNT || DECLINED_PAYER.equals(order.path("NguoiNop").path("SoDinhDanh").asText())) {
            code = "02";
            text = "Giao dịch không thành công: tài khoản không đủ số dư";
        } else {
            code = "00";
            text = "Giao dịch thành công";
        }
        ObjectNode result = JSON.createObjectNode();
        result.put("MaDoiTac", partnerCode);
        result.put("MaDonHang", order.path("MaDonHang").asText());
        result.put("MaGiaoDich", transaction);
        result.put("MaHoSo", order.path("MaHoSo").asText());
        result.put("SoTien", order.path("SoTien").asText());
        result.put("MaKetQua", code);
        result.put("MoTaKetQua", text);
        result.put("MaGiaoDichNganHang", "00".equals(code) ? "FT" + transaction.substring(2) : "");
        result.put("ThoiGianThanhToan", ZonedDateTime.now(VIETNAM).format(STAMP));
        result.put("ThoiGianGui", ZonedDateTime.now(VIETNAM).format(STAMP));
        result.put("ChuKy", signatures.sign(PaymentSignatures.resultFields(result)));
        synchronized (this) {
            entry.put("state", "00".equals(code) ? "DA_THANH_TOAN" : "KHONG_THANH_CONG");
            entry.set("result", result);
        }
        ObjectNode page = answer(code, text);
        page.put("MaGiaoDich", transaction);
        page.set("ThongBao", notify(order.path("UrlThongBao").asText(), result));
        return page;
    }

    /** The same result posted again, byte for byte (the platform repeats a notification it holds unconfirmed). */
    private ObjectNode resend(String transaction) {
        ObjectNode entry;
        synchronized (this) {
            entry = orders.get(transaction);
        }
        if (entry == null || !entry.has("result")) {
            return answer("05", "Không có kết quả giao dịch " + transaction);
        }
        ObjectNode page = answer("00", "Đã gửi lại thông báo");
        page.set("ThongBao", notify(entry.path("order").path("UrlThongBao").asText(), (ObjectNode) entry.get("result")));
        return page;
    }

    private ObjectNode notify(String url, ObjectNode result) {
        ObjectNode sent = JSON.createObjectNode();
        sent.put("seq", callbacks.size() + 1);
        sent.put("url", url);
        sent.set("body", result);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json; charset=utf-8").header("X-API-Key", hubApiKey)
                    .POST(HttpRequest.BodyPublishers.ofString(result.toString(), StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            sent.put("status", response.statusCode());
            sent.put("answer", response.body());
        } catch (IOException | IllegalArgumentException e) {
            sent.put("status", -1);
            sent.put("answer", String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sent.put("status", -1);
        }
        synchronized (this) {
            callbacks.add(sent);
        }
        return sent;
    }

    private synchronized ObjectNode lookup(JsonNode body) {
        String transaction = byOrderId.get(body.path("MaDonHang").asText());
        if (transaction == null) {
            return answer("05", "Không có đơn hàng " + body.path("MaDonHang").asText());
        }
        ObjectNode entry = orders.get(transaction);
        ObjectNode answer = answer("00", "Thành công");
        answer.put("MaGiaoDich", transaction);
        answer.put("TrangThai", entry.path("state").asText());
        if (entry.has("result")) {
            answer.set("KetQua", entry.get("result"));
        }
        return answer;
    }

    /** What was posted to the partner, in order, with its answers (GET /__paygov/callbacks). */
    public synchronized ObjectNode sent() {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode list = out.putArray("callbacks");
        callbacks.forEach(list::add);
        out.put("orders", orders.size());
        return out;
    }

    public synchronized void reset() {
        orders.clear();
        byOrderId.clear();
        callbacks.clear();
    }

    private static ObjectNode answer(String code, String text) {
        ObjectNode node = JSON.createObjectNode();
        node.put("MaLoi", code);
        node.put("MoTa", text);
        return node;
    }

    private static ResponseDefinition json(int status, JsonNode body) {
        return json(status, body, 0);
    }

    private static ResponseDefinition json(int status, JsonNode body, int delayMillis) {
        ResponseDefinitionBuilder builder = ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", "application/json; charset=UTF-8").withBody(body.toString());
        if (delayMillis > 0) {
            builder.withFixedDelay(delayMillis);
        }
        return builder.build();
    }

    /** An EMVCo merchant-presented QR payload in the VietQR (NAPAS) layout, with its CRC. */
    static final class VietQr {

        private VietQr() {
        }

        static String payload(String bankBin, String account, long amount, String purpose) {
            String beneficiary = tlv("00", bankBin) + tlv("01", account);
            String merchant = tlv("00", "A000000727") + tlv("01", beneficiary) + tlv("02", "QRIBFTTA");
            String data = tlv("00", "01") + tlv("01", "12") + tlv("38", merchant) + tlv("53", "704")
                    + tlv("54", Long.toString(amount)) + tlv("58", "VN") + tlv("62", tlv("08", purpose)) + "6304";
            return data + String.format("%04X", crc16(data.getBytes(StandardCharsets.US_ASCII)));
        }

        private static String tlv(String id, String value) {
            return id + String.format("%02d", value.length()) + value;
        }

        /** CRC-16/CCITT-FALSE, as EMVCo requires. */
        static int crc16(byte[] bytes) {
            int crc = 0xFFFF;
            for (byte b : bytes) {
                crc ^= (b & 0xFF) << 8;
                for (int i = 0; i < 8; i++) {
                    crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
                }
            }
            return crc & 0xFFFF;
        }
    }

}
