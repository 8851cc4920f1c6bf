package vn.lienthong.hub.prod;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import vn.lienthong.hub.audit.chain.CheckpointKeys;
import vn.lienthong.hub.signature.HubSeal;
import vn.lienthong.hub.signature.SignatureProperties;
import vn.lienthong.hub.simulator.NationalSystems;

/**
 * What the prod ITs run against, made once per test JVM (failsafe runs the {@code *ProdIT} classes in a JVM of their
 * own): the machine's PostgreSQL ({@code HUB_TEST_POSTGRES_URL}) in a fresh schema, a standalone Artemis broker with
 * the production broker.xml ({@link StandaloneBroker}), the national systems as outside WireMock servers
 * ({@link NationalSystems}), a checkpoint key pair in files, and the clients of a province. Each setting is given as
 * the environment variable the prod profile reads, as a JVM system property, before the hub starts.
 *
 * <p>Without PostgreSQL or the unpacked distribution the tests are skipped, unless {@code HUB_TEST_REQUIRE_PROD=true}
 * ({@code .ci/run}), which makes them run, and fail, so CI cannot pass without them.
 */
public final class ProdEnvironment implements ExecutionCondition, BeforeAllCallback {

    public static final String MOTCUA_ID = "000.00.00.H22:MOTCUA";
    public static final String MOTCUA_KEY = "prod-it-motcua-key";
    public static final String AUDITOR_KEY = "prod-it-auditor-key";
    public static final String OPERATOR_KEY = "prod-it-operator-key";

