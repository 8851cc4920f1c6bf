package vn.lienthong.hub.signature;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.HubException;
import vn.lienthong.hub.model.ServiceRequest;

/**
 * The decisions of the verification of a digitised paper by reference (routes/signature/paper-verification.camel.yaml):
 * the requests to the store's catalogue services, then the verification of the file the store gave, its match with the
 * hash the store recorded, and the paper's validity today.
 */
@Component("paperVerifications")
public class PaperVerifications {

    static final String PAPER_SERVICE = "digitised-paper";
    static final String FILE_SERVICE = "digitised-paper-file";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final PdfSignatureVerifier verifier;
    private final ObjectMapper json;
    private final Clock clock;

    @Autowired
    public PaperVerifications(PdfSignatureVerifier verifier, ObjectMapper json) {
        this(verifier, json, Clock.systemUTC());
    }

    PaperVerifications(PdfSignatureVerifier verifier, ObjectMapper json, Clock clock) {
        this.verifier = verifier;
        this.json = json;
        this.clock = clock;
    }

    /** The request of the paper's metadata (GetKetQuaGiayTo). */
    public ServiceRequest paperRequest(PaperReference reference) {
        return request(PAPER_SERVICE, reference);
    }

    /** The request of the paper's file (TaiTepDinhKem). */
    public ServiceRequest fileRequest(PaperReference reference) {
        return request(FILE_SERVICE, reference);
    }

    private ServiceRequest request(String service, PaperReference reference) {
        ObjectNode input = json.createObjectNode();
        input.put("personalId", reference.personalId());
        input.put("documentId", reference.documentId());
        return new ServiceRequest(service, input, reference.personalId());
    }

    /**
     * The outcome for the paper {@code paper} (the store's canonical paper) whose file is {@code file} (canonical file,
     * base64 content).
     *
     * @throws HubException 422 {@code UNSIGNED_DOCUMENT} when the paper's file carries no signature; 502
     *                      {@code NATIONAL_MALFORMED_ANSWER} when the store's file is not a readable PDF
     */
    public PaperVerification verify(PaperReference reference, JsonNode paper, JsonNode file) {
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(file.path("content").asText(""));
        } catch (IllegalArgumentException e) {
            throw new HubException(ErrorCode.NATIONAL_MALFORMED_ANSWER, "the store's file of this paper is not base64");
        }
        DocumentVerification outcome;
        try {
            outcome = verifier.verify(bytes);
        } catch (HubException e) {
            if (e.code() == ErrorCode.INVALID_DOCUMENT) {
                throw new HubException(ErrorCode.NATIONAL_MALFORMED_ANSWER, "the store's file of this paper is not a"
                        + " readable PDF: " + e.getMessage());
            }
            if (e.code() == ErrorCode.UNSIGNED_DOCUMENT) {
                throw new HubException(ErrorCode.UNSIGNED_DOCUMENT, "the store's file of this paper carries no signature");
            }
            throw e;
        }
        String storeSha256 = text(file, "sha256");
        if (storeSha256 == null) {
            storeSha256 = text(paper.path("attachment"), "sha256");
        }
        boolean matches = storeSha256 != null && storeSha256.equalsIgnoreCase(outcome.documentSha256());
        DocumentVerification.Status status = outcome.status();
        String reason = outcome.reason();
        if (!matches && status == DocumentVerification.Status.VALID) {
            status = DocumentVerification.Status.INDETERMINATE;
            reason = storeSha256 == null ? "the store recorded no hash of this paper's file: it cannot be told to be the"
                    + " paper the store holds" : "the file is not the one the store recorded for this paper (SHA-256 "
                    + outcome.documentSha256() + ", the store recorded " + storeSha256 + ")";
        }
        PaperVerification.Attachment attachment = new PaperVerification.Attachment(text(file, "fileName"),
                text(file, "mediaType"), bytes.length, storeSha256, matches);
        PaperVerification.Paper described = new PaperVerification.Paper(reference.documentId(),
                text(paper, "documentType"), text(paper, "documentTypeName"), text(paper, "number"), text(paper, "summary"),
                paper.path("issuer").isObject() ? paper.get("issuer") : null, text(paper, "issuedOn"),
                text(paper, "validUntil"), text(paper, "storeStatus"), text(paper, "sourceDossier"), validity(paper),
                attachment, new PaperVerification.Provenance("digitised-documents", List.of(PAPER_SERVICE, FILE_SERVICE),
                        clock.instant().toString()));
        return new PaperVerification(described, outcome.documentSha256(), outcome.documentBytes(), status, reason,
                outcome.modifiedAfterLastSignature(), outcome.signatures(), outcome.validationData());
    }

    /** Valid today (Việt Nam): held valid by the store and not past its end of validity. */
    PaperVerification.Validity validity(JsonNode paper) {
        if (!"VALID".equals(paper.path("storeStatus").asText())) {
            return new PaperVerification.Validity("invalid", "the store no longer holds it valid (revoked or replaced)");
        }
        String until = text(paper, "validUntil");
        if (until != null) {
            try {
                LocalDate end = LocalDate.parse(until);
                if (end.isBefore(LocalDate.now(clock.withZone(VIETNAM)))) {
                    return new PaperVerification.Validity("expired", "valid until " + end);
                }
            } catch (DateTimeParseException e) {
                return new PaperVerification.Validity("invalid", "the store gives an unreadable end of validity: " + until);
            }
        }
        return new PaperVerification.Validity("valid", null);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
