package vn.lienthong.hub.payment;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.hub.dossier.DossierSnapshots;
import vn.lienthong.hub.dossier.DossierValidator;
import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.FailureTranslator;
import vn.lienthong.hub.exchange.HubException;
import vn.lienthong.hub.model.Names;
import vn.lienthong.hub.model.PersonalIds;

/**
 * The decisions of a payment request: what the one-stop system may ask (validated before the flow runs), which order
 * the flow sends (one open order per dossier: asked again for the same fees, the same order), and what a failed call
 * leaves behind (no answer: UNCERTAIN, sent again as it is next time; a refusal: FAILED).
 */
@Component("paymentRequests")
public class PaymentRequests {

    private static final Logger log = LoggerFactory.getLogger(PaymentRequests.class);
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final Set<String> FIELDS = Set.of("DanhSachLePhi", "NguoiNop");
    private static final Set<String> FEE_FIELDS = Set.of("MaPhiLePhi", "TenPhiLePhi", "Gia", "LoaiPhiLePhi");
    private static final Set<String> PAYER_FIELDS = Set.of("HoTen", "SoDinhDanh");
    /** The platform accepts up to 500 million VND in one order. */
    static final long MAX_AMOUNT = 500_000_000L;

    /** A validated request: the dossier and what to collect. */
    public record Submission(String dossierCode, List<PaymentOrder.Fee> fees, PaymentOrder.Payer payer) {
        long amount() {
            return fees.stream().mapToLong(PaymentOrder.Fee::amount).sum();
        }
    }

    private final PaymentProperties properties;
    private final PaymentStore store;
    private final DossierSnapshots snapshots;
    private final Environment environment;

    public PaymentRequests(PaymentProperties properties, PaymentStore store, DossierSnapshots snapshots, Environment environment) {
        this.properties = properties;
        this.store = store;
        this.snapshots = snapshots;
        this.environment = environment;
    }

