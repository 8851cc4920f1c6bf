package vn.lienthong.hub.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.jws.WebParam;
import jakarta.jws.WebService;
import jakarta.xml.ws.Endpoint;
import jakarta.xml.ws.RequestWrapper;

import org.apache.camel.model.BeanDefinition;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.ProcessorDefinitionHelper;
import org.apache.cxf.jaxws.EndpointImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import vn.lienthong.hub.HubIntegrationTest;
import vn.lienthong.hub.audit.MessageLogRecord;
import vn.lienthong.hub.audit.log.MessageLog;
import vn.lienthong.hub.connector.CatalogueService;
import vn.lienthong.hub.connector.ConnectorCatalogue;
import vn.lienthong.hub.dossier.DossierAmqpIntake;
import vn.lienthong.hub.exchange.HubOperation;
import vn.lienthong.hub.exchange.HubService;
import vn.lienthong.hub.exchange.HubServices;
import vn.lienthong.hub.security.AccessPolicy;
import vn.lienthong.hub.security.ApiClient;
import vn.lienthong.hub.security.ClientRegistry;
import vn.lienthong.hub.security.SecurityProperties;

/**
 * Declared, centrally enforced access: every handler the hub serves (each REST handler mapping, each SOAP operation,
 * the queue intake's accepting steps) declares its service and operation, and an access matrix generated from those
 * declarations and the clients' grants proves that each identity gets exactly what its grants say, over REST and SOAP,
 * with every refusal in the message log under the declared service and operation.
 */
class DeclaredAccessIT extends HubIntegrationTest {

    /** The demo keys of the demo clients (the README lists them); every demo client must be here. */
    private static final Map<String, String> DEMO_KEYS = Map.of(
            "000.00.00.H22:MOTCUA", MOTCUA_KEY,
            "000.00.00.H22:KIEMTRA", AUDITOR_KEY,
            "000.00.00.H22:CONGTTDT", PORTAL_KEY,
            "000.00.00.H22:VANHANH", "demo-operator-key",
            "000.00.00.G22:PAYGOV", "demo-paygov-key");

    private static final String PURPOSE = "2.000488.000.00.00.H22";
    private static final String AN = "{\"personalId\":\"001090012345\",\"fullName\":\"Nguyễn Văn An\",\"dateOfBirth\":\"1990-05-15\"}";
    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    ApplicationContext spring;

    @Autowired
    ConnectorCatalogue catalogue;

    @Autowired
    DeclaredAccess access;

    @Autowired
    AccessPolicy policy;

    @Autowired
    ClientRegistry clients;

    @Autowired
    SecurityProperties security;

    @Autowired
    MessageLog messageLog;

    @Autowired
    ModelCamelContext camel;

    // ------------------------------------------------------------------ every handler is declared

