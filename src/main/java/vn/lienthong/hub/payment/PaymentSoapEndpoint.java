package vn.lienthong.hub.payment;

import java.util.List;

import jakarta.annotation.Resource;
import jakarta.jws.WebService;
import jakarta.xml.ws.WebServiceContext;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.ExchangeContext;
import vn.lienthong.hub.exchange.HubException;
import vn.lienthong.hub.exchange.HubOperation;
import vn.lienthong.hub.exchange.HubServices;
import vn.lienthong.hub.exchange.ServiceGateway;
import vn.lienthong.hub.exchange.SoapContexts;
import vn.lienthong.hub.exchange.SoapFaults;
import vn.lienthong.hub.soap.payment.v1.Fee;
import vn.lienthong.hub.soap.payment.v1.HubFault;
import vn.lienthong.hub.soap.payment.v1.Payer;
import vn.lienthong.hub.soap.payment.v1.PaymentPortType;

/**
 * SOAP surface of online fee payment ({@code /soap/PaymentService}): the same operations, validation, flow and grant
 * ({@code payment:*}) as {@link PaymentController}; the request is read into the REST body's shape, so both are judged
 * by the same rules, and every error is a fault with the REST problem's code and transaction id.
 */
@Component
@WebService(serviceName = "PaymentService", portName = "PaymentPort",
        targetNamespace = "http://hub.lienthong.vn/soap/payment/v1",
        endpointInterface = "vn.lienthong.hub.soap.payment.v1.PaymentPortType",
        wsdlLocation = "classpath:api/wsdl/PaymentService.wsdl")
public class PaymentSoapEndpoint implements PaymentPortType {

    private final ServiceGateway gateway;
    private final PaymentRequests requests;
    private final PaymentStore store;
    private final ObjectMapper json;

    @Resource
    private WebServiceContext webServiceContext;

    public PaymentSoapEndpoint(ServiceGateway gateway, PaymentRequests requests, PaymentStore store, ObjectMapper json) {
        this.gateway = gateway;
        this.requests = requests;
        this.store = store;
        this.json = json;
    }

    @Override
    @HubOperation(service = "online-payment", operation = "TaoYeuCauThanhToan")
    public vn.lienthong.hub.soap.payment.v1.PaymentState requestPayment(String dossierCode, List<Fee> fees, Payer payer)
            throws HubFault {
        ExchangeContext context = SoapContexts.current(webServiceContext);
        try {
            return toSoap(gateway.call(context, HubServices.PAYMENT_REQUEST,
                    () -> requests.validate(dossierCode, body(fees, payer)), PaymentState.class));
        } catch (HubException e) {
            throw new HubFault(SoapFaults.message(e), SoapFaults.detail(e, context));
        }
    }

    @Override
    @HubOperation(service = "online-payment", operation = "TraCuuThanhToan")
    public vn.lienthong.hub.soap.payment.v1.PaymentState getPaymentState(String dossierCode) throws HubFault {
        ExchangeContext context = SoapContexts.current(webServiceContext);
        try {
            return toSoap(store.latestState(dossierCode == null ? "" : dossierCode.strip()).orElseThrow(() -> new HubException(
                    ErrorCode.NOT_FOUND, "no payment of dossier " + dossierCode + " was requested through this hub")));
        } catch (HubException e) {
            throw new HubFault(SoapFaults.message(e), SoapFaults.detail(e, context));
        }
    }

    /** The REST body {@code {DanhSachLePhi:[…], NguoiNop:{…}}} of the SOAP request. */
    private ObjectNode body(List<Fee> fees, Payer payer) {
        ObjectNode body = json.createObjectNode();
        ArrayNode lines = body.putArray("DanhSachLePhi");
        for (Fee fee : fees == null ? List.<Fee>of() : fees) {
            ObjectNode line = lines.addObject();
            putText(line, "MaPhiLePhi", fee.getMaPhiLePhi());
            putText(line, "TenPhiLePhi", fee.getTenPhiLePhi());
            line.put("Gia", fee.getGia());
            putText(line, "LoaiPhiLePhi", fee.getLoaiPhiLePhi());
        }
        if (payer != null) {
            ObjectNode who = body.putObject("NguoiNop");
            putText(who, "HoTen", payer.getHoTen());
            putText(who, "SoDinhDanh", payer.getSoDinhDanh());
        }
        return body;
    }

    private static void putText(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static vn.lienthong.hub.soap.payment.v1.PaymentState toSoap(PaymentState state) {
        var soap = new vn.lienthong.hub.soap.payment.v1.PaymentState();
        soap.setOrderId(state.orderId());
        soap.setDossierCode(state.dossierCode());
        soap.setAmount(state.amount());
        soap.setCurrency(state.currency());
        for (PaymentOrder.Fee fee : state.fees()) {
            Fee line = new Fee();
            line.setMaPhiLePhi(fee.code());
            line.setTenPhiLePhi(fee.name());
            line.setGia(fee.amount());
            line.setLoaiPhiLePhi(fee.kind());
            soap.getFee().add(line);
        }
        soap.setStatus(state.status());
        soap.setPaymentUrl(state.paymentUrl());
        soap.setQrData(state.qrData());
        soap.setExpiresAt(state.expiresAt());
        soap.setPlatformTransaction(state.platformTransaction());
        soap.setResultCode(state.resultCode());
        soap.setResultText(state.resultText());
        soap.setBankTransaction(state.bankTransaction());
        soap.setPaidAt(state.paidAt());
        soap.setDossierEventId(state.dossierEventId());
        return soap;
    }
}
