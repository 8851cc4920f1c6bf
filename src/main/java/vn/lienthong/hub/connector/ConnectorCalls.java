package vn.lienthong.hub.connector;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.support.DefaultExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import vn.lienthong.hub.exchange.CircuitOpenException;
import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.CallContext;
import vn.lienthong.hub.exchange.FailureTranslator;
import vn.lienthong.hub.exchange.HubException;
import vn.lienthong.hub.model.ServiceRequest;

/**
 * Calls a connector's Kamelet with the protection its descriptor asks for, so no flow has to: a concurrency limit
 * (one slow system cannot take every thread), a circuit breaker (a failing system is cut off and answered in
 * milliseconds), a timeout, and retries with backoff for idempotent reads. Every call is timed in
 * {@code hub.connector.calls} tagged by connector, service and outcome.
 */
@Component
public class ConnectorCalls implements DisposableBean {

    /** Exchange property naming the connector folder, so a Kamelet finds its transforms wherever it was loaded from. */
    public static final String PROPERTY_CONNECTOR_HOME = "hubConnectorHome";
    private static final Logger log = LoggerFactory.getLogger(ConnectorCalls.class);

    private final ProducerTemplate producer;
    private final MeterRegistry meters;
    private final Environment environment;
    private final ObjectMapper json;
    private final Map<String, Guard> guards = new ConcurrentHashMap<>();
    private final AtomicInteger threadCount = new AtomicInteger();
    private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "connector-call-" + threadCount.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    public ConnectorCalls(ProducerTemplate producer, MeterRegistry meters, Environment environment, ObjectMapper json) {
        this.producer = producer;
        this.meters = meters;
        this.environment = environment;
        this.json = json;
    }

    /** The circuit breaker and bulkhead of one service. */
    public record Guard(CatalogueService service, CircuitBreaker circuitBreaker, Bulkhead bulkhead) {
    }

    public Guard guard(CatalogueService service) {
        return guards.computeIfAbsent(service.code(), code -> {
            Resilience r = service.resilience();
            CircuitBreaker breaker = CircuitBreaker.of("connector-" + code, CircuitBreakerConfig.custom()
                    .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                    .slidingWindowSize(r.minimumCalls())
                    .minimumNumberOfCalls(r.minimumCalls())
                    .failureRateThreshold(r.failureRateThreshold())
                    .waitDurationInOpenState(Duration.ofMillis(r.openMillis()))
                    .permittedNumberOfCallsInHalfOpenState(1)
                    .build());
            breaker.getEventPublisher().onStateTransition(event ->
                    log.warn("Circuit of service '{}' ({}): {}", code, service.system(), event.getStateTransition()));
            Bulkhead bulkhead = Bulkhead.of("connector-" + code, BulkheadConfig.custom()
                    .maxConcurrentCalls(r.maxConcurrentCalls()).maxWaitDuration(Duration.ZERO).build());
            return new Guard(service, breaker, bulkhead);
        });
    }

    /** Whether the connector's national system has a URL: unset in production means not configured, reported unhealthy. */
    public boolean configured(CatalogueService service) {
        String url = environment.getProperty("camel.kamelet." + service.kamelet() + ".baseUrl");
        return url != null && !url.isBlank();
    }

