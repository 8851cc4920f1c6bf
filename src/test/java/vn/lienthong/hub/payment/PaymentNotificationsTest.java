package vn.lienthong.hub.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.lienthong.hub.exchange.CallContext;
import vn.lienthong.hub.security.AccessPolicy;
import vn.lienthong.hub.security.ApiClient;
import vn.lienthong.hub.security.ClientRegistry;

/** Who receives a payment result as a message: the subscribing client that requested the order, and nobody else. */
class PaymentNotificationsTest {

    private static final String MOTCUA = "000.00.00.H22:MOTCUA";
    private static final String OTHER = "000.00.00.H22:MOTCUA2";
    private static final CallContext CALLBACK = new CallContext("tx-callback-1", "000.00.00.G22:PAYGOV", null, null,
            "online-payment", "REST", null);

    private final PaymentStore store = mock(PaymentStore.class);
    private final ClientRegistry clients = mock(ClientRegistry.class);

    private PaymentNotifications notifications(String... subscribers) {
        return new PaymentNotifications(new PaymentProperties("H22-LGSP", "a-key-of-sixteen-chars", null,
                Duration.ofMinutes(10), Duration.ofMinutes(15), List.of(subscribers)), store, clients, new AccessPolicy(),
                new ObjectMapper());
    }

    @Test
    void theSubscribingRequesterOfASettledOrder_getsOneNoticeOnItsOwnQueue() {
        order("O1", MOTCUA, "PAID");
        client(MOTCUA, "payment:*");
        PaymentNotifications.Notice notice = notifications(MOTCUA).notice(result("O1"), CALLBACK);
        assertThat(notice.noticeId()).isEqualTo("payment-result-O1");
        assertThat(notice.clientId()).isEqualTo(MOTCUA);
        assertThat(notice.address()).isEqualTo("agency.000.00.00.H22:MOTCUA.payment-results");
        assertThat(notice.transactionId()).isEqualTo("tx-callback-1");
        assertThat(notifications(MOTCUA).message(notice)).contains("\"status\":\"PAID\"", "\"orderId\":\"O1\"");
    }

    @Test
    void aClientThatDoesNotSubscribe_getsNothing_norDoesASubscriberForAnotherClientsOrder() {
        order("O2", OTHER, "PAID");
        client(OTHER, "payment:*");
        client(MOTCUA, "payment:*");
        assertThat(notifications(MOTCUA).notice(result("O2"), CALLBACK)).isNull();
        assertThat(notifications().notice(result("O2"), CALLBACK)).isNull();
    }

    @Test
    void aSubscriberNoLongerRegisteredOrGranted_getsNothing() {
        order("O3", MOTCUA, "FAILED");
        when(clients.byId(MOTCUA)).thenReturn(Optional.empty());
        assertThat(notifications(MOTCUA).notice(result("O3"), CALLBACK)).isNull();
        client(MOTCUA, "data:*", "dossier:*");
        assertThat(notifications(MOTCUA).notice(result("O3"), CALLBACK)).isNull();
    }

    @Test
    void anOrderWithoutRecordedRequester_orNotSettled_getsNothing() {
        when(store.requester("O4")).thenReturn(Optional.empty());
        assertThat(notifications(MOTCUA).notice(result("O4"), CALLBACK)).isNull();
        order("O5", MOTCUA, "PENDING");
        client(MOTCUA, "payment:*");
        assertThat(notifications(MOTCUA).notice(result("O5"), CALLBACK)).isNull();
    }

    @Test
    void subscribersAreTrimmedAndDeduplicated() {
        PaymentProperties properties = new PaymentProperties("H22-LGSP", null, null, null, null,
                List.of(" " + MOTCUA, MOTCUA, ""));
        assertThat(properties.subscribers()).containsExactly(MOTCUA);
        assertThat(properties.subscribes(MOTCUA)).isTrue();
        assertThat(properties.subscribes(null)).isFalse();
    }

    private void order(String orderId, String requester, String status) {
        when(store.requester(orderId)).thenReturn(Optional.of(requester));
        when(store.state(orderId)).thenReturn(new PaymentState(orderId, "000.00.01.H22-250225-00001", 1000, "VND", List.of(),
                status, null, null, null, "PG1", "00", null, null, null, null));
    }

    private void client(String id, String... grants) {
        when(clients.byId(id)).thenReturn(Optional.of(new ApiClient(id, id, List.of(grants))));
    }

    private static CallbackResult result(String orderId) {
        PaymentOrder order = new PaymentOrder(orderId, "000.00.01.H22-250225-00001", 1000, List.of(), null, "H22-LGSP", null,
                "20260101000000", "20260101001500", false);
        return new CallbackResult(order, "PAID", "00", "ok", "PG1", "FT1", "20260101000100", false);
    }
}
