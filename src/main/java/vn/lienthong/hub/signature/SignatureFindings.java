package vn.lienthong.hub.signature;

import vn.lienthong.hub.exchange.ExchangeContext;

/**
 * The outcome of a verification for the message log, beside the exchange's own record: one finding per signature and
 * one for the document. Outcomes only: never the signer's name or identifiers (those are in the answer).
 */
final class SignatureFindings {

    private SignatureFindings() {
    }

    static void record(ExchangeContext context, DocumentVerification outcome) {
        for (DocumentVerification.SignatureVerification s : outcome.signatures()) {
            DocumentVerification.Reason first = s.reasons().isEmpty() ? null : s.reasons().get(0);
            context.finding(new ExchangeContext.Finding("signature " + s.index() + " " + s.status(),
                    s.status() == DocumentVerification.Status.VALID, first == null ? null : first.code(),
                    first == null ? summary(s) : shorten(first.detail())));
        }
        context.finding(new ExchangeContext.Finding("document " + outcome.status(),
                outcome.status() == DocumentVerification.Status.VALID, null,
                outcome.signatures().size() + " signature(s), document sha256 " + outcome.documentSha256()
                        + (outcome.modifiedAfterLastSignature() ? ", changed after its last signature" : "")));
    }

    private static String summary(DocumentVerification.SignatureVerification s) {
        String text = "chain " + s.chain().status() + ", revocation " + s.revocation().status();
        if (s.timeStamp() != null) {
            text += ", time-stamp " + s.timeStamp().status();
        }
        return text;
    }

    static String shorten(String text) {
        return text.length() <= 240 ? text : text.substring(0, 237) + "…";
    }
}
