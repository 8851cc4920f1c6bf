package vn.lienthong.hub.signature;

import java.util.Iterator;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.HubException;
import vn.lienthong.hub.model.PersonalIds;
import vn.lienthong.hub.model.SubjectBound;

/**
 * A digitised paper of the national store as the pre-fill lists it: its owner and the store's id of the paper
 * ({@code reusable.documentId}, {@code MaKetQua}). The store answers a paper to its owner's number only.
 *
 * @param documentId the store's id of the paper, e.g. {@code KQ-KS.001090012345.01}
 * @param personalId the owner's personal identification number
 */
public record PaperReference(String documentId, String personalId) implements SubjectBound {

    private static final Pattern DOCUMENT_ID = Pattern.compile("^KQ-[A-Z0-9.-]{1,60}$");

    @Override
    public String subjectId() {
        return personalId;
    }

    /**
     * The reference of a request body {@code {"documentId": …, "personalId": …}}.
     *
     * @throws HubException 400 {@code MALFORMED_REQUEST}, {@code UNKNOWN_FIELD}, {@code INVALID_FIELD} or
     *                      {@code INVALID_PERSONAL_ID}
     */
    public static PaperReference of(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new HubException(ErrorCode.MALFORMED_REQUEST,
                    "the body must be {\"documentId\": \"<the store's id of the paper>\", \"personalId\": \"<its owner>\"}");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("documentId") && !name.equals("personalId")) {
                throw new HubException(ErrorCode.UNKNOWN_FIELD, "unknown field '" + name + "'");
            }
        }
        JsonNode documentId = body.get("documentId");
        if (documentId == null || !documentId.isTextual() || !DOCUMENT_ID.matcher(documentId.asText()).matches()) {
            throw new HubException(ErrorCode.INVALID_FIELD, "documentId: the store's id of the paper (MaKetQua, e.g."
                    + " KQ-KS.001090012345.01) is required");
        }
        JsonNode personalId = body.get("personalId");
        if (personalId == null || !personalId.isTextual() || personalId.asText().isBlank()) {
            throw new HubException(ErrorCode.INVALID_FIELD, "personalId: the owner's personal identification number is"
                    + " required");
        }
        PersonalIds.violation(personalId.asText(), null).ifPresent(reason -> {
            throw new HubException(ErrorCode.INVALID_PERSONAL_ID, "personalId " + personalId.asText() + ": " + reason);
        });
        return new PaperReference(documentId.asText(), personalId.asText());
    }
}
