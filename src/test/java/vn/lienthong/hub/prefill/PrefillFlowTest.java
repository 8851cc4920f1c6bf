package vn.lienthong.hub.prefill;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.Model;
import org.apache.camel.model.SplitDefinition;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.threadpool.CamelThreadPoolAutoConfiguration;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.lienthong.hub.config.FlowLoader;
import vn.lienthong.hub.config.HubProperties;
import vn.lienthong.hub.connector.ConnectorCatalogue;
import vn.lienthong.hub.connector.ServiceRequests;
import vn.lienthong.hub.exchange.CallContext;
import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.HubException;
import vn.lienthong.hub.model.CitizenLookupRequest;
import vn.lienthong.hub.model.ServiceRequest;

/**
 * The pre-fill flow alone ({@code routes/prefill/*.camel.yaml} with the application's thread-pool settings and the real
 * planner, aggregation strategy and form beans) on a Camel context whose service routes answer in-process: the
 * national systems themselves are exercised by PrefillIT.
 */
@CamelSpringBootTest
@SpringBootTest(classes = PrefillFlowTest.Flow.class)
class PrefillFlowTest {

    private static final PrefillSubject AN = PrefillSubject.citizen("001090012345", "Nguyễn Văn An", LocalDate.of(1990, 5, 15));
    private static final CallContext CALLER = new CallContext("tx-prefill-1", "000.00.00.H22:MOTCUA", "canbo01",
            "9.000001.000.00.00.H22", "prefill", "REST", null);

    /** Properties each source's route saw, by service code. */
    static final Map<String, Map<String, Object>> seenProperties = new ConcurrentHashMap<>();
    /** Start and end (nanos) of each source call, in the order they ended. */
    static final Queue<long[]> calls = new ConcurrentLinkedQueue<>();
    /** When set, each of the three sources of the judicial-record profile waits here for the other two. */
    static volatile CyclicBarrier allInFlight;
    /** Holds the land source until the test ends: an answer that comes far too late. */
    static volatile CountDownLatch landAnswers;

    @Configuration
    @ImportAutoConfiguration({CamelAutoConfiguration.class, CamelThreadPoolAutoConfiguration.class,
            JacksonAutoConfiguration.class})
    @Import({PrefillPlanner.class, PrefillAnswers.class, PrefillForm.class, ServiceRequests.class})
    static class Flow {

        @Bean
        ConnectorCatalogue connectorCatalogue() throws java.io.IOException {
            return new ConnectorCatalogue(HubProperties.defaults(), new PathMatchingResourcePatternResolver(),
                    new StandardEnvironment());
        }

        /** The pre-fill's flow files exactly as the hub loads them. */
        @Bean
        FlowLoader prefillFlows(ResourcePatternResolver resolver) {
            return new FlowLoader(resolver, List.of("classpath:routes/prefill"), List.of());
        }

