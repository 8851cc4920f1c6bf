package vn.lienthong.hub.signature;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.hub.exchange.ExchangeContext;
import vn.lienthong.hub.exchange.HubOperation;
import vn.lienthong.hub.exchange.HubServices;
import vn.lienthong.hub.exchange.ServiceGateway;

/**
 * Verification of a digitised paper by its reference (grant {@code document:*}; personal data, so {@code X-User-Id}
 * and {@code X-Purpose}): the hub fetches the paper and its file from the national store of digitised documents and
 * verifies the file's signatures. The outcome is the answer, and each signature's indication and the paper's validity
 * are written to the message log beside the exchange and the store calls.
 */
@RestController
public class PaperController {

    private final ServiceGateway gateway;

    public PaperController(ServiceGateway gateway) {
        this.gateway = gateway;
    }

    @HubOperation(service = "paper-verification", operation = "VerifyPaper")
    @PostMapping(path = "/api/v1/papers/verify", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public PaperVerification verify(@RequestBody(required = false) JsonNode body, HttpServletRequest request) {
        ExchangeContext context = ExchangeContext.of(request);
        PaperVerification outcome = gateway.call(context, HubServices.PAPER_VERIFY, () -> PaperReference.of(body),
                PaperVerification.class);
        SignatureFindings.record(context, outcome.verification());
        PaperVerification.Paper paper = outcome.paper();
        context.finding(new ExchangeContext.Finding("paper " + paper.validity().status(),
                "valid".equals(paper.validity().status()) && paper.attachment().matchesStore(),
                paper.attachment().matchesStore() ? null : "PAPER_FILE_MISMATCH",
                "type " + paper.documentType() + (paper.validity().reason() == null ? "" : ", " + paper.validity().reason())
                        + (paper.attachment().matchesStore() ? ", file as the store recorded it"
                        : ", the file is not the one the store recorded")));
        return outcome;
    }
}
