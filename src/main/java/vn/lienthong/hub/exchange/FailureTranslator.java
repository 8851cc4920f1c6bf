package vn.lienthong.hub.exchange;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;

/**
 * Turns whatever a flow or connector threw into the hub's error catalogue, so callers get a code and never a
 * stack trace. Connector transforms throw {@link HubException} themselves; transport failures are classified here.
 * It only maps: the platform's failure step ({@link Problems}) logs, once.
 */
public final class FailureTranslator {

    private FailureTranslator() {
    }

    public static HubException translate(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HubException hub) {
                return hub;
            }
            if (t instanceof ConnectTimeoutException || t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoHttpResponseException) {
                return new HubException(ErrorCode.NATIONAL_UNAVAILABLE, "the national system could not be reached", t);
            }
            if (t instanceof SocketTimeoutException || t instanceof TimeoutException) {
                return new HubException(ErrorCode.NATIONAL_TIMEOUT, "the national system did not answer in time", t);
            }
            if (t instanceof HttpOperationFailedException http) {
                return new HubException(ErrorCode.NATIONAL_SYSTEM_ERROR,
                        "the national system answered HTTP " + http.getStatusCode(), t);
            }
            if (t.getClass().getName().equals("io.github.resilience4j.circuitbreaker.CallNotPermittedException")) {
                return new HubException(ErrorCode.CIRCUIT_OPEN, "calls to this national system are paused after repeated failures", t);
            }
        }
        return new HubException(ErrorCode.INTERNAL_ERROR, "the hub failed to process the request", failure);
    }
}