        @Bean
        RoutesBuilder serviceRoutes(ObjectMapper json) {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:citizen-lookup").process(e -> {
                        inFlightTogether(e);
                        answer(json, e, "citizen-lookup", Map.of(
                                "personalId", e.getIn().getBody(CitizenLookupRequest.class).personalId(),
                                "fullName", "Nguyễn Văn An", "gender", Map.of("code", "MALE", "label", "Nam")));
                    });
                    from("direct:service-judicial-records-status").process(e -> {
                        inFlightTogether(e);
                        answer(json, e, "judicial-records-status", Map.of("personalId", "001090012345",
                                "fullName", "Nguyễn Văn An", "criminalRecord", Map.of("code", "NONE", "label", "Không có án tích")));
                    });
                    from("direct:service-birth-registration").process(e -> {
                        inFlightTogether(e);
                        seen(e, "birth-registration");
                        throw new HubException(ErrorCode.NOT_FOUND, "civil-status has no record for this request");
                    });
                    from("direct:service-land-parcels").process(e -> {
                        CountDownLatch held = landAnswers;
                        if (held != null) {
                            held.await(20, TimeUnit.SECONDS);
                        }
                        answer(json, e, "land-parcels", Map.of("parcels", List.of()));
                    });
                    from("direct:service-tax-obligations").process(e -> {
                        seen(e, "tax-obligations");
                        throw new HubException(ErrorCode.NATIONAL_SYSTEM_ERROR, "the national system answered HTTP 500");
                    });
                }
            };
        }
    }

    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;

    @BeforeEach
    void clear() {
        seenProperties.clear();
        calls.clear();
        allInFlight = null;
        landAnswers = new CountDownLatch(1);
    }

    @AfterEach
    void releaseTheLateSource() {
        landAnswers.countDown();
    }

    @Test
    void fillsFieldsWithProvenance_andMarksTheSourceThatFoundNothing() {
        ProcedureProfile profile = profile(List.of(
                source("population", "citizen-lookup", 5000), source("judicial", "judicial-records-status", 5000),
                source("birth", "birth-registration", 5000)));
        PrefillResult result = prefill(profile);

        assertThat(result.sources()).extracting(s -> s.id() + "=" + s.status().value())
                .containsExactly("population=ok", "judicial=ok", "birth=not_found");
        assertThat(result.sources().get(2).code()).isEqualTo("NOT_FOUND");
        PrefillResult.FormField name = field(result, "fullName");
        assertThat(name.value().asText()).isEqualTo("Nguyễn Văn An");
        assertThat(name.provenance().service()).isEqualTo("citizen-lookup");
        assertThat(name.provenance().source()).isEqualTo("population");
        assertThat(name.provenance().retrievedAt()).isNotNull();
        assertThat(field(result, "gender").value().asText()).isEqualTo("Nam");
        assertThat(field(result, "criminalRecord").value().asText()).isEqualTo("Không có án tích");
        assertThat(field(result, "criminalRecord").provenance().service()).isEqualTo("judicial-records-status");
        assertThat(field(result, "placeOfBirth").value()).isNull();
        assertThat(field(result, "placeOfBirth").provenance()).isNull();
        assertThat(result.missingMandatoryFields()).containsExactly("placeOfBirth", "requestPurpose");
    }

    /**
     * Each source waits at a barrier that opens only when all three are in flight at once: asked one after the
     * other, the first would wait alone and fail (barrier timeout), so the statuses below would not all hold.
     */
    @Test
    void asksSourcesInParallel_allThreeAreInFlightAtOnce() {
        ProcedureProfile profile = profile(List.of(source("population", "citizen-lookup", 5000),
                source("judicial", "judicial-records-status", 5000), source("birth", "birth-registration", 5000)));
        allInFlight = new CyclicBarrier(3);

        PrefillResult result = prefill(profile);

        assertThat(result.sources()).hasSize(3);
        assertThat(result.sources()).extracting(s -> s.id() + "=" + s.status().value())
                .containsExactly("population=ok", "judicial=ok", "birth=not_found");
        assertThat(allInFlight.isBroken()).isFalse();
        assertThat(calls).hasSize(3);
        long lastStart = calls.stream().mapToLong(c -> c[0]).max().orElseThrow();
        long firstEnd = calls.stream().mapToLong(c -> c[1]).min().orElseThrow();
        assertThat(lastStart).as("the last source started before the first one ended").isLessThan(firstEnd);
    }

    @Test
    void marksASourceTimeoutWhenItExceedsItsOwnTimeout_andAFailedSourceWithItsCode() {
        ProcedureProfile profile = profile(List.of(source("population", "citizen-lookup", 5000),
                source("land", "land-parcels", 300), source("tax", "tax-obligations", 5000)));
        long start = System.nanoTime();
        PrefillResult result = prefill(profile);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(result.sources()).extracting(s -> s.id() + "=" + s.status().value() + "/" + s.code())
                .containsExactly("population=ok/null", "land=timeout/NATIONAL_TIMEOUT", "tax=failed/NATIONAL_SYSTEM_ERROR");
        assertThat(result.sources().get(1).detail()).isEqualTo("no answer within 300 ms");
        assertThat(result.sources().get(2).detail()).isEqualTo("the national system answered HTTP 500");
        assertThat(millis).as("the land source's own 300 ms timeout, not its answer held until the test ends")
                .isGreaterThanOrEqualTo(300).isLessThan(1900);
        assertThat(landAnswers.getCount()).as("the land source had still not answered").isEqualTo(1);
        assertThat(field(result, "fullName").value().asText()).isEqualTo("Nguyễn Văn An");
    }

    @Test
    void everySourceCallCarriesTheCallersTransactionPurposeAndUser() {
        ProcedureProfile profile = profile(List.of(source("population", "citizen-lookup", 5000),
                source("judicial", "judicial-records-status", 5000), source("birth", "birth-registration", 5000)));
        Exchange done = send(profile);

        assertThat(seenProperties).containsOnlyKeys("citizen-lookup", "judicial-records-status", "birth-registration");
        seenProperties.forEach((code, properties) -> assertThat(properties).as(code)
                .containsEntry(CallContext.PROPERTY, new CallContext("tx-prefill-1", "000.00.00.H22:MOTCUA",
                        "canbo01", "9.000001.000.00.00.H22", code, "REST", null)));
        assertThat(done.getProperty(CallContext.PROPERTY)).as("the pre-fill's own context after the split")
                .isEqualTo(CALLER);
        assertThat(done.getProperty(PrefillAnswers.SOURCE)).isNull();
        assertThat(done.getProperty(PrefillAnswers.FAILURE)).isNull();
    }

    @Test
    void aSourceWhoseRequestTheServiceRefusesIsReportedFailed_andNeverAsked() {
        // a citizen has no enterpriseCode: the judicial records service gets no personalId and its schema refuses that
        ProcedureProfile profile = profile(List.of(source("population", "citizen-lookup", 5000),
                new ProcedureProfile.Source("judicial", "judicial-records-status",
                        Map.of("personalId", "subject.enterpriseCode"), 5000)));
        PrefillResult result = prefill(profile);

        assertThat(result.sources()).extracting(s -> s.id() + "=" + s.status().value() + "/" + s.code())
                .containsExactly("population=ok/null", "judicial=failed/INVALID_FIELD");
        assertThat(seenProperties).containsOnlyKeys("citizen-lookup");
        assertThat(field(result, "fullName").value().asText()).isEqualTo("Nguyễn Văn An");
        assertThat(field(result, "criminalRecord").value()).isNull();
    }

    @Test
    void theSplitRunsOnTheBoundedNamedPoolOfTheApplicationSettings() {
        ThreadPoolProfile pool = camel.getExecutorServiceManager().getThreadPoolProfile("prefillPool");
        assertThat(pool).as("camel.threadpool.config.prefillPool in application.yaml").isNotNull();
        assertThat(pool.getMaxPoolSize()).isEqualTo(64);
        assertThat(pool.getMaxQueueSize()).isZero();
        assertThat(pool.getRejectedPolicy()).hasToString("CallerRuns");
        assertThat(camel.getRoute("prefill")).isNotNull();
        assertThat(camel.getRoute("prefill-source")).isNotNull();
        // Camel refuses to start a route whose executorService names neither a bean nor a profile
        SplitDefinition split = camel.getCamelContextExtension().getContextPlugin(Model.class)
                .getRouteDefinition("prefill").getOutputs().stream()
                .filter(SplitDefinition.class::isInstance).map(SplitDefinition.class::cast).findFirst().orElseThrow();
        assertThat(split.getExecutorService()).isEqualTo("prefillPool");
        assertThat(split.getParallelProcessing()).isEqualTo("true");
        assertThat(split.getAggregationStrategy()).isEqualTo("prefillAnswers");
        assertThat(split.getTimeout()).as("no global timeout: each source has its own").isNull();
    }

    private PrefillResult prefill(ProcedureProfile profile) {
        return send(profile).getMessage().getBody(PrefillResult.class);
    }

    private Exchange send(ProcedureProfile profile) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getIn().setBody(new PrefillRequest(profile, AN));
        CALLER.applyTo(exchange);
        Exchange done = producer.send("direct:prefill", exchange);
        assertThat(done.getException()).as("the pre-fill itself never fails for a source").isNull();
        assertThat(done.getMessage().getBody()).isInstanceOf(PrefillResult.class);
        return done;
    }

    /** With {@link #allInFlight} set, returns only once the other sources are in flight too. */
    static void inFlightTogether(Exchange e) throws Exception {
        long start = System.nanoTime();
        CyclicBarrier barrier = allInFlight;
        if (barrier != null) {
            barrier.await(3, TimeUnit.SECONDS);
            calls.add(new long[] {start, System.nanoTime()});
        }
    }

    static void answer(ObjectMapper json, Exchange e, String code, Map<String, Object> canonical) {
        seen(e, code);
        e.getMessage().setBody(json.valueToTree(canonical));
    }

    static void seen(Exchange e, String code) {
        Object body = e.getIn().getBody();
        assertThat(body).isInstanceOfAny(CitizenLookupRequest.class, ServiceRequest.class);
        seenProperties.put(code, Map.copyOf(e.getProperties()));
    }

    private static ProcedureProfile.Source source(String id, String service, long timeoutMillis) {
        Map<String, String> input = switch (service) {
            case "citizen-lookup" -> Map.of("personalId", "subject.personalId", "fullName", "subject.fullName",
                    "dateOfBirth", "subject.dateOfBirth");
            case "land-parcels" -> Map.of("ownerPersonalId", "subject.personalId");
            default -> Map.of("personalId", "subject.personalId");
        };
        return new ProcedureProfile.Source(id, service, input, timeoutMillis);
    }

    private ProcedureProfile profile(List<ProcedureProfile.Source> sources) {
        return new ProcedureProfile("9.000001.000.00.00.H22", "Thủ tục thử", ProcedureProfile.SubjectKind.CITIZEN,
                sources, List.of(
                new ProcedureProfile.Field("fullName", "Họ và tên", "population", "/fullName", true),
                new ProcedureProfile.Field("gender", "Giới tính", "population", "/gender/label", false),
                new ProcedureProfile.Field("criminalRecord", "Tình trạng án tích", "judicial", "/criminalRecord/label", false),
                new ProcedureProfile.Field("placeOfBirth", "Nơi sinh", "birth", "/child/placeOfBirth", true),
                new ProcedureProfile.Field("requestPurpose", "Mục đích", null, null, true)), "test");
    }

    private static PrefillResult.FormField field(PrefillResult result, String name) {
        return result.fields().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }
}
