package vn.lienthong.hub.model;

import java.time.LocalDate;

/**
 * A verification lookup in the population database: the number, the name and the date of birth must all match.
 * Built only through {@link CitizenLookupRequests#validate}, so a value of this type has passed the rules.
 */
public record CitizenLookupRequest(String personalId, String fullName, LocalDate dateOfBirth) implements SubjectBound {

    @Override
    public String subjectId() {
        return personalId;
    }
}
