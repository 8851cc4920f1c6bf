package vn.lienthong.hub.prefill;

import org.springframework.stereotype.Component;

import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.HubException;
import vn.lienthong.hub.model.CitizenLookupRequest;
import vn.lienthong.hub.citizen.CitizenLookupRequests;
import vn.lienthong.hub.model.EnterpriseCodes;

/**
 * Validates a pre-fill request before any source is asked: the procedure exists, the stated purpose is that
 * procedure (Decree 13/2023/NĐ-CP: personal data only for the declared purpose), and the subject passes the same
 * rules as the citizen lookup or the enterprise lookup.
 */
@Component
public class PrefillRequests {

    private final ProcedureProfiles profiles;

    public PrefillRequests(ProcedureProfiles profiles) {
        this.profiles = profiles;
    }

    /**
     * @param purpose the caller's {@code X-Purpose}
     * @throws HubException UNKNOWN_PROCEDURE, PURPOSE_MISMATCH, or a 400 code naming the bad subject field
     */
    public PrefillRequest validate(String procedureCode, SubjectInput subject, String purpose) {
        if (procedureCode == null || procedureCode.isBlank()) {
            throw new HubException(ErrorCode.INVALID_FIELD, "procedureCode is required");
        }
        ProcedureProfile procedure = profiles.find(procedureCode).orElseThrow(() -> new HubException(
                ErrorCode.UNKNOWN_PROCEDURE, "no procedure '" + procedureCode.strip()
                + "'; GET /api/v1/prefill/procedures lists them"));
        if (purpose == null || !purpose.strip().equals(procedure.code())) {
            throw new HubException(ErrorCode.PURPOSE_MISMATCH, "X-Purpose must be the procedure code " + procedure.code()
                    + ", not '" + purpose + "'");
        }
        if (subject == null) {
            throw new HubException(ErrorCode.INVALID_FIELD, "subject is required: " + expected(procedure));
        }
        return new PrefillRequest(procedure, switch (procedure.subjectKind()) {
            case CITIZEN -> {
                if (subject.enterpriseCode() != null) {
                    throw new HubException(ErrorCode.INVALID_FIELD, "procedure " + procedure.code()
                            + " is about a citizen: subject is " + expected(procedure));
                }
                CitizenLookupRequest valid = CitizenLookupRequests.validate(subject.personalId(), subject.fullName(),
                        subject.dateOfBirth());
                yield PrefillSubject.citizen(valid.personalId(), valid.fullName(), valid.dateOfBirth());
            }
            case ENTERPRISE -> {
                if (subject.personalId() != null || subject.fullName() != null || subject.dateOfBirth() != null) {
                    throw new HubException(ErrorCode.INVALID_FIELD, "procedure " + procedure.code()
                            + " is about an enterprise: subject is " + expected(procedure));
                }
                String code = subject.enterpriseCode() == null ? null : subject.enterpriseCode().strip();
                EnterpriseCodes.violation(code).ifPresent(reason -> {
                    throw new HubException(ErrorCode.INVALID_ENTERPRISE_CODE, "enterpriseCode " + code + ": " + reason);
                });
                yield PrefillSubject.enterprise(code);
            }
        });
    }

    private static String expected(ProcedureProfile procedure) {
        return procedure.subjectKind() == ProcedureProfile.SubjectKind.CITIZEN
                ? "{personalId, fullName, dateOfBirth}" : "{enterpriseCode}";
    }

    /** The subject as the caller sent it, over REST or SOAP. */
    public record SubjectInput(String personalId, String fullName, String dateOfBirth, String enterpriseCode) {
    }
}
