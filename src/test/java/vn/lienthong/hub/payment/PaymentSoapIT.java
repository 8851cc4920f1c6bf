package vn.lienthong.hub.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.hub.audit.MessageLogRecord;
import vn.lienthong.hub.audit.log.MessageLog;
import vn.lienthong.hub.dossier.DossierSyncIntegrationTest;
import vn.lienthong.hub.simulator.PaymentPlatformSimulator;
import vn.lienthong.hub.soap.payment.v1.Fee;
import vn.lienthong.hub.soap.payment.v1.HubFault;
import vn.lienthong.hub.soap.payment.v1.Payer;
import vn.lienthong.hub.soap.payment.v1.PaymentPortType;
import vn.lienthong.hub.soap.payment.v1.PaymentService;
import vn.lienthong.hub.soap.payment.v1.PaymentState;

/**
 * Online fee payment over SOAP, through a client generated from the WSDL the hub serves: the same orders, rules and
 * grant as REST, and faults with the REST problem's code and transaction id.
 */
class PaymentSoapIT extends DossierSyncIntegrationTest {

    @Autowired
    PaymentPlatformSimulator platform;

    @Autowired
    MessageLog messageLog;

    @Test
    void servesTheWsdl() {
        HttpResponse<String> wsdl = get("/soap/PaymentService?wsdl", Map.of());
        assertThat(wsdl.statusCode()).isEqualTo(200);
        assertThat(wsdl.body()).contains("RequestPayment", "GetPaymentState", "HubFault");
    }

    @Test
    void aLinkIsRequestedAndTheStateReadOverSoap_theSameOrderAsOverRest() throws Exception {
        String code = submittedDossier(521);
        PaymentState created = client(apiKeyAndTransaction(MOTCUA_KEY, "it-soap-pay-521"))
                .requestPayment(code, List.of(fee("LP-LLTP", "Lệ phí cấp Phiếu lý lịch tư pháp", 200_000)), payer("001090012345"));
        assertThat(created.getStatus()).isEqualTo("PENDING");
        assertThat(created.getAmount()).isEqualTo(200_000);
        assertThat(created.getQrData()).contains(code);
        assertThat(created.getFee()).singleElement().satisfies(f -> assertThat(f.getMaPhiLePhi()).isEqualTo("LP-LLTP"));

        JsonNode rest = body(get("/api/v1/dossiers/" + code + "/payment", motcua()));
        assertThat(rest.path("orderId").asText()).isEqualTo(created.getOrderId());
        // the same fees asked again: the same order, the platform not asked twice
        int orders = platform.sent().path("orders").asInt();
        PaymentState again = client(apiKeyAndTransaction(MOTCUA_KEY, null)).requestPayment(code,
                List.of(fee("LP-LLTP", "Lệ phí cấp Phiếu lý lịch tư pháp", 200_000)), payer("001090012345"));
        assertThat(again.getOrderId()).isEqualTo(created.getOrderId());
        assertThat(platform.sent().path("orders").asInt()).isEqualTo(orders);

        assertThat(client(apiKeyAndTransaction(MOTCUA_KEY, "it-soap-state-521")).getPaymentState(code).getPaymentUrl())
                .isEqualTo(created.getPaymentUrl());
        assertThat(records("it-soap-pay-521")).anySatisfy(r -> {
            assertThat(r.recordType()).isEqualTo("EXCHANGE");
            assertThat(r.channel()).isEqualTo("SOAP");
            assertThat(r.operation()).isEqualTo("TaoYeuCauThanhToan");
            assertThat(r.httpStatus()).isEqualTo(200);
        });
        assertThat(records("it-soap-state-521")).anySatisfy(r -> assertThat(r.operation()).isEqualTo("TraCuuThanhToan"));
    }

