package vn.lienthong.hub.prefill;

import vn.lienthong.hub.model.SubjectBound;

/**
 * A pre-fill the hub has accepted: a known procedure and a subject that passed the identifier rules. Built only by
 * {@link PrefillRequests#validate}.
 */
public record PrefillRequest(ProcedureProfile procedure, PrefillSubject subject) implements SubjectBound {

    @Override
    public String subjectId() {
        return subject.subjectId();
    }
}
