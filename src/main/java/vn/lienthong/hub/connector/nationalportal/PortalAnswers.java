package vn.lienthong.hub.connector.nationalportal;

import java.io.IOException;
import java.net.ConnectException;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Decisions on the portal's answers for the Kamelet {@code national-portal-sync-action} (DOMAIN.md): error_code
 * "0"/"00" is success; a session error is renewed once; "3"/"-3" on a create is sent again as an update; "-4"/"4" on a
 * lookup is "not held"; "-1"/"1"/"-4"/"4" reject the data; anything else, an HTTP error, a non-JSON answer or no answer
 * is worth a later attempt. The Kamelet loops on what {@link #decide} answers; this bean never calls the portal.
 */
@Component("nationalPortalAnswers")
public class PortalAnswers {

    /** {@link #decide} outcomes, read by the Kamelet's {@code choice}. */
    public static final String ANSWER = "answer";
    public static final String RENEW = "renew";
    public static final String UPDATE = "update";

    /** Error codes the portal uses for a missing or expired session. */
    static final Set<String> SESSION_ERRORS = Set.of("-2", "2", "401");
    /** Error codes that reject the data itself; anything else that is not success is worth a retry. */
    static final Set<String> REJECTIONS = Set.of("-1", "1", "-4", "4");

    private static final Logger log = LoggerFactory.getLogger(PortalAnswers.class);

    private final ObjectMapper json;
    private final PortalSession session;

    public PortalAnswers(ObjectMapper json, PortalSession session) {
        this.json = json;
        this.session = session;
    }

    static boolean success(String code) {
        return "0".equals(code) || "00".equals(code);
    }

    /**
     * Decides on the integration answer in variable {@code portalReply} for the call in {@code portalCall}:
     * {@link #ANSWER} (the body is now the {@link PortalAnswer}), {@link #RENEW} (the session was forgotten: log in
     * and send again) or {@link #UPDATE} (send again as an update); or throws {@link PortalRejectedException} /
     * {@link PortalUnavailableException}. The outcome is also left in variable {@code portalOutcome}.
     */
    public void decide(Exchange exchange) {
        exchange.setVariable("portalOutcome", outcome(exchange));
    }

    private String outcome(Exchange exchange) {
        JsonNode call = read(exchange.getVariable("portalCall", String.class), "call");
        String service = call.path("service").asText("");
        boolean update = "true".equals(exchange.getVariable("portalUpdate", String.class));
        boolean renewed = "true".equals(exchange.getVariable("portalRenewed", String.class));
        JsonNode reply = read(exchange.getVariable("portalReply", String.class), "answer");
        String code = reply.path("error_code").asText("");
        if (success(code)) {
            exchange.getMessage().setBody(new PortalAnswer(code, 200, update,
                    reply.path("data").isMissingNode() ? null : reply.path("data")));
            return ANSWER;
        }
        String message = reply.path("message").asText("");
        if (SESSION_ERRORS.contains(code) && !renewed) {
            log.info("Portal session expired ({}); logging in again", message);
            session.expire(exchange.getVariable("portalSession", String.class));
            return RENEW;
        }
        if ("DongBoHoSoMC".equals(service) && !update && ("3".equals(code) || "-3".equals(code))) {
            // The portal already holds the dossier: DOMAIN.md says send it as an update.
            return UPDATE;
        }
        if ("TraCuuHoSo".equals(service) && ("-4".equals(code) || "4".equals(code))) {
            exchange.getMessage().setBody(new PortalAnswer(code, 200, false, null));
            return ANSWER;
        }
        if (REJECTIONS.contains(code)) {
            throw new PortalRejectedException("portal rejected " + service + " of " + call.path("dossierCode").asText("")
                    + ": error_code " + code + " " + message);
        }
        throw new PortalUnavailableException("portal answered error_code " + code + " " + message, null);
    }

    /**
     * Names the failure of an HTTP call caught by the Kamelet: an HTTP status other than 200, nothing reached the
     * portal (connection refused), or no answer came back (timeout, broken connection: uncertain, the portal may have
     * applied the request).
     */
    public void failed(Exchange exchange) {
        Throwable e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        // the http component may wrap the I/O failure: classify its innermost known cause
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof HttpOperationFailedException || c instanceof IOException) {
                e = c;
                break;
            }
        }
        if (e instanceof HttpOperationFailedException http) {
            throw new PortalUnavailableException("portal answered HTTP " + http.getStatusCode(), e);
        }
        String what = e == null ? "" : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
        if (e instanceof ConnectException) {
            throw new PortalUnavailableException("portal unreachable: " + what, e);
        }
        if (e instanceof IOException) {
            throw new PortalUnavailableException("no answer from the portal: " + what, e, true);
        }
        throw new PortalUnavailableException("portal call failed: " + what, e);
    }

    private JsonNode read(String text, String what) {
        try {
            JsonNode node = json.readTree(text == null ? "" : text);
            if (node == null || !node.isObject()) {
                throw new PortalUnavailableException("portal " + what + " is not a JSON object", null);
            }
            return node;
        } catch (IOException e) {
            throw new PortalUnavailableException("portal answered something that is not JSON", e);
        }
    }
}
