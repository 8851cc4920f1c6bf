package vn.lienthong.hub.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every setting of the hub, under {@code hub.*}; each can be overridden by an environment variable
 * ({@code hub.edge.max-body-bytes} → {@code HUB_EDGE_MAXBODYBYTES}, or the explicit {@code HUB_*} names
 * listed in the README).
 */
@ConfigurationProperties("hub")
public class HubProperties {

    /** Name of this hub instance, written into every message-log record. */
    private String instanceId = "hub-1";
    /** Where the flows are read from: {@code classpath:routes} (inside the jar) or {@code file:/path}. */
    private String flowsLocation = "classpath:routes";
    /** Where the connectors are read from: {@code classpath:connectors} (inside the jar) or {@code file:/path}. */
    private String connectorsLocation = "classpath:connectors";
    /** An operator's outside folder of further connectors ({@code file:/opt/hub/connectors-extra}); empty for none. */
    private String connectorsExtraLocation = "";
    /** Where the procedure profiles of the once-only pre-fill are read from ({@code *.procedure.yaml}). */
    private String proceduresLocation = "classpath:routes/prefill/procedures";

    private final Edge edge = new Edge();
    private final Demo demo = new Demo();
    private final Simulators simulators = new Simulators();
    private final Security security = new Security();
    private final Audit audit = new Audit();

    public String getInstanceId() {
        return instanceId;
    }

    public void setInstanceId(String instanceId) {
        this.instanceId = instanceId;
    }

    public String getFlowsLocation() {
        return flowsLocation;
    }

    public void setFlowsLocation(String flowsLocation) {
        this.flowsLocation = flowsLocation;
    }

    public String getConnectorsLocation() {
        return connectorsLocation;
    }

    public void setConnectorsLocation(String connectorsLocation) {
        this.connectorsLocation = connectorsLocation;
    }

    public String getConnectorsExtraLocation() {
        return connectorsExtraLocation;
    }

    public void setConnectorsExtraLocation(String connectorsExtraLocation) {
        this.connectorsExtraLocation = connectorsExtraLocation;
    }

    public String getProceduresLocation() {
        return proceduresLocation;
    }

    public void setProceduresLocation(String proceduresLocation) {
        this.proceduresLocation = proceduresLocation;
    }

    /** The built-in connectors location, then the outside one when set. */
    public java.util.List<String> connectorLocations() {
        return connectorsExtraLocation == null || connectorsExtraLocation.isBlank()
                ? java.util.List.of(connectorsLocation)
                : java.util.List.of(connectorsLocation, connectorsExtraLocation);
    }

    public Edge getEdge() {
        return edge;
    }

    public Demo getDemo() {
        return demo;
    }

    public Simulators getSimulators() {
        return simulators;
    }

    public Security getSecurity() {
        return security;
    }

    public Audit getAudit() {
        return audit;
    }

    /** Limits applied to every request at the edge. */
    public static class Edge {
        /** Largest request body accepted; larger ones get 413. */
        private long maxBodyBytes = 64 * 1024;
        /** Longest time a caller waits for a synchronous answer before the hub gives up. */
        private Duration requestTimeout = Duration.ofSeconds(30);

        public long getMaxBodyBytes() {
            return maxBodyBytes;
        }

        public void setMaxBodyBytes(long maxBodyBytes) {
            this.maxBodyBytes = maxBodyBytes;
        }

        public Duration getRequestTimeout() {
            return requestTimeout;
        }

