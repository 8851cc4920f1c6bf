package vn.lienthong.hub.citizen;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.lienthong.hub.exchange.HubOperation;
import vn.lienthong.hub.exchange.HubServices;
import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.ExchangeContext;
import vn.lienthong.hub.exchange.HubException;
import vn.lienthong.hub.exchange.ServiceGateway;
import vn.lienthong.hub.model.Citizen;

/** REST surface of the citizen lookup (contract: {@code /api/v1/openapi.yaml}). */
@RestController
@RequestMapping(path = "/api/v1/citizens", produces = MediaType.APPLICATION_JSON_VALUE)
public class CitizenController {

    private final ServiceGateway gateway;

    public CitizenController(ServiceGateway gateway) {
        this.gateway = gateway;
    }

    @HubOperation(service = "citizen-lookup", operation = "LookupCitizen")
    @PostMapping(path = "/lookup", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Citizen lookup(@RequestBody(required = false) CitizenLookupBody body, HttpServletRequest request) {
        return gateway.call(ExchangeContext.of(request), HubServices.CITIZEN_LOOKUP, () -> {
            if (body == null) {
                throw new HubException(ErrorCode.MALFORMED_REQUEST, "a JSON body {personalId, fullName, dateOfBirth} is required");
            }
            return CitizenLookupRequests.validate(body.personalId(), body.fullName(), body.dateOfBirth());
        }, Citizen.class);
    }
}
