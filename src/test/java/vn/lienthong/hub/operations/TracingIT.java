package vn.lienthong.hub.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import vn.lienthong.hub.dossier.DossierDelivery;
import vn.lienthong.hub.dossier.DossierSyncIntegrationTest;

/**
 * W3C trace context: a client's {@code traceparent} is continued through the hub's routes to the national system it
 * asks (REST and SOAP), and through the dossier queue to the national portal; a request without one starts a trace.
 */
class TracingIT extends DossierSyncIntegrationTest {

    private static final String CITIZEN = "{\"personalId\":\"001090012345\",\"fullName\":\"Nguyễn Văn An\",\"dateOfBirth\":\"1990-05-15\"}";

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** The traceparent headers a simulator received on requests whose body contains {@code marker} (any if null). */
    private List<String> traceparents(String simulator, String marker) {
        return simulators.server(simulator).getAllServeEvents().stream()
                .filter(e -> marker == null || e.getRequest().getBodyAsString().contains(marker)
                        || e.getRequest().getUrl().contains(marker))
                .map(ServeEvent::getRequest)
                .map(r -> Optional.ofNullable(r.getHeaders().getHeader("traceparent")).filter(HttpHeader::isPresent)
                        .map(HttpHeader::firstValue).orElse(""))
                .toList();
    }

    @Test
    void restLookup_continuesTheCallersTraceToThePopulationSystem() {
        String traceId = hex(16);
        String parentSpan = hex(8);
        Map<String, String> headers = new HashMap<>(officer(MOTCUA_KEY));
        headers.put("traceparent", "00-" + traceId + "-" + parentSpan + "-01");
        int before = simulators.server("population").getAllServeEvents().size();

        HttpResponse<String> answer = post("/api/v1/citizens/lookup", CITIZEN, headers);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> simulators.server("population").getAllServeEvents().size() > before);
        assertThat(traceparents("population", null)).anySatisfy(t -> {
            assertThat(t).startsWith("00-" + traceId + "-").endsWith("-01");
            // a span of the hub's, child of the caller's
            assertThat(t).doesNotContain(parentSpan);
        });
    }

    @Test
    void soapLookup_continuesTheCallersTrace() {
        String traceId = hex(16);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url("/soap/CitizenService")))
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("X-API-Key", MOTCUA_KEY)
                .header("X-User-Id", "canbo.motcua@hanoi.gov.vn")
                .header("X-Purpose", "1.003560.000.00.00.H22")
                .header("traceparent", "00-" + traceId + "-" + hex(8) + "-01")
                .POST(HttpRequest.BodyPublishers.ofString("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\""
                        + " xmlns:c=\"http://hub.lienthong.vn/soap/citizen/v1\"><soap:Body><c:LookupCitizen>"
                        + "<c:personalId>001090012345</c:personalId><c:fullName>Nguyễn Văn An</c:fullName>"
                        + "<c:dateOfBirth>1990-05-15</c:dateOfBirth></c:LookupCitizen></soap:Body></soap:Envelope>",
                        StandardCharsets.UTF_8))
                .build();

        HttpResponse<String> answer = send(request);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(traceparents("population", null)).anySatisfy(t -> assertThat(t).startsWith("00-" + traceId + "-"));
    }

    @Test
    void requestWithoutTraceparent_startsATraceOfItsOwn() {
        int before = simulators.server("population").getAllServeEvents().size();
        HttpResponse<String> answer = post("/api/v1/citizens/lookup", CITIZEN, officer(MOTCUA_KEY));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        List<String> sent = traceparents("population", null);
        // the serve events are newest first
        assertThat(sent.subList(0, sent.size() - before)).allSatisfy(t -> assertThat(t).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]"));
    }

    @Test
    void dossierEvent_carriesTheTraceThroughTheQueueToThePortal() {
        String traceId = hex(16);
        String code = code(31_001);
        Map<String, String> headers = new HashMap<>(motcua("it-trace-" + traceId));
        headers.put("traceparent", "00-" + traceId + "-" + hex(8) + "-01");

        HttpResponse<String> accepted = post("/api/v1/dossiers", dossierJson(code, "DA_TIEP_NHAN"), headers);

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        await().atMost(patience()).until(() -> "SYNCED".equals(syncState(code).path("state").asText()));
        assertThat(traceparents("national-portal", code)).isNotEmpty()
                .allSatisfy(t -> assertThat(t).startsWith("00-" + traceId + "-"));
    }

    @Test
    void deliveryThreadLogsCarryTheTransactionIdAndTheTrace() {
        String traceId = hex(16);
        String code = code(31_002);
        Map<String, String> headers = new HashMap<>(motcua("it-trace-" + traceId));
        headers.put("traceparent", "00-" + traceId + "-" + hex(8) + "-01");
        Logger delivery = (Logger) LoggerFactory.getLogger(DossierDelivery.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        delivery.addAppender(lines);
        try {
            faults("{\"failNext\":1}");
            HttpResponse<String> accepted = post("/api/v1/dossiers", dossierJson(code, "DA_TIEP_NHAN"), headers);
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            String transactionId = accepted.headers().firstValue("X-Transaction-Id").orElseThrow();
            await().atMost(patience()).until(() -> "SYNCED".equals(syncState(code).path("state").asText()));

            // the failed attempt is logged by a delivery consumer, not by the request's thread
            assertThat(List.copyOf(lines.list)).filteredOn(e -> e.getFormattedMessage().contains(code)).anySatisfy(e -> {
                assertThat(e.getFormattedMessage()).contains("failed");
                assertThat(e.getThreadName()).doesNotContain("http-nio");
                assertThat(e.getMDCPropertyMap()).containsEntry("txId", transactionId).containsEntry("traceId", traceId);
            });
        } finally {
            delivery.detachAppender(lines);
        }
    }

    private void faults(String json) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + simulatorPort() + "/__portal/faults"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
        assertThat(r.statusCode()).isEqualTo(200);
    }
}
