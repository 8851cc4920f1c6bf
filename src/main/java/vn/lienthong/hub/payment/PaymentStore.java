package vn.lienthong.hub.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.HubException;

/** The payment orders of dossiers and their states (table {@code payment_order}). */
@Component("paymentStore")
public class PaymentStore {

    static final String CREATING = "CREATING";
    static final String PENDING = "PENDING";
    static final String UNCERTAIN = "UNCERTAIN";
    static final String FAILED = "FAILED";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    /** An order as stored, with its state. */
    public record Stored(PaymentOrder order, String status, String platformTx, String resultCode, String bankTx) {
    }

    /** What the platform answered an order: its transaction, the link, the QR data and until when it can be paid. */
    public record PaymentLink(String platformTx, String paymentUrl, String qrData, String expiresStamp) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public PaymentStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The order is being sent: recorded first, so an answer lost on the way still leaves it known. */
    public void open(PaymentOrder order, @org.apache.camel.ExchangeProperty(vn.lienthong.hub.exchange.CallContext.PROPERTY)
            vn.lienthong.hub.exchange.CallContext call) {
        Timestamp now = Timestamp.from(Instant.now());
        String text = write(order);
        try {
            jdbc.update("INSERT INTO payment_order (order_id, dossier_code, amount, order_json, status, created_stamp, client_id,"
                            + " transaction_id, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                    order.orderId(), order.dossierCode(), order.amount(), text, CREATING, order.createdStamp(),
                    call == null ? null : call.clientId(), call == null ? null : call.transactionId(), now, now);
        } catch (DuplicateKeyException resent) {
            jdbc.update("UPDATE payment_order SET status = ?, updated_at = ? WHERE order_id = ?", CREATING, now, order.orderId());
        }
    }

    /** The platform's answer: the order waits for its payment. */
    public PaymentState linked(PaymentOrder order, PaymentLink link) {
        jdbc.update("UPDATE payment_order SET status = ?, platform_tx = ?, payment_url = ?, qr_data = ?, expires_at = ?,"
                        + " updated_at = ? WHERE order_id = ? AND status IN (?, ?)", PENDING, link.platformTx(),
                link.paymentUrl(), link.qrData(), link.expiresStamp(), Timestamp.from(Instant.now()), order.orderId(),
                CREATING, UNCERTAIN);
        return state(order.orderId());
    }

    void uncertain(String orderId) {
        jdbc.update("UPDATE payment_order SET status = ?, updated_at = ? WHERE order_id = ? AND status = ?", UNCERTAIN,
                Timestamp.from(Instant.now()), orderId, CREATING);
    }

    void refused(String orderId, String code, String text) {
        jdbc.update("UPDATE payment_order SET status = ?, result_code = ?, result_text = ?, updated_at = ? WHERE order_id = ?"
                + " AND status = ?", FAILED, code, text, Timestamp.from(Instant.now()), orderId, CREATING);
    }

    /**
     * The platform's result, once: an order still open becomes PAID, FAILED or EXPIRED. Settling twice (the same
     * result again, concurrently) changes nothing.
     */
    public void settle(CallbackResult result, String dossierEventId) {
        jdbc.update("UPDATE payment_order SET status = ?, result_code = ?, result_text = ?, bank_tx = ?, paid_stamp = ?,"
                        + " dossier_event_id = ?, updated_at = ? WHERE order_id = ? AND status IN (?, ?, ?)",
                result.status(), result.resultCode(), result.resultText(), result.bankTx(),
                result.paid() ? result.paidStamp() : null, dossierEventId, Timestamp.from(Instant.now()),
                result.order().orderId(), PENDING, UNCERTAIN, CREATING);
    }

    /** The client that requested the order (the one its result is addressed to), if it was recorded. */
    public Optional<String> requester(String orderId) {
        return jdbc.queryForList("SELECT client_id FROM payment_order WHERE order_id = ?", String.class, orderId).stream()
                .filter(java.util.Objects::nonNull).findFirst();
    }

    public Optional<Stored> find(String orderId) {
        return jdbc.query("SELECT * FROM payment_order WHERE order_id = ?", (rs, row) -> stored(rs), orderId).stream().findFirst();
    }

    /** The dossier's latest order. */
    public Optional<Stored> latest(String dossierCode) {
        List<Stored> all = jdbc.query("SELECT * FROM payment_order WHERE dossier_code = ? ORDER BY created_at DESC, order_id DESC",
                (rs, row) -> stored(rs), dossierCode);
        return all.stream().findFirst();
    }

    public PaymentState state(String orderId) {
        List<PaymentState> states = jdbc.query("SELECT * FROM payment_order WHERE order_id = ?", (rs, row) -> state(rs), orderId);
        if (states.isEmpty()) {
            throw new HubException(ErrorCode.NOT_FOUND, "no payment order " + orderId);
        }
        return states.get(0);
    }

    public Optional<PaymentState> latestState(String dossierCode) {
        return jdbc.query("SELECT * FROM payment_order WHERE dossier_code = ? ORDER BY created_at DESC, order_id DESC",
                (rs, row) -> state(rs), dossierCode).stream().findFirst();
    }

    private PaymentState state(ResultSet rs) throws SQLException {
        PaymentOrder order = read(rs.getString("order_json"));
        return new PaymentState(order.orderId(), order.dossierCode(), order.amount(), "VND", order.fees(),
                rs.getString("status").equals(CREATING) ? UNCERTAIN : rs.getString("status"), rs.getString("payment_url"),
                rs.getString("qr_data"), iso(rs.getString("expires_at")), rs.getString("platform_tx"),
                rs.getString("result_code"), rs.getString("result_text"), rs.getString("bank_tx"),
                iso(rs.getString("paid_stamp")), rs.getString("dossier_event_id"));
    }

    private Stored stored(ResultSet rs) throws SQLException {
        return new Stored(read(rs.getString("order_json")), rs.getString("status"), rs.getString("platform_tx"),
                rs.getString("result_code"), rs.getString("bank_tx"));
    }

    /** yyyyMMddHHmmss in Vietnam time as ISO-8601 with its offset; null stays null, an unreadable stamp as it is. */
    static String iso(String stamp) {
        if (stamp == null || stamp.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(stamp, STAMP).atZone(VIETNAM).toOffsetDateTime().toString();
        } catch (java.time.format.DateTimeParseException e) {
            return stamp;
        }
    }

    private String write(PaymentOrder order) {
        try {
            return json.writeValueAsString(order);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private PaymentOrder read(String text) {
        try {
            return json.readValue(text, PaymentOrder.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored payment order is not readable", e);
        }
    }
}
