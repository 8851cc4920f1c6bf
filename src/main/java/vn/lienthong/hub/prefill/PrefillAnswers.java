package vn.lienthong.hub.prefill;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeTimedOutException;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.lienthong.hub.exchange.CallContext;
import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.FailureTranslator;
import vn.lienthong.hub.exchange.HubException;

/**
 * Aggregation strategy of the pre-fill's split: gathers each source's answer as it comes (canonical answer with the
 * time it was received, or the catalogue error it ended with), so a failing or late source is reported and never
 * fatal. A source whose exchange timed out at the pre-fill's own deadline is a {@code NATIONAL_TIMEOUT} naming that
 * deadline. The result body is a {@link Gathered}; the caller's exchange context is left as it was.
 */
@Component("prefillAnswers")
public class PrefillAnswers implements AggregationStrategy {

    /** Exchange property holding the {@link PrefillPlan.SourceCall} of a split exchange (set by the flow). */
    public static final String SOURCE = "prefillSource";
    /** Exchange property holding the failure a source's call ended with (set by the flow when it catches it). */
    public static final String FAILURE = "prefillFailure";

    private final ObjectMapper json;

    public PrefillAnswers(ObjectMapper json) {
        this.json = json;
    }

    /** The answers gathered so far, in the order they came. */
    public record Gathered(PrefillPlan plan, List<SourceAnswer> answers) {

        Gathered with(SourceAnswer answer) {
            List<SourceAnswer> more = new ArrayList<>(answers);
            more.add(answer);
            return new Gathered(plan, List.copyOf(more));
        }
    }

    @Override
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        return aggregate(oldExchange, newExchange, null);
    }

    @Override
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange, Exchange inputExchange) {
        SourceAnswer answer = answer(newExchange);
        if (oldExchange == null) {
            PrefillPlan plan = inputExchange == null ? null : inputExchange.getIn().getBody(PrefillPlan.class);
            newExchange.setException(null);
            newExchange.getMessage().setBody(new Gathered(plan, List.of(answer)));
            return newExchange;
        }
        oldExchange.getMessage().setBody(oldExchange.getMessage().getBody(Gathered.class).with(answer));
        return oldExchange;
    }

    /** The split's result carries the answers, not the last source's context or call. */
    @Override
    public void onCompletion(Exchange exchange, Exchange inputExchange) {
        exchange.removeProperty(SOURCE);
        exchange.removeProperty(FAILURE);
        exchange.removeProperty(Exchange.EXCEPTION_CAUGHT);
        if (inputExchange != null) {
            CallContext caller = CallContext.find(inputExchange);
            if (caller != null) {
                caller.applyTo(exchange);
            }
        }
    }

    /** What one split exchange brought back. */
    SourceAnswer answer(Exchange done) {
        PrefillPlan.SourceCall call = done.getProperty(SOURCE, PrefillPlan.SourceCall.class);
        if (call == null) {
            throw new HubException(ErrorCode.INTERNAL_ERROR, "pre-fill split exchange without its " + SOURCE);
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - call.plannedNanos());
        Throwable failure = call.failure() != null ? call.failure() : done.getException();
        if (failure == null) {
            failure = done.getProperty(FAILURE, Throwable.class);
        }
        if (failure == null) {
            // a failure handled by an error handler on the way still ends the source without data
            failure = done.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        }
        if (failure != null) {
            return new SourceAnswer(call, null, failure(call, failure), millis, null);
        }
        Object body = done.getMessage().getBody();
        JsonNode canonical = body instanceof JsonNode node ? node : json.valueToTree(body);
        if (canonical == null || canonical.isNull() || canonical.isMissingNode()) {
            return new SourceAnswer(call, null, new HubException(ErrorCode.NOT_FOUND,
                    call.serviceCode() + " has no record for this request"), millis, null);
        }
        return new SourceAnswer(call, canonical, null, millis, Instant.now());
    }

    private static HubException failure(PrefillPlan.SourceCall call, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HubException hub) {
                return hub;
            }
            if (t instanceof ExchangeTimedOutException) {
                return new HubException(ErrorCode.NATIONAL_TIMEOUT, "no answer within " + call.timeoutMillis() + " ms");
            }
        }
        return FailureTranslator.translate(failure);
    }
}
