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
 */
public record PrefillResult(String procedureCode, String procedureName, String subjectKind, List<FormField> fields,
                            List<SourceStatus> sources, List<String> missingMandatoryFields) {

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
