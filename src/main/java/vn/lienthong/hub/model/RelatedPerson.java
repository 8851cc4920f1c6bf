package vn.lienthong.hub.model;

/** A person named in another's record (parent, spouse, representative, head of household). */
public record RelatedPerson(String relation, String fullName, String personalId, String oldIdNumber, String nationality) {
}
