package vn.lienthong.hub.dossier;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Settings of dossier synchronisation to the national public service portal ({@code hub.dossier.*}). */
@Validated
@ConfigurationProperties("hub.dossier")
public class DossierSyncProperties {

    /** Durable queue the accepted events wait in, grouped by dossier code. */
    @NotBlank
    private String queue = "dossier.sync";
    /** Dead-letter queue of the national-portal connector. */
    @NotBlank
    private String deadLetterQueue = "dossier.sync.national-portal.DLQ";
    /** Queue agency systems send events to over AMQP or the Artemis core protocol. */
    @NotBlank
    private String inboundQueue = "dossier.inbound";
    /** Where events the AMQP intake could not accept go, with their reason. */
    @NotBlank
    private String rejectedQueue = "dossier.inbound.rejected";
    /**
     * Parallel consumers of the delivery queue; a dossier's events always go to one of them at a time (JMS message
     * groups), so more consumers deliver more dossiers at once without reordering any. 16: a portal answering in
     * 100 ms drains up to 160 events a second (bench/run.sh P8).
     */
    @Positive
    private int consumers = 16;
    /** Delivery attempts before an event goes to the dead-letter queue. */
    @Positive
    private int maxAttempts = 8;
    /** Wait before the second attempt (a scheduled redelivery, the consumer is free meanwhile); doubles up to {@link #maxBackoff}. */
    @DurationMin(millis = 1)
    private Duration initialBackoff = Duration.ofSeconds(1);
    /** Longest wait between two delivery attempts; the doubling of {@link #initialBackoff} stops here. */
    @DurationMin(millis = 1)
    private Duration maxBackoff = Duration.ofMinutes(1);
    /** How long after its predecessor's next attempt a waiting later event of the same dossier is tried. */
    @DurationMin(millis = 1)
    private Duration followerDelay = Duration.ofMillis(200);
    /**
     * Key of the integrity tag (HMAC-SHA256) the accept flow puts on every event it queues and the delivery flow checks:
     * an event on the delivery queue without a valid tag did not pass the edge and is dead-lettered as forged.
     * Demo value in application.yaml; production refuses to start without {@code HUB_DOSSIER_INTEGRITY_KEY}.
     */
    @NotBlank
    @Size(min = 32)
    private String integrityKey;
    /** The key before the last change, still accepted at delivery so events queued before the change are delivered. */
    @Size(min = 32)
    private String integrityPreviousKey;
    /** Where the local-to-national code tables are read from. */
    @NotBlank
    private String codeMappings = "classpath:connectors/national-portal/transforms/code-mappings.json";

    public String getQueue() {
        return queue;
    }

    public void setQueue(String queue) {
        this.queue = queue;
    }

    public String getDeadLetterQueue() {
        return deadLetterQueue;
    }

    public void setDeadLetterQueue(String deadLetterQueue) {
        this.deadLetterQueue = deadLetterQueue;
    }

    public String getInboundQueue() {
        return inboundQueue;
    }

    public void setInboundQueue(String inboundQueue) {
        this.inboundQueue = inboundQueue;
    }

    public String getRejectedQueue() {
        return rejectedQueue;
    }

    public void setRejectedQueue(String rejectedQueue) {
        this.rejectedQueue = rejectedQueue;
    }

    public int getConsumers() {
        return consumers;
    }

    public void setConsumers(int consumers) {
        this.consumers = consumers;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public Duration getInitialBackoff() {
        return initialBackoff;
    }

    public void setInitialBackoff(Duration initialBackoff) {
        this.initialBackoff = initialBackoff;
    }

    public Duration getMaxBackoff() {
        return maxBackoff;
    }

    public void setMaxBackoff(Duration maxBackoff) {
        this.maxBackoff = maxBackoff;
    }

    public Duration getFollowerDelay() {
        return followerDelay;
    }

    public void setFollowerDelay(Duration followerDelay) {
        this.followerDelay = followerDelay;
    }

    public String getIntegrityKey() {
        return integrityKey;
    }

    public void setIntegrityKey(String integrityKey) {
        this.integrityKey = integrityKey;
    }

    public String getIntegrityPreviousKey() {
        return integrityPreviousKey;
    }

    public void setIntegrityPreviousKey(String integrityPreviousKey) {
        this.integrityPreviousKey = integrityPreviousKey == null || integrityPreviousKey.isBlank() ? null : integrityPreviousKey;
    }

    public String getCodeMappings() {
        return codeMappings;
    }

    public void setCodeMappings(String codeMappings) {
        this.codeMappings = codeMappings;
    }
}
