package vn.lienthong.hub.dossier;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;

import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.JmsException;
import org.springframework.stereotype.Component;

import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.CallContext;
import vn.lienthong.hub.exchange.HubException;

/**
 * Accepts a validated dossier event: stores it durably in the delivery queue first (the answer 202 means "cannot be
 * lost"), then records its state and the dossier's index facts. A resend with a known event id is answered with the
 * same event id and is not queued twice (the broker also drops it by its duplicate id).
 */
@Component("dossierIngest")
public class DossierIngest {

    private static final Logger log = LoggerFactory.getLogger(DossierIngest.class);

    private final DossierQueue queue;
    private final DossierSyncStore store;
    private final CodeMappings codes;

    public DossierIngest(DossierQueue queue, DossierSyncStore store, CodeMappings codes) {
        this.queue = queue;
        this.store = store;
        this.codes = codes;
    }

    /** Called by the flow {@code dossier-accept}; the exchange properties are set by the service gateway. */
    public DossierAccepted accept(DossierSubmission submission, @ExchangeProperty(CallContext.PROPERTY) CallContext call) {
        String transactionId = call.transactionId();
        String clientId = call.clientId();
        String channel = call.channel();
        String eventId = submission.eventId() != null ? submission.eventId() : UUID.randomUUID().toString();
        DossierEvent event = new DossierEvent(eventId, submission.kind(), submission.dossierCode(), submission.data(),
                transactionId, clientId, channel == null ? "REST" : channel, Instant.now());
        if (store.event(eventId).isPresent()) {
            log.info("Dossier event {} of {} was already accepted; not queued again", eventId, event.dossierCode());
            return new DossierAccepted(eventId, event.dossierCode(), event.kind().name(), true);
        }
        try {
            queue.enqueue(event);
        } catch (JmsException e) {
            throw new HubException(ErrorCode.QUEUE_UNAVAILABLE, "the dossier queue did not store the event; send it again");
        }
        store.recordAccepted(event);
        recordIndexFacts(event);
        return new DossierAccepted(eventId, event.dossierCode(), event.kind().name(), false);
    }

    private void recordIndexFacts(DossierEvent event) {
        Map<String, Object> d = event.data();
        if (event.kind() == DossierEventKind.DOSSIER) {
            String status = codes.nationalStatus(String.valueOf(d.get("TrangThaiHoSo"))).orElse("?");
            store.recordDossier(event.dossierCode(), DossierValidator.agencyOf(event.dossierCode()),
                    codes.nationalProcedure(String.valueOf(d.get("MaTTHC"))).map(CodeMappings.Procedure::nationalCode).orElse("?"),
                    status, "2".equals(String.valueOf(d.get("KenhThucHien"))),
                    date(d, "NgayTiepNhan"), date(d, "NgayHenTra"), date(d, "NgayTra"));
        } else if ("10".equals(codes.nationalStatus(String.valueOf(d.get("TrangThai"))).orElse(null))) {
            store.recordReturned(event.dossierCode(), date(d, "ThoiDiemXuLy"));
        }
    }

    private static ZonedDateTime date(Map<String, Object> data, String field) {
        Object value = data.get(field);
        return value == null ? null : PortalDates.parse(value.toString());
    }
}
