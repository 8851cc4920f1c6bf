package vn.lienthong.hub.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.properties.HasOwner;
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

    /** Packages by feature: no two top-level packages need each other, directly or through others. */
    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("vn.lienthong.hub.(*)..").should().beFreeOfCycles();

    /** The message log's parts (log writing, chain, archive, queries) stack without cycles. */
    @ArchTest
    static final ArchRule auditPartsAreFreeOfCycles = slices().matching("vn.lienthong.hub.audit.(*)..").should()
            .beFreeOfCycles();

    /**
     * The edge (transaction id, size limit, authentication, error rendering, SOAP publication) wraps the features; no
     * feature, and no platform package, reaches back into it.
     */
    @ArchTest
    static final ArchRule featuresDoNotDependOnEdge = noClasses().that().resideOutsideOfPackage("..hub.api..")
            .should().dependOnClassesThat().resideInAPackage("..hub.api..");

    /** Auditors run the offline verifier on archives without a hub: the chain needs no Spring. */
    @ArchTest
    static final ArchRule auditChainHasNoSpring = noClasses().that().resideInAPackage("..hub.audit.chain..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework..");

    /** The chain depends only on the JDK, JSON, logging and the record model ({@code vn.lienthong.hub.audit}). */
    @ArchTest
    static final ArchRule auditChainStandsAlone = classes().that().resideInAPackage("..hub.audit.chain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax..", "com.fasterxml.jackson..",
                    "org.slf4j..", "vn.lienthong.hub.audit", "vn.lienthong.hub.audit.chain..");

    /** Only the service gateway enters a flow from Java: everything else is a flow step ({@code to:}), never a template call. */
    @ArchTest
    static final ArchRule onlyTheGatewayUsesAProducerTemplate = noClasses().that()
            .doNotHaveFullyQualifiedName("vn.lienthong.hub.exchange.ServiceGateway")
            .should().dependOnClassesThat().haveFullyQualifiedName("org.apache.camel.ProducerTemplate")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.apache.camel.FluentProducerTemplate");

    /**
     * Access is decided in one place, from the handlers' {@code @HubOperation} declarations: no handler authorizes
     * itself (it could forget to, or check another service than it serves).
     */
    @ArchTest
    static final ArchRule onlyTheDeclaredAccessCheckAuthorizes = noClasses().that()
            .resideOutsideOfPackage("..hub.api.access..")
            .should().callMethodWhere(JavaCall.Predicates.target(HasOwner.Predicates.With.<JavaClass>owner(
                    JavaClass.Predicates.type(vn.lienthong.hub.exchange.ServiceGateway.class)))
                    .and(JavaCall.Predicates.target(com.tngtech.archunit.core.domain.properties.HasName.Predicates
                            .name("authorize"))));

    /**
     * Parallelism, timeouts, retries and waits are the flows' EIPs and Camel's thread-pool profiles: no main code makes
     * its own pools, sleeps, parks or asynchronous calls.
     */
    @ArchTest
    static final ArchRule noHandMadeConcurrency = noClasses()
            .should().callMethodWhere(JavaCall.Predicates.target(HasOwner.Predicates.With.<JavaClass>owner(
                    JavaClass.Predicates.type(Executors.class))))
            .orShould().callMethod(Thread.class, "sleep", long.class)
            .orShould().callMethod(Thread.class, "sleep", long.class, int.class)
            .orShould().callMethod(Thread.class, "sleep", Duration.class)
            .orShould().callMethod(LockSupport.class, "parkNanos", long.class)
            .orShould().callMethod(CompletableFuture.class, "supplyAsync", Supplier.class)
            .orShould().callMethod(CompletableFuture.class, "supplyAsync", Supplier.class, Executor.class)
            .orShould().callMethod(CompletableFuture.class, "runAsync", Runnable.class)
            .orShould().callMethod(CompletableFuture.class, "runAsync", Runnable.class, Executor.class);
}
