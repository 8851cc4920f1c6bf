package vn.lienthong.hub.connector;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.HubException;
import vn.lienthong.hub.model.Enterprise;

/** Step of the enterprise flow: the business connector's canonical JSON as the typed {@link Enterprise}. */
@Component("enterpriseRecords")
public class EnterpriseRecords {

    private final ObjectMapper json;

    public EnterpriseRecords(ObjectMapper json) {
        this.json = json;
    }

    public Enterprise fromCanonical(JsonNode canonical) {
        try {
            return json.treeToValue(canonical, Enterprise.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new HubException(ErrorCode.NATIONAL_MALFORMED_ANSWER,
                    "the business registration answer does not fit the Enterprise record", e);
        }
    }
}
