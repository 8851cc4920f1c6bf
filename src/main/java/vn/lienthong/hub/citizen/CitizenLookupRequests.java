package vn.lienthong.hub.citizen;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.HubException;
import vn.lienthong.hub.model.CitizenLookupRequest;
import vn.lienthong.hub.model.Names;
import vn.lienthong.hub.model.PersonalIds;

/** Validates what an agency system sends for a citizen lookup, before any national call. */
public final class CitizenLookupRequests {

    private static final int MAX_NAME_LENGTH = 100;

    private CitizenLookupRequests() {
    }

    /**
     * @throws HubException with a 400 code naming the first field that breaks the rules
     */
    public static CitizenLookupRequest validate(String personalId, String fullName, String dateOfBirth) {
        if (personalId == null || personalId.isBlank()) {
            throw new HubException(ErrorCode.INVALID_FIELD, "personalId is required");
        }
        String name = Names.normalize(fullName);
        if (name == null || name.isEmpty()) {
            throw new HubException(ErrorCode.INVALID_FIELD, "fullName is required");
        }
        if (name.length() > MAX_NAME_LENGTH || !name.codePoints().allMatch(CitizenLookupRequests::isNameCharacter)) {
            throw new HubException(ErrorCode.INVALID_FIELD, "fullName must be letters, spaces, apostrophes or hyphens, at most "
                    + MAX_NAME_LENGTH + " characters");
        }
        if (dateOfBirth == null || dateOfBirth.isBlank()) {
            throw new HubException(ErrorCode.INVALID_FIELD, "dateOfBirth is required");
        }
        LocalDate birth;
        try {
            birth = LocalDate.parse(dateOfBirth.strip());
        } catch (DateTimeParseException e) {
            throw new HubException(ErrorCode.INVALID_FIELD, "dateOfBirth must be a date in the form yyyy-MM-dd");
        }
        if (birth.isAfter(LocalDate.now())) {
            throw new HubException(ErrorCode.INVALID_FIELD, "dateOfBirth lies in the future");
        }
        String id = personalId.strip();
        // an old 9-digit identity card number (CMND) is accepted: the population database looks it up as SoCMND
        if (!id.matches("\\d{9}")) {
            PersonalIds.violation(id, birth).ifPresent(reason -> {
                throw new HubException(ErrorCode.INVALID_PERSONAL_ID, "personalId " + reason
                        + " (or give the 9-digit identity card number)");
            });
        }
        return new CitizenLookupRequest(id, name, birth);
    }

    private static boolean isNameCharacter(int codePoint) {
        return Character.isLetter(codePoint) || Character.getType(codePoint) == Character.NON_SPACING_MARK
                || codePoint == ' ' || codePoint == '\'' || codePoint == '-' || codePoint == '.';
    }
}
