package vn.lienthong.hub.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import vn.lienthong.hub.api.EdgeProperties;
import vn.lienthong.hub.audit.log.AuditProperties;
import vn.lienthong.hub.dossier.DossierSyncProperties;
import vn.lienthong.hub.exchange.SubjectKeyProperties;
import vn.lienthong.hub.prefill.PrefillProperties;
import vn.lienthong.hub.security.DemoProperties;
import vn.lienthong.hub.security.SecurityProperties;
import vn.lienthong.hub.simulator.SimulatorProperties;

/**
 * The settings records bind {@code hub.*} from the shipped application.yaml exactly as documented (property names,
 * README variables, defaults), and an out-of-range value stops the start with a message naming the property. Only the
 * settings are bound: no broker, database, Camel or web server starts.
 */
@ExtendWith(OutputCaptureExtension.class)
class SettingsBindingTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({ HubProperties.class, EdgeProperties.class, AuditProperties.class,
            SubjectKeyProperties.class, SecurityProperties.class, DemoProperties.class, SimulatorProperties.class,
            DossierSyncProperties.class, PrefillProperties.class, vn.lienthong.hub.security.DataScopeProperties.class,
            vn.lienthong.hub.signature.SignatureProperties.class })
    static class SettingsOnly {
    }

    private static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(SettingsOnly.class).web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF).logStartupInfo(false).run(args);
    }

    @Test
    void shippedDefaultsBindAsDocumented() {
        try (ConfigurableApplicationContext context = start()) {
            HubProperties hub = context.getBean(HubProperties.class);
            assertThat(hub.instanceId()).isEqualTo("hub-1");
            assertThat(hub.flowsLocation()).isEqualTo("classpath:routes");
            assertThat(hub.connectorLocations()).containsExactly("classpath:connectors");
            assertThat(hub.proceduresLocation()).isEqualTo("classpath:routes/prefill/procedures");

            EdgeProperties edge = context.getBean(EdgeProperties.class);
            assertThat(edge.maxBodyBytes()).isEqualTo(65536L);
            assertThat(edge.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(edge.maxDocumentBytes()).isEqualTo(16777216L);

            var signatures = context.getBean(vn.lienthong.hub.signature.SignatureProperties.class);
            assertThat(signatures.trustList()).isEmpty();
            assertThat(signatures.revocationTimeout()).isEqualTo(Duration.ofSeconds(5));
            assertThat(signatures.seal().generate()).isTrue();
            assertThat(signatures.seal().privateKey()).endsWith("/seal/seal-private.pem");
            assertThat(signatures.seal().caCertificate()).endsWith("/seal/hub-seal-ca.pem");

            AuditProperties audit = context.getBean(AuditProperties.class);
            assertThat(audit.checkpointInterval()).isEqualTo(1000);
            assertThat(audit.checkpointPeriod()).isEqualTo(Duration.ofMinutes(1));
            assertThat(audit.commitTimeout()).isEqualTo(Duration.ofSeconds(2));
            assertThat(audit.queueCapacity()).isEqualTo(10000);
            assertThat(audit.maxBatch()).isEqualTo(500);
            assertThat(audit.responseHoldBytes()).isEqualTo(1048576);
            assertThat(audit.retention()).isEqualTo(Duration.ZERO);
            assertThat(audit.archiveCheckPeriod()).isEqualTo(Duration.ofHours(1));
            assertThat(audit.generateSigningKeys()).isTrue();
            assertThat(audit.keepsBodies()).isFalse();
            assertThat(audit.signingPrivateKey()).endsWith("/audit/checkpoint-private.pem");
            assertThat(audit.archiveDirectory()).endsWith("/audit/archive");
            assertThat(context.getBean(SubjectKeyProperties.class).subjectKey())
                    .isEqualTo("demo-subject-key-not-for-production");

            SecurityProperties security = context.getBean(SecurityProperties.class);
            assertThat(security.clients()).extracting(SecurityProperties.Client::id).containsExactly(
                    "000.00.00.H22:MOTCUA", "000.00.00.H22:KIEMTRA", "000.00.00.H22:CONGTTDT", "000.00.00.H22:VANHANH",
                    "000.00.00.G22:PAYGOV");
            SecurityProperties.Client motcua = security.clients().get(0);
            assertThat(motcua.apiKeySha256()).isEqualTo("b2d54a23bc0ca40b7d3349b007f09cc91fca3dda12e1ca72e580c9e69b08e097");
            assertThat(motcua.demo()).isTrue();
            assertThat(motcua.grants()).containsExactly("data:*", "prefill:*", "dossier:*", "payment:*", "document:*");
            // the payment platform may only post results
            assertThat(security.clients().get(4).grants()).containsExactly("payment-callback:*");
            assertThat(context.getBean(DemoProperties.class).enabled()).isTrue();

            SimulatorProperties simulators = context.getBean(SimulatorProperties.class);
            assertThat(simulators.enabled()).isTrue();
            assertThat(simulators.workDirectory()).endsWith("/simulators");

            DossierSyncProperties dossier = context.getBean(DossierSyncProperties.class);
            assertThat(dossier.getConsumers()).isEqualTo(16);
            assertThat(dossier.getMaxAttempts()).isEqualTo(8);
            assertThat(dossier.getInitialBackoff()).isEqualTo(Duration.ofSeconds(1));
            assertThat(dossier.getMaxBackoff()).isEqualTo(Duration.ofSeconds(60));
            assertThat(dossier.getDeadLetterQueue()).isEqualTo("dossier.sync.national-portal.DLQ");
            assertThat(dossier.getIntegrityKey()).isEqualTo("demo-dossier-integrity-key-not-for-production");
            assertThat(dossier.getIntegrityPreviousKey()).isNull();

            PrefillProperties prefill = context.getBean(PrefillProperties.class);
            assertThat(prefill.sourceConsumers()).isEqualTo(64);
            assertThat(prefill.sourceQueueSize()).isEqualTo(1000);
        }
    }

    @Test
    void readmeVariablesAndPropertyNamesStillApply() {
        try (ConfigurableApplicationContext context = start("--HUB_INSTANCE_ID=hub-7", "--HUB_EDGE_MAX_BODY_BYTES=1000",
                "--HUB_CONNECTORS_EXTRA_LOCATION=file:/opt/hub/connectors-extra", "--HUB_AUDIT_COMMIT_TIMEOUT=500ms",
                "--HUB_AUDIT_RETENTION=365d", "--HUB_AUDIT_BODY_ENCRYPTION_KEY=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
                "--HUB_DOSSIER_MAX_ATTEMPTS=3", "--HUB_DATA_DIR=/srv/hub", "--hub.edge.request-timeout=5s",
                "--hub.audit.max-batch=50", "--hub.demo.enabled=false", "--hub.simulators.enabled=false",
                "--HUB_TOKEN_ISSUER=https://idp.h22.example/realms/lgsp", "--HUB_TOKEN_JWK_SET_URI=https://idp.h22.example/certs",
                "--HUB_TOKEN_CLIENT_CLAIM=azp", "--HUB_CITIZEN_LOOKUP_DEFAULT_SCOPE=citizen-identity")) {
            var tokens = context.getBean(vn.lienthong.hub.security.SecurityProperties.class).tokens();
            assertThat(tokens.enabled()).isTrue();
            assertThat(tokens.issuer()).isEqualTo("https://idp.h22.example/realms/lgsp");
            assertThat(tokens.clientClaim()).isEqualTo("azp");
            assertThat(context.getBean(vn.lienthong.hub.security.DataScopeProperties.class).citizenLookup().defaultScope())
                    .isEqualTo("citizen-identity");
            HubProperties hub = context.getBean(HubProperties.class);
            assertThat(hub.instanceId()).isEqualTo("hub-7");
            assertThat(hub.connectorLocations()).isEqualTo(List.of("classpath:connectors", "file:/opt/hub/connectors-extra"));
            EdgeProperties edge = context.getBean(EdgeProperties.class);
            assertThat(edge.maxBodyBytes()).isEqualTo(1000L);
            assertThat(edge.requestTimeout()).isEqualTo(Duration.ofSeconds(5));
            AuditProperties audit = context.getBean(AuditProperties.class);
            assertThat(audit.commitTimeout()).isEqualTo(Duration.ofMillis(500));
            assertThat(audit.retention()).isEqualTo(Duration.ofDays(365));
            assertThat(audit.keepsBodies()).isTrue();
            assertThat(audit.maxBatch()).isEqualTo(50);
            assertThat(audit.archiveDirectory()).isEqualTo("/srv/hub/audit/archive");
            assertThat(context.getBean(DossierSyncProperties.class).getMaxAttempts()).isEqualTo(3);
            assertThat(context.getBean(DemoProperties.class).enabled()).isFalse();
            assertThat(context.getBean(SimulatorProperties.class).enabled()).isFalse();
            assertThat(context.getBean(SimulatorProperties.class).workDirectory()).isEqualTo("/srv/hub/simulators");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--hub.edge.max-body-bytes=0       | hub.edge.max-body-bytes  |                          | must be greater than 0",
            "--HUB_EDGE_MAX_BODY_BYTES=-5      | hub.edge.max-body-bytes  | HUB_EDGE_MAX_BODY_BYTES  | must be greater than 0",
            "--HUB_DOSSIER_MAX_ATTEMPTS=-1     | hub.dossier.max-attempts | HUB_DOSSIER_MAX_ATTEMPTS | must be greater than 0",
            "--HUB_DOSSIER_INITIAL_BACKOFF=0s  | hub.dossier.initial-backoff | HUB_DOSSIER_INITIAL_BACKOFF | must be longer than or equal to 1 milli",
            "--HUB_AUDIT_QUEUE_CAPACITY=0      | hub.audit.queue-capacity | HUB_AUDIT_QUEUE_CAPACITY | must be greater than 0",
            "--HUB_AUDIT_CHECKPOINT_PERIOD=0s  | hub.audit.checkpoint-period | HUB_AUDIT_CHECKPOINT_PERIOD | must be longer than or equal to 1 milli",
            "--HUB_AUDIT_SUBJECT_KEY=short     | hub.audit.subject-key    | HUB_AUDIT_SUBJECT_KEY    | size must be between 16",
            "--HUB_DOSSIER_INTEGRITY_KEY=short | hub.dossier.integrity-key | HUB_DOSSIER_INTEGRITY_KEY | size must be between 32",
            "--hub.security.clients[0].id=000.00.00.H22:KIEMTRA --hub.security.clients[0].api-key-sha256=demo-auditor-key"
                    + " | hub.security.clients[0].api-key-sha256 | | must be the SHA-256 of the key, 64 hex digits",
            "--HUB_PREFILL_SOURCE_CONSUMERS=0  | hub.prefill.source-consumers | HUB_PREFILL_SOURCE_CONSUMERS | must be greater than 0",
            "--HUB_INSTANCE_ID=                | hub.instance-id          | HUB_INSTANCE_ID          | must not be blank" })
    void outOfRangeValueStopsTheStartNamingTheProperty(String arguments, String property, String variable, String reason,
            CapturedOutput output) {
        assertThatThrownBy(() -> start(arguments.split(" ")).close())
                .hasRootCauseInstanceOf(BindValidationException.class);
        String expected = "Property: " + property + (variable == null ? "\n" : " (environment variable " + variable + ")\n");
        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START")
                .contains(expected)
                .contains("Reason: " + reason)
                .doesNotContain("\tat org.springframework");
    }
}
