package vn.lienthong.hub.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.hub.HubIntegrationTest;

/** Shared steps of the per-connector behaviour tests: call a catalogue service as the one-stop system's officer. */
abstract class ConnectorBehaviourIT extends HubIntegrationTest {

    protected HttpResponse<String> call(String service, String jsonBody) {
        return post("/api/v1/services/" + service, jsonBody, officer(MOTCUA_KEY));
    }

    protected JsonNode found(String service, String jsonBody) {
        HttpResponse<String> response = call(service, jsonBody);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return body(response);
    }

    protected void fails(String service, String jsonBody, int status, String code) {
        HttpResponse<String> response = call(service, jsonBody);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(body(response).path("code").asText()).isEqualTo(code);
        assertThat(body(response).path("transactionId").asText()).isNotBlank();
    }

    protected static String personal(String field, String id) {
        return "{\"" + field + "\":\"" + id + "\"}";
    }
}
