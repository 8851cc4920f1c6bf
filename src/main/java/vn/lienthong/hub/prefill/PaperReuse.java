package vn.lienthong.hub.prefill;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Decides, for each paper a procedure requires, which earlier paper of the subject the store of digitised documents
 * holds that the applicant need not submit again (Decree 45/2020 Art. 10; Decree 107/2021): the most recent one that
 * is valid today, Vietnam time. A paper past its end of validity, older than the procedure accepts, or no longer valid
 * in the store is listed with the reason and never offered.
 */
final class PaperReuse {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final Clock clock;

    PaperReuse(Clock clock) {
        this.clock = clock;
    }

    /** The required papers against the store's answer ({@code {ownerId, papers[]}}), or its failure. */
    List<PrefillResult.RequiredPaper> judge(ProcedureProfile.Papers papers, SourceAnswer store) {
        LocalDate today = LocalDate.now(clock.withZone(VIETNAM));
        List<PrefillResult.RequiredPaper> result = new ArrayList<>();
        boolean answered = store != null && store.failure() == null && store.canonical() != null;
        boolean notHeld = store != null && store.failure() != null
                && store.failure().code() == vn.lienthong.hub.exchange.ErrorCode.NOT_FOUND;
        for (ProcedureProfile.Paper required : papers.required()) {
            if (!answered) {
                result.add(new PrefillResult.RequiredPaper(required.documentType(), required.label(),
                        notHeld ? PrefillResult.PaperStatus.NOT_HELD : PrefillResult.PaperStatus.UNKNOWN, null, List.of()));
                continue;
            }
            List<PrefillResult.HeldPaper> valid = new ArrayList<>();
            List<PrefillResult.HeldPaper> notOffered = new ArrayList<>();
            for (JsonNode paper : store.canonical().path("papers")) {
                if (!required.documentType().equals(paper.path("documentType").asText())) {
                    continue;
                }
                PrefillResult.Validity validity = validity(paper, required, today);
                boolean ok = "valid".equals(validity.status());
                PrefillResult.HeldPaper held = held(paper, validity, store, ok ? component(paper, required) : null);
                (ok ? valid : notOffered).add(held);
            }
            valid.sort(Comparator.comparing(PrefillResult.HeldPaper::issuedOn, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .reversed());
            PrefillResult.PaperStatus status = !valid.isEmpty() ? PrefillResult.PaperStatus.REUSABLE
                    : notOffered.isEmpty() ? PrefillResult.PaperStatus.NOT_HELD : PrefillResult.PaperStatus.EXPIRED;
            result.add(new PrefillResult.RequiredPaper(required.documentType(), required.label(), status,
                    valid.isEmpty() ? null : valid.get(0), List.copyOf(notOffered)));
        }
        return List.copyOf(result);
    }

    /** Whether a paper can be reused today: the store's own status, its end of validity, the procedure's age limit. */
    static PrefillResult.Validity validity(JsonNode paper, ProcedureProfile.Paper required, LocalDate today) {
        if (!"VALID".equals(paper.path("storeStatus").asText())) {
            return new PrefillResult.Validity("invalid", "the store no longer holds it valid (revoked or replaced)");
        }
        LocalDate until = date(paper.path("validUntil"));
        if (until != null && until.isBefore(today)) {
            return new PrefillResult.Validity("expired", "valid until " + until);
        }
        LocalDate issued = date(paper.path("issuedOn"));
        if (required.maxAgeDays() != null) {
            if (issued == null) {
                return new PrefillResult.Validity("expired", "no date of issue, and this procedure accepts papers at most "
                        + required.maxAgeDays() + " days old");
            }
            if (issued.plusDays(required.maxAgeDays()).isBefore(today)) {
                return new PrefillResult.Validity("expired", "issued on " + issued + "; this procedure accepts papers at most "
                        + required.maxAgeDays() + " days old");
            }
        }
        return new PrefillResult.Validity("valid", null);
    }

    private static LocalDate date(JsonNode value) {
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static PrefillResult.HeldPaper held(JsonNode p, PrefillResult.Validity validity, SourceAnswer store,
                                                Map<String, String> component) {
        return new PrefillResult.HeldPaper(p.path("documentId").asText(), text(p, "documentTypeName"), text(p, "number"),
                text(p, "summary"), p.path("issuer"), text(p, "issuedOn"), text(p, "validUntil"), validity,
                text(p, "link"), p.hasNonNull("attachment") ? p.get("attachment") : null,
                new PrefillResult.PaperProvenance(store.source().id(), store.source().service(), text(p, "sourceDossier"),
                        store.retrievedAt()), component);
    }

    /**
     * The dossier component ({@code TaiLieuNop} item, national field names) that reuses the paper: the one-stop
     * system adds it to the dossier instead of an uploaded file.
     */
    static Map<String, String> component(JsonNode paper, ProcedureProfile.Paper required) {
        Map<String, String> item = new LinkedHashMap<>();
        item.put("TenTepDinhKem", required.label() + " số " + paper.path("number").asText());
        item.put("MaThanhPhanHoSo", required.documentType());
        String link = text(paper, "link");
        if (link != null) {
            item.put("DuongDanTaiTepTin", link);
        }
        item.put("DuocTaiSuDung", "1");
        item.put("DuocLayTuKhoDMQG", "1");
        item.put("MaKetQuaThayThe", paper.path("documentId").asText());
        return item;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
