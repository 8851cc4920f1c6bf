package vn.lienthong.hub.exchange;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The platform's failure step (routes/platform/platform-errors.camel.yaml): maps the failure of a flow to the error
 * catalogue and logs it once, at the level it deserves. A caller's mistake or "no record" is routine (DEBUG); a national
 * system failing is a one-line WARN with its code and the system's own message; anything unexpected is an ERROR with its
 * stack trace. The failure keeps travelling to the caller, which answers with the catalogue code.
 */
@Component("problems")
public class Problems {

    /** Exchange property holding the failure already logged, so nested flows do not log it again. */
    static final String LOGGED = "hubFailureLogged";
    private static final Logger log = LoggerFactory.getLogger(Problems.class);

    public void record(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (failure == null) {
            failure = exchange.getException();
        }
        if (failure == null || exchange.getProperty(LOGGED) == failure) {
            return;
        }
        HubException problem = FailureTranslator.translate(failure);
        // the caller gets the catalogue error (the route hands the caught failure back: handled false)
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, problem);
        exchange.setProperty(LOGGED, problem);
        String route = exchange.getFromRouteId();
        if (problem.code() == ErrorCode.INTERNAL_ERROR) {
            log.error("Flow {} failed unexpectedly", route, failure);
        } else if (problem.code().status() >= 500) {
            log.warn("Flow {}: {} {}", route, problem.code(), problem.detail());
        } else {
            log.debug("Flow {}: {} {}", route, problem.code(), problem.detail());
        }
    }

    /** Whether the platform's failure step has already logged this exchange's failure. */
    public static boolean logged(Exchange exchange, Throwable failure) {
        return exchange.getProperty(LOGGED) != null && exchange.getProperty(LOGGED) == failure;
    }
}
