package vn.lienthong.hub.operations;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.ExchangeContext;
import vn.lienthong.hub.exchange.HubException;
import vn.lienthong.hub.exchange.HubOperation;

/** The operator's switch of {@link MaintenanceMode} for this instance (grant {@code operations:*}). */
@RestController
public class MaintenanceController {

    private final MaintenanceMode maintenance;

    public MaintenanceController(MaintenanceMode maintenance) {
        this.maintenance = maintenance;
    }

    /** The reason given for switching maintenance on. */
    public record MaintenanceRequest(String reason) {
    }

    @HubOperation(service = "maintenance", operation = "state")
    @GetMapping(path = "/api/v1/admin/maintenance", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> get() {
        return view(maintenance.state());
    }

    @HubOperation(service = "maintenance", operation = "on")
    @PostMapping(path = "/api/v1/admin/maintenance", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> enter(@RequestBody(required = false) MaintenanceRequest body, HttpServletRequest request) {
        ExchangeContext context = ExchangeContext.of(request);
        String reason = body == null || body.reason() == null ? ""
                : Normalizer.normalize(body.reason().strip(), Normalizer.Form.NFC);
        if (reason.isEmpty() || reason.length() > 500) {
            throw new HubException(ErrorCode.INVALID_FIELD, "reason: is required (at most 500 characters)");
        }
        return view(maintenance.enter(reason, context.client().id()));
    }

    @HubOperation(service = "maintenance", operation = "off")
    @DeleteMapping(path = "/api/v1/admin/maintenance", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> leave(HttpServletRequest request) {
        ExchangeContext context = ExchangeContext.of(request);
        return view(maintenance.leave(context.client().id()));
    }

    private static Map<String, Object> view(MaintenanceMode.State state) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("maintenance", state.on());
        if (state.on()) {
            out.put("reason", state.reason());
            out.put("by", state.by());
            out.put("since", state.since().toString());
        }
        return out;
    }
}
