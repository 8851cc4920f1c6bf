package vn.lienthong.hub.dossier;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.lienthong.hub.exchange.HubOperation;
import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.ExchangeContext;
import vn.lienthong.hub.exchange.HubException;

/**
 * Operations on dossier synchronisation: the national-portal connector's dead letters (list, replay, discard; grant
 * {@code dossier-admin:*}) and the national service index figures (grant {@code dossier-report:*}).
 */
@RestController
public class DossierOperationsController {

    private final DossierQueue queue;
    private final DossierSyncStore store;
    private final DossierStatistics statistics;
    private final Clock clock = Clock.system(PortalDates.VIETNAM);

    public DossierOperationsController(DossierQueue queue, DossierSyncStore store,
            DossierStatistics statistics) {
        this.queue = queue;
        this.store = store;
        this.statistics = statistics;
    }

    @HubOperation(service = "dead-letters", operation = "DeadLetters")
    @GetMapping(path = "/api/v1/admin/dossier-sync/dead-letters", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<DossierQueue.DeadLetter> deadLetters(@RequestParam(required = false) String dossierCode) {
        return queue.deadLetters(dossierCode);
    }

    /** Puts dead letters back in the delivery queue, in order: those of one dossier, one event, or all of them. */
    @HubOperation(service = "dead-letters", operation = "DeadLetters")
    @PostMapping(path = "/api/v1/admin/dossier-sync/dead-letters/replay", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> replay(@RequestParam(required = false) String dossierCode,
            @RequestParam(required = false) String eventId, @RequestParam(defaultValue = "false") boolean all) {
        if (dossierCode == null && eventId == null && !all) {
            throw new HubException(ErrorCode.INVALID_FIELD, "say what to replay: dossierCode, eventId, or all=true");
        }
        DossierQueue.Replay replay = queue.replay(dossierCode, eventId, store::isOpen, store::markReplayed);
        return Map.of("replayed", replay.replayed().size(),
                "eventIds", replay.replayed().stream().map(DossierEvent::eventId).toList(),
                "skippedAlreadyDelivered", replay.skipped());
    }

    /** The operator's reason for discarding a dead event. */
    public record DiscardRequest(String reason) {
    }

    /**
     * Takes a dead event out for good, with the operator's reason: it is never delivered, its dossier's state shows it
     * as DISCARDED with the reason, the statistics count it apart, and it no longer holds the dossier's later events
     * back (replay them next). The request (reason included) is this exchange's record in the message log.
     */
    @HubOperation(service = "dead-letters", operation = "discard")
    @PostMapping(path = "/api/v1/admin/dossier-sync/dead-letters/discard", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> discard(@RequestParam String eventId,
            @org.springframework.web.bind.annotation.RequestBody(required = false) DiscardRequest body,
            HttpServletRequest request) {
        ExchangeContext context = ExchangeContext.of(request);
        String reason = body == null || body.reason() == null ? "" : java.text.Normalizer.normalize(body.reason().strip(),
                java.text.Normalizer.Form.NFC);
        if (reason.isEmpty() || reason.length() > 500) {
            throw new HubException(ErrorCode.INVALID_FIELD, "reason: is required (at most 500 characters)");
        }
        String recorded = "discarded by " + context.client().id() + ": " + reason;
        var discarded = queue.discard(eventId, event -> store.markDiscarded(event.eventId(), recorded));
        if (discarded.isEmpty()) {
            throw new HubException(ErrorCode.NOT_FOUND, "no dead letter with event id " + eventId);
        }
        return Map.of("discarded", 1, "eventId", eventId, "dossierCode", discarded.get().dossierCode(), "reason", reason);
    }

    @HubOperation(service = "national-index", operation = "DossierStatistics")
    @GetMapping(path = "/api/v1/dossiers/statistics", produces = MediaType.APPLICATION_JSON_VALUE)
    public DossierStatistics.Report statistics(@RequestParam(required = false) String agency,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        LocalDate[] period = period(from, to);
        return statistics.report(agency, period[0], period[1], clock.instant());
    }

    @HubOperation(service = "national-index", operation = "DossierStatistics")
    @GetMapping(path = "/api/v1/dossiers/late", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<DossierStatistics.LateDossier> late(@RequestParam(required = false) String agency,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        LocalDate[] period = period(from, to);
        return statistics.late(new DossierStatistics.LateFilter(agency, null, null, null, null), period[0], period[1],
                clock.instant()).dossiers();
    }

    /**
     * The period, by default the last twelve months in Việt Nam (from the first day of the month eleven months ago to
     * today: the current month and the eleven before it, whatever day of the year it is); dates are yyyy-MM-dd, both
     * days included.
     */
    LocalDate[] period(String from, String to) {
        return period(from, to, clock);
    }

    /**
     * The period, by default the last twelve months in Việt Nam (from the first day of the month eleven months ago to
     * today: the current month and the eleven before it, whatever day of the year it is); dates are yyyy-MM-dd, both
     * days included.
     */
    /** First day of the default period ending {@code today}: the first of the month eleven months before. */
    public static LocalDate defaultStart(LocalDate today) {
        return today.withDayOfMonth(1).minusMonths(11);
    }

    public static LocalDate[] period(String from, String to, Clock clock) {
        try {
            LocalDate today = NationalIndexRules.today(clock.instant());
            LocalDate start = from == null ? defaultStart(today) : LocalDate.parse(from);
            LocalDate end = to == null ? today : LocalDate.parse(to);
            if (end.isBefore(start)) {
                throw new HubException(ErrorCode.INVALID_FIELD, "to is before from");
            }
            return new LocalDate[] {start, end};
        } catch (DateTimeParseException e) {
            throw new HubException(ErrorCode.INVALID_FIELD, "from and to are dates yyyy-MM-dd");
        }
    }
}
