package vn.lienthong.hub.signature;

import java.io.IOException;
import java.util.Base64;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.ExchangeContext;
import vn.lienthong.hub.exchange.HubException;
import vn.lienthong.hub.exchange.HubOperation;

/**
 * Verification of the signatures of a PDF document submitted with a dossier or returned as a result (grant
 * {@code document:*}): the PDF as the body ({@code application/pdf}), or JSON {@code {"document": "<base64>"}}. The
 * outcome is the answer, and each signature's indication is written to the message log beside the exchange.
 */
@RestController
public class DocumentController {

    private final PdfSignatureVerifier verifier;
    private final ObjectMapper json;

    public DocumentController(PdfSignatureVerifier verifier, ObjectMapper json) {
        this.verifier = verifier;
        this.json = json;
    }

    @HubOperation(service = "signature-verification", operation = "VerifySignatures")
    @PostMapping(path = "/api/v1/documents/verify", produces = MediaType.APPLICATION_JSON_VALUE)
    public DocumentVerification verify(@RequestBody(required = false) byte[] body,
            @RequestHeader(name = "Content-Type", required = false) String contentType, HttpServletRequest request) {
        DocumentVerification outcome = verifier.verify(document(body, contentType));
        SignatureFindings.record(ExchangeContext.of(request), outcome);
        return outcome;
    }

    private byte[] document(byte[] body, String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("application/pdf")) {
            if (body == null || body.length == 0) {
                throw new HubException(ErrorCode.INVALID_DOCUMENT, "the body is empty: send the PDF document");
            }
            return body;
        }
        if (!type.startsWith("application/json")) {
            throw new HubException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "send the PDF as application/pdf, or application/json {\"document\": \"<base64>\"}");
        }
        JsonNode tree;
        try {
            tree = body == null || body.length == 0 ? null : json.readTree(body);
        } catch (IOException e) {
            throw new HubException(ErrorCode.MALFORMED_REQUEST, "the body is not JSON");
        }
        if (tree == null || !tree.isObject()) {
            throw new HubException(ErrorCode.INVALID_DOCUMENT, "the body must be {\"document\": \"<base64 of the PDF>\"}");
        }
        tree.fieldNames().forEachRemaining(name -> {
            if (!name.equals("document")) {
                throw new HubException(ErrorCode.UNKNOWN_FIELD, "unknown field '" + name + "'");
            }
        });
        JsonNode document = tree.get("document");
        if (document == null || !document.isTextual() || document.asText().isBlank()) {
            throw new HubException(ErrorCode.INVALID_DOCUMENT, "document: the base64 of the PDF is required");
        }
        try {
            return Base64.getMimeDecoder().decode(document.asText());
        } catch (IllegalArgumentException e) {
            throw new HubException(ErrorCode.INVALID_DOCUMENT, "document: not base64");
        }
    }
}
