package vn.lienthong.hub.enterprise;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.ExchangeContext;
import vn.lienthong.hub.exchange.HubException;
import vn.lienthong.hub.exchange.HubServices;
import vn.lienthong.hub.exchange.ServiceGateway;
import vn.lienthong.hub.model.Enterprise;
import vn.lienthong.hub.model.EnterpriseCodes;
import vn.lienthong.hub.model.ServiceRequest;

/** The typed enterprise lookup shared by REST and SOAP: checksum first, then the enterprise flow. */
@Component
public class EnterpriseLookups {

    private final ServiceGateway gateway;

    public EnterpriseLookups(ServiceGateway gateway) {
        this.gateway = gateway;
    }

    public Enterprise lookup(ExchangeContext context, String enterpriseCode) {
        return gateway.call(context, HubServices.ENTERPRISE_LOOKUP, () -> {
            String code = enterpriseCode == null ? null : enterpriseCode.strip();
            EnterpriseCodes.violation(code).ifPresent(reason -> {
                throw new HubException(ErrorCode.INVALID_ENTERPRISE_CODE, "enterprise code " + code + ": " + reason);
            });
            return new ServiceRequest(HubServices.ENTERPRISE_LOOKUP.code(),
                    JsonNodeFactory.instance.objectNode().put("enterpriseCode", code), code);
        }, Enterprise.class);
    }
}
