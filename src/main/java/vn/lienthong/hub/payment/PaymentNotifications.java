package vn.lienthong.hub.payment;

import java.util.Optional;
import java.util.Set;

import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.lienthong.hub.exchange.CallContext;
import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.HubException;
import vn.lienthong.hub.exchange.HubServices;
import vn.lienthong.hub.security.AccessPolicy;
import vn.lienthong.hub.security.ApiClient;
import vn.lienthong.hub.security.ClientRegistry;

/**
 * Decides which payment results are sent as messages, and to whom ({@code routes/payment/payment-notification.camel.yaml}
 * sends them). A settled order (PAID, FAILED, EXPIRED) is announced to the client that requested it, and only when
 * that client subscribes ({@code hub.payment.subscribers}), is still registered and still holds the grant of online
 * payment ({@code payment:*}). Its queue is {@code agency.<client id>.payment-results}, which only that client may
 * consume (payment/PaymentBrokerConfig). One notice per order, of id {@code payment-result-<order id>}.
 */
@Component("paymentNotifications")
public class PaymentNotifications {

    /** The operation of the notice's record in the message log. */
    public static final String OPERATION = "ThongBaoKetQuaThanhToan";
    /** The exchange property that holds the notice being sent. */
    public static final String PROPERTY = "paymentNotice";
    static final Set<String> SETTLED = Set.of("PAID", "FAILED", "EXPIRED");

    private static final Logger log = LoggerFactory.getLogger(PaymentNotifications.class);

    /**
     * A payment result addressed to one client.
     *
     * @param noticeId      {@code payment-result-<order id>}: the same for every repeat of the result
     * @param clientId      the client it is addressed to
     * @param address       its queue
     * @param state         the order's state, as {@code GET /api/v1/dossiers/{code}/payment} answers it
     * @param transactionId the transaction of the platform's result that settled or repeated it
     */
    public record Notice(String noticeId, String clientId, String address, PaymentState state, String transactionId) {
    }

    private final PaymentProperties properties;
    private final PaymentStore store;
    private final ClientRegistry clients;
    private final AccessPolicy access;
    private final ObjectMapper json;

    public PaymentNotifications(PaymentProperties properties, PaymentStore store, ClientRegistry clients,
            AccessPolicy access, ObjectMapper json) {
        this.properties = properties;
        this.store = store;
        this.clients = clients;
        this.access = access;
        this.json = json;
    }

    /** The queue of a client's payment results. */
    public static String address(String clientId) {
        return "agency." + clientId + ".payment-results";
    }

    /** First step of {@code direct:payment-notification}: the notice of the order the result settled, or null (none). */
    public Notice notice(CallbackResult result, @ExchangeProperty(CallContext.PROPERTY) CallContext call) {
        String orderId = result.order().orderId();
        Optional<String> requester = store.requester(orderId);
        if (requester.isEmpty() || !properties.subscribes(requester.get())) {
            return null;
        }
        String clientId = requester.get();
        if (!entitled(clientId)) {
            log.warn("Payment result of order {} not sent to {}: it is no longer a registered client granted payment:*",
                    orderId, clientId);
            return null;
        }
        PaymentState state = store.state(orderId);
        if (!SETTLED.contains(state.status())) {
            return null;
        }
        return new Notice("payment-result-" + orderId, clientId, address(clientId), state,
                call == null ? null : call.transactionId());
    }

    /** The message: the order's state as JSON, the same document as the REST answer. */
    public String message(Notice notice) {
        try {
            return json.writeValueAsString(notice.state());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The broker did not take the message: the platform is answered 503 and repeats the result, which sends it. */
    public void queueUnavailable() {
        throw new HubException(ErrorCode.QUEUE_UNAVAILABLE, "the payment result was not stored for its subscriber; send it again");
    }

    private boolean entitled(String clientId) {
        Optional<ApiClient> client = clients.byId(clientId);
        return client.isPresent() && access.allows(client.get(), HubServices.PAYMENT_STATE.category(),
                HubServices.PAYMENT_STATE.code());
    }

    /** A subscriber the hub does not know, or that may not use online payment, is named once at start. */
    @EventListener(ApplicationReadyEvent.class)
    public void checkSubscribers() {
        for (String subscriber : properties.subscribers()) {
            if (!entitled(subscriber)) {
                log.warn("hub.payment.subscribers names '{}', which is not a registered client granted payment:*; "
                        + "nothing will be sent to {}", subscriber, address(subscriber));
            }
        }
    }
}
