package vn.lienthong.hub.prefill;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
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

/** REST surface of the once-only pre-fill (contract: {@code /api/v1/openapi.yaml}). */
@RestController
@RequestMapping(path = "/api/v1/prefill", produces = MediaType.APPLICATION_JSON_VALUE)
public class PrefillController {

    private final ServiceGateway gateway;
    private final PrefillRequests requests;
    private final ProcedureProfiles profiles;

    public PrefillController(ServiceGateway gateway, PrefillRequests requests, ProcedureProfiles profiles) {
        this.gateway = gateway;
        this.requests = requests;
        this.profiles = profiles;
    }

    @HubOperation(service = "prefill", operation = "Prefill")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public PrefillResult prefill(@RequestBody(required = false) PrefillBody body, HttpServletRequest request) {
        ExchangeContext context = ExchangeContext.of(request);
        return gateway.call(context, HubServices.PREFILL, () -> {
            if (body == null) {
                throw new HubException(ErrorCode.MALFORMED_REQUEST,
                        "a JSON body {procedureCode, subject} is required; GET /api/v1/prefill/procedures lists the procedures");
            }
            return requests.validate(body.procedureCode(), body.subject(), context.purpose());
        }, PrefillResult.class);
    }

    /** The procedures the hub can pre-fill, with their sources and fields; open to every authenticated client. */
    @HubOperation(service = "prefill-procedures", operation = "ListProcedures")
    @GetMapping("/procedures")
    public Map<String, Object> procedures() {
        return Map.of("procedures", profiles.all().stream().map(PrefillController::describe).toList());
    }

    private static Map<String, Object> describe(ProcedureProfile p) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("code", p.code());
        d.put("name", p.name());
        d.put("subjectKind", p.subjectKind().name().toLowerCase());
        d.put("sources", p.sources().stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.id());
            m.put("service", s.service());
            m.put("timeoutMillis", s.timeoutMillis());
            return m;
        }).toList());
        List<Map<String, Object>> fields = p.fields().stream().map(f -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", f.name());
            m.put("label", f.label());
            m.put("mandatory", f.mandatory());
            if (f.source() != null) {
                m.put("source", f.source());
                m.put("pointer", f.pointer());
            }
            return m;
        }).toList();
        d.put("fields", fields);
        if (p.papers() != null) {
            Map<String, Object> papers = new LinkedHashMap<>();
            papers.put("store", p.papers().store().service());
            papers.put("required", p.papers().required().stream().map(r -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("documentType", r.documentType());
                m.put("label", r.label());
                if (r.maxAgeDays() != null) {
                    m.put("maxAgeDays", r.maxAgeDays());
                }
                return m;
            }).toList());
            d.put("papers", papers);
        }
        return d;
    }

    /** The request body: {@code {procedureCode, subject}}. */
    public record PrefillBody(String procedureCode, PrefillRequests.SubjectInput subject) {
    }
}
