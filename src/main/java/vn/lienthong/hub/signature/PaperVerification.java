package vn.lienthong.hub.signature;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The verification of a digitised paper fetched from the national store by its reference (docs/signatures.md): the
 * same outcome as the verification of a PDF ({@link DocumentVerification}, its fields at the top level), with the
 * paper's metadata, its validity today, and whether the file is the one the store recorded.
 *
 * @param paper                      what the store says of the paper
 * @param documentSha256             SHA-256 (hex) of the file as the store gave it
 * @param documentBytes              its size
 * @param status                     the signatures' indication; {@code INDETERMINATE} at best when the file is not
 *                                   the one the store recorded
 * @param reason                     why it is not VALID, or null
 * @param modifiedAfterLastSignature bytes follow the range of the last signature
 * @param signatures                 each signature
 * @param validationData             the validation data the file embeds, or null
 */
@JsonPropertyOrder({"paper", "documentSha256", "documentBytes", "status", "reason", "modifiedAfterLastSignature",
        "signatures", "validationData"})
public record PaperVerification(Paper paper, String documentSha256, long documentBytes, DocumentVerification.Status status,
        String reason, boolean modifiedAfterLastSignature, List<DocumentVerification.SignatureVerification> signatures,
        DocumentVerification.ValidationData validationData) {

    /**
     * A digitised paper as the store describes it.
     *
     * @param documentId       the store's id of the paper (MaKetQua)
     * @param documentType     its type code (MaLoaiGiayTo)
     * @param documentTypeName its type's name
     * @param number           its number (SoKyHieu)
     * @param summary          what it is about
     * @param issuer           the issuing agency {@code {code, name}}
     * @param issuedOn         date of issue
     * @param validUntil       end of validity, or null when it has none
     * @param storeStatus      {@code VALID} or {@code INVALID} (no longer valid in the store: revoked or replaced)
     * @param sourceDossier    the dossier that produced it, or null
     * @param validity         whether it may be relied on today, Việt Nam time: {@code valid}, {@code expired},
     *                         {@code invalid}, with the reason
     * @param attachment       the file the store keeps, and whether it is the one it recorded
     * @param provenance       where and when it was read
     */
    public record Paper(String documentId, String documentType, String documentTypeName, String number, String summary,
            JsonNode issuer, String issuedOn, String validUntil, String storeStatus, String sourceDossier,
            Validity validity, Attachment attachment, Provenance provenance) {
    }

    /** @param status {@code valid}, {@code expired} or {@code invalid}; @param reason why it is not valid, or null */
    public record Validity(String status, String reason) {
    }

    /**
     * @param fileName     the file's name in the store
     * @param mediaType    its media type
     * @param size         its size
     * @param storeSha256  the SHA-256 the store recorded for it
     * @param matchesStore whether the file given is the one the store recorded (same SHA-256)
     */
    public record Attachment(String fileName, String mediaType, long size, String storeSha256, boolean matchesStore) {
    }

    /**
     * @param source      {@code digitised-documents} (KhoSoHoaDVCQG)
     * @param services    the catalogue services that answered
     * @param retrievedAt when, UTC
     */
    public record Provenance(String source, List<String> services, String retrievedAt) {
    }

    /** The outcome of the signatures alone, as {@code POST /api/v1/documents/verify} answers it. */
    @JsonIgnore
    public DocumentVerification verification() {
        return new DocumentVerification(documentSha256, documentBytes, status, reason, modifiedAfterLastSignature,
                signatures, validationData);
    }
}
