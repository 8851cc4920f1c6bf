package vn.lienthong.hub.dossier;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;

import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.CallContext;
import vn.lienthong.hub.exchange.HubException;

/**
 * The decisions of the flow {@code dossier-accept}, which stores a validated event durably in the delivery queue
 * first (the answer 202 means "cannot be lost") and then records its state, the dossier's index facts and its latest
 * data (one transaction, one commit: the three writes become visible together). A resend
 * with a known event id (the flow's idempotent consumer) is answered with the same event id and is not queued twice
 * (the broker also drops it by its duplicate id).
 */
@Component("dossierIngest")
public class DossierIngest {

    private static final Logger log = LoggerFactory.getLogger(DossierIngest.class);

    private final DossierSyncStore store;
    private final CodeMappings codes;
    private final DossierSnapshots snapshots;
    private final TransactionTemplate tx;

    public DossierIngest(DossierSyncStore store, CodeMappings codes, DossierSnapshots snapshots, JdbcTemplate jdbc) {
        this.store = store;
        this.codes = codes;
        this.snapshots = snapshots;
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
    }

    /** First step of the flow {@code dossier-accept}: the event to queue, with its id (the sender's, or a new one). */
    public DossierEvent event(DossierSubmission submission, @ExchangeProperty(CallContext.PROPERTY) CallContext call) {
        String eventId = submission.eventId() != null ? submission.eventId() : UUID.randomUUID().toString();
        return new DossierEvent(eventId, submission.kind(), submission.dossierCode(), submission.data(),
                call.transactionId(), call.clientId(), call.channel() == null ? "REST" : call.channel(), Instant.now());
    }

    /**
     * A resend of an accepted event: answered with the same event id, not queued again. An event id belongs to the
     * client that sent it first and to what it said then: the same id from another client, or with other content,
     * is refused (409) rather than answered as a duplicate and dropped.
     */
    public DossierAccepted duplicate(DossierEvent event) {
        checkSameEvent(event);
        log.info("Dossier event {} of {} was already accepted; not queued again", event.eventId(), event.dossierCode());
        return new DossierAccepted(event.eventId(), event.dossierCode(), event.kind().name(), true);
    }

    /** The broker did not store the event: the sender must send it again. */
    public void queueUnavailable() {
        throw new HubException(ErrorCode.QUEUE_UNAVAILABLE, "the dossier queue did not store the event; send it again");
    }

    /**
     * After the broker has the event: its state (PENDING), the dossier's index facts and, for a dossier event, the
     * dossier's latest data; the 202 answer. The three writes share one transaction (one commit instead of three).
     * A write that meets a row it did not expect (the event id is known already: a concurrent send under the same id,
     * or the delivery consumer was first; or a concurrent first event of the same dossier) rolls it back, and the
     * writes are made again one by one, each handling what it met: PostgreSQL aborts a transaction at its first
     * failed statement, so the duplicate cannot be handled inside it without a savepoint per write.
     */
    public DossierAccepted accepted(DossierEvent event) {
        try {
            tx.executeWithoutResult(status -> record(event));
        } catch (DataAccessException | TransactionException e) {
            log.debug("Dossier event {} of {}: state written write by write ({})", event.eventId(), event.dossierCode(),
                    e.getMessage());
            record(event);
        }
        return new DossierAccepted(event.eventId(), event.dossierCode(), event.kind().name(), false);
    }

    /** The three writes; inside a transaction each store rethrows the duplicate it meets instead of handling it. */
    private void record(DossierEvent event) {
        if (!store.recordAccepted(event)) {
            // Known already: the broker kept one copy by its duplicate id; a different event under that id is not it.
            checkSameEvent(event);
        }
        recordIndexFacts(event);
        snapshots.keep(event);
    }

    private void checkSameEvent(DossierEvent event) {
        store.owner(event.eventId()).ifPresent(owner -> {
            if (!java.util.Objects.equals(owner.clientId(), event.clientId())) {
                throw new HubException(ErrorCode.EVENT_ID_CONFLICT, "X-Event-Id '" + event.eventId() + "' is already used by"
                        + " another client's event; choose another id (for example prefixed with your system code)");
            }
            if (owner.payloadSha256() != null && !owner.payloadSha256().equals(EventPayloads.sha256(event))) {
                throw new HubException(ErrorCode.EVENT_ID_CONFLICT, "X-Event-Id '" + event.eventId() + "' was accepted"
                        + " for a different event; a resend must be identical, a new event needs a new id");
            }
        });
    }

    private void recordIndexFacts(DossierEvent event) {
        Map<String, Object> d = event.data();
        if (event.kind() == DossierEventKind.DOSSIER) {
            String status = codes.nationalStatus(String.valueOf(d.get("TrangThaiHoSo"))).orElse("?");
            store.recordDossier(event.dossierCode(), new DossierSyncStore.DossierIndexFacts(
                    DossierValidator.agencyOf(event.dossierCode()),
                    codes.resolveProcedure(String.valueOf(d.get("MaTTHC"))).map(CodeMappings.Procedure::nationalCode).orElse("?"),
                    status, "2".equals(String.valueOf(d.get("KenhThucHien"))),
                    date(d, "NgayTiepNhan"), date(d, "NgayHenTra"), date(d, "NgayTra"), date(d, "NgayKetThucXuLy"),
                    date(d, "NgayTuChoi"), flag(d.get("HoSoCoThanhPhanSoHoa")), nonEmpty(d.get("DanhSachGiayToKetQua")),
                    flag(d.get("TaiKhoanDuocXacThucVoiVNeID")), nonEmpty(d.get("DSKetNoiCSDL"))));
        } else {
            store.recordProgress(event.dossierCode(), new DossierSyncStore.ProgressIndexFacts(
                    codes.nationalStatus(String.valueOf(d.get("TrangThai"))).orElse(null), text(d, "PhongBanXuLy"),
                    text(d, "NguoiXuLy"), text(d, "NoiDungXuLy"), date(d, "ThoiDiemXuLy")));
        }
    }

    /** A portal flag (1/0, "1"/"0", true/false); null when the event does not carry it. */
    static Boolean flag(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        return text.equals("1") || text.equalsIgnoreCase("true");
    }

    /** Whether a list field holds at least one item; null when the event does not carry it. */
    static Boolean nonEmpty(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof java.util.Collection<?> list && !list.isEmpty();
    }

    private static String text(Map<String, Object> data, String field) {
        Object value = data.get(field);
        return value == null ? null : value.toString();
    }

    private static ZonedDateTime date(Map<String, Object> data, String field) {
        Object value = data.get(field);
        return value == null ? null : PortalDates.parse(value.toString());
    }
}
