package vn.lienthong.hub.citizen;

/** The JSON body of {@code POST /api/v1/citizens/lookup}; unknown fields are refused. */
public record CitizenLookupBody(String personalId, String fullName, String dateOfBirth) {
}
