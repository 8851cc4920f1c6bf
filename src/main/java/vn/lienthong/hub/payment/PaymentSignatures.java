package vn.lienthong.hub.payment;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The signature (field {@code ChuKy}) of the national payment platform's messages, as its simulator defines it: the
 * lowercase hex HMAC-SHA256, under the key shared by the partner and the platform, of the message's fields joined by
 * {@code |} in a fixed order. An order signs {@link #ORDER_FIELDS}; a result signs {@link #RESULT_FIELDS} (its send time
 * included, so a result replayed later cannot be made fresh without the key).
 */
public final class PaymentSignatures {

    public static final List<String> ORDER_FIELDS = List.of("MaDoiTac", "MaDonHang", "MaHoSo", "SoTien", "ThoiGianTao");
    public static final List<String> RESULT_FIELDS = List.of("MaDoiTac", "MaDonHang", "MaGiaoDich", "MaHoSo", "SoTien",
            "MaKetQua", "MaGiaoDichNganHang", "ThoiGianThanhToan", "ThoiGianGui");

    private final byte[] key;

    public PaymentSignatures(String secretKey) {
        if (secretKey == null || secretKey.length() < 16) {
            throw new IllegalArgumentException("the payment platform key must have at least 16 characters");
        }
        this.key = secretKey.getBytes(StandardCharsets.UTF_8);
    }

    public static String orderFields(JsonNode order) {
        return join(order, ORDER_FIELDS);
    }

    public static String resultFields(JsonNode result) {
        return join(result, RESULT_FIELDS);
    }

    private static String join(JsonNode node, List<String> fields) {
        StringBuilder out = new StringBuilder();
        for (String field : fields) {
            if (!out.isEmpty()) {
                out.append('|');
            }
            out.append(node.path(field).asText(""));
        }
        return out.toString();
    }

    public String sign(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Constant-time comparison of a received signature with the expected one. */
    public boolean matches(String signature, String data) {
        if (signature == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(data).getBytes(StandardCharsets.US_ASCII),
                signature.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
