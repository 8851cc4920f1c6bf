package vn.lienthong.hub.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The deployment files, parsed (no container engine here): docker compose and the Kubernetes manifests give every
 * mandatory setting of the {@code prod} profile ({@link ProductionSettingsCheck#MANDATORY}, and the database
 * password), secrets as mounted files, the broker its broker.xml and a health check, the hub its probes, a
 * security context and resources, and the message-log archive a volume all instances share.
 */
class DeploymentManifestsTest {

    private static final Path DOCKER = Path.of("docker");

    /** The environment variables a production hub must be given. */
    private static Set<String> mandatory() {
        Set<String> variables = new LinkedHashSet<>(ProductionSettingsCheck.MANDATORY.values());
        variables.add("HUB_DB_PASSWORD");
        return variables;
    }

    // ------------------------------------------------------------------------------------------------ compose

    @Test
    @SuppressWarnings("unchecked")
    void compose_givesEveryHubEachMandatorySetting_secretsAsFiles() throws IOException {
        Map<String, Object> compose = (Map<String, Object>) load(DOCKER.resolve("compose.yaml")).get(0);
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        Map<String, Object> secrets = (Map<String, Object>) compose.get("secrets");
        String makeSecrets = Files.readString(DOCKER.resolve("make-secrets.sh"));
        List<String> hubs = services.keySet().stream().filter(s -> s.startsWith("hub")).toList();
        assertThat(hubs).as("hub services").hasSizeGreaterThanOrEqualTo(2);

        for (String name : hubs) {
            Map<String, Object> hub = (Map<String, Object>) services.get(name);
            Map<String, Object> environment = (Map<String, Object>) hub.get("environment");
            assertThat(environment.get("SPRING_PROFILES_ACTIVE")).isEqualTo("prod");
            assertThat(environment.get("HUB_SECRETS_DIR")).as("secrets directory of " + name).isEqualTo("/run/secrets");
            List<String> mounted = ((List<Object>) hub.get("secrets")).stream().map(String::valueOf).toList();
            Map<String, String> provided = new HashMap<>();
            environment.forEach((k, v) -> provided.put(k, String.valueOf(v)));
            mounted.forEach(secret -> provided.putIfAbsent(secret, "file /run/secrets/" + secret));
            for (String variable : mandatory()) {
                assertThat(provided.get(variable)).as(variable + " in " + name).isNotBlank().isNotEqualTo("null");
            }
            // the checkpoint keys are paths to files that are mounted
            for (String key : List.of("HUB_AUDIT_SIGNING_PRIVATE_KEY", "HUB_AUDIT_SIGNING_PUBLIC_KEY")) {
                String path = String.valueOf(environment.get(key));
                assertThat(path).startsWith("/run/secrets/");
                assertThat(mounted).contains(path.substring("/run/secrets/".length()));
            }
            assertThat(environment.get("HUB_INSTANCE_ID")).as("instance id of " + name).isEqualTo(name);
            Map<String, Object> dependsOn = (Map<String, Object>) hub.get("depends_on");
            assertThat(((Map<String, Object>) dependsOn.get("artemis")).get("condition")).isEqualTo("service_healthy");
            assertThat(((Map<String, Object>) dependsOn.get("postgres")).get("condition")).isEqualTo("service_healthy");
            assertThat(hub).containsKey("healthcheck");
            String archive = String.valueOf(environment.get("HUB_AUDIT_ARCHIVE_DIR"));
            assertThat((List<Object>) hub.get("volumes")).as("shared archive volume of " + name)
                    .anySatisfy(v -> assertThat(String.valueOf(v)).isEqualTo("archive:" + archive));
        }
        // every secret is a file the script makes
        for (Map.Entry<String, Object> secret : secrets.entrySet()) {
            String file = String.valueOf(((Map<String, Object>) secret.getValue()).get("file"));
            assertThat(file).isEqualTo("./secrets/" + secret.getKey());
            assertThat(makeSecrets).as("docker/make-secrets.sh writes " + secret.getKey()).contains(secret.getKey());
        }
        // the named volume exists
        assertThat((Map<String, Object>) compose.get("volumes")).containsKey("archive");
    }

    @Test
    @SuppressWarnings("unchecked")
    void compose_runsArtemisWithTheProjectsBrokerXml_andAHealthCheck() throws IOException {
        Map<String, Object> compose = (Map<String, Object>) load(DOCKER.resolve("compose.yaml")).get(0);
        Map<String, Object> artemis = (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get("artemis");
        List<String> volumes = ((List<Object>) artemis.get("volumes")).stream().map(String::valueOf).toList();
        assertThat(volumes).contains("./artemis/broker.xml:/var/lib/artemis-instance/etc-override/broker.xml:ro",
                "./artemis/artemis-roles.properties:/var/lib/artemis-instance/etc-override/artemis-roles.properties:ro");
        assertThat(DOCKER.resolve("artemis/broker.xml")).exists();
        String healthcheck = String.valueOf(((Map<String, Object>) artemis.get("healthcheck")).get("test"));
        assertThat(healthcheck).contains("artemis check queue --name dossier.sync --up");
        Map<String, Object> postgres = (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get("postgres");
        assertThat((Map<String, Object>) postgres.get("environment")).containsEntry("POSTGRES_PASSWORD_FILE",
                "/run/secrets/HUB_DB_PASSWORD");
    }

    // ------------------------------------------------------------------------------------------------ kubernetes

    @Test
    @SuppressWarnings("unchecked")
    void kubernetes_hubHasProbesSecurityContextAndResources() throws IOException {
        Map<String, Object> deployment = manifest("Deployment", "lienthong-hub");
        Map<String, Object> pod = (Map<String, Object>) path(deployment, "spec", "template", "spec");
        Map<String, Object> container = hubContainer(deployment);
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            assertThat(container).as(probe).containsKey(probe);
        }
        assertThat(String.valueOf(path(container, "readinessProbe", "httpGet", "path"))).isEqualTo("/actuator/health/readiness");
        assertThat(String.valueOf(path(container, "livenessProbe", "httpGet", "path"))).isEqualTo("/actuator/health/liveness");
        // a start takes 20-60 s: the startup probe allows at least 120 s
        int period = (Integer) path(container, "startupProbe", "periodSeconds");
        int failures = (Integer) path(container, "startupProbe", "failureThreshold");
        assertThat(period * failures).isGreaterThanOrEqualTo(120);
        assertThat(path(pod, "securityContext", "runAsNonRoot")).isEqualTo(true);
        assertThat(path(container, "securityContext", "readOnlyRootFilesystem")).isEqualTo(true);
        assertThat(path(container, "securityContext", "allowPrivilegeEscalation")).isEqualTo(false);
        assertThat((List<Object>) path(container, "securityContext", "capabilities", "drop")).contains("ALL");
        assertThat((Map<String, Object>) path(container, "resources", "requests")).containsKeys("cpu", "memory");
        assertThat((Map<String, Object>) path(container, "resources", "limits")).containsKey("memory");
        assertThat((Integer) path(deployment, "spec", "replicas")).isGreaterThanOrEqualTo(2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void kubernetes_givesEachMandatorySetting_secretsAsMountedFiles() throws IOException {
        Map<String, Object> deployment = manifest("Deployment", "lienthong-hub");
        Map<String, Object> pod = (Map<String, Object>) path(deployment, "spec", "template", "spec");
        Map<String, Object> container = hubContainer(deployment);
        Map<String, String> provided = new HashMap<>();
        for (Map<String, Object> env : (List<Map<String, Object>>) container.getOrDefault("env", List.of())) {
            provided.put(String.valueOf(env.get("name")), env.containsKey("value") ? String.valueOf(env.get("value"))
                    : "from " + env.get("valueFrom"));
        }
        for (Map<String, Object> from : (List<Map<String, Object>>) container.getOrDefault("envFrom", List.of())) {
            String name = String.valueOf(path(from, "configMapRef", "name"));
            Map<String, Object> data = (Map<String, Object>) manifest("ConfigMap", name).get("data");
            data.forEach((k, v) -> provided.putIfAbsent(k, String.valueOf(v)));
        }
        // the secret volume mounted where HUB_SECRETS_DIR points: one file per setting
        String secretsDir = provided.get("HUB_SECRETS_DIR");
        assertThat(secretsDir).as("HUB_SECRETS_DIR").isNotBlank();
        Map<String, String> mounts = new HashMap<>();
        for (Map<String, Object> m : (List<Map<String, Object>>) container.get("volumeMounts")) {
            mounts.put(String.valueOf(m.get("mountPath")), String.valueOf(m.get("name")));
        }
        String secretVolume = mounts.get(secretsDir);
        assertThat(secretVolume).as("a volume mounted at " + secretsDir).isNotNull();
        Map<String, Object> volume = volume(pod, secretVolume);
        String secretName = String.valueOf(path(volume, "secret", "secretName"));
        Set<String> secretFiles = generatedFiles("secretGenerator", secretName);
        assertThat(secretFiles).as("files of secret " + secretName).isNotEmpty();
        secretFiles.forEach(file -> provided.putIfAbsent(file, "file " + secretsDir + "/" + file));

        for (String variable : mandatory()) {
            assertThat(provided.get(variable)).as(variable).isNotBlank().isNotEqualTo("null");
        }
        assertThat(provided.get("SPRING_PROFILES_ACTIVE")).isEqualTo("prod");
        for (String key : List.of("HUB_AUDIT_SIGNING_PRIVATE_KEY", "HUB_AUDIT_SIGNING_PUBLIC_KEY")) {
            String file = provided.get(key);
            assertThat(file).startsWith(secretsDir + "/");
            assertThat(secretFiles).contains(file.substring(secretsDir.length() + 1));
        }
        // every secret file is one the script makes
        String makeSecrets = Files.readString(DOCKER.resolve("make-secrets.sh"));
        secretFiles.forEach(file -> assertThat(makeSecrets).as("make-secrets.sh writes " + file).contains(file));
        // the archive is on a volume every instance shares
        String archive = provided.get("HUB_AUDIT_ARCHIVE_DIR");
        Map<String, Object> archiveVolume = volume(pod, mounts.get(archive));
        String claim = String.valueOf(path(archiveVolume, "persistentVolumeClaim", "claimName"));
        assertThat((List<Object>) path(manifest("PersistentVolumeClaim", claim), "spec", "accessModes")).contains("ReadWriteMany");
        // every ConfigMap and Secret the pod mounts exists
        for (Map<String, Object> v : (List<Map<String, Object>>) pod.get("volumes")) {
            if (v.containsKey("configMap")) {
                String name = String.valueOf(path(v, "configMap", "name"));
                assertThat(exists("ConfigMap", name) || !generatedFiles("configMapGenerator", name).isEmpty())
                        .as("ConfigMap " + name).isTrue();
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void kubernetes_brokerGetsTheProjectsBrokerXml_andChecksTheDeliveryQueue() throws IOException {
        Map<String, Object> broker = manifest("StatefulSet", "lienthong-artemis");
        Map<String, Object> pod = (Map<String, Object>) path(broker, "spec", "template", "spec");
        Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).get(0);
        String configMap = String.valueOf(path(volume(pod, "config"), "configMap", "name"));
        Set<String> files = generatedFiles("configMapGenerator", configMap);
        assertThat(files).contains("broker.xml", "artemis-roles.properties");
        assertThat(String.valueOf(path(container, "readinessProbe", "exec", "command")))
                .contains("artemis check queue --name dossier.sync --up");
        assertThat(container).containsKeys("startupProbe", "livenessProbe");
        assertThat(path(pod, "securityContext", "runAsNonRoot")).isEqualTo(true);
        for (String file : generatedSourceFiles()) {
            if (!file.startsWith("secrets/") && !file.equals("clients.yaml")) {
                assertThat(DOCKER.resolve(file)).as(file).exists();
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ parsing

    private static List<Object> load(Path file) throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        List<Object> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            yaml.loadAll(reader).forEach(d -> {
                if (d != null) {
                    documents.add(d);
                }
            });
        }
        return documents;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> manifests() throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(DOCKER.resolve("kubernetes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (Object document : load(file)) {
                    Map<String, Object> manifest = (Map<String, Object>) document;
                    assertThat(manifest).as(file + ": a manifest").containsKeys("apiVersion", "kind", "metadata");
                    out.add(manifest);
                }
            }
        }
        return out;
    }

    private static boolean exists(String kind, String name) throws IOException {
        return manifests().stream().anyMatch(m -> kind.equals(m.get("kind")) && name.equals(path(m, "metadata", "name")));
    }

    private static Map<String, Object> manifest(String kind, String name) throws IOException {
        return manifests().stream().filter(m -> kind.equals(m.get("kind")) && name.equals(path(m, "metadata", "name")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in docker/kubernetes"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> hubContainer(Map<String, Object> deployment) {
        List<Map<String, Object>> containers = (List<Map<String, Object>>) path(deployment, "spec", "template", "spec",
                "containers");
        return containers.stream().filter(c -> "hub".equals(c.get("name"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> volume(Map<String, Object> pod, String name) {
        return ((List<Map<String, Object>>) pod.get("volumes")).stream().filter(v -> name.equals(v.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no volume " + name));
    }

    /** The file names (keys) of a kustomize generator entry. */
    @SuppressWarnings("unchecked")
    private static Set<String> generatedFiles(String generator, String name) throws IOException {
        Map<String, Object> kustomization = (Map<String, Object>) load(DOCKER.resolve("kustomization.yaml")).get(0);
        Set<String> keys = new LinkedHashSet<>();
        for (Map<String, Object> entry : (List<Map<String, Object>>) kustomization.getOrDefault(generator, List.of())) {
            if (name.equals(entry.get("name"))) {
                for (Object file : (List<Object>) entry.getOrDefault("files", List.of())) {
                    String f = String.valueOf(file);
                    keys.add(f.contains("=") ? f.substring(0, f.indexOf('=')) : Path.of(f).getFileName().toString());
                }
            }
        }
        return keys;
    }

    @SuppressWarnings("unchecked")
    private static List<String> generatedSourceFiles() throws IOException {
        Map<String, Object> kustomization = (Map<String, Object>) load(DOCKER.resolve("kustomization.yaml")).get(0);
        List<String> files = new ArrayList<>();
        for (String generator : List.of("configMapGenerator", "secretGenerator")) {
            for (Map<String, Object> entry : (List<Map<String, Object>>) kustomization.getOrDefault(generator, List.of())) {
                for (Object file : (List<Object>) entry.getOrDefault("files", List.of())) {
                    String f = String.valueOf(file);
                    files.add(f.contains("=") ? f.substring(f.indexOf('=') + 1) : f);
                }
            }
        }
        for (Object resource : (List<Object>) kustomization.get("resources")) {
            assertThat(DOCKER.resolve(String.valueOf(resource))).exists();
        }
        return files;
    }

    @SuppressWarnings("unchecked")
    private static Object path(Map<String, Object> map, String... keys) {
        Object current = map;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> m) || !m.containsKey(key)) {
                throw new AssertionError("no " + String.join(".", keys) + " (stops at " + key + ")");
            }
            current = ((Map<String, Object>) m).get(key);
        }
        return current;
    }
}
