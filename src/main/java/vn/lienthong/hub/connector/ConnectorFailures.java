package vn.lienthong.hub.connector;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeoutException;

import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;

import vn.lienthong.hub.exchange.CircuitOpenException;
import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.FailureTranslator;
import vn.lienthong.hub.exchange.HubException;
import vn.lienthong.hub.exchange.NationalFailure;

/**
 * Decisions on a failed connector call, in the catalogue service route: what the failure means in the error catalogue
 * for this service (open circuit with its Retry-After, full bulkhead, the service's own deadline, transport failures,
 * answers a transform could not read), and, as the route's {@code retryWhile}, whether one more attempt is allowed.
 */
@Component("connectorFailures")
public class ConnectorFailures {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ConnectorFailures.class);

    private final ConnectorMetrics metrics;

    public ConnectorFailures(ConnectorMetrics metrics) {
        this.metrics = metrics;
    }

    /**
     * Failure step of a catalogue service route (route configuration platform-connector-calls): replaces the caught
     * failure by the catalogue error the caller must see, which the route then hands back (handled: false).
     */
    public void translate(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        CatalogueService service = exchange.getProperty(ConnectorRequests.SERVICE, CatalogueService.class);
        if (failure != null && service != null) {
            HubException problem = classify(service, failure);
            exchange.setProperty(Exchange.EXCEPTION_CAUGHT, problem);
            metrics.ended(exchange, service, problem.code().name());
        }
    }

    /** The catalogue error a connector failure means for this service. */
    public static HubException classify(CatalogueService service, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HubException hub) {
                return hub;
            }
            if (t instanceof CallNotPermittedException) {
                return new CircuitOpenException("calls to " + service.system()
                        + " are paused after repeated failures; try again later", ConnectorBreakers.retryAfterSeconds(service));
            }
            if (t instanceof BulkheadFullException) {
                return new NationalFailure(ErrorCode.NATIONAL_UNAVAILABLE, "too many calls in flight to " + service.system()
                        + " (limit " + service.resilience().maxConcurrentCalls() + ")", false, t);
            }
            if (t instanceof ConnectTimeoutException || t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoHttpResponseException) {
                return new NationalFailure(ErrorCode.NATIONAL_UNAVAILABLE, service.system() + " could not be reached", true, t);
            }
            if (t instanceof SocketTimeoutException || t instanceof TimeoutException) {
                // the Kamelet's HTTP deadline (response or connection-pool wait), which is the service's timeoutMillis
                return new HubException(ErrorCode.NATIONAL_TIMEOUT, service.system() + " did not answer within "
                        + service.resilience().timeoutMillis() + " ms");
            }
            if (t instanceof HttpOperationFailedException http) {
                return new NationalFailure(ErrorCode.NATIONAL_SYSTEM_ERROR, service.system() + " answered HTTP "
                        + http.getStatusCode(), http.getStatusCode() >= 500, t);
            }
            String name = t.getClass().getName();
            if (t instanceof JsonProcessingException || name.startsWith("com.schibsted.spt.data.jslt")
                    || name.startsWith("net.sf.saxon") || name.startsWith("javax.xml.transform")
                    || name.startsWith("org.xml.sax")) {
                return new HubException(ErrorCode.NATIONAL_MALFORMED_ANSWER, service.system()
                        + " answered something the connector cannot read", t);
            }
        }
        return FailureTranslator.translate(failure);
    }

    /**
     * {@code retryWhile} of the catalogue service routes: one more attempt after a retryable national failure (transport,
     * 5xx, a declared retryable error code), while the attempts so far are within the service's retries (0 for a call
     * that is not an idempotent read), after {@code retryBackoffMillis} doubled for each further attempt (the
     * redelivery delay header). Never after an open circuit, a full bulkhead or a deadline.
     */
    public boolean retry(Exchange exchange) {
        CatalogueService service = exchange.getProperty(ConnectorRequests.SERVICE, CatalogueService.class);
        Throwable failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (service == null || failure == null
                || !(classify(service, failure) instanceof NationalFailure national) || !national.retryable()) {
            return false;
        }
        Integer counter = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class);
        int attempt = counter == null ? 1 : counter;
        if (attempt > service.resilience().effectiveRetries()) {
            return false;
        }
        long delay = service.resilience().retryBackoffMillis() << (attempt - 1);
        exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, delay);
        log.info("Retrying service '{}' in {} ms after: {}", service.code(), delay, national.detail());
        return true;
    }
}
