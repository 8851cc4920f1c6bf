package vn.lienthong.hub.connector;

import java.util.List;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.HubException;
import vn.lienthong.hub.citizen.CitizenLookupRequests;
import vn.lienthong.hub.model.EnterpriseCodes;
import vn.lienthong.hub.model.PersonalIds;
import vn.lienthong.hub.model.ServiceRequest;

/**
 * Validates a request body for a catalogue service before anything is sent: the service's input schema, then the
 * rules of the identifiers it names (personal id structure, tax-code checksum), so a bad request never reaches a
 * national system and the caller gets a 400 with the reason.
 */
@Component
public class ServiceRequests {

    /** The typed request of a service served by a typed flow, or a {@link ServiceRequest} for the generic route. */
    public Object validate(CatalogueService service, JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            throw new HubException(ErrorCode.MALFORMED_REQUEST, "a JSON body is required; GET /api/v1/services gives its schema");
        }
        // Vietnamese text is data: a generic service body in NFC before it is checked or sent
        body = vn.lienthong.hub.model.NfcJson.nfc(body);
        List<String> violations = JsonSchemas.violations(service.input(), body);
        if (!violations.isEmpty()) {
            throw new HubException(ErrorCode.INVALID_FIELD, String.join("; ", violations));
        }
        String subject = null;
        for (CatalogueService.SubjectField field : service.subjects()) {
            JsonNode value = body.get(field.field());
            if (value == null || value.isNull()) {
                continue;
            }
            checkIdentifier(field, value.asText());
            if (subject == null) {
                subject = value.asText();
            }
        }
        if ("direct:citizen-lookup".equals(service.flow())) {
            // the population connector keeps its typed request: its verification bean compares the answer with it
            return CitizenLookupRequests.validate(body.path("personalId").asText(null), body.path("fullName").asText(null),
                    body.path("dateOfBirth").asText(null));
        }
        return new ServiceRequest(service.code(), body, subject);
    }

    static void checkIdentifier(CatalogueService.SubjectField field, String value) {
        switch (field.kind()) {
            case "enterprise-code" -> EnterpriseCodes.violation(value).ifPresent(reason -> {
                throw new HubException(ErrorCode.INVALID_ENTERPRISE_CODE, field.field() + " " + value + ": " + reason);
            });
            case "personal-id" -> PersonalIds.violation(value, null).ifPresent(reason -> {
                throw new HubException(ErrorCode.INVALID_PERSONAL_ID, field.field() + " " + value + ": " + reason);
            });
            default -> { /* other identifiers are checked by the input schema alone */ }
        }
    }
}
