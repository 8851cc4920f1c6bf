package vn.lienthong.hub.enterprise;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.lienthong.hub.exchange.HubOperation;
import vn.lienthong.hub.exchange.ExchangeContext;
import vn.lienthong.hub.model.Enterprise;

/** REST surface of the enterprise lookup (contract: {@code /api/v1/openapi.yaml}). */
@RestController
@RequestMapping(path = "/api/v1/enterprises", produces = MediaType.APPLICATION_JSON_VALUE)
public class EnterpriseController {

    private final EnterpriseLookups lookups;

    public EnterpriseController(EnterpriseLookups lookups) {
        this.lookups = lookups;
    }

    @HubOperation(service = "enterprise-lookup", operation = "LookupEnterprise")
    @GetMapping("/{enterpriseCode}")
    public Enterprise lookup(@PathVariable String enterpriseCode, HttpServletRequest request) {
        return lookups.lookup(ExchangeContext.of(request), enterpriseCode);
    }
}
