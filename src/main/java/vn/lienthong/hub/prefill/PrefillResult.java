package vn.lienthong.hub.prefill;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the pre-fill found: the form fields with their values and where each came from, how each source answered,
 * and which mandatory fields the applicant must still give.
 *
 * @param procedureCode          the procedure (MaTTHC)
 * @param procedureName          its Vietnamese name
 * @param subjectKind            {@code citizen} or {@code enterprise}
 * @param fields                 every field of the form, in the profile's order; unfilled ones carry no value
 * @param sources                one status per source, in the profile's order
 * @param missingMandatoryFields names of the mandatory fields no source filled
 * @param papers                 the papers the procedure requires, each with the earlier paper the applicant need not
 *                               submit again (from the store of digitised documents) or why there is none; null when
 *                               the procedure requires no papers
 * @param paperStore             how the store of digitised documents answered; null when not asked
 * @param papersToSubmit         document types of the required papers the applicant must still submit
 */
public record PrefillResult(String procedureCode, String procedureName, String subjectKind, List<FormField> fields,
                            List<SourceStatus> sources, List<String> missingMandatoryFields,
                            List<RequiredPaper> papers, SourceStatus paperStore, List<String> papersToSubmit) {

    /**
     * One paper the procedure requires.
     *
     * @param documentType the document type code (MaLoaiGiayTo)
     * @param label        the dossier component's name
     * @param status       whether an earlier paper is offered
     * @param reusable     the paper offered for reuse (the most recent valid one), null unless {@code reusable}
     * @param notOffered   papers of this type the store holds that cannot be reused (expired, no longer valid), with why
     */
    public record RequiredPaper(String documentType, String label, PaperStatus status, HeldPaper reusable,
                                List<HeldPaper> notOffered) {
    }

    /**
     * A paper or result the store holds for the subject.
     *
     * @param documentId       the store's id (MaKetQua)
     * @param documentTypeName the type's name as the store gives it
     * @param number           the paper's number (số, ký hiệu)
     * @param summary          what it says (trích yếu)
     * @param issuer           the issuing agency {code, name}
     * @param issuedOn         date of issue
     * @param validUntil       end of validity the store records, null when none
     * @param validity         whether it can be reused today, and why not
     * @param link             where the paper is read (the store's link to the file)
     * @param attachment       the file {fileName, mediaType, url, sha256, size} when the store gives it
     * @param provenance       where the hub found it
     * @param dossierComponent the {@code TaiLieuNop} item the one-stop system puts in the dossier to reuse it (the hub
     *                         marks such a dossier {@code HoSoCoThanhPhanSoHoa}); only on a reusable paper
     */
    public record HeldPaper(String documentId, String documentTypeName, String number, String summary, JsonNode issuer,
                            String issuedOn, String validUntil, Validity validity, String link, JsonNode attachment,
                            PaperProvenance provenance, java.util.Map<String, String> dossierComponent) {
    }

    /**
     * @param status {@code valid}, {@code expired} (past its end of validity, or older than the procedure accepts)
     *               or {@code invalid} (the store no longer holds it valid: revoked or replaced)
     * @param reason why it is not valid, null when valid
     */
    public record Validity(String status, String reason) {
    }

    /**
     * @param source        the source id ({@code papers})
     * @param service       the catalogue service that answered
     * @param sourceDossier the dossier that produced the paper (MaHoSoGoc), when the store says it
     * @param retrievedAt   when the hub received the store's answer
     */
    public record PaperProvenance(String source, String service, String sourceDossier, Instant retrievedAt) {
    }

    /** Whether an earlier paper is offered for a required one. */
    public enum PaperStatus {
        /** a valid paper is offered: the applicant need not submit it */
        REUSABLE,
        /** the store holds papers of this type, none valid today: listed, not offered */
        EXPIRED,
        /** the store holds no paper of this type for the subject */
        NOT_HELD,
        /** the store did not answer (failed or too slow): the applicant submits it unless asked again */
        UNKNOWN;

        @JsonValue
        public String value() {
            return name().toLowerCase();
        }
    }

    /**
     * @param value      the value as the source's canonical answer holds it (text, number, object…), or null
     * @param provenance where the value came from, or null when unfilled
     */
    public record FormField(String name, String label, boolean mandatory, JsonNode value, Provenance provenance) {
    }

    /**
     * @param source      the source id in the profile
     * @param service     the catalogue service that answered
     * @param retrievedAt when the hub received the answer
     */
    public record Provenance(String source, String service, Instant retrievedAt) {
    }

    /**
     * @param status         how the source answered
     * @param code           the hub error code when it did not answer with data
     * @param detail         why, in words
     * @param durationMillis how long the hub waited for it
     * @param retrievedAt    when the answer came, for {@code ok}
     */
    public record SourceStatus(String id, String service, Status status, String code, String detail,
                               long durationMillis, Instant retrievedAt) {
    }

    /** How one source answered. */
    public enum Status {
        OK, NOT_FOUND, FAILED, TIMEOUT;

        @JsonValue
        public String value() {
            return name().toLowerCase();
        }
    }
}
