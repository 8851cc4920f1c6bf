package vn.lienthong.hub.prefill;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.hub.connector.CatalogueService;
import vn.lienthong.hub.connector.ConnectorCatalogue;
import vn.lienthong.hub.connector.ServiceRequests;
import vn.lienthong.hub.exchange.CallContext;
import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.HubException;

/**
 * First step of the pre-fill flow: decides which sources to ask and with what. For each source of the procedure's
 * profile it builds the service request from the subject ({@code input: {personalId: subject.personalId}}), validates
 * it with the service's input schema and identifier rules, and names the route that serves the service. A request
 * the schema refuses is planned as a failure of that source alone, so the caller still gets the others.
 */
@Component("prefillPlanner")
public class PrefillPlanner {

    private final ConnectorCatalogue catalogue;
    private final ServiceRequests requests;

    public PrefillPlanner(ConnectorCatalogue catalogue, ServiceRequests requests) {
        this.catalogue = catalogue;
        this.requests = requests;
    }

    /** Serves the first step of {@code direct:prefill}: the body is a {@link PrefillRequest}, the result a {@link PrefillPlan}. */
    public PrefillPlan plan(Exchange exchange) {
        PrefillRequest request = exchange.getIn().getBody(PrefillRequest.class);
        if (request == null) {
            throw new HubException(ErrorCode.INTERNAL_ERROR, "direct:prefill needs a validated PrefillRequest");
        }
        CallContext caller = CallContext.of(exchange);
        ProcedureProfile procedure = request.procedure();
        long start = System.nanoTime();
        List<PrefillPlan.SourceCall> calls = new ArrayList<>();
        for (ProcedureProfile.Source source : procedure.calls()) {
            calls.add(call(calls.size(), source, request.subject(), caller, start));
        }
        return new PrefillPlan(procedure, List.copyOf(calls));
    }

    private PrefillPlan.SourceCall call(int index, ProcedureProfile.Source source, PrefillSubject subject,
                                        CallContext caller, long start) {
        // the profile check guarantees every source is asked by the subject's own identifier: same subject reference
        CallContext context = caller.forService(source.service());
        try {
            CatalogueService service = catalogue.find(source.service()).orElseThrow(() -> new HubException(
                    ErrorCode.UNKNOWN_SERVICE, "service '" + source.service() + "' is not in the catalogue"));
            ObjectNode input = JsonNodeFactory.instance.objectNode();
            source.input().forEach((field, reference) -> subject.value(reference).ifPresent(value -> input.put(field, value)));
            Object body = requests.validate(service, input);
            return new PrefillPlan.SourceCall(index, source, service.hubService().endpointUri(), body, context, null, start);
        } catch (HubException refused) {
            return new PrefillPlan.SourceCall(index, source, null, null, context, refused, start);
        }
    }
}