        public void setRequestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
        }
    }

    /** The demo clients of the default profile; never enabled in production. */
    public static class Demo {
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** In-process simulators of the national systems (WireMock servers fed from each connector's {@code simulator/}). */
    public static class Simulators {
        private boolean enabled = true;
        /** Where the simulators keep their unpacked mappings while they run. */
        private String workDirectory = "./data/simulators";

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getWorkDirectory() {
            return workDirectory;
        }

        public void setWorkDirectory(String workDirectory) {
            this.workDirectory = workDirectory;
        }
    }

    /** Agency systems allowed to call the hub, and what each may call. */
    public static class Security {
        private List<Client> clients = new ArrayList<>();

        public List<Client> getClients() {
            return clients;
        }

        public void setClients(List<Client> clients) {
            this.clients = clients;
        }
    }

    /** One agency system, identified as {@code {agency identifier}:{system code}}. */
    public static class Client {
        /** For example {@code 000.00.00.H22:MOTCUA}. */
        private String id;
        /** Human name shown in the message log console. */
        private String name;
        /** SHA-256 (hex) of the API key; the key itself is never stored. */
        private String apiKeySha256;
        /** Demo clients exist only while {@code hub.demo.enabled} is true. */
        private boolean demo;
        /** Grants, deny by default: {@code data:*}, {@code data:citizen-lookup}, {@code prefill:*}, {@code dossier:*}, {@code audit:*}. */
        private List<String> grants = new ArrayList<>();

        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getApiKeySha256() {
            return apiKeySha256;
        }

        public void setApiKeySha256(String apiKeySha256) {
            this.apiKeySha256 = apiKeySha256;
        }

        public boolean isDemo() {
            return demo;
        }

        public void setDemo(boolean demo) {
            this.demo = demo;
        }

        public List<String> getGrants() {
            return grants;
        }

        public void setGrants(List<String> grants) {
            this.grants = grants;
        }
    }

    /** The message log (docs/audit-record.md). */
    public static class Audit {
        /** Key of the keyed hash (HMAC-SHA256) that replaces personal ids in the log; mandatory in production. */
        private String subjectKey;
        /** PEM (PKCS#8) private key signing checkpoints, Ed25519 or EC; mandatory in production. */
        private String signingPrivateKey = "./data/audit/checkpoint-private.pem";
        /** PEM (X.509) public key matching it; auditors verify exports with this file. */
        private String signingPublicKey = "./data/audit/checkpoint-public.pem";
        /** Generate an Ed25519 pair at first start when neither file exists (default profile only). */
        private boolean generateSigningKeys = true;
        /** A checkpoint is signed after this many records … */
        private int checkpointInterval = 1000;
        /** … or after this time, whichever comes first. */
        private Duration checkpointPeriod = Duration.ofMinutes(1);
        /** Base64 of 32 bytes: when set, request and response bodies are kept, AES-256-GCM encrypted. */
        private String bodyEncryptionKey;
        /** Longest time an answer waits for its record's commit; past it the answer goes out, the record stays queued. */
        private Duration commitTimeout = Duration.ofSeconds(2);
        /** Records waiting for the writer, at most (memory stays bounded). */
        private int queueCapacity = 10_000;
        /** Records written in one transaction, at most. */
        private int maxBatch = 500;
        /** Answers up to this size are held until their record is committed; larger ones stream (see docs). */
        private int responseHoldBytes = 1024 * 1024;
        /** Records older than this move to archive files; zero keeps everything in the database. */
        private Duration retention = Duration.ZERO;
        /** Where archive files and their manifest are written. */
        private String archiveDirectory = "./data/audit/archive";
        /** How often the archiver looks for records past retention. */
        private Duration archiveCheckPeriod = Duration.ofHours(1);

        public String getSubjectKey() {
            return subjectKey;
        }

        public void setSubjectKey(String subjectKey) {
            this.subjectKey = subjectKey;
        }

        public String getSigningPrivateKey() {
            return signingPrivateKey;
        }

        public void setSigningPrivateKey(String signingPrivateKey) {
            this.signingPrivateKey = signingPrivateKey;
        }

        public String getSigningPublicKey() {
            return signingPublicKey;
        }

        public void setSigningPublicKey(String signingPublicKey) {
            this.signingPublicKey = signingPublicKey;
        }

        public boolean isGenerateSigningKeys() {
            return generateSigningKeys;
        }

        public void setGenerateSigningKeys(boolean generateSigningKeys) {
            this.generateSigningKeys = generateSigningKeys;
        }

        public int getCheckpointInterval() {
            return checkpointInterval;
        }

        public void setCheckpointInterval(int checkpointInterval) {
            this.checkpointInterval = checkpointInterval;
        }

        public Duration getCheckpointPeriod() {
            return checkpointPeriod;
        }

        public void setCheckpointPeriod(Duration checkpointPeriod) {
            this.checkpointPeriod = checkpointPeriod;
        }

        public String getBodyEncryptionKey() {
            return bodyEncryptionKey;
        }

        public void setBodyEncryptionKey(String bodyEncryptionKey) {
            this.bodyEncryptionKey = bodyEncryptionKey;
        }

        public Duration getCommitTimeout() {
            return commitTimeout;
        }

        public void setCommitTimeout(Duration commitTimeout) {
            this.commitTimeout = commitTimeout;
        }

        public int getQueueCapacity() {
            return queueCapacity;
        }

        public void setQueueCapacity(int queueCapacity) {
            this.queueCapacity = queueCapacity;
        }

        public int getMaxBatch() {
            return maxBatch;
        }

        public void setMaxBatch(int maxBatch) {
            this.maxBatch = maxBatch;
        }

        public int getResponseHoldBytes() {
            return responseHoldBytes;
        }

        public void setResponseHoldBytes(int responseHoldBytes) {
            this.responseHoldBytes = responseHoldBytes;
        }

        public Duration getRetention() {
            return retention;
        }

        public void setRetention(Duration retention) {
            this.retention = retention;
        }

        public String getArchiveDirectory() {
            return archiveDirectory;
        }

        public void setArchiveDirectory(String archiveDirectory) {
            this.archiveDirectory = archiveDirectory;
        }

        public Duration getArchiveCheckPeriod() {
            return archiveCheckPeriod;
        }

        public void setArchiveCheckPeriod(Duration archiveCheckPeriod) {
            this.archiveCheckPeriod = archiveCheckPeriod;
        }
    }
}
