package vn.lienthong.hub.connector.nationalportal;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The portal session shared by every delivery thread: the Kamelet {@code national-portal-sync-action} reads it, logs in
 * with Camel's {@code http} component when there is none, stores the login answer here, and forgets the session the
 * portal called expired. Holds no account: the login body is written by the Kamelet template itself.
 */
@Component("nationalPortalSession")
public class PortalSession {

    private final AtomicReference<String> session = new AtomicReference<>();
    private final ObjectMapper json;

    public PortalSession(ObjectMapper json) {
        this.json = json;
    }

    /** The current session, or null when the Kamelet must log in. */
    public String current() {
        return session.get();
    }

    /** Reads the portal's login answer {@code {error_code, session}} (variable {@code portalLoginReply}); keeps and returns the session. */
    public String store(Exchange exchange) {
        String loginAnswer = exchange.getVariable("portalLoginReply", String.class);
        JsonNode body;
        try {
            body = json.readTree(loginAnswer == null ? "" : loginAnswer);
        } catch (IOException e) {
            throw new PortalUnavailableException("portal login answered something that is not JSON", e);
        }
        String code = body == null ? "" : body.path("error_code").asText("");
        String value = body == null ? "" : body.path("session").asText("");
        if (!PortalAnswers.success(code) || value.isBlank()) {
            throw new PortalUnavailableException("portal login failed: error_code " + code + " "
                    + (body == null ? "" : body.path("message").asText("")), null);
        }
        session.set(value);
        return value;
    }

    /** Forgets {@code expired}, unless another thread has already replaced it with a fresh session. */
    public void expire(String expired) {
        session.compareAndSet(expired, null);
    }
}
