package vn.lienthong.hub.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering the architecture document promises, checked on every build. */
@AnalyzeClasses(packages = "vn.lienthong.hub", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureRulesTest {

    /** The canonical model knows nothing of transports, flows or national formats. */
    @ArchTest
    static final ArchRule modelStaysCanonical = noClasses().that().resideInAPackage("..hub.model..")
            .should().dependOnClassesThat().resideInAnyPackage("..hub.api..", "..hub.connector..", "..hub.audit..",
                    "..hub.soap..", "org.apache.camel..", "jakarta.servlet..");

    /** Connectors translate national formats; they never reach back into the edge. */
    @ArchTest
    static final ArchRule connectorsDoNotDependOnEdge = noClasses().that().resideInAPackage("..hub.connector..")
            .should().dependOnClassesThat().resideInAnyPackage("..hub.api..", "..hub.soap..");

    /** Only the platform writes the message log: connectors and reference data never do. */
    @ArchTest
    static final ArchRule onlyPlatformWritesMessageLog = noClasses().that()
            .resideInAnyPackage("..hub.connector..", "..hub.reference..", "..hub.model..")
            .should().dependOnClassesThat().resideInAPackage("..hub.audit..");

    /** Flows are reached through the gateway, so access checks and the message log cannot be bypassed. */
    @ArchTest
    static final ArchRule edgeCallsFlowsOnlyThroughGateway = noClasses().that().resideInAPackage("..hub.api..")
            .should().dependOnClassesThat().haveFullyQualifiedName("org.apache.camel.ProducerTemplate");
}
