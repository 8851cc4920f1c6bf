package vn.lienthong.hub.catalogue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.lienthong.hub.exchange.HubOperation;
import vn.lienthong.hub.connector.CatalogueService;
import vn.lienthong.hub.connector.ConnectorCatalogue;
import vn.lienthong.hub.connector.ServiceRequests;
import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.ExchangeContext;
import vn.lienthong.hub.exchange.HubException;
import vn.lienthong.hub.exchange.ServiceGateway;
import vn.lienthong.hub.security.AccessPolicy;

/**
 * One way in for every connector-declared service: the catalogue ({@code GET /api/v1/services}), what the caller may
 * call ({@code GET /api/v1/services/allowed}), and the call itself ({@code POST /api/v1/services/{serviceCode}}).
 */
@RestController
@RequestMapping(path = "/api/v1/services", produces = MediaType.APPLICATION_JSON_VALUE)
public class ServiceController {

    private final ConnectorCatalogue catalogue;
    private final ServiceGateway gateway;
    private final AccessPolicy accessPolicy;
    private final ServiceRequests requests;
    private final ObjectMapper json;

    public ServiceController(ConnectorCatalogue catalogue, ServiceGateway gateway, AccessPolicy accessPolicy,
                             ServiceRequests requests, ObjectMapper json) {
        this.catalogue = catalogue;
        this.gateway = gateway;
        this.accessPolicy = accessPolicy;
        this.requests = requests;
        this.json = json;
    }

    @HubOperation(service = "service-catalogue", operation = "ListServices")
    @GetMapping
    public Map<String, Object> all() {
        return Map.of("services", catalogue.all().stream().map(ServiceController::describe).toList());
    }

    @HubOperation(service = "service-catalogue", operation = "ListAllowedServices")
    @GetMapping("/allowed")
    public Map<String, Object> allowed(HttpServletRequest request) {
        ExchangeContext context = ExchangeContext.of(request);
        List<Map<String, Object>> allowed = catalogue.all().stream()
                .filter(s -> context.client() != null
                        && accessPolicy.allows(context.client(), CatalogueService.CATEGORY, s.code()))
                .map(ServiceController::describe).toList();
        return Map.of("services", allowed);
    }

    @HubOperation(service = HubOperation.CATALOGUE, operation = "CallService")
    @PostMapping(path = "/{serviceCode}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public JsonNode call(@PathVariable String serviceCode, @RequestBody(required = false) JsonNode body,
                         HttpServletRequest request) {
        ExchangeContext context = ExchangeContext.of(request);
        // the edge has resolved and authorized the service from the declaration (an unknown one is a 404 there)
        CatalogueService service = catalogue.find(serviceCode).orElseThrow(() ->
                new HubException(ErrorCode.UNKNOWN_SERVICE, "no service '" + serviceCode + "'"));
        Object answer = gateway.call(context, service.hubService(), () -> requests.validate(service, body), Object.class);
        return answer instanceof JsonNode node ? node : json.valueToTree(answer);
    }

    private static Map<String, Object> describe(CatalogueService s) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("code", s.code());
        d.put("description", s.description());
        d.put("connector", s.system());
        d.put("grant", CatalogueService.CATEGORY + ":" + s.code());
        d.put("personalData", s.personalData());
        d.put("input", s.input());
        d.put("output", s.output());
        d.put("timeoutMillis", s.resilience().timeoutMillis());
        return d;
    }
}
