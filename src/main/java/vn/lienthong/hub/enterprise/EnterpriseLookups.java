package vn.lienthong.hub.enterprise;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.ExchangeContext;
import vn.lienthong.hub.exchange.HubException;
import vn.lienthong.hub.exchange.HubServices;
import vn.lienthong.hub.exchange.ServiceGateway;
import vn.lienthong.hub.model.Enterprise;
import vn.lienthong.hub.model.EnterpriseCodes;
import vn.lienthong.hub.model.ServiceRequest;

/** The typed enterprise lookup shared by REST and SOAP: checksum first, then the business registration connector. */
@Component
public class EnterpriseLookups {

    private final ServiceGateway gateway;
    private final ObjectMapper json;

    public EnterpriseLookups(ServiceGateway gateway, ObjectMapper json) {
        this.gateway = gateway;
        this.json = json;
    }

    public Enterprise lookup(ExchangeContext context, String enterpriseCode) {
        JsonNode answer = gateway.call(context, HubServices.ENTERPRISE_LOOKUP, () -> {
            String code = enterpriseCode == null ? null : enterpriseCode.strip();
            EnterpriseCodes.violation(code).ifPresent(reason -> {
                throw new HubException(ErrorCode.INVALID_ENTERPRISE_CODE, "enterprise code " + code + ": " + reason);
            });
            return new ServiceRequest(HubServices.ENTERPRISE_LOOKUP.code(),
                    JsonNodeFactory.instance.objectNode().put("enterpriseCode", code), code);
        }, JsonNode.class);
        try {
            return json.treeToValue(answer, Enterprise.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new HubException(ErrorCode.NATIONAL_MALFORMED_ANSWER,
                    "the business registration answer does not fit the Enterprise record", e);
        }
    }
}
