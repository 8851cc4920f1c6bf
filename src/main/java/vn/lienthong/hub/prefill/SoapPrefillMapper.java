package vn.lienthong.hub.prefill;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.hub.soap.prefill.v1.FormField;
import vn.lienthong.hub.soap.prefill.v1.SourceStatus;

/** Maps the pre-fill result to the SOAP contract, where every field value travels as a string. */
final class SoapPrefillMapper {

    private SoapPrefillMapper() {
    }

    static vn.lienthong.hub.soap.prefill.v1.PrefillResult toSoap(PrefillResult result) {
        vn.lienthong.hub.soap.prefill.v1.PrefillResult soap = new vn.lienthong.hub.soap.prefill.v1.PrefillResult();
        soap.setProcedureCode(result.procedureCode());
        soap.setProcedureName(result.procedureName());
        soap.setSubjectKind(result.subjectKind());
        for (PrefillResult.FormField f : result.fields()) {
            FormField field = new FormField();
            field.setName(f.name());
            field.setLabel(f.label());
            field.setMandatory(f.mandatory());
            field.setValue(text(f.value()));
            if (f.provenance() != null) {
                field.setSource(f.provenance().source());
                field.setService(f.provenance().service());
                field.setRetrievedAt(instant(f.provenance().retrievedAt()));
            }
            soap.getField().add(field);
        }
        for (PrefillResult.SourceStatus s : result.sources()) {
            SourceStatus status = new SourceStatus();
            status.setId(s.id());
            status.setService(s.service());
            status.setStatus(s.status().value());
            status.setCode(s.code());
            status.setDetail(s.detail());
            status.setDurationMillis(s.durationMillis());
            status.setRetrievedAt(instant(s.retrievedAt()));
            soap.getSource().add(status);
        }
        soap.getMissingMandatoryField().addAll(result.missingMandatoryFields());
        if (result.papers() != null) {
            for (PrefillResult.RequiredPaper p : result.papers()) {
                vn.lienthong.hub.soap.prefill.v1.RequiredPaper paper = new vn.lienthong.hub.soap.prefill.v1.RequiredPaper();
                paper.setDocumentType(p.documentType());
                paper.setLabel(p.label());
                paper.setStatus(p.status().value());
                paper.setReusable(held(p.reusable()));
                p.notOffered().forEach(n -> paper.getNotOffered().add(held(n)));
                soap.getPaper().add(paper);
            }
            soap.getPaperToSubmit().addAll(result.papersToSubmit());
        }
        return soap;
    }

    private static vn.lienthong.hub.soap.prefill.v1.HeldPaper held(PrefillResult.HeldPaper p) {
        if (p == null) {
            return null;
        }
        vn.lienthong.hub.soap.prefill.v1.HeldPaper held = new vn.lienthong.hub.soap.prefill.v1.HeldPaper();
        held.setDocumentId(p.documentId());
        held.setNumber(p.number());
        held.setIssuerName(p.issuer() == null || p.issuer().path("name").isMissingNode() ? null : p.issuer().path("name").asText());
        held.setIssuedOn(p.issuedOn());
        held.setValidUntil(p.validUntil());
        held.setValidity(p.validity().status());
        held.setReason(p.validity().reason());
        held.setLink(p.link());
        held.setService(p.provenance().service());
        held.setRetrievedAt(instant(p.provenance().retrievedAt()));
        if (p.dossierComponent() != null) {
            held.setDossierComponent(COMPONENTS.valueToTree(p.dossierComponent()).toString());
        }
        return held;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper COMPONENTS = new com.fasterxml.jackson.databind.ObjectMapper();

    /** Text as it is; numbers, booleans and structured values (addresses) as JSON. */
    private static String text(JsonNode value) {
        if (value == null) {
            return null;
        }
        return value.isTextual() ? value.asText() : value.toString();
    }

    private static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
