package vn.lienthong.hub.dossier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.hub.exchange.HubOperation;
import vn.lienthong.hub.exchange.HubServices;
import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.ExchangeContext;
import vn.lienthong.hub.exchange.HubException;
import vn.lienthong.hub.exchange.ServiceGateway;

/**
 * REST surface of dossier synchronisation to the national public service portal. Bodies use the national field names
 * with the province's local codes; the answer 202 comes once the event is durably queued.
 */
@RestController
@RequestMapping(path = "/api/v1/dossiers", produces = MediaType.APPLICATION_JSON_VALUE)
public class DossierController {

    public static final String EVENT_ID = "X-Event-Id";

    private final ServiceGateway gateway;
    private final DossierValidator validator;
    private final DossierSyncStore store;
    private final ResultPapers resultPapers;

    public DossierController(ServiceGateway gateway, DossierValidator validator, DossierSyncStore store,
            ResultPapers resultPapers) {
        this.gateway = gateway;
        this.validator = validator;
        this.store = store;
        this.resultPapers = resultPapers;
    }

    @HubOperation(service = "dossier-sync", operation = "DongBoHoSoMC")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<DossierAccepted> submit(@RequestBody(required = false) JsonNode body,
            @RequestHeader(name = EVENT_ID, required = false) String eventId, HttpServletRequest request) {
        ExchangeContext context = ExchangeContext.of(request);
        DossierAccepted accepted = gateway.call(context, HubServices.DOSSIER_SUBMIT,
                () -> validator.dossier(body, eventId), DossierAccepted.class);
        ResultPapers.record(context, accepted);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(accepted);
    }

    @HubOperation(service = "dossier-sync", operation = "CapNhatTienDoHoSoMC")
    @PostMapping(path = "/{dossierCode}/progress", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<DossierAccepted> progress(@PathVariable String dossierCode, @RequestBody(required = false) JsonNode body,
            @RequestHeader(name = EVENT_ID, required = false) String eventId, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(gateway.call(ExchangeContext.of(request),
                HubServices.DOSSIER_PROGRESS, () -> validator.progress(dossierCode, body, eventId), DossierAccepted.class));
    }

    @HubOperation(service = "dossier-sync", operation = "GetSyncState")
    @GetMapping("/{dossierCode}/sync")
    public DossierSyncStatus sync(@PathVariable String dossierCode) {
        DossierSyncStatus status = DossierSyncStatus.of(dossierCode, store.events(dossierCode));
        if (status == null) {
            throw new HubException(ErrorCode.NOT_FOUND, "no event of dossier " + dossierCode + " was accepted by this hub");
        }
        return status.withResultPapers(resultPapers.ofDossier(dossierCode));
    }
}
