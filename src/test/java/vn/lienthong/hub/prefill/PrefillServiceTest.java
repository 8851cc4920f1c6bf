package vn.lienthong.hub.prefill;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import vn.lienthong.hub.config.HubProperties;
import vn.lienthong.hub.connector.ConnectorCatalogue;
import vn.lienthong.hub.connector.ServiceRequests;
import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.CallContext;
import vn.lienthong.hub.exchange.HubException;
import vn.lienthong.hub.model.CitizenLookupRequest;
import vn.lienthong.hub.model.ServiceRequest;

/**
 * The orchestration alone, on a Camel context whose service routes answer in-process: the national systems
 * themselves are exercised by PrefillIT.
 */
class PrefillServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final PrefillSubject AN = PrefillSubject.citizen("001090012345", "Nguyễn Văn An", LocalDate.of(1990, 5, 15));

    private final Map<String, Map<String, Object>> seenProperties = new ConcurrentHashMap<>();
    private CamelContext camel;
    private PrefillService service;
    private ConnectorCatalogue catalogue;

    @BeforeEach
    void startCamel() throws Exception {
        catalogue = new ConnectorCatalogue(HubProperties.defaults(), new PathMatchingResourcePatternResolver(),
                new StandardEnvironment());
        camel = new DefaultCamelContext();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:citizen-lookup").process(e -> answer(e, "citizen-lookup", Map.of(
                        "personalId", e.getIn().getBody(CitizenLookupRequest.class).personalId(),
                        "fullName", "Nguyễn Văn An", "gender", Map.of("code", "MALE", "label", "Nam"))));
                from("direct:service-judicial-records-status").delay(200).syncDelayed().process(e -> answer(e,
                        "judicial-records-status", Map.of("personalId", "001090012345", "fullName", "Nguyễn Văn An",
                                "criminalRecord", Map.of("code", "NONE", "label", "Không có án tích"))));
                from("direct:service-birth-registration").delay(200).syncDelayed().process(e -> {
                    seen(e, "birth-registration");
                    throw new HubException(ErrorCode.NOT_FOUND, "civil-status has no record for this request");
                });
                from("direct:service-land-parcels").delay(2000).syncDelayed().process(e -> answer(e, "land-parcels",
                        Map.of("parcels", List.of())));
                from("direct:service-tax-obligations").process(e -> {
                    seen(e, "tax-obligations");
                    throw new HubException(ErrorCode.NATIONAL_SYSTEM_ERROR, "the national system answered HTTP 500");
                });
            }
        });
        camel.start();
        service = new PrefillService(catalogue, new ServiceRequests(), camel.createProducerTemplate(), JSON);
    }

    @AfterEach
    void stopCamel() {
        service.destroy();
        camel.stop();
    }

    @Test
    void fillsFieldsWithProvenance_andMarksTheSourceThatFoundNothing() {
        ProcedureProfile profile = profile(List.of(
                source("population", "citizen-lookup", 5000), source("judicial", "judicial-records-status", 5000),
                source("birth", "birth-registration", 5000)));
        PrefillResult result = service.prefill(exchange(profile));

        assertThat(result.sources()).extracting(s -> s.id() + "=" + s.status().value())
                .containsExactly("population=ok", "judicial=ok", "birth=not_found");
        assertThat(result.sources().get(2).code()).isEqualTo("NOT_FOUND");
        PrefillResult.FormField name = field(result, "fullName");
        assertThat(name.value().asText()).isEqualTo("Nguyễn Văn An");
        assertThat(name.provenance().service()).isEqualTo("citizen-lookup");
        assertThat(name.provenance().retrievedAt()).isNotNull();
        assertThat(field(result, "criminalRecord").value().asText()).isEqualTo("Không có án tích");
        assertThat(field(result, "placeOfBirth").value()).isNull();
        assertThat(result.missingMandatoryFields()).containsExactly("placeOfBirth", "requestPurpose");
    }

    @Test
    void asksSourcesInParallel_soTheWaitIsTheSlowestNotTheSum() {
        ProcedureProfile profile = profile(List.of(source("population", "citizen-lookup", 5000),
                source("judicial", "judicial-records-status", 5000), source("birth", "birth-registration", 5000)));
        service.prefill(exchange(profile)); // the first call loads classes and compiles the input schemas
        long start = System.nanoTime();
        PrefillResult result = service.prefill(exchange(profile));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(result.sources()).hasSize(3);
        assertThat(millis).as("two 200 ms sources").isGreaterThanOrEqualTo(200).isLessThan(390);
    }

    @Test
    void marksASourceTimeoutWhenItExceedsItsOwnTimeout_andAFailedSourceWithItsCode() {
        ProcedureProfile profile = profile(List.of(source("population", "citizen-lookup", 5000),
                source("land", "land-parcels", 300), source("tax", "tax-obligations", 5000)));
        long start = System.nanoTime();
        PrefillResult result = service.prefill(exchange(profile));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(result.sources()).extracting(s -> s.id() + "=" + s.status().value() + "/" + s.code())
                .containsExactly("population=ok/null", "land=timeout/NATIONAL_TIMEOUT", "tax=failed/NATIONAL_SYSTEM_ERROR");
        assertThat(millis).as("the land source's own 300 ms timeout, not its 2 s answer").isLessThan(1900);
        assertThat(field(result, "fullName").value().asText()).isEqualTo("Nguyễn Văn An");
    }

    @Test
    void everySourceCallCarriesTheCallersTransactionPurposeAndUser() {
        ProcedureProfile profile = profile(List.of(source("population", "citizen-lookup", 5000),
                source("judicial", "judicial-records-status", 5000), source("birth", "birth-registration", 5000)));
        service.prefill(exchange(profile));

        assertThat(seenProperties).containsOnlyKeys("citizen-lookup", "judicial-records-status", "birth-registration");
        seenProperties.forEach((code, properties) -> assertThat(properties).as(code)
                .containsEntry(CallContext.PROPERTY, new CallContext("tx-prefill-1", "000.00.00.H22:MOTCUA",
                        "canbo01", "9.000001.000.00.00.H22", code, "REST", null)));
    }

    private void answer(Exchange e, String code, Map<String, Object> canonical) {
        seen(e, code);
        e.getMessage().setBody(JSON.valueToTree(canonical));
    }

    private void seen(Exchange e, String code) {
        Object body = e.getIn().getBody();
        assertThat(body).isInstanceOfAny(CitizenLookupRequest.class, ServiceRequest.class);
        seenProperties.put(code, Map.copyOf(e.getProperties()));
    }

    private Exchange exchange(ProcedureProfile profile) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getIn().setBody(new PrefillRequest(profile, AN));
        new CallContext("tx-prefill-1", "000.00.00.H22:MOTCUA", "canbo01", "9.000001.000.00.00.H22", "prefill",
                "REST", null).applyTo(exchange);
        return exchange;
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
        ProcedureProfile profile = new ProcedureProfile("9.000001.000.00.00.H22", "Thủ tục thử", ProcedureProfile.SubjectKind.CITIZEN,
                sources, List.of(
                new ProcedureProfile.Field("fullName", "Họ và tên", "population", "/fullName", true),
                new ProcedureProfile.Field("gender", "Giới tính", "population", "/gender/label", false),
                new ProcedureProfile.Field("criminalRecord", "Tình trạng án tích", "judicial", "/criminalRecord/label", false),
                new ProcedureProfile.Field("placeOfBirth", "Nơi sinh", "birth", "/child/placeOfBirth", true),
                new ProcedureProfile.Field("requestPurpose", "Mục đích", null, null, true)), "test");
        return profile;
    }

    private static PrefillResult.FormField field(PrefillResult result, String name) {
        return result.fields().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }
}
