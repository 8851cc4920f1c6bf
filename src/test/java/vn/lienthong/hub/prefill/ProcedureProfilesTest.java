package vn.lienthong.hub.prefill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import vn.lienthong.hub.config.HubProperties;
import vn.lienthong.hub.connector.ConnectorCatalogue;

class ProcedureProfilesTest {

    private static final PathMatchingResourcePatternResolver RESOLVER = new PathMatchingResourcePatternResolver();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static ConnectorCatalogue catalogue;
    private static List<ProcedureProfile> shipped;

    @BeforeAll
    static void loadCatalogueAndProfiles() throws IOException {
        HubProperties properties = HubProperties.defaults();
        catalogue = new ConnectorCatalogue(properties, RESOLVER, new StandardEnvironment());
        shipped = ProcedureProfiles.load(RESOLVER, properties.proceduresLocation());
    }

    @Test
    void everyShippedProfileFitsTheCatalogue() {
        assertThat(shipped).isNotEmpty();
        for (ProcedureProfile profile : shipped) {
            assertThat(ProfileCheck.violations(profile, catalogue)).as(profile.location()).isEmpty();
        }
        assertThat(new ProcedureProfiles(shipped, catalogue).all()).hasSameSizeAs(shipped);
    }

    @Test
    void atLeastThreeShippedProceduresDrawOnThreeOrMoreSources() {
        assertThat(shipped.stream().filter(p -> p.sources().size() >= 3)).hasSizeGreaterThanOrEqualTo(3);
        assertThat(shipped).extracting(ProcedureProfile::code)
                .contains("2.000488.000.00.00.H22", "1.004227.000.00.00.H22", "1.001612.000.00.00.H22")
                .allMatch(code -> code.matches("[12]\\.\\d{6}\\.000\\.00\\.00\\.H22"));
        assertThat(shipped).extracting(ProcedureProfile::subjectKind)
                .contains(ProcedureProfile.SubjectKind.CITIZEN, ProcedureProfile.SubjectKind.ENTERPRISE);
    }

    @Test
    void rejectsAProfileNamingAnUnknownService() throws IOException {
        ProcedureProfile profile = profile("""
                code: 9.999999.000.00.00.H22
                name: Thử
                subjectKind: citizen
                sources: [{id: x, service: no-such-service, input: {personalId: subject.personalId}, timeoutMillis: 1000}]
                fields: [{name: a, label: A, source: x, pointer: /a}]
                """);
        assertThat(ProfileCheck.violations(profile, catalogue)).singleElement().asString()
                .contains("unknown service 'no-such-service'");
    }

    @Test
    void rejectsAPointerTheOutputSchemaCannotHave() throws IOException {
        ProcedureProfile profile = profile("""
                code: 9.999999.000.00.00.H22
                name: Thử
                subjectKind: citizen
                sources: [{id: tax, service: tax-obligations, input: {personalId: subject.personalId}, timeoutMillis: 1000}]
                fields:
                  - {name: ok, label: A, source: tax, pointer: /notices/0/amount}
                  - {name: typo, label: B, source: tax, pointer: /outstandingAmmount}
                  - {name: deep, label: C, source: tax, pointer: /taxOffice/name}
                  - {name: ghost, label: D, source: nowhere, pointer: /taxOffice}
                """);
        assertThat(ProfileCheck.violations(profile, catalogue)).hasSize(3)
                .anyMatch(v -> v.contains("'typo'") && v.contains("outstandingAmmount"))
                .anyMatch(v -> v.contains("'deep'") && v.contains("not an object"))
                .anyMatch(v -> v.contains("'ghost'") && v.contains("unknown source"));
    }

    @Test
    void rejectsASourceThatDoesNotFitTheSubjectKind() throws IOException {
        ProcedureProfile profile = profile("""
                code: 9.999999.000.00.00.H22
                name: Thử
                subjectKind: enterprise
                sources:
                  - {id: population, service: citizen-lookup, input: {personalId: subject.personalId}, timeoutMillis: 1000}
                  - {id: land, service: land-parcels, input: {parcelNumber: subject.enterpriseCode}, timeoutMillis: 1000}
                fields: []
                """);
        List<String> violations = ProfileCheck.violations(profile, catalogue);
        assertThat(violations).anyMatch(v -> v.contains("subject.personalId is not a field of a enterprise subject"))
                .anyMatch(v -> v.contains("the request does not fit citizen-lookup"))
                .anyMatch(v -> v.contains("land-parcels is not asked by the enterprise's identifier"));
    }

    @Test
    void rejectsAnUnknownDocumentTypeAndAStoreThatListsNoPapers() throws IOException {
        ProcedureProfile profile = profile("""
                code: 9.999999.000.00.00.H22
                name: Thử
                subjectKind: citizen
                sources: [{id: x, service: judicial-records-status, input: {personalId: subject.personalId}, timeoutMillis: 1000}]
                fields: [{name: a, label: A, source: x, pointer: /fullName}]
                papers:
                  store: {service: digitised-papers, input: {personalId: subject.personalId}, timeoutMillis: 1000}
                  required: [{documentType: XX.KHONGCO, label: Không có}, {documentType: KS.TRICHLUC, label: Trích lục}]
                """);
        assertThat(ProfileCheck.violations(profile, catalogue)).singleElement().asString()
                .contains("unknown document type 'XX.KHONGCO'").contains("KS.TRICHLUC");

        ProcedureProfile wrongStore = profile("""
                code: 9.999999.000.00.00.H22
                name: Thử
                subjectKind: citizen
                sources: [{id: x, service: judicial-records-status, input: {personalId: subject.personalId}, timeoutMillis: 1000}]
                fields: [{name: a, label: A, source: x, pointer: /fullName}]
                papers:
                  store: {service: judicial-records-status, input: {personalId: subject.personalId}, timeoutMillis: 1000}
                  required: [{documentType: KS.TRICHLUC, label: Trích lục}]
                """);
        assertThat(ProfileCheck.violations(wrongStore, catalogue)).anySatisfy(v -> assertThat(v).contains("does not list papers"))
                .anySatisfy(v -> assertThat(v).contains("unknown document type 'KS.TRICHLUC'"));
    }

    @Test
    void refusesToStartWithDuplicateProcedureCodes() {
        assertThatThrownBy(() -> new ProcedureProfiles(List.of(shipped.get(0), shipped.get(0)), catalogue))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("declared by both");
    }

    @Test
    void followsDeclaredPropertiesArrayItemsAndOpenObjects() {
        var output = catalogue.find("land-parcels").orElseThrow().output();
        assertThat(ProfileCheck.pointerViolation(output, "/parcels/0/certificate/number")).isEmpty();
        assertThat(ProfileCheck.pointerViolation(output, "/parcels/0/areaSquareMetres")).isEmpty();
        assertThat(ProfileCheck.pointerViolation(output, "/parcels/first/parcelNumber")).isPresent();
        assertThat(ProfileCheck.pointerViolation(output, "/parcels/0/owner")).isPresent();
    }

    private static ProcedureProfile profile(String yaml) throws IOException {
        return ProcedureProfiles.read(YAML.readTree(yaml), "test.procedure.yaml");
    }

}
