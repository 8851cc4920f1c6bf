package vn.lienthong.hub.dossier;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.lienthong.hub.exchange.FailureTranslator;
import vn.lienthong.hub.exchange.HubException;
import vn.lienthong.hub.signature.PaperReference;
import vn.lienthong.hub.signature.PaperVerification;

/**
 * The signed result papers of a dossier event (flow {@code dossier-accept}, docs/dossier-sync.md): which papers the
 * event names by their reference in the national store of digitised documents ({@code DanhSachGiayToKetQua[]}
 * items with {@code MaKetQua}, the owner being {@code SoGiayToChuHoSo}), the outcome of each verification (a paper the
 * store cannot give is {@code NOT_VERIFIED}, never a refusal of the event), and the outcomes kept as the dossier's
 * state. An event naming no such paper passes with one look at its fields.
 */
@Component("resultPapers")
public class ResultPapers implements AggregationStrategy {

    private static final Logger log = LoggerFactory.getLogger(ResultPapers.class);
    private static final Pattern STORE_ID = Pattern.compile("^KQ-[A-Z0-9.-]{1,60}$");
    private static final Pattern PERSONAL_ID = Pattern.compile("^[0-9]{12}$");
    static final int MAX_PAPERS = 10;

    private final JdbcTemplate jdbc;

    public ResultPapers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the event names at least one result paper by its store reference. */
    public boolean named(DossierEvent event) {
        return event.kind() == DossierEventKind.DOSSIER && !storeIds(event.data()).isEmpty();
    }

    /** The papers to verify (at most {@value #MAX_PAPERS}), each with the dossier owner's personal id. */
    public List<PaperReference> references(DossierEvent event) {
        Object owner = event.data().get("SoGiayToChuHoSo");
        String personalId = owner == null ? "" : owner.toString().strip();
        return storeIds(event.data()).stream().limit(MAX_PAPERS).map(id -> new PaperReference(id, personalId)).toList();
    }

    private static List<String> storeIds(Map<String, Object> data) {
        List<String> ids = new ArrayList<>();
        if (data.get("DanhSachGiayToKetQua") instanceof List<?> results) {
            for (Object item : results) {
                if (item instanceof Map<?, ?> paper && paper.get("MaKetQua") != null) {
                    String id = paper.get("MaKetQua").toString().strip();
                    if (STORE_ID.matcher(id).matches() && !ids.contains(id)) {
                        ids.add(id);
                    }
                }
            }
        }
        return ids;
    }

    /** One paper's outcome, from the verification's answer. */
    public ResultPaperCheck outcome(PaperVerification verification) {
        PaperVerification.Paper paper = verification.paper();
        boolean matches = paper.attachment() != null && paper.attachment().matchesStore();
        String reason = verification.reason();
        if (reason == null && !"valid".equals(paper.validity().status())) {
            reason = paper.validity().reason();
        }
        return new ResultPaperCheck(paper.documentId(), verification.status().name(), paper.validity().status(),
                matches ? null : "PAPER_FILE_MISMATCH", reason, verification.documentSha256());
    }

    /** The outcome of a paper whose verification failed (the store's error, no owner, no signature). */
    public ResultPaperCheck notVerified(Exchange exchange) {
        PaperReference reference = exchange.getProperty("paperReference", PaperReference.class);
        if (reference == null && exchange.getMessage().getBody() instanceof PaperReference body) {
            reference = body;
        }
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        HubException problem = failure == null ? null : FailureTranslator.translate(failure);
        return new ResultPaperCheck(reference == null ? "?" : reference.documentId(), "NOT_VERIFIED", null,
                problem == null ? null : problem.code().name(), problem == null ? "not verified" : problem.detail(), null);
    }

    /** The reference of each paper: the owner's number must be a personal id for the store to be asked. */
    public PaperReference checked(PaperReference reference) {
        if (!PERSONAL_ID.matcher(reference.personalId()).matches()) {
            throw new HubException(vn.lienthong.hub.exchange.ErrorCode.INVALID_FIELD, "SoGiayToChuHoSo: the owner's"
                    + " 12-digit personal id is needed to ask the store for result paper " + reference.documentId());
        }
        return reference;
    }

    @Override
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        Object body = newExchange.getMessage().getBody();
        ResultPaperCheck check = body instanceof PaperVerification v ? outcome(v)
                : body instanceof ResultPaperCheck c ? c : null;
        Exchange into = oldExchange == null ? newExchange : oldExchange;
        @SuppressWarnings("unchecked")
        List<ResultPaperCheck> checks = oldExchange == null ? new ArrayList<>()
                : (List<ResultPaperCheck>) oldExchange.getMessage().getBody();
        if (check != null) {
            checks.add(check);
        }
        into.getMessage().setBody(checks);
        return into;
    }

    /** The answer with the outcomes, which are kept as the dossier's state; unchanged when the event named none. */
    public DossierAccepted answer(DossierAccepted accepted, List<ResultPaperCheck> checks) {
        if (checks == null || checks.isEmpty()) {
            return accepted;
        }
        Instant now = Instant.now();
        for (int i = 0; i < checks.size(); i++) {
            ResultPaperCheck c = checks.get(i);
            jdbc.update("DELETE FROM dossier_result_paper WHERE event_id = ? AND document_id = ?", accepted.eventId(),
                    c.documentId());
            jdbc.update("INSERT INTO dossier_result_paper (event_id, document_id, item_no, dossier_code, status,"
                    + " validity, error_code, reason, document_sha256, checked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    accepted.eventId(), c.documentId(), i, accepted.dossierCode(), c.status(), c.validity(), c.errorCode(),
                    c.reason() == null ? null : c.reason().length() > 1000 ? c.reason().substring(0, 999) : c.reason(),
                    c.documentSha256(), Timestamp.from(now));
            log.info("Dossier {} event {}: result paper {} {}", accepted.dossierCode(), accepted.eventId(),
                    c.documentId(), c.status());
        }
        return new DossierAccepted(accepted.eventId(), accepted.dossierCode(), accepted.kind(), accepted.duplicate(),
                checks);
    }

    /**
     * The outcomes for the message log, beside the exchange's record: one finding per result paper (its status, the
     * error or reason; never the owner's number).
     */
    public static void record(vn.lienthong.hub.exchange.ExchangeContext context, DossierAccepted accepted) {
        for (ResultPaperCheck c : accepted.resultPapers()) {
            String text = c.reason() == null ? "validity " + c.validity() : c.reason();
            context.finding(new vn.lienthong.hub.exchange.ExchangeContext.Finding("result paper " + c.status(),
                    "VALID".equals(c.status()) && "valid".equals(c.validity()) && c.errorCode() == null,
                    c.errorCode() != null ? c.errorCode() : "VALID".equals(c.status()) ? null : "SIGNATURE_" + c.status(),
                    text.length() <= 240 ? text : text.substring(0, 237) + "…"));
        }
    }

    /** The result papers verified for a dossier's events, in the order they were checked. */
    public List<ResultPaperCheck> ofDossier(String dossierCode) {
        return jdbc.query("SELECT document_id, status, validity, error_code, reason, document_sha256 FROM"
                + " dossier_result_paper WHERE dossier_code = ? ORDER BY checked_at, event_id, item_no",
                (rs, i) -> new ResultPaperCheck(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)), dossierCode);
    }
}
