package vn.lienthong.hub.prefill;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.hub.connector.CatalogueService;
import vn.lienthong.hub.connector.ConnectorCatalogue;
import vn.lienthong.hub.connector.ServiceRequests;
import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.CallContext;
import vn.lienthong.hub.exchange.FailureTranslator;
import vn.lienthong.hub.exchange.HubException;

/**
 * The once-only pre-fill: asks every source of a procedure's profile at the same time, each through its catalogue
 * service (so connector resilience and address translation apply), waits for each at most its own timeout, and
 * fills the form from what came back. A source that fails is reported, never fatal, so the caller always gets the
 * rest; the wait is that of the slowest source, not the sum.
 */
@Component("prefillService")
public class PrefillService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PrefillService.class);

    private final ConnectorCatalogue catalogue;
    private final ServiceRequests requests;
    private final ProducerTemplate producer;
    private final ObjectMapper json;
    private final AtomicInteger threadCount = new AtomicInteger();
    private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "prefill-source-" + threadCount.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    public PrefillService(ConnectorCatalogue catalogue, ServiceRequests requests, ProducerTemplate producer,
                          ObjectMapper json) {
        this.catalogue = catalogue;
        this.requests = requests;
        this.producer = producer;
        this.json = json;
    }

    /** Serves {@code direct:prefill}: the body is a {@link PrefillRequest}, the answer a {@link PrefillResult}. */
    public PrefillResult prefill(Exchange exchange) {
        PrefillRequest request = exchange.getIn().getBody(PrefillRequest.class);
        if (request == null) {
            throw new HubException(ErrorCode.INTERNAL_ERROR, "direct:prefill needs a validated PrefillRequest");
        }
        ProcedureProfile procedure = request.procedure();
        List<CompletableFuture<Answer>> calls = new ArrayList<>();
        for (ProcedureProfile.Source source : procedure.sources()) {
            long start = System.nanoTime();
            calls.add(CompletableFuture.supplyAsync(() -> ask(source, request.subject(), exchange), executor)
                    .orTimeout(source.timeoutMillis(), TimeUnit.MILLISECONDS)
                    .handle((answer, failure) -> failure == null ? answer
                            : Answer.failed(source, failure(source, failure), millisSince(start))));
        }
        List<Answer> answers = calls.stream().map(CompletableFuture::join).toList();
        return assemble(procedure, answers);
    }

    /** Asks one source; runs on the pre-fill executor. */
    private Answer ask(ProcedureProfile.Source source, PrefillSubject subject, Exchange caller) {
        long start = System.nanoTime();
        CatalogueService service = catalogue.find(source.service()).orElseThrow(() -> new HubException(
                ErrorCode.UNKNOWN_SERVICE, "service '" + source.service() + "' is not in the catalogue"));
        ObjectNode input = JsonNodeFactory.instance.objectNode();
        source.input().forEach((field, reference) -> subject.value(reference).ifPresent(value -> input.put(field, value)));
        Object body = requests.validate(service, input);
        Exchange call = new DefaultExchange(caller.getContext());
        CallContext.of(caller).forService(service.code()).applyTo(call);
        call.getIn().setBody(body);
        Exchange done = producer.send(service.hubService().endpointUri(), call);
        if (done.getException() != null) {
            throw FailureTranslator.translate(done.getException());
        }
        Object answer = done.getMessage().getBody();
        JsonNode canonical = answer instanceof JsonNode node ? node : json.valueToTree(answer);
        return new Answer(source, service.code(), canonical, null, millisSince(start), Instant.now());
    }

    private static HubException failure(ProcedureProfile.Source source, Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof TimeoutException) {
            return new HubException(ErrorCode.NATIONAL_TIMEOUT, "no answer within " + source.timeoutMillis() + " ms");
        }
        return FailureTranslator.translate(cause);
    }

    private static PrefillResult assemble(ProcedureProfile procedure, List<Answer> answers) {
        List<PrefillResult.SourceStatus> statuses = new ArrayList<>();
        for (Answer a : answers) {
            statuses.add(a.status());
            if (a.failure() != null) {
                log.info("Pre-fill of {}: source '{}' ({}) {}: {}", procedure.code(), a.source().id(),
                        a.source().service(), a.failure().code(), a.failure().detail());
            }
        }
        Map<String, Answer> bySource = new java.util.HashMap<>();
        answers.forEach(a -> bySource.put(a.source().id(), a));
        List<PrefillResult.FormField> fields = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (ProcedureProfile.Field field : procedure.fields()) {
            Answer answer = field.source() == null ? null : bySource.get(field.source());
            JsonNode value = answer == null || answer.canonical() == null ? null : answer.canonical().at(field.pointer());
            if (value == null || value.isMissingNode() || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
                fields.add(new PrefillResult.FormField(field.name(), field.label(), field.mandatory(), null, null));
                if (field.mandatory()) {
                    missing.add(field.name());
                }
            } else {
                fields.add(new PrefillResult.FormField(field.name(), field.label(), field.mandatory(), value,
                        new PrefillResult.Provenance(field.source(), answer.service(), answer.retrievedAt())));
            }
        }
        return new PrefillResult(procedure.code(), procedure.name(), procedure.subjectKind().name().toLowerCase(),
                List.copyOf(fields), List.copyOf(statuses), List.copyOf(missing));
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }

    /** One source's answer, or why there is none. */
    private record Answer(ProcedureProfile.Source source, String service, JsonNode canonical, HubException failure,
                          long durationMillis, Instant retrievedAt) {

        static Answer failed(ProcedureProfile.Source source, HubException failure, long durationMillis) {
            return new Answer(source, source.service(), null, failure, durationMillis, null);
        }

        PrefillResult.SourceStatus status() {
            if (failure == null) {
                return new PrefillResult.SourceStatus(source.id(), service, PrefillResult.Status.OK, null, null,
                        durationMillis, retrievedAt);
            }
            PrefillResult.Status status = switch (failure.code()) {
                case NOT_FOUND -> PrefillResult.Status.NOT_FOUND;
                case NATIONAL_TIMEOUT -> PrefillResult.Status.TIMEOUT;
                default -> PrefillResult.Status.FAILED;
            };
            return new PrefillResult.SourceStatus(source.id(), service, status, failure.code().name(), failure.detail(),
                    durationMillis, null);
        }
    }
}
