package vn.lienthong.hub.prefill;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Last step of the pre-fill flow: fills the procedure's form from the sources' answers. Each field takes the value its
 * pointer finds in its source's canonical answer, with provenance (source, service, time received); a field left
 * empty that is mandatory goes to the list the applicant must still give. Source statuses follow the profile's order.
 */
@Component("prefillForm")
public class PrefillForm {

    private static final Logger log = LoggerFactory.getLogger(PrefillForm.class);

    private final PaperReuse papers;

    public PrefillForm() {
        this(java.time.Clock.systemUTC());
    }

    /** With the clock that says which papers are still valid (tests fix the day). */
    PrefillForm(java.time.Clock clock) {
        this.papers = new PaperReuse(clock);
    }

    /** The body after the split: the gathered answers, or the plan itself when no source was asked. */
    public PrefillResult assemble(Object gatheredOrPlan) {
        if (gatheredOrPlan instanceof PrefillAnswers.Gathered gathered) {
            return assemble(gathered.plan().procedure(), gathered.answers());
        }
        if (gatheredOrPlan instanceof PrefillPlan plan && plan.calls().isEmpty()) {
            return assemble(plan.procedure(), List.of());
        }
        throw new IllegalStateException("the pre-fill form needs the gathered answers, not "
                + (gatheredOrPlan == null ? "null" : gatheredOrPlan.getClass().getName()));
    }

    PrefillResult assemble(ProcedureProfile procedure, List<SourceAnswer> gathered) {
        List<SourceAnswer> answers = new ArrayList<>(gathered);
        answers.sort(Comparator.comparingInt(a -> a.call().index()));
        List<PrefillResult.SourceStatus> statuses = new ArrayList<>();
        Map<String, SourceAnswer> bySource = new HashMap<>();
        SourceAnswer store = null;
        PrefillResult.SourceStatus storeStatus = null;
        for (SourceAnswer a : answers) {
            if (procedure.papers() != null && ProcedureProfile.PAPER_STORE.equals(a.source().id())) {
                store = a;
                storeStatus = a.status();
            } else {
                statuses.add(a.status());
                bySource.put(a.source().id(), a);
            }
            if (a.failure() != null) {
                log.info("Pre-fill of {}: source '{}' ({}) {}: {}", procedure.code(), a.source().id(),
                        a.source().service(), a.failure().code(), a.failure().detail());
            }
        }
        List<PrefillResult.FormField> fields = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (ProcedureProfile.Field field : procedure.fields()) {
            SourceAnswer answer = field.source() == null ? null : bySource.get(field.source());
            JsonNode value = answer == null || answer.canonical() == null ? null : answer.canonical().at(field.pointer());
            if (value == null || value.isMissingNode() || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
                fields.add(new PrefillResult.FormField(field.name(), field.label(), field.mandatory(), null, null));
                if (field.mandatory()) {
                    missing.add(field.name());
                }
            } else {
                fields.add(new PrefillResult.FormField(field.name(), field.label(), field.mandatory(), value,
                        new PrefillResult.Provenance(field.source(), answer.source().service(), answer.retrievedAt())));
            }
        }
        List<PrefillResult.RequiredPaper> required = null;
        List<String> toSubmit = null;
        if (procedure.papers() != null) {
            required = papers.judge(procedure.papers(), store);
            toSubmit = required.stream().filter(p -> p.status() != PrefillResult.PaperStatus.REUSABLE)
                    .map(PrefillResult.RequiredPaper::documentType).toList();
        }
        return new PrefillResult(procedure.code(), procedure.name(), procedure.subjectKind().name().toLowerCase(),
                List.copyOf(fields), List.copyOf(statuses), List.copyOf(missing), required, storeStatus, toSubmit);
    }
}
