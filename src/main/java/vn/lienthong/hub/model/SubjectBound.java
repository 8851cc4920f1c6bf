package vn.lienthong.hub.model;

/** A request about one data subject (a citizen or an enterprise), whose reference goes to the message log. */
public interface SubjectBound {

    /** The personal id or enterprise code the request is about. */
    String subjectId();
}
