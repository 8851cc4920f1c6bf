package vn.lienthong.hub;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.handler.MessageContext;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Base of the integration tests: the whole hub on a random port with its embedded broker, an in-memory database,
 * the simulators of the national systems, and a real HTTP client. Every subclass shares one Spring context. Tracing is on,
 * as in production (Spring Boot's tests switch it off unless asked).
 */
@AutoConfigureObservability(metrics = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:hub-it;DB_CLOSE_DELAY=-1",
        "HUB_DATA_DIR=target/it-data",
        "spring.artemis.embedded.persistent=false",
        "HUB_POPULATION_TIMEOUT_MILLIS=1000",
        // tracing as a hub with a collector has it (config/TracingSwitch): spans, traceparent, trace ids in the log
        "HUB_TRACING_ENABLED=true",
        "HUB_EDGE_MAX_BODY_BYTES=4096",
        // the fault triggers of every connector are exercised in this shared context: keep circuits closed here
        // (ConnectorResilienceIT opens them in its own context) and keep slow answers cheap
        "hub.connector-overrides.minimum-calls=1000",
        "hub.connector-overrides.timeout-millis=3000",
        "HUB_BROKER_PORT=0"
})
public abstract class HubIntegrationTest {

    protected static final String MOTCUA_KEY = "demo-motcua-key";
    protected static final String AUDITOR_KEY = "demo-auditor-key";
    protected static final String PORTAL_KEY = "demo-portal-key";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    protected int port;

    @Autowired
    protected ObjectMapper json;

    protected String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Headers of an officer of the one-stop system acting for a procedure. */
    protected static Map<String, String> officer(String apiKey) {
        return Map.of("X-API-Key", apiKey, "X-User-Id", "canbo.motcua@hanoi.gov.vn", "X-Purpose", "1.003560.000.00.00.H22");
    }

    /** Headers of an agency system: its API key and, when not null, the transaction id it gives the call. */
    protected static Map<String, String> apiKeyAndTransaction(String apiKey, String transactionId) {
        Map<String, String> headers = new HashMap<>();
        headers.put("X-API-Key", apiKey);
        if (transactionId != null) {
            headers.put("X-Transaction-Id", transactionId);
        }
        return headers;
    }

    protected HttpResponse<String> post(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return send(request.build());
    }

    protected HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(20)).GET();
        headers.forEach(request::header);
        return send(request.build());
    }

    protected HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A port of a client generated from a WSDL, aimed at the hub's {@code path} and sending {@code headers} on every call. */
    protected <P> P soapPort(P port, String path, Map<String, String> headers) {
        Map<String, Object> context = ((BindingProvider) port).getRequestContext();
        context.put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, url(path));
        Map<String, List<String>> http = new HashMap<>();
        headers.forEach((name, value) -> http.put(name, List.of(value)));
        context.put(MessageContext.HTTP_REQUEST_HEADERS, http);
        return port;
    }

    protected JsonNode body(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}