    /** The request body {@code {DanhSachLePhi:[{MaPhiLePhi, TenPhiLePhi, Gia, LoaiPhiLePhi}], NguoiNop:{HoTen, SoDinhDanh}}}. */
    public Submission validate(String dossierCode, JsonNode body) {
        List<String> problems = new ArrayList<>();
        if (dossierCode == null || DossierValidator.agencyOf(dossierCode) == null) {
            problems.add("dossier code must be {agency id}-{yyMMdd}-{5 digits}");
        }
        if (body == null || !body.isObject()) {
            throw new HubException(ErrorCode.MALFORMED_REQUEST, "the body must be a JSON object {DanhSachLePhi, NguoiNop}");
        }
        body.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                throw new HubException(ErrorCode.UNKNOWN_FIELD, "unknown field '" + f + "'; expected " + FIELDS);
            }
        });
        List<PaymentOrder.Fee> fees = new ArrayList<>();
        JsonNode lines = body.path("DanhSachLePhi");
        if (!lines.isArray() || lines.isEmpty() || lines.size() > 20) {
            problems.add("DanhSachLePhi must list 1 to 20 fees");
        } else {
            for (int i = 0; i < lines.size(); i++) {
                JsonNode line = lines.get(i);
                String at = "DanhSachLePhi[" + i + "]";
                if (!line.isObject()) {
                    problems.add(at + " must be an object");
                    continue;
                }
                line.fieldNames().forEachRemaining(f -> {
                    if (!FEE_FIELDS.contains(f)) {
                        problems.add(at + ": unknown field '" + f + "'");
                    }
                });
                String code = text(line, "MaPhiLePhi");
                String name = text(line, "TenPhiLePhi");
                if (code == null || !code.matches("[A-Za-z0-9._-]{1,40}")) {
                    problems.add(at + ".MaPhiLePhi must be 1 to 40 letters, digits, '.', '_' or '-'");
                }
                if (name == null || name.isBlank() || name.length() > 300) {
                    problems.add(at + ".TenPhiLePhi is required (at most 300 characters)");
                }
                JsonNode price = line.path("Gia");
                if (!price.isIntegralNumber() || price.asLong() <= 0 || price.asLong() > MAX_AMOUNT) {
                    problems.add(at + ".Gia must be a whole number of VND above 0");
                }
                String kind = text(line, "LoaiPhiLePhi");
                if (kind != null && !kind.matches("[12]")) {
                    problems.add(at + ".LoaiPhiLePhi must be 1 (phí) or 2 (lệ phí)");
                }
                fees.add(new PaymentOrder.Fee(code, name == null ? null : Names.normalize(name), price.asLong(), kind));
            }
        }
        JsonNode payer = body.path("NguoiNop");
        String payerName = text(payer, "HoTen");
        String payerId = text(payer, "SoDinhDanh");
        if (!payer.isObject()) {
            problems.add("NguoiNop {HoTen, SoDinhDanh} is required");
        } else {
            payer.fieldNames().forEachRemaining(f -> {
                if (!PAYER_FIELDS.contains(f)) {
                    problems.add("NguoiNop: unknown field '" + f + "'");
                }
            });
            if (payerName == null || payerName.isBlank() || payerName.length() > 200) {
                problems.add("NguoiNop.HoTen is required (at most 200 characters)");
            }
            if (payerId != null && PersonalIds.violation(payerId, null).isPresent()) {
                throw new HubException(ErrorCode.INVALID_PERSONAL_ID, "NguoiNop.SoDinhDanh is not a personal identification number");
            }
        }
        long total = fees.stream().mapToLong(PaymentOrder.Fee::amount).sum();
        if (problems.isEmpty() && total > MAX_AMOUNT) {
            problems.add("the fees add up to " + total + " VND, more than one order may carry (" + MAX_AMOUNT + ")");
        }
        if (!problems.isEmpty()) {
            throw new HubException(ErrorCode.INVALID_FIELD, String.join("; ", problems));
        }
        return new Submission(dossierCode, List.copyOf(fees), new PaymentOrder.Payer(Names.normalize(payerName), payerId));
    }

    /**
     * First step of {@code direct:payment-request}: the order to send. The dossier must be known (its latest data is
     * what the paid update carries); a dossier already paid is refused; an open order for the same fees and payer is
     * the answer again (linked) or sent again as it is (uncertain); other fees replace an unpaid order with a new one.
     */
    public PaymentOrder order(Submission submission) {
        if (!properties.enabled()) {
            throw new HubException(ErrorCode.NATIONAL_UNAVAILABLE, "online payment is not configured on this hub");
        }
        if (snapshots.latest(submission.dossierCode()).isEmpty()) {
            throw new HubException(ErrorCode.NOT_FOUND, "dossier " + submission.dossierCode()
                    + " was never sent to this hub; submit it (POST /api/v1/dossiers) before collecting its fees");
        }
        var latest = store.latest(submission.dossierCode());
        if (latest.isPresent()) {
            PaymentStore.Stored stored = latest.get();
            if ("PAID".equals(stored.status())) {
                throw new HubException(ErrorCode.ALREADY_PAID, "the fees of dossier " + submission.dossierCode()
                        + " were paid online (order " + stored.order().orderId() + ")");
            }
            PaymentOrder previous = stored.order();
            boolean same = previous.fees().equals(submission.fees()) && Objects.equals(previous.payer(), submission.payer());
            boolean payable = previous.expiresStamp().compareTo(stamp(Instant.now())) > 0;
            if (same && payable && PaymentStore.PENDING.equals(stored.status())) {
                return withLinked(previous, true);
            }
            if (same && payable && (PaymentStore.UNCERTAIN.equals(stored.status()) || PaymentStore.CREATING.equals(stored.status()))) {
                log.info("Payment order {} of {} had no answer; sent again as it was", previous.orderId(), previous.dossierCode());
                return withLinked(previous, false);
            }
        }
        Instant now = Instant.now();
        String orderId = "LGSP" + stamp(now).substring(2, 8) + UUID.randomUUID().toString().replace("-", "")
                .substring(0, 12).toUpperCase(Locale.ROOT);
        return new PaymentOrder(orderId, submission.dossierCode(), submission.amount(), submission.fees(), submission.payer(),
                properties.partnerCode(), callbackUrl(), stamp(now), stamp(now.plus(properties.orderValidity())), false);
    }

    /** The doCatch of the flow: a call without answer leaves the order UNCERTAIN, a refusal FAILED; the caller gets the error. */
    public void notCreated(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        PaymentOrder order = exchange.getProperty("paymentOrder", PaymentOrder.class);
        HubException problem = FailureTranslator.translate(failure);
        if (order != null) {
            if (problem.code() == ErrorCode.NATIONAL_TIMEOUT || problem.code() == ErrorCode.NATIONAL_UNAVAILABLE
                    || problem.code() == ErrorCode.INTERNAL_ERROR) {
                store.uncertain(order.orderId());
            } else {
                store.refused(order.orderId(), problem.code().name(), problem.detail());
            }
            log.warn("Payment order {} of {} not created: {} {}", order.orderId(), order.dossierCode(), problem.code(),
                    problem.detail());
        }
        throw problem;
    }

    private static PaymentOrder withLinked(PaymentOrder o, boolean linked) {
        return new PaymentOrder(o.orderId(), o.dossierCode(), o.amount(), o.fees(), o.payer(), o.partnerCode(), o.callbackUrl(),
                o.createdStamp(), o.expiresStamp(), linked);
    }

    private String callbackUrl() {
        if (properties.callbackUrl() != null && !properties.callbackUrl().isBlank()) {
            return properties.callbackUrl();
        }
        return "http://127.0.0.1:" + environment.getProperty("local.server.port", "8080") + "/api/v1/payments/callback";
    }

    static String stamp(Instant instant) {
        return ZonedDateTime.ofInstant(instant, VIETNAM).format(STAMP);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : (value.isTextual() ? value.asText() : value.toString());
    }
}
