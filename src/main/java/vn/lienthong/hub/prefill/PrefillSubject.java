package vn.lienthong.hub.prefill;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import vn.lienthong.hub.model.SubjectBound;

/**
 * The citizen or enterprise a pre-fill is about, after validation. Source requests are built from its fields
 * ({@code subject.personalId} …) by the procedure profile.
 *
 * @param personalId     12-digit personal identification number (citizen)
 * @param fullName       full name, NFC (citizen)
 * @param dateOfBirth    date of birth (citizen)
 * @param enterpriseCode enterprise code (= tax code) (enterprise)
 */
public record PrefillSubject(String personalId, String fullName, LocalDate dateOfBirth, String enterpriseCode)
        implements SubjectBound {

    public static PrefillSubject citizen(String personalId, String fullName, LocalDate dateOfBirth) {
        return new PrefillSubject(personalId, fullName, dateOfBirth, null);
    }

    public static PrefillSubject enterprise(String enterpriseCode) {
        return new PrefillSubject(null, null, null, enterpriseCode);
    }

    /** The fields a subject of this kind has, as profiles name them. */
    public static List<String> fields(ProcedureProfile.SubjectKind kind) {
        return kind == ProcedureProfile.SubjectKind.CITIZEN
                ? List.of("subject.personalId", "subject.fullName", "subject.dateOfBirth")
                : List.of("subject.enterpriseCode");
    }

    /** The value of {@code subject.<field>}, empty when the subject has no such field. */
    public Optional<String> value(String reference) {
        return Optional.ofNullable(switch (reference) {
            case "subject.personalId" -> personalId;
            case "subject.fullName" -> fullName;
            case "subject.dateOfBirth" -> dateOfBirth == null ? null : dateOfBirth.toString();
            case "subject.enterpriseCode" -> enterpriseCode;
            default -> null;
        });
    }

    @Override
    public String subjectId() {
        return personalId != null ? personalId : enterpriseCode;
    }
}