    private static Map<String, String> settings;
    private static StandaloneBroker broker;
    private static NationalSystems systems;
    private static String schema;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if ("true".equalsIgnoreCase(System.getenv("HUB_TEST_REQUIRE_PROD"))) {
            return ConditionEvaluationResult.enabled("HUB_TEST_REQUIRE_PROD=true");
        }
        if (postgresUrl() == null) {
            return ConditionEvaluationResult.disabled("HUB_TEST_POSTGRES_URL is not set");
        }
        if (StandaloneBroker.home() == null) {
            return ConditionEvaluationResult.disabled("the Artemis distribution is not unpacked (build with -Pprod-it)");
        }
        return ConditionEvaluationResult.enabled("PostgreSQL and the Artemis distribution are there");
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    public static synchronized Map<String, String> start() throws Exception {
        if (settings != null) {
            return settings;
        }
        if (postgresUrl() == null) {
            throw new IllegalStateException("HUB_TEST_POSTGRES_URL is not set; the prod ITs need PostgreSQL");
        }
        Path work = Path.of("target/prod-it").toAbsolutePath();
        Files.createDirectories(work);
        schema = "hub_prod_" + Long.toHexString(System.currentTimeMillis()) + "_" + ProcessHandle.current().pid();
        try (Connection c = DriverManager.getConnection(postgresUrl(), postgresUser(), postgresPassword());
             Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(ProdEnvironment::dropSchema));
        broker = StandaloneBroker.start(work, Map.of(MOTCUA_ID, MOTCUA_KEY));
        systems = new NationalSystems();
        Path keys = Files.createTempDirectory(work, "keys-");
        CheckpointKeys.load(keys.resolve("checkpoint-private.pem"), keys.resolve("checkpoint-public.pem"), true);
        HubSeal.load(new SignatureProperties.Seal(keys.resolve("seal-private.pem").toString(),
                keys.resolve("seal-certificate.pem").toString(), keys.resolve("hub-seal-ca.pem").toString(), true), "prod-it");

        Map<String, String> s = new LinkedHashMap<>();
        s.put("spring.profiles.active", "prod");
        s.put("HUB_DB_URL", postgresUrl() + (postgresUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema);
        s.put("HUB_DB_USER", postgresUser());
        s.put("HUB_DB_PASSWORD", postgresPassword());
        s.put("HUB_BROKER_URL", broker.url());
        s.put("HUB_BROKER_USER", StandaloneBroker.HUB_USER);
        s.put("HUB_BROKER_PASSWORD", StandaloneBroker.HUB_PASSWORD);
        s.put("HUB_DOSSIER_INTEGRITY_KEY", "prod-it-dossier-integrity-key-0123456789abcdef");
        s.put("HUB_AUDIT_SUBJECT_KEY", "prod-it-subject-key-0123456789abcdef");
        s.put("HUB_AUDIT_SIGNING_PRIVATE_KEY", keys.resolve("checkpoint-private.pem").toString());
        s.put("HUB_AUDIT_SIGNING_PUBLIC_KEY", keys.resolve("checkpoint-public.pem").toString());
        s.put("HUB_SEAL_PRIVATE_KEY", keys.resolve("seal-private.pem").toString());
        s.put("HUB_SEAL_CERTIFICATE", keys.resolve("seal-certificate.pem").toString());
        s.put("HUB_SEAL_CA_CERTIFICATE", keys.resolve("hub-seal-ca.pem").toString());
        s.put("HUB_DATA_DIR", Files.createTempDirectory(work, "data-").toString());
        s.put("HUB_INSTANCE_ID", "prod-it-1");
        s.put("HUB_BROKER_PORT", "0");
        // the national systems, outside the hub, with the access keys their simulators accept
        s.put("HUB_POPULATION_URL", systems.url("population"));
        s.put("HUB_POPULATION_ACCESS_KEY", "demo-population-access-key");
        for (String[] c : new String[][] {{"business", "BUSINESS"}, {"tax", "TAX"}, {"land", "LAND"},
                {"social-insurance", "SOCIAL_INSURANCE"}, {"judicial-records", "JUDICIAL_RECORDS"},
                {"civil-status", "CIVIL_STATUS"}}) {
            s.put("HUB_" + c[1] + "_URL", systems.url(c[0]));
            s.put("HUB_" + c[1] + "_ACCESS_KEY", "demo-" + c[0] + "-access-key");
        }
        s.put("HUB_PORTAL_URL", systems.url("national-portal"));
        s.put("HUB_PORTAL_USERNAME", NationalSystems.PORTAL_USERNAME);
        s.put("HUB_PORTAL_PASSWORD", NationalSystems.PORTAL_PASSWORD);
        s.put("HUB_PORTAL_AGENCY_CODE", "000.00.00.H22");
        // the project's small sample in the official table's format (the official table is not part of the project)
        s.put("HUB_ADMIN_UNITS_FILE", java.nio.file.Path.of("src/main/resources/reference/admin-units-sample.csv")
                .toAbsolutePath().toString());
        s.put("HUB_PORTAL_TIMEOUT_MILLIS", "2000");
        // short retry delays: the retry tests wait for the scheduled redeliveries
        s.put("HUB_DOSSIER_MAX_ATTEMPTS", "3");
        s.put("HUB_DOSSIER_INITIAL_BACKOFF", "50ms");
        s.put("HUB_DOSSIER_MAX_BACKOFF", "200ms");
        s.put("HUB_AUDIT_CHECKPOINT_INTERVAL", "5");
        s.put("hub.connector-overrides.minimum-calls", "1000");
        client(s, 0, MOTCUA_ID, MOTCUA_KEY, "data:*", "prefill:*", "dossier:*");
        client(s, 1, "000.00.00.H22:KIEMTRA", AUDITOR_KEY, "audit:*", "dossier-report:*");
        client(s, 2, "000.00.00.H22:VANHANH", OPERATOR_KEY, "dossier-admin:*", "dossier-report:*", "operations:*");
        s.forEach(System::setProperty);
        settings = Map.copyOf(s);
        return settings;
    }

    private static void client(Map<String, String> s, int i, String id, String key, String... grants) {
        String prefix = "hub.security.clients[" + i + "].";
        s.put(prefix + "id", id);
        s.put(prefix + "name", id);
        s.put(prefix + "api-key-sha256", sha256(key));
        for (int g = 0; g < grants.length; g++) {
            s.put(prefix + "grants[" + g + "]", grants[g]);
        }
    }

    public static StandaloneBroker broker() {
        return broker;
    }

    public static NationalSystems systems() {
        return systems;
    }

    public static String schema() {
        return schema;
    }

    public static String postgresUrl() {
        String url = System.getenv("HUB_TEST_POSTGRES_URL");
        return url == null || url.isBlank() ? null : url;
    }

    public static String postgresUser() {
        return System.getenv().getOrDefault("HUB_TEST_POSTGRES_USER", "postgres");
    }

    public static String postgresPassword() {
        return System.getenv().getOrDefault("HUB_TEST_POSTGRES_PASSWORD", "");
    }

    private static void dropSchema() {
        try (Connection c = DriverManager.getConnection(postgresUrl(), postgresUser(), postgresPassword());
             Statement s = c.createStatement()) {
            s.execute("SET lock_timeout = '10s'");
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (Exception e) {
            System.err.println("prod IT schema " + schema + " not dropped: " + e);
        }
    }

    static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
