package vn.lienthong.hub.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Paths are judged as the container resolves them: escapes, parameters and dot segments cannot leave the edge out. */
class EdgePathsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/%61pi/v1/enterprises/0101234565", "/api;x=1/v1/enterprises/0101234565", "/api/v1;x=1/services",
        "/%2561pi/v1/services", "/x/../api/v1/services", "//api/v1/services", "/./api/v1/services", "/api%2Fv1/services",
        "/api\\v1/services"})
    void sideStepsOfTheRestSurface_areStillRest_andNotPlain(String path) {
        assertThat(EdgePaths.channel(path)).isEqualTo(EdgePaths.REST);
        assertThat(EdgePaths.isPlain(path)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/%73oap/CitizenService", "/soap;x=1/CitizenService", "/soap/;x/CitizenService", "/SOAP/../soap/x"})
    void sideStepsOfTheSoapSurface_areStillSoap(String path) {
        assertThat(EdgePaths.channel(path)).isEqualTo(EdgePaths.SOAP);
        assertThat(EdgePaths.isPlain(path)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/enterprises/0101234565", "/api/v1/dossiers/000.00.01.H22-250225-12345/progress",
        "/api/v1/audit/transactions/it-tx:1_a", "/soap/CitizenService", "/api"})
    void contractPaths_arePlain(String path) {
        assertThat(EdgePaths.isPlain(path)).isTrue();
        assertThat(EdgePaths.channel(path)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/console/index.html", "/actuator/health", "/apiary", "/soapbox", "/"})
    void otherPaths_belongToNoSurface(String path) {
        assertThat(EdgePaths.channel(path)).isNull();
    }

    @org.junit.jupiter.api.Test
    void onlyTheVerificationOfADocument_getsTheLargerBodyLimit() {
        assertThat(EdgePaths.isDocumentUpload("POST", "/api/v1/documents/verify")).isTrue();
        assertThat(EdgePaths.isDocumentUpload("GET", "/api/v1/documents/verify")).isFalse();
        assertThat(EdgePaths.isDocumentUpload("POST", "/api/v1/documents/verify/more")).isFalse();
        assertThat(EdgePaths.isDocumentUpload("POST", "/api/v1/prefill")).isFalse();
        assertThat(EdgePaths.isDocumentUpload("POST", "/soap/DocumentService")).isTrue();
        assertThat(EdgePaths.isDocumentUpload("POST", "/soap/PaymentService")).isFalse();
    }
}