    /**
     * Serves one call of the service's route: the exchange body is the validated {@link ServiceRequest} (or, for a
     * typed flow, its typed request); on return the body is the canonical answer.
     */
    public void invoke(CatalogueService service, Exchange exchange) {
        Guard guard = guard(service);
        long start = System.nanoTime();
        String outcome = "success";
        try {
            if (!configured(service)) {
                throw new HubException(ErrorCode.NATIONAL_UNAVAILABLE, "the connector " + service.system()
                        + " has no URL configured (camel.kamelet." + service.kamelet() + ".baseUrl)");
            }
            if (!guard.bulkhead().tryAcquirePermission()) {
                throw new HubException(ErrorCode.NATIONAL_UNAVAILABLE, "too many calls in flight to " + service.system()
                        + " (limit " + service.resilience().maxConcurrentCalls() + ")");
            }
            Object answer;
            try {
                answer = withRetries(guard, exchange);
            } finally {
                guard.bulkhead().onComplete();
            }
            if (answer instanceof JsonNode node && (node.isNull() || node.isMissingNode())) {
                throw new HubException(ErrorCode.NOT_FOUND, service.system() + " has no record for this request");
            }
            exchange.getMessage().setBody(answer);
        } catch (HubException e) {
            outcome = e.code().name();
            throw e;
        } finally {
            Timer.builder("hub.connector.calls")
                    .description("Calls from the hub to national and sector systems")
                    .tag("connector", service.system()).tag("service", service.code()).tag("outcome", outcome)
                    .register(meters).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    private Object withRetries(Guard guard, Exchange exchange) {
        Resilience r = guard.service().resilience();
        long backoff = r.retryBackoffMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                return attempt(guard, exchange);
            } catch (HubException e) {
                boolean transientFailure = e.code() == ErrorCode.NATIONAL_UNAVAILABLE
                        || e.code() == ErrorCode.NATIONAL_SYSTEM_ERROR;
                if (!transientFailure || attempt > r.effectiveRetries()) {
                    throw e;
                }
                log.info("Retrying service '{}' in {} ms after: {}", guard.service().code(), backoff, e.detail());
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(backoff));
                backoff *= 2;
            }
        }
    }

    private Object attempt(Guard guard, Exchange exchange) {
        CircuitBreaker breaker = guard.circuitBreaker();
        if (!breaker.tryAcquirePermission()) {
            long seconds = Math.max(1, TimeUnit.MILLISECONDS.toSeconds(guard.service().resilience().openMillis()));
            throw new CircuitOpenException("calls to " + guard.service().system()
                    + " are paused after repeated failures; try again later", seconds);
        }
        long start = breaker.getCurrentTimestamp();
        try {
            Object answer = callWithTimeout(guard.service(), exchange);
            breaker.onSuccess(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit());
            return answer;
        } catch (HubException e) {
            if (e.code().status() >= 500) {
                breaker.onError(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit(), e);
            } else {
                // the system answered properly (e.g. "no such record"): that is a healthy system
                breaker.onSuccess(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit());
            }
            throw e;
        }
    }

    private Object callWithTimeout(CatalogueService service, Exchange outer) {
        Exchange inner = new DefaultExchange(outer.getContext());
        inner.setProperty(CallContext.PROPERTY, outer.getProperty(CallContext.PROPERTY));
        inner.setProperty(PROPERTY_CONNECTOR_HOME, service.home());
        Object body = outer.getIn().getBody();
        if (body instanceof ServiceRequest request) {
            // every top-level input field is offered to the Kamelet as an exchange property of the same name
            for (Iterator<Map.Entry<String, JsonNode>> it = request.input().fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                inner.setProperty(field.getKey(), field.getValue().isValueNode() ? field.getValue().asText()
                        : field.getValue().toString());
            }
            inner.getIn().setBody(request.input().toString());
        } else {
            inner.getIn().setBody(body);
        }
        long timeout = service.resilience().timeoutMillis();
        Future<Exchange> call = executor.submit(() -> producer.send("kamelet:" + service.kamelet(), inner));
        Exchange done;
        try {
            done = call.get(timeout, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new HubException(ErrorCode.NATIONAL_TIMEOUT, service.system() + " did not answer within " + timeout + " ms");
        } catch (ExecutionException e) {
            throw classify(service, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubException(ErrorCode.NATIONAL_TIMEOUT, "interrupted while waiting for " + service.system());
        }
        if (done.getException() != null) {
            if (notFound(done.getException())) {
                return NullNode.getInstance();
            }
            throw classify(service, done.getException());
        }
        Object answer = done.getMessage().getBody();
        if (service.flow() != null) {
            return answer;
        }
        JsonNode canonical = toJson(service, answer);
        if (!canonical.isNull() && !service.output().isMissingNode()) {
            var violations = JsonSchemas.violations(service.output(), canonical);
            if (!violations.isEmpty()) {
                log.warn("Answer of service '{}' breaks its output schema: {}", service.code(), violations);
                throw new HubException(ErrorCode.NATIONAL_MALFORMED_ANSWER, service.system()
                        + " answered something the connector cannot map: " + violations.get(0));
            }
        }
        return canonical;
    }

    private JsonNode toJson(CatalogueService service, Object answer) {
        try {
            if (answer == null) {
                return NullNode.getInstance();
            }
            if (answer instanceof JsonNode node) {
                return node;
            }
            if (answer instanceof InputStream in) {
                return json.readTree(in);
            }
            if (answer instanceof byte[] bytes) {
                return json.readTree(bytes);
            }
            if (answer instanceof String text) {
                return text.isBlank() ? NullNode.getInstance() : json.readTree(text);
            }
            return json.valueToTree(answer);
        } catch (IOException | IllegalArgumentException e) {
            throw new HubException(ErrorCode.NATIONAL_MALFORMED_ANSWER, service.system()
                    + " answered something the connector cannot read as JSON", e);
        }
    }

    private static boolean notFound(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpOperationFailedException http && http.getStatusCode() == 404) {
                return true;
            }
        }
        return false;
    }

    /** Transport failures keep their meaning; anything a transform could not read is a malformed national answer. */
    private static HubException classify(CatalogueService service, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HubException hub) {
                return hub;
            }
            String name = t.getClass().getName();
            if (t instanceof JsonProcessingException || name.startsWith("com.schibsted.spt.data.jslt")
                    || name.startsWith("net.sf.saxon") || name.startsWith("javax.xml.transform")
                    || name.startsWith("org.xml.sax")) {
                return new HubException(ErrorCode.NATIONAL_MALFORMED_ANSWER, service.system()
                        + " answered something the connector cannot read", failure);
            }
        }
        HubException translated = FailureTranslator.translate(failure);
        return translated;
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
