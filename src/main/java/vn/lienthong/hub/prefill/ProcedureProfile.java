package vn.lienthong.hub.prefill;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a procedure (thủ tục hành chính) needs about its subject and where the hub finds it, as declared in a
 * {@code routes/prefill/procedures/*.procedure.yaml} file. Adding a procedure is adding a file, not Java.
 *
 * @param code        procedure code from the national procedure database (MaTTHC), e.g. {@code 2.000488.000.00.00.H22};
 *                    callers must send it as {@code X-Purpose}
 * @param name        the procedure's Vietnamese name
 * @param subjectKind whether the form is about a citizen or an enterprise
 * @param sources     the catalogue services the hub asks, all at once
 * @param fields      the form fields, each filled from one source or left to the applicant
 * @param papers      the papers and results the procedure requires, looked up in the store of digitised documents so
 *                    the applicant need not submit again what it holds and is still valid; null when none
 * @param location    where the profile was read from, for error messages
 */
public record ProcedureProfile(String code, String name, SubjectKind subjectKind, List<Source> sources,
                               List<Field> fields, Papers papers, String location) {

    /** A profile that requires no papers. */
    public ProcedureProfile(String code, String name, SubjectKind subjectKind, List<Source> sources, List<Field> fields,
                            String location) {
        this(code, name, subjectKind, sources, fields, null, location);
    }

    /** The source id of the store of digitised documents in the plan and the message log. */
    public static final String PAPER_STORE = "papers";

    /**
     * The papers of a procedure (thành phần hồ sơ the state may already hold, Decree 45/2020 Art. 10).
     *
     * @param store    the catalogue service that lists the subject's digitised papers (id {@value #PAPER_STORE})
     * @param required the papers the procedure requires, in the profile's order
     */
    public record Papers(Source store, List<Paper> required) {
    }

    /**
     * One paper a procedure requires.
     *
     * @param documentType the store's document type code (MaLoaiGiayTo), e.g. {@code KS.TRICHLUC}
     * @param label        the Vietnamese name of the dossier component
     * @param maxAgeDays   when the procedure accepts only recent papers: their greatest age in days; null otherwise
     */
    public record Paper(String documentType, String label, Integer maxAgeDays) {
    }

    /** Every call the pre-fill makes: the sources, then the store of papers when the procedure requires any. */
    public List<Source> calls() {
        if (papers == null) {
            return sources;
        }
        List<Source> all = new java.util.ArrayList<>(sources);
        all.add(papers.store());
        return List.copyOf(all);
    }

    /** The kind of subject a procedure is about, and so the identifiers the caller sends. */
    public enum SubjectKind {
        /** {@code {personalId, fullName, dateOfBirth}} */
        CITIZEN,
        /** {@code {enterpriseCode}} */
        ENTERPRISE
    }

    /**
     * One source of a procedure.
     *
     * @param id            name of the source within the profile, used by the fields
     * @param service       catalogue service code ({@code connectors/<system>/connector.yaml})
     * @param input         the service's request: input field name → {@code subject.<field>}
     * @param timeoutMillis how long the pre-fill waits for this source before marking it {@code timeout}
     */
    public record Source(String id, String service, Map<String, String> input, long timeoutMillis) {
    }

    /**
     * One field of the procedure's form.
     *
     * @param name      field name in the answer
     * @param label     the Vietnamese label on the form
     * @param source    the source id that fills it, or null when only the applicant can give it
     * @param pointer   JSON pointer into that source's canonical answer, e.g. {@code /parcels/0/parcelNumber}
     * @param mandatory whether the dossier is incomplete without it
     */
    public record Field(String name, String label, String source, String pointer, boolean mandatory) {
    }

    public Optional<Source> source(String id) {
        return sources.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
