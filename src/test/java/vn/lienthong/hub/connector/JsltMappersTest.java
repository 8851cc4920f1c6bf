package vn.lienthong.hub.connector;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.jslt.JsltEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Every JSLT endpoint keeps one object mapper, made with it, and transforms as Camel's own default would. */
class JsltMappersTest {

    private static final String PORTAL_REQUEST = "jslt:file:connectors/national-portal/transforms/integration-request.jslt";

    @Test
    void theEndpointKeepsOneMapperAcrossExchanges_andTheTransformIsUnchanged() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            new JsltMappers().beforeApplicationStart(camel);
            camel.start();
            JsltEndpoint endpoint = camel.getEndpoint(PORTAL_REQUEST, JsltEndpoint.class);
            ObjectMapper mapper = endpoint.getObjectMapper();
            assertThat(mapper).isNotNull();

            ProducerTemplate template = camel.createProducerTemplate();
            ObjectMapper json = new ObjectMapper();
            for (String code : new String[] {"H22.01-250101-0001", "H22.01-250101-0002"}) {
                String out = template.send(PORTAL_REQUEST, exchange -> {
                    exchange.getMessage().setBody("{\"service\":\"TraCuuHoSo\",\"dossierCode\":\"" + code + "\"}");
                    exchange.setVariable("portalSession", "s-1");
                    exchange.setVariable("portalAgencyCode", "000.00.00.H22");
                }).getMessage().getBody(String.class);
                JsonNode request = json.readTree(out);
                assertThat(request.path("mahoso").asText()).isEqualTo(code);
                assertThat(request.path("session").asText()).isEqualTo("s-1");
                assertThat(request.path("madonvi").asText()).isEqualTo("000.00.00.H22");
                assertThat(request.path("service").asText()).isEqualTo("TraCuuHoSo");
            }
            assertThat(endpoint.getObjectMapper()).isSameAs(mapper);
        }
    }

    @Test
    void anEndpointWithoutTheCallbackHasNoMapperOfItsOwn_soCamelWouldMakeOnePerExchange() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.start();
            assertThat(camel.getEndpoint(PORTAL_REQUEST, JsltEndpoint.class).getObjectMapper()).isNull();
        }
    }

    @Test
    void aMapperGivenByTheRouteIsKept() {
        JsltEndpoint endpoint = new JsltEndpoint();
        ObjectMapper own = new ObjectMapper();
        endpoint.setObjectMapper(own);
        new JsltMappers().registerEndpoint("jslt:x.jslt", endpoint);
        assertThat(endpoint.getObjectMapper()).isSameAs(own);
    }
}
