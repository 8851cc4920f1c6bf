package vn.lienthong.hub.connector.nationalportal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Transport to the national public service portal (DVCQG), as DOMAIN.md describes it: {@code POST {base}{auth}} with
 * {@code {username, password}} gives a session; {@code POST {base}{integration}} with {@code {session, madonvi, service,
 * data}}. Success is error_code "0"/"00"; on create, "3"/"-3" (already exists) is sent again as an update; an expired
 * session is renewed once and the request sent again. Called by the Kamelet {@code national-portal-sync-action}, which
 * supplies the connection settings (not the account) as exchange properties; the account is this bean's own setting.
 */
@Component("nationalPortalClient")
public class NationalPortalClient {

    /** Error codes the portal uses for a missing or expired session. */
    static final Set<String> SESSION_ERRORS = Set.of("-2", "2", "401");
    /** Error codes that reject the data itself; anything else that is not success is worth a retry. */
    static final Set<String> REJECTIONS = Set.of("-1", "1", "-4", "4");

    private static final Logger log = LoggerFactory.getLogger(NationalPortalClient.class);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json;
    private volatile String session;

    private final String username;
    private final String password;

    /**
     * @param username the integration account, the Kamelet's own setting {@code username} (never an exchange property)
     * @param password its password, the Kamelet's setting {@code password}
     */
    public NationalPortalClient(ObjectMapper json,
            @org.springframework.beans.factory.annotation.Value("${camel.kamelet.national-portal-sync-action.username:}") String username,
            @org.springframework.beans.factory.annotation.Value("${camel.kamelet.national-portal-sync-action.password:}") String password) {
        this.json = json;
        this.username = username;
        this.password = password;
    }

    /** Sends one call; throws {@link PortalRejectedException} or {@link PortalUnavailableException} otherwise. */
    public PortalAnswer send(PortalCall call,
            @ExchangeProperty("portalBaseUrl") String baseUrl,
            @ExchangeProperty("portalAuthPath") String authPath,
            @ExchangeProperty("portalIntegrationPath") String integrationPath,
            @ExchangeProperty("portalAgencyCode") String agencyCode,
            @ExchangeProperty("portalTimeoutMillis") String timeoutMillis) {
        Duration timeout = Duration.ofMillis(Long.parseLong(timeoutMillis));
        Endpoint endpoint = new Endpoint(baseUrl + authPath, baseUrl + integrationPath, username, password, agencyCode, timeout);
        boolean update = false;
        boolean renewed = false;
        while (true) {
            String current = session != null ? session : login(endpoint);
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("session", current);
            request.put("madonvi", agencyCode);
            request.put("service", call.service());
            if ("TraCuuHoSo".equals(call.service())) {
                request.put("mahoso", call.dossierCode());
            } else {
                if ("DongBoHoSoMC".equals(call.service())) {
                    request.put("isUpdating", update ? "True" : "False");
                }
                request.put("data", List.of(call.item()));
            }
            Reply reply = post(endpoint.integration, request, timeout);
            String code = reply.body.path("error_code").asText("");
            if ("0".equals(code) || "00".equals(code)) {
                return new PortalAnswer(code, reply.status, update, reply.body.path("data").isMissingNode() ? null : reply.body.path("data"));
            }
            String message = reply.body.path("message").asText("");
            if (SESSION_ERRORS.contains(code) && !renewed) {
                log.info("Portal session expired ({}); logging in again", message);
                session = null;
                renewed = true;
                continue;
            }
            if ("DongBoHoSoMC".equals(call.service()) && !update && ("3".equals(code) || "-3".equals(code))) {
                // The portal already holds the dossier: DOMAIN.md says send it as an update.
                update = true;
                continue;
            }
            if ("TraCuuHoSo".equals(call.service()) && ("-4".equals(code) || "4".equals(code))) {
                return new PortalAnswer(code, reply.status, false, null);
            }
            if (REJECTIONS.contains(code)) {
                throw new PortalRejectedException("portal rejected " + call.service() + " of " + call.dossierCode()
                        + ": error_code " + code + " " + message);
            }
            throw new PortalUnavailableException("portal answered error_code " + code + " " + message, null);
        }
    }

    private synchronized String login(Endpoint endpoint) {
        if (session != null) {
            return session;
        }
        Reply reply = post(endpoint.auth, Map.of("username", endpoint.username, "password", endpoint.password), endpoint.timeout);
        String code = reply.body.path("error_code").asText("");
        String value = reply.body.path("session").asText("");
        if (!("0".equals(code) || "00".equals(code)) || value.isBlank()) {
            throw new PortalUnavailableException("portal login failed: error_code " + code + " "
                    + reply.body.path("message").asText(""), null);
        }
        session = value;
        return value;
    }

    private Reply post(String url, Object body, Duration timeout) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(timeout)
                    .header("Content-Type", "application/json; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new PortalUnavailableException("portal answered HTTP " + response.statusCode(), null);
            }
            try {
                return new Reply(response.statusCode(), json.readTree(response.body()));
            } catch (IOException e) {
                throw new PortalUnavailableException("portal answered something that is not JSON", e);
            }
        } catch (java.net.ConnectException e) {
            // nothing reached the portal
            throw new PortalUnavailableException("portal unreachable: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        } catch (IOException e) {
            // timeout or broken connection: the portal may have applied the request
            throw new PortalUnavailableException("no answer from the portal: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), e, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PortalUnavailableException("interrupted while calling the portal", e);
        }
    }

    private record Endpoint(String auth, String integration, String username, String password, String agencyCode,
            Duration timeout) {
    }

    private record Reply(int status, JsonNode body) {
    }
}