    @Test
    void badRequestsAreFaultsWithCodeAndTransactionId_andLogged() {
        String code = submittedDossier(522);
        List<Fee> fees = List.of(fee("LP", "Lệ phí", 10_000));
        assertFault(() -> client(apiKeyAndTransaction(MOTCUA_KEY, "it-soap-pay-404")).requestPayment("000.00.01.H22-250225-99996", fees,
                payer("001090012345")), "NOT_FOUND", 404, "it-soap-pay-404");
        assertFault(() -> client(apiKeyAndTransaction(MOTCUA_KEY, null)).requestPayment(code, List.of(fee("LP", "Lệ phí", -5)),
                payer("001090012345")), "INVALID_FIELD", 400, null);
        assertFault(() -> client(apiKeyAndTransaction(MOTCUA_KEY, null)).requestPayment(code, List.of(), payer("001090012345")),
                "INVALID_FIELD", 400, null);
        assertFault(() -> client(apiKeyAndTransaction(MOTCUA_KEY, null)).requestPayment(code, fees, null), "INVALID_FIELD", 400, null);
        assertFault(() -> client(apiKeyAndTransaction(MOTCUA_KEY, null)).requestPayment(code, fees, payer("12345")),
                "INVALID_PERSONAL_ID", 400, null);
        assertFault(() -> client(apiKeyAndTransaction(MOTCUA_KEY, null)).requestPayment("not-a-dossier-code", fees, payer("001090012345")),
                "INVALID_FIELD", 400, null);
        assertFault(() -> client(apiKeyAndTransaction(PORTAL_KEY, "it-soap-pay-403")).requestPayment(code, fees, payer("001090012345")),
                "ACCESS_DENIED", 403, "it-soap-pay-403");
        assertFault(() -> client(apiKeyAndTransaction(PORTAL_KEY, null)).getPaymentState(code), "ACCESS_DENIED", 403, null);
        assertFault(() -> client(apiKeyAndTransaction("wrong-key", null)).getPaymentState(code), "UNAUTHENTICATED", 401, null);
        assertFault(() -> client(apiKeyAndTransaction(MOTCUA_KEY, "it-soap-state-404")).getPaymentState(code), "NOT_FOUND", 404,
                "it-soap-state-404");
        assertFault(() -> client(apiKeyAndTransaction(MOTCUA_KEY, null)).requestPayment(code, fees,
                payer(PaymentPlatformSimulator.FAILING_PAYER)), "NATIONAL_SYSTEM_ERROR", 502, null);

        assertThat(records("it-soap-pay-404")).anySatisfy(r -> {
            assertThat(r.channel()).isEqualTo("SOAP");
            assertThat(r.errorCode()).isEqualTo("NOT_FOUND");
            assertThat(r.operation()).isEqualTo("TaoYeuCauThanhToan");
        });
        assertThat(records("it-soap-pay-403")).anySatisfy(r -> assertThat(r.errorCode()).isEqualTo("ACCESS_DENIED"));
        assertThat(records("it-soap-state-404")).anySatisfy(r -> assertThat(r.errorCode()).isEqualTo("NOT_FOUND"));
    }

    @Test
    void aPaidDossierIsAlreadyPaid_overSoapToo() throws Exception {
        String code = submittedDossier(523);
        PaymentState created = client(apiKeyAndTransaction(MOTCUA_KEY, null)).requestPayment(code, List.of(fee("LP", "Lệ phí", 30_000)),
                payer("001090012345"));
        HttpResponse<String> paid = send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(created.getPaymentUrl()))
                .GET().build());
        assertThat(paid.statusCode()).isEqualTo(200);
        PaymentState state = client(apiKeyAndTransaction(MOTCUA_KEY, null)).getPaymentState(code);
        assertThat(state.getStatus()).isEqualTo("PAID");
        assertThat(state.getDossierEventId()).isEqualTo("payment-" + created.getOrderId());
        assertFault(() -> client(apiKeyAndTransaction(MOTCUA_KEY, null)).requestPayment(code, List.of(fee("LP", "Lệ phí", 30_000)),
                payer("001090012345")), "ALREADY_PAID", 409, null);
    }

    private String submittedDossier(int n) {
        String code = code(n);
        HttpResponse<String> accepted = post("/api/v1/dossiers", dossierJson(code, "DA_TIEP_NHAN"), motcua());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        await().atMost(patience()).until(() -> arrivals(code).size() == 1);
        return code;
    }

    private List<MessageLogRecord> records(String transactionId) {
        await().atMost(patience()).until(() -> !messageLog.findByTransaction(transactionId).isEmpty());
        return messageLog.findByTransaction(transactionId);
    }

    private static Fee fee(String code, String name, long price) {
        Fee fee = new Fee();
        fee.setMaPhiLePhi(code);
        fee.setTenPhiLePhi(name);
        fee.setGia(price);
        fee.setLoaiPhiLePhi("2");
        return fee;
    }

    private static Payer payer(String personalId) {
        Payer payer = new Payer();
        payer.setHoTen("Nguyễn Văn An");
        payer.setSoDinhDanh(personalId);
        return payer;
    }

    private static void assertFault(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code, int status,
            String transactionId) {
        assertThatThrownBy(call).isInstanceOfSatisfying(HubFault.class, fault -> {
            assertThat(fault.getFaultInfo().getCode()).isEqualTo(code);
            assertThat(fault.getFaultInfo().getStatus()).isEqualTo(status);
            assertThat(fault.getFaultInfo().getTransactionId()).isNotBlank();
            assertThat(fault.getMessage()).doesNotContain("Exception");
            if (transactionId != null) {
                assertThat(fault.getFaultInfo().getTransactionId()).isEqualTo(transactionId);
            }
        });
    }

    private PaymentPortType client(Map<String, String> headers) {
        return soapPort(new PaymentService().getPaymentPort(), "/soap/PaymentService", headers);
    }
}
