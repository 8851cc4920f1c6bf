package vn.lienthong.hub.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import vn.lienthong.hub.exchange.CallContext;
import vn.lienthong.hub.exchange.CircuitOpenException;
import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.HubException;
import vn.lienthong.hub.exchange.NationalFailure;
import vn.lienthong.hub.exchange.Problems;
import vn.lienthong.hub.model.ServiceRequest;

/**
 * The platform's route templates (routes/platform/catalogue-service.camel.yaml with the route configurations of
 * platform-errors.camel.yaml), instantiated for two services, with the connector Kamelet replaced by a mock
 * ({@link AdviceWith}): redelivery of idempotent reads only, the circuit opening, the bulkhead turning callers away, and
 * a declared national error code. No network.
 */
class CatalogueServiceTemplateTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<NationalError> BUSY = List.of(new NationalError("/error_code", List.of("99"), null,
            ErrorCode.NATIONAL_UNAVAILABLE, true, "/message"));

    private final CatalogueService read = service("probe-read", true, 2);
    private final CatalogueService write = service("probe-write", false, 2);
    private final CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();
    private DefaultCamelContext camel;
    private ProducerTemplate producer;
    private MockEndpoint national;

    private static CatalogueService service(String code, boolean idempotent, int retries) {
        // timeout 2 s, retries with 10 ms backoff, window of 4 calls at 50 %, open 60 s, one call in flight
        Resilience resilience = new Resilience(2000, idempotent, retries, 10, 50, 4, 60000, 1);
        return new CatalogueService(code, "probe service", "probe", code + "-action", null, false, List.of(),
                JsonNodeFactory.instance.objectNode(), JsonNodeFactory.instance.missingNode(), resilience, "file:probe", BUSY);
    }

    @BeforeEach
    void start() throws Exception {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("camel.kamelet.probe-read-action.baseUrl", "http://127.0.0.1:1")
                .withProperty("camel.kamelet.probe-write-action.baseUrl", "http://127.0.0.1:1");
        ConnectorCatalogue catalogue = ConnectorCatalogue.of(List.of(read, write));
        ConnectorBreakers breakers = new ConnectorBreakers(registry, environment);
        ConnectorMetrics metrics = new ConnectorMetrics(new SimpleMeterRegistry());
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("connectorRequests", new ConnectorRequests(catalogue, breakers, metrics));
        camel.getRegistry().bind("connectorAnswers", new ConnectorAnswers(JSON, metrics,
                new vn.lienthong.hub.reference.AddressTranslation(vn.lienthong.hub.reference.AdministrativeUnitTranslator.bundledSample())));
        camel.getRegistry().bind("connectorFailures", new ConnectorFailures(metrics));
        camel.getRegistry().bind("nationalAnswers", new NationalAnswers(JSON));
        camel.getRegistry().bind("problems", new Problems());
        PluginHelper.getRoutesLoader(camel).loadRoutes(
                ResourceHelper.fromBytes("platform-errors.camel.yaml",
                        Files.readAllBytes(Path.of("routes/platform/platform-errors.camel.yaml"))),
                ResourceHelper.fromBytes("catalogue-service.camel.yaml",
                        Files.readAllBytes(Path.of("routes/platform/catalogue-service.camel.yaml"))));
        ConnectorTemplates templates = new ConnectorTemplates(catalogue, breakers);
        camel.addRoutes(templates);
        camel.addTemplatedRoutes(templates);
        for (CatalogueService service : List.of(read, write)) {
            // the connector's Kamelet is replaced by the mock national system, followed by the Kamelet's error-code check
            AdviceWith.adviceWith(camel, "connector-" + service.code(), route -> route.weaveByToUri("kamelet:*")
                    .replace().to("mock:national").to("bean:nationalAnswers?method=check"));
        }
        camel.start();
        producer = camel.createProducerTemplate();
        national = camel.getEndpoint("mock:national", MockEndpoint.class);
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    private Exchange call(CatalogueService service) {
        return producer.send(service.routeUri(), exchange -> {
            new CallContext("tx-probe", "client", "user", "purpose", service.code(), "REST", null).applyTo(exchange);
            exchange.getIn().setBody(new ServiceRequest(service.code(),
                    JsonNodeFactory.instance.objectNode().put("personalId", "001090012345"), "001090012345"));
        });
    }

    private static HubException failure(Exchange done) {
        assertThat(done.getException()).isInstanceOf(HubException.class);
        return (HubException) done.getException();
    }

    @Test
    void answersTheCanonicalJson_whenTheSystemAnswers() {
        national.whenAnyExchangeReceived(e -> e.getMessage().setBody("{\"fullName\":\"Nguyễn Văn An\"}"));
        Exchange done = call(read);
        assertThat(done.getException()).isNull();
        assertThat(done.getMessage().getBody(String.class)).contains("Nguyễn Văn An");
        assertThat(national.getReceivedCounter()).isEqualTo(1);
    }

    @Test
    void answersNoRecord_asAHealthySystemWould_whenTheSystemSays404() {
        national.whenAnyExchangeReceived(e -> {
            throw new org.apache.camel.http.base.HttpOperationFailedException("http://national/x", 404, "Not Found",
                    null, java.util.Map.of(), "{}");
        });
        HubException failure = failure(call(read));
        assertThat(failure.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(national.getReceivedCounter()).isEqualTo(1);
        CircuitBreaker breaker = registry.circuitBreaker(read.breakerName());
        assertThat(breaker.getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(1);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void redeliversAnIdempotentRead_asManyTimesAsItsRetries() {
        national.whenAnyExchangeReceived(e -> {
            throw new ConnectException("refused");
        });
        HubException failure = failure(call(read));
        assertThat(failure.code()).isEqualTo(ErrorCode.NATIONAL_UNAVAILABLE);
        assertThat(national.getReceivedCounter()).isEqualTo(1 + 2);
    }

    @Test
    void neverRepeatsACallThatIsNotAnIdempotentRead() {
        national.whenAnyExchangeReceived(e -> {
            throw new ConnectException("refused");
        });
        assertThat(failure(call(write)).code()).isEqualTo(ErrorCode.NATIONAL_UNAVAILABLE);
        assertThat(national.getReceivedCounter()).isEqualTo(1);
    }

    @Test
    void mapsADeclaredErrorCode_keepingTheNationalMessage_andRetriesItWhenRetryable() {
        national.whenAnyExchangeReceived(e -> {
            e.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
            e.getMessage().setBody("{\"error_code\":99,\"message\":\"Hệ thống đang bận\"}");
        });
        HubException failure = failure(call(read));
        assertThat(failure).isInstanceOf(NationalFailure.class);
        assertThat(failure.code()).isEqualTo(ErrorCode.NATIONAL_UNAVAILABLE);
        assertThat(failure.code().status()).isEqualTo(503);
        assertThat(failure.detail()).isEqualTo("probe answered error_code 99: Hệ thống đang bận");
        assertThat(national.getReceivedCounter()).isEqualTo(3);
    }

    @Test
    void opensTheCircuitAfterRepeatedFailures_thenAnswersAtOnceWithoutCallingTheSystem() {
        national.whenAnyExchangeReceived(e -> {
            throw new ConnectException("refused");
        });
        CircuitBreaker breaker = registry.circuitBreaker(read.breakerName());
        // every attempt counts: the first call's three attempts and the second call's first fill the window of four
        // with failures; the second call's retry is then refused by the open circuit and not repeated
        call(read);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(failure(call(read)).code()).isEqualTo(ErrorCode.CIRCUIT_OPEN);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(national.getReceivedCounter()).isEqualTo(4);
        long refused = breaker.getMetrics().getNumberOfNotPermittedCalls();
        int received = national.getReceivedCounter();

        HubException open = failure(call(read));
        assertThat(open).isInstanceOf(CircuitOpenException.class);
        assertThat(open.code()).isEqualTo(ErrorCode.CIRCUIT_OPEN);
        assertThat(((CircuitOpenException) open).retryAfterSeconds()).isEqualTo(60);
        assertThat(national.getReceivedCounter()).isEqualTo(received);
        assertThat(breaker.getMetrics().getNumberOfNotPermittedCalls()).isEqualTo(refused + 1);
    }

    @Test
    void turnsCallersAwayAtOnce_whenTheBulkheadIsFull() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        national.whenAnyExchangeReceived(e -> {
            release.await(10, TimeUnit.SECONDS);
            e.getMessage().setBody("{\"fullName\":\"Nguyễn Văn An\"}");
        });
        CompletableFuture<Exchange> first = CompletableFuture.supplyAsync(() -> call(read));
        await().atMost(Duration.ofSeconds(5)).until(() -> national.getReceivedCounter() == 1);

        HubException busy = failure(call(read));
        assertThat(busy.code()).isEqualTo(ErrorCode.NATIONAL_UNAVAILABLE);
        assertThat(busy.detail()).contains("too many calls in flight", "limit 1");
        // turned away before the system: not retried either
        assertThat(national.getReceivedCounter()).isEqualTo(1);

        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS).getException()).isNull();
    }
}
