package vn.lienthong.hub.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yaml.snakeyaml.Yaml;

import vn.lienthong.hub.HubIntegrationTest;
import vn.lienthong.hub.audit.log.MessageLog;

/**
 * The Swagger UI shows the hub's own contract, on the management port only: springdoc serves the UI under
 * {@code /actuator/swagger-ui} and the contract file as {@code /actuator/contract}; nothing of springdoc answers on
 * the application port, where {@code /actuator/*} stays behind the operator grant and a refusal reaches the message
 * log. The served contract matches the controllers: every REST mapping is documented with its method, every
 * documented path exists, and each operation documents its success status and the problem+json answers the edge
 * gives (400, 401, 403, 429; 413 where a body is read).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:hub-swagger-it;DB_CLOSE_DELAY=-1",
        "HUB_DATA_DIR=target/it-data-swagger",
        "spring.artemis.embedded.persistent=false",
        "HUB_BROKER_PORT=0",
        "management.server.port=0"
})
class SwaggerUiIT extends HubIntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    org.springframework.core.env.Environment environment;

    @Autowired
    MessageLog log;

    private String management(String path) {
        return "http://127.0.0.1:" + environment.getProperty("local.management.port") + path;
    }

    private HttpResponse<String> fetch(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build());
    }

    @Test
    void swaggerUiOnTheManagementPortShowsTheHubsOwnContractFile() throws Exception {
        HttpResponse<String> served = fetch(management("/actuator/contract"));
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/yaml"));
        try (InputStream file = getClass().getResourceAsStream("/api/openapi.yaml")) {
            assertThat(served.body()).isEqualTo(new String(file.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
        HttpResponse<String> page = fetch(management("/actuator/swagger-ui/index.html"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Swagger UI");
        HttpResponse<String> config = fetch(management("/actuator/swagger-ui/swagger-config"));
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(body(config).path("url").asText()).isEqualTo("/actuator/contract");
        // no document generated from the controllers
        assertThat(fetch(management("/actuator/openapi")).statusCode()).isEqualTo(404);
        assertThat(fetch(management("/v3/api-docs")).statusCode()).isEqualTo(404);
    }

    @Test
    void nothingOfSpringdocAnswersOnTheApplicationPort_andTheActuatorStaysBehindTheOperatorGrant() {
        for (String path : List.of("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/swagger-config", "/swagger-ui.html",
                "/swagger-ui/index.html", "/webjars/swagger-ui/index.html")) {
            assertThat(get(path, Map.of()).statusCode()).as(path).isEqualTo(404);
        }
        // the actuator paths of this port: refused without the operator's key; with it, what is there is recorded
        for (String path : List.of("/actuator/swagger-ui/index.html", "/actuator/contract")) {
            assertThat(get(path, Map.of()).statusCode()).as(path).isEqualTo(401);
            HttpResponse<String> operator = get(path, Map.of("X-API-Key", "demo-operator-key"));
            String transaction = operator.headers().firstValue("X-Transaction-Id").orElseThrow();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(log.findByTransaction(transaction)).as(path + " in the message log").singleElement()
                            .satisfies(r -> {
                                assertThat(r.httpStatus()).isEqualTo(operator.statusCode());
                                assertThat(r.clientId()).isEqualTo("000.00.00.H22:VANHANH");
                            }));
        }
        HttpResponse<String> refused = get("/actuator/webjars/swagger-ui/index.html", Map.of("X-API-Key", MOTCUA_KEY));
        assertThat(refused.statusCode()).isEqualTo(403);
        String transaction = refused.headers().firstValue("X-Transaction-Id").orElseThrow();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(log.findByTransaction(transaction)).as("refusal in the message log").singleElement()
                        .satisfies(r -> assertThat(r.httpStatus()).isEqualTo(403)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void servedContractMatchesTheControllers() {
        Map<String, Object> contract = new Yaml().load(fetch(management("/actuator/contract")).body());
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) contract.get("paths");
        Set<String> documented = new TreeSet<>();
        paths.forEach((path, operations) -> operations.keySet().stream()
                .filter(m -> List.of("get", "post", "put", "delete", "patch").contains(m))
                .forEach(m -> documented.add(m.toUpperCase() + " " + shape(path))));

        Set<String> mapped = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            for (String pattern : entry.getKey().getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    String key = method.name() + " " + shape(pattern);
                    mapped.add(key);
                    Map<String, Object> operation = operation(paths, pattern, method.name().toLowerCase());
                    if (operation != null) {
                        problems.addAll(undocumentedStatuses(key, operation, entry.getValue(), pattern));
                    }
                }
            }
        }
        assertThat(problems).as("statuses a controller or the edge gives that the contract does not list").isEmpty();
        assertThat(documented).as("documented operations without a controller").isSubsetOf(mapped);
        assertThat(mapped).as("controller mappings missing from api/openapi.yaml").isSubsetOf(documented);
    }

    /** The success status and the edge's problem answers the operation must list. */
    @SuppressWarnings("unchecked")
    private static List<String> undocumentedStatuses(String key, Map<String, Object> operation, HandlerMethod handler,
            String pattern) {
        Set<String> listed = ((Map<Object, Object>) operation.get("responses")).keySet().stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        List<String> out = new ArrayList<>();
        Method method = handler.getMethod();
        ResponseStatus status = AnnotatedElementUtils.findMergedAnnotation(method, ResponseStatus.class);
        if (status != null) {
            require(out, key, listed, String.valueOf(status.code().value()));
        } else if (ResponseEntity.class.isAssignableFrom(method.getReturnType()) || method.getReturnType() == void.class) {
            if (listed.stream().noneMatch(s -> s.startsWith("2"))) {
                out.add(key + ": no 2xx answer");
            }
        } else {
            require(out, key, listed, "200");
        }
        if (pattern.equals("/api/v1/openapi.yaml")) {
            return out; // the public contract: the edge lets it through untouched (EdgeFilter#shouldNotFilter)
        }
        require(out, key, listed, "400");
        if (!pattern.startsWith("/api/v1/open-data/")) {
            require(out, key, listed, "401");
            require(out, key, listed, "403");
            require(out, key, listed, "429");
        }
        boolean readsBody = java.util.Arrays.stream(method.getParameters())
                .anyMatch(p -> p.isAnnotationPresent(RequestBody.class));
        if (readsBody) {
            require(out, key, listed, "413");
        }
        return out;
    }

    private static void require(List<String> out, String key, Set<String> listed, String status) {
        if (!listed.contains(status)) {
            out.add(key + ": " + status);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> operation(Map<String, Map<String, Object>> paths, String pattern, String method) {
        for (Map.Entry<String, Map<String, Object>> path : paths.entrySet()) {
            if (shape(path.getKey()).equals(shape(pattern))) {
                return (Map<String, Object>) path.getValue().get(method);
            }
        }
        return null;
    }

    /** A path with its variables unnamed: /api/v1/dossiers/{dossierCode}/sync → /api/v1/dossiers/{}/sync. */
    private static String shape(String path) {
        return path.replaceAll("\\{[^}]*}", "{}");
    }
}