    @Test
    void everyRestHandlerMapping_declaresAKnownServiceAndOperation() {
        List<String> undeclared = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            boolean ours = handler.getBeanType().getName().startsWith("vn.lienthong.hub.");
            boolean surface = patterns(info).stream().anyMatch(p -> p.startsWith("/api") || p.startsWith("/soap"));
            if (!ours) {
                assertThat(surface).as("a framework handler serves a hub surface: " + info).isFalse();
                return;
            }
            Optional<HubOperation> declaration = DeclaredAccess.declarationOf(handler.getMethod());
            if (declaration.isEmpty()) {
                undeclared.add(handler.getShortLogMessage() + " " + info);
            } else if (!HubOperation.CATALOGUE.equals(declaration.get().service())) {
                assertThat(access.resolve(declaration.get(), name -> null)).as(handler.toString()).isNotNull();
            }
        });
        assertThat(undeclared).as("REST handlers without @HubOperation").isEmpty();
        assertThat(mappings.getHandlerMethods()).as("the walk saw the hub's handlers").hasSizeGreaterThan(20);
    }

    @Test
    void everySoapOperation_declaresAKnownServiceAndOperation() {
        Map<String, Endpoint> endpoints = spring.getBeansOfType(Endpoint.class);
        assertThat(endpoints).hasSize(6);
        List<String> undeclared = new ArrayList<>();
        for (Endpoint endpoint : endpoints.values()) {
            Class<?> implementation = ClassUtils.getUserClass(((EndpointImpl) endpoint).getImplementor());
            for (Method operation : portType(implementation).getMethods()) {
                Optional<HubOperation> declaration = DeclaredAccess.declarationOf(implementation, operation);
                if (declaration.isEmpty()) {
                    undeclared.add(implementation.getSimpleName() + "." + operation.getName());
                } else {
                    assertThat(access.resolve(declaration.get(), name -> null)).isNotNull();
                }
            }
        }
        assertThat(undeclared).as("SOAP operations without @HubOperation").isEmpty();
    }

    @Test
    void theQueueIntake_acceptsOnlyThroughDeclaredSteps() {
        List<String> methods = new ArrayList<>();
        for (ProcessorDefinition<?> step : ProcessorDefinitionHelper.filterTypeInOutputs(
                camel.getRouteDefinition("dossier-intake-amqp").getOutputs(), BeanDefinition.class)) {
            methods.add(((BeanDefinition) step).getMethod());
        }
        Set<HubService> declared = new java.util.HashSet<>();
        for (Method method : DossierAmqpIntake.class.getMethods()) {
            if (methods.contains(method.getName())) {
                DeclaredAccess.declarationOf(method).ifPresent(d -> declared.add(access.resolve(d, name -> null)));
            }
        }
        assertThat(declared).containsExactlyInAnyOrder(HubServices.DOSSIER_SUBMIT, HubServices.DOSSIER_PROGRESS);
    }

    // ------------------------------------------------------------------ the access matrix

    @Test
    void accessMatrix_overRest_followsTheDeclarationsAndTheGrants() {
        assertThat(security.clients()).filteredOn(SecurityProperties.Client::demo).extracting(SecurityProperties.Client::id)
                .containsExactlyInAnyOrderElementsOf(DEMO_KEYS.keySet());
        List<String> failures = new ArrayList<>();
        int cells = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            Optional<HubOperation> declaration = DeclaredAccess.declarationOf(mapping.getValue().getMethod());
            if (declaration.isEmpty() || !mapping.getValue().getBeanType().getName().startsWith("vn.lienthong.hub.")) {
                continue;
            }
            String method = mapping.getKey().getMethodsCondition().getMethods().stream().findFirst()
                    .map(RequestMethod::name).orElse("GET");
            for (String pattern : patterns(mapping.getKey())) {
                if (!pattern.startsWith("/api/")) {
                    continue; // the error page: the container's, reached only by its error dispatch
                }
                for (Map<String, String> variables : variables(pattern)) {
                    HubService service = access.resolve(declaration.get(), variables::get);
                    String path = expand(pattern, variables);
                    for (Map.Entry<String, String> identity : DEMO_KEYS.entrySet()) {
                        cells++;
                        ApiClient client = clients.authenticate(identity.getValue()).orElseThrow();
                        boolean granted = !service.needsGrant()
                                || policy.allows(client, service.category(), service.code());
                        String transactionId = "matrix-" + SEQUENCE.incrementAndGet();
                        HttpResponse<String> answer = rest(method, path, identity.getValue(), transactionId);
                        String cell = identity.getKey() + " × " + method + " " + path + " (" + service.category() + ":"
                                + service.code() + ") → " + answer.statusCode() + " " + abbreviated(answer.body());
                        if (granted) {
                            if (!grantedStatuses(method, pattern).contains(answer.statusCode())) {
                                failures.add("granted, but " + cell);
                            }
                        } else if (answer.statusCode() != 403 || !answer.body().contains("\"ACCESS_DENIED\"")) {
                            failures.add("not granted, but " + cell);
                        } else {
                            checkRecorded(transactionId, identity.getKey(), service, 403, failures);
                        }
                    }
                    if (!HubService.PUBLIC.equals(service.category())) {
                        String transactionId = "matrix-" + SEQUENCE.incrementAndGet();
                        HttpResponse<String> anonymous = rest(method, path, null, transactionId);
                        if (anonymous.statusCode() != 401) {
                            failures.add("no key, but " + method + " " + path + " → " + anonymous.statusCode());
                        }
                    }
                }
            }
        }
        assertThat(failures).as("access matrix cells that do not follow the grants").isEmpty();
        assertThat(cells).as("cells of the matrix").isGreaterThan(100);
    }

    @Test
    void accessMatrix_overSoap_followsTheDeclarationsAndTheGrants() {
        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : spring.getBeansOfType(Endpoint.class).values()) {
            EndpointImpl cxf = (EndpointImpl) endpoint;
            Class<?> implementation = ClassUtils.getUserClass(cxf.getImplementor());
            for (Method operation : portType(implementation).getMethods()) {
                HubService service = access.resolve(DeclaredAccess.declarationOf(implementation, operation).orElseThrow(),
                        name -> null);
                String envelope = envelope(operation);
                for (Map.Entry<String, String> identity : DEMO_KEYS.entrySet()) {
                    ApiClient client = clients.authenticate(identity.getValue()).orElseThrow();
                    boolean granted = policy.allows(client, service.category(), service.code());
                    String transactionId = "matrix-soap-" + SEQUENCE.incrementAndGet();
                    HttpResponse<String> answer = soap("/soap" + cxf.getAddress(), envelope, identity.getValue(),
                            transactionId);
                    String cell = identity.getKey() + " × " + cxf.getAddress() + " " + operation.getName() + " → "
                            + answer.statusCode() + " " + abbreviated(answer.body());
                    boolean refused = answer.body().contains(">ACCESS_DENIED<");
                    if (granted && (refused || answer.body().contains(">UNAUTHENTICATED<"))) {
                        failures.add("granted, but " + cell);
                    } else if (!granted && !refused) {
                        failures.add("not granted, but " + cell);
                    } else if (!granted) {
                        checkRecorded(transactionId, identity.getKey(), service, 500, failures);
                    }
                }
            }
        }
        assertThat(failures).as("SOAP access matrix cells that do not follow the grants").isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    private void checkRecorded(String transactionId, String clientId, HubService service, int status,
            List<String> failures) {
        List<MessageLogRecord> records = messageLog.findByTransaction(transactionId).stream()
                .filter(r -> "EXCHANGE".equals(r.recordType())).toList();
        if (records.size() != 1) {
            failures.add(transactionId + ": " + records.size() + " EXCHANGE records");
            return;
        }
        MessageLogRecord record = records.get(0);
        if (!"ACCESS_DENIED".equals(record.errorCode()) || !"DENIED".equals(record.outcome().name())
                || !clientId.equals(record.clientId()) || !service.code().equals(record.service())
                || !service.operation().equals(record.operation()) || record.httpStatus() != status) {
            failures.add(transactionId + ": recorded as " + record);
        }
    }

    /** The answers a granted identity may get for the matrix's sample request: the operation ran. */
    private static Set<Integer> grantedStatuses(String method, String pattern) {
        if (pattern.equals("/api/v1/services/{serviceCode}")) {
            // an empty body: the connector service's own validation answers (or the national system), never 401/403
            return Set.of(200, 400, 404, 422, 502, 503, 504);
        }
        if (pattern.endsWith("/payment") || pattern.endsWith("/payments") || pattern.equals("/api/v1/payments/callback")) {
            // no order for the dossier yet (404), or the body the matrix sends is no payment request or result (400)
            return Set.of(200, 201, 400, 404);
        }
        if (pattern.equals("/api/v1/documents/verify") || pattern.equals("/api/v1/papers/verify")) {
            // the matrix's body "{}" carries no document, names no paper
            return Set.of(400);
        }
        if (pattern.endsWith("/sync") || pattern.contains("{transactionId}") || pattern.endsWith("/discard")
                || pattern.endsWith("/export")) {
            return Set.of(200, 404);
        }
        if (method.equals("POST") && pattern.startsWith("/api/v1/dossiers")) {
            return Set.of(202);
        }
        if (method.equals("POST") && pattern.equals("/api/v1/admin/maintenance")) {
            // no reason given: the operation's own refusal (the shared hub is not put into maintenance)
            return Set.of(400);
        }
        return Set.of(200);
    }

    private List<Map<String, String>> variables(String pattern) {
        Matcher matcher = VARIABLE.matcher(pattern);
        List<Map<String, String>> all = new ArrayList<>();
        all.add(new HashMap<>());
        while (matcher.find()) {
            String name = matcher.group(1);
            List<String> values = switch (name) {
                case "serviceCode" -> catalogue.all().stream().map(CatalogueService::code).toList();
                case "enterpriseCode" -> List.of("0101234565");
                case "dossierCode" -> List.of("000.00.01.H22-251201-00001");
                case "transactionId" -> List.of("matrix-no-such-transaction");
                default -> throw new AssertionError("no sample value for path variable " + name + " of " + pattern);
            };
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : all) {
                for (String value : values) {
                    Map<String, String> more = new HashMap<>(partial);
                    more.put(name, value);
                    next.add(more);
                }
            }
            all = next;
        }
        return all;
    }

    private static String expand(String pattern, Map<String, String> variables) {
        return VARIABLE.matcher(pattern).replaceAll(m -> Matcher.quoteReplacement(variables.get(m.group(1))));
    }

    private HttpResponse<String> rest(String method, String path, String key, String transactionId) {
        String query = switch (path) {
            case "/api/v1/admin/dossier-sync/dead-letters/replay", "/api/v1/admin/dossier-sync/dead-letters/discard" ->
                    "?eventId=matrix-no-such-event";
            default -> "";
        };
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path + query)))
                .timeout(Duration.ofSeconds(20)).header("X-Transaction-Id", transactionId)
                .header("X-User-Id", "canbo.matrix@hanoi.gov.vn").header("X-Purpose", PURPOSE);
        if (key != null) {
            request.header("X-API-Key", key);
        }
        if (method.equals("POST")) {
            request.header("Content-Type", "application/json")
                    .header("X-Event-Id", "matrix-" + transactionId)
                    .POST(HttpRequest.BodyPublishers.ofString(body(path), StandardCharsets.UTF_8));
        } else if (method.equals("GET")) {
            request.GET();
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return fresh(request.build());
    }

    /**
     * Each matrix request on a connection of its own: the edge closes a connection whose request it refused before
     * reading the body (api/UnreadBodyValve), which a pooled connection would meet as "no bytes" on its next use.
     */
    private static HttpResponse<String> fresh(HttpRequest request) {
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String body(String path) {
        int n = SEQUENCE.incrementAndGet();
        if (path.equals("/api/v1/citizens/lookup")) {
            return AN;
        }
        if (path.equals("/api/v1/prefill")) {
            return "{\"procedureCode\":\"" + PURPOSE + "\",\"subject\":" + AN + "}";
        }
        if (path.equals("/api/v1/dossiers")) {
            return """
                    {"MaHoSo":"000.00.01.H22-251201-%05d","MaTTHC":"H22-HT-KS","ChuHoSo":"Nguyễn Văn An",
                     "LoaiDoiTuong":"1","KenhThucHien":"2","TrichYeuHoSo":"Đăng ký khai sinh cho con",
                     "NgayTiepNhan":"2025-02-25T08:30:00+07:00","NgayHenTra":"2025-02-28T17:00:00+07:00",
                     "TrangThaiHoSo":"DA_TIEP_NHAN","DonViXuLy":"UBND phường Ba Đình"}""".formatted(n % 100000);
        }
        if (path.endsWith("/progress")) {
            return """
                    {"NguoiXuLy":"Trần Thị Bích","ChucDanh":"Công chức tư pháp - hộ tịch","PhongBanXuLy":"Bộ phận một cửa",
                     "ThoiDiemXuLy":"2025-02-26T08:%02d:00+07:00","NoiDungXuLy":"Bước","TrangThai":"DANG_XU_LY"}"""
                    .formatted(n % 60);
        }
        if (path.endsWith("/discard")) {
            return "{\"reason\":\"matrix\"}";
        }
        return "{}";
    }

    /** A request of the operation, built from its port type: text parameters get sample values, others are empty. */
    private static String envelope(Method operation) {
        RequestWrapper wrapper = operation.getAnnotation(RequestWrapper.class);
        StringBuilder parameters = new StringBuilder();
        for (var parameter : operation.getParameters()) {
            WebParam name = parameter.getAnnotation(WebParam.class);
            String value = parameter.getType() == String.class ? switch (name.name()) {
                case "personalId" -> "001090012345";
                case "fullName" -> "Nguyễn Văn An";
                case "dateOfBirth" -> "1990-05-15";
                case "enterpriseCode" -> "0101234565";
                case "procedureCode" -> PURPOSE;
                case "dossierCode" -> "000.00.01.H22-251201-00002";
                default -> "x";
            } : "";
            parameters.append("<o:").append(name.name()).append('>').append(value).append("</o:").append(name.name())
                    .append('>');
        }
        return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:o=\""
                + wrapper.targetNamespace() + "\"><soap:Body><o:" + wrapper.localName() + ">" + parameters + "</o:"
                + wrapper.localName() + "></soap:Body></soap:Envelope>";
    }

    private HttpResponse<String> soap(String path, String envelope, String key, String transactionId) {
        return fresh(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "text/xml; charset=utf-8").header("X-API-Key", key)
                .header("X-Transaction-Id", transactionId).header("X-User-Id", "canbo.matrix@hanoi.gov.vn")
                .header("X-Purpose", PURPOSE)
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8)).build());
    }

    private static Class<?> portType(Class<?> implementation) {
        WebService service = implementation.getAnnotation(WebService.class);
        try {
            return Class.forName(service.endpointInterface());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    private static Set<String> patterns(RequestMappingInfo info) {
        return info.getPatternValues();
    }

    private static String abbreviated(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
