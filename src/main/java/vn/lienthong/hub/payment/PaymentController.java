package vn.lienthong.hub.payment;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.ExchangeContext;
import vn.lienthong.hub.exchange.HubException;
import vn.lienthong.hub.exchange.HubOperation;
import vn.lienthong.hub.exchange.HubServices;
import vn.lienthong.hub.exchange.ServiceGateway;

/**
 * REST surface of online fee payment: the one-stop system asks for a payment link of a dossier's fees and reads its
 * state (grant {@code payment:*}); the national payment platform posts signed results (grant {@code payment-callback:*}).
 */
@RestController
public class PaymentController {

    private final ServiceGateway gateway;
    private final PaymentRequests requests;
    private final PaymentStore store;

    public PaymentController(ServiceGateway gateway, PaymentRequests requests, PaymentStore store) {
        this.gateway = gateway;
        this.requests = requests;
        this.store = store;
    }

    @HubOperation(service = "online-payment", operation = "TaoYeuCauThanhToan")
    @PostMapping(path = "/api/v1/dossiers/{dossierCode}/payments", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<PaymentState> request(@PathVariable String dossierCode, @RequestBody(required = false) JsonNode body,
            HttpServletRequest request) {
        PaymentState state = gateway.call(ExchangeContext.of(request), HubServices.PAYMENT_REQUEST,
                () -> requests.validate(dossierCode, body), PaymentState.class);
        return ResponseEntity.status(HttpStatus.CREATED).body(state);
    }

    @HubOperation(service = "online-payment", operation = "TraCuuThanhToan")
    @GetMapping(path = "/api/v1/dossiers/{dossierCode}/payment", produces = MediaType.APPLICATION_JSON_VALUE)
    public PaymentState state(@PathVariable String dossierCode) {
        return store.latestState(dossierCode).orElseThrow(() -> new HubException(ErrorCode.NOT_FOUND,
                "no payment of dossier " + dossierCode + " was requested through this hub"));
    }

    @HubOperation(service = "online-payment", operation = "KetQuaThanhToan")
    @PostMapping(path = "/api/v1/payments/callback", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @SuppressWarnings("unchecked")
    public Map<String, Object> callback(@RequestBody(required = false) JsonNode body, HttpServletRequest request) {
        return gateway.call(ExchangeContext.of(request), HubServices.PAYMENT_CALLBACK, () -> {
            if (body == null) {
                throw new HubException(ErrorCode.MALFORMED_REQUEST, "a payment result is a JSON object");
            }
            return body;
        }, Map.class);
    }
}
