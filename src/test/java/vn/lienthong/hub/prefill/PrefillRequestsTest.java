package vn.lienthong.hub.prefill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import vn.lienthong.hub.config.HubProperties;
import vn.lienthong.hub.connector.ConnectorCatalogue;

import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.HubException;

class PrefillRequestsTest {

    private static ProcedureProfile CITIZEN_PROCEDURE;
    private static ProcedureProfile ENTERPRISE_PROCEDURE;
    private static PrefillRequests REQUESTS;

    @BeforeAll
    static void loadShippedProfiles() throws IOException {
        HubProperties properties = HubProperties.defaults();
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        ProcedureProfiles profiles = new ProcedureProfiles(ProcedureProfiles.load(resolver, properties.proceduresLocation()),
                new ConnectorCatalogue(properties, resolver, new StandardEnvironment()));
        CITIZEN_PROCEDURE = profiles.find("2.000488.000.00.00.H22").orElseThrow();
        ENTERPRISE_PROCEDURE = profiles.find("2.002042.000.00.00.H22").orElseThrow();
        REQUESTS = new PrefillRequests(profiles);
    }

    private static final PrefillRequests.SubjectInput AN =
            new PrefillRequests.SubjectInput("001090012345", "Nguyễn Văn An", "1990-05-15", null);

    @Test
    void acceptsACitizenWhosePurposeIsTheProcedure_normalisingTheName() {
        String decomposed = java.text.Normalizer.normalize("Nguyễn Văn An", java.text.Normalizer.Form.NFD);
        PrefillRequest request = REQUESTS.validate(" 2.000488.000.00.00.H22", new PrefillRequests.SubjectInput(
                "001090012345", decomposed, "1990-05-15", null), "2.000488.000.00.00.H22");
        assertThat(request.procedure()).isSameAs(CITIZEN_PROCEDURE);
        assertThat(request.subject()).isEqualTo(PrefillSubject.citizen("001090012345", "Nguyễn Văn An", LocalDate.of(1990, 5, 15)));
        assertThat(request.subjectId()).isEqualTo("001090012345");
    }

    @Test
    void refusesAPurposeOtherThanTheProcedureCode() {
        assertCode(() -> REQUESTS.validate("2.000488.000.00.00.H22", AN, "1.003560.000.00.00.H22"), ErrorCode.PURPOSE_MISMATCH);
    }

    @Test
    void refusesAnUnknownProcedure() {
        assertCode(() -> REQUESTS.validate("9.999999.000.00.00.H22", AN, "9.999999.000.00.00.H22"), ErrorCode.UNKNOWN_PROCEDURE);
    }

    @Test
    void refusesABadSubjectBeforeAnyCall() {
        String purpose = CITIZEN_PROCEDURE.code();
        assertCode(() -> REQUESTS.validate(purpose, new PrefillRequests.SubjectInput("001090012345", "Nguyễn Văn An",
                "1991-05-15", null), purpose), ErrorCode.INVALID_PERSONAL_ID);
        assertCode(() -> REQUESTS.validate(purpose, new PrefillRequests.SubjectInput("001090012345", null, "1990-05-15", null),
                purpose), ErrorCode.INVALID_FIELD);
        assertCode(() -> REQUESTS.validate(purpose, new PrefillRequests.SubjectInput(null, null, null, "0101234565"), purpose),
                ErrorCode.INVALID_FIELD);
        assertCode(() -> REQUESTS.validate(purpose, null, purpose), ErrorCode.INVALID_FIELD);
    }

    @Test
    void checksTheEnterpriseCodeChecksumForAnEnterpriseProcedure() {
        String purpose = ENTERPRISE_PROCEDURE.code();
        assertThat(REQUESTS.validate(purpose, new PrefillRequests.SubjectInput(null, null, null, "0101234565"), purpose)
                .subject()).isEqualTo(PrefillSubject.enterprise("0101234565"));
        assertCode(() -> REQUESTS.validate(purpose, new PrefillRequests.SubjectInput(null, null, null, "0101234566"), purpose),
                ErrorCode.INVALID_ENTERPRISE_CODE);
        assertCode(() -> REQUESTS.validate(purpose, AN, purpose), ErrorCode.INVALID_FIELD);
    }

    private static void assertCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(HubException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
