package vn.lienthong.hub.audit.log;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The message log (docs/audit-record.md), {@code hub.audit.*}. The subject key ({@code hub.audit.subject-key}) is bound
 * by {@link vn.lienthong.hub.exchange.SubjectKeyProperties}, next to the references it keys.
 *
 * @param signingPrivateKey PEM (PKCS#8) private key signing checkpoints, Ed25519 or EC; mandatory in production
 * @param signingPublicKey PEM (X.509) public key matching it; auditors verify exports with this file
 * @param generateSigningKeys generate an Ed25519 pair at first start when neither file exists (default profile only)
 * @param checkpointInterval a checkpoint is signed after this many records …
 * @param checkpointPeriod … or after this time, whichever comes first
 * @param bodyEncryptionKey base64 of 32 bytes: when set, request and response bodies are kept, AES-256-GCM encrypted
 * @param commitTimeout longest time an answer waits for its record's commit; past it the answer goes out, the record
 *        stays queued
 * @param queueCapacity records waiting for the writer, at most (memory stays bounded)
 * @param maxBatch records written in one transaction, at most
 * @param responseHoldBytes answers up to this size are held until their record is committed; larger ones stream
 * @param retention records older than this move to archive files; zero keeps everything in the database
 * @param archiveDirectory where archive files and their manifest are written
 * @param archiveCheckPeriod how often the archiver looks for records past retention
 */
@Validated
@ConfigurationProperties("hub.audit")
public record AuditProperties(
        @DefaultValue("./data/audit/checkpoint-private.pem") String signingPrivateKey,
        @DefaultValue("./data/audit/checkpoint-public.pem") String signingPublicKey,
        @DefaultValue("true") boolean generateSigningKeys,
        @DefaultValue("1000") @Positive int checkpointInterval,
        @DefaultValue("1m") @DurationMin(millis = 1) Duration checkpointPeriod,
        String bodyEncryptionKey,
        @DefaultValue("2s") @DurationMin(millis = 0) Duration commitTimeout,
        @DefaultValue("10000") @Positive int queueCapacity,
        @DefaultValue("500") @Positive int maxBatch,
        @DefaultValue("1048576") @PositiveOrZero int responseHoldBytes,
        @DefaultValue("0") @DurationMin(millis = 0) Duration retention,
        @DefaultValue("./data/audit/archive") @NotBlank String archiveDirectory,
        @DefaultValue("1h") @DurationMin(millis = 1) Duration archiveCheckPeriod) {

    /** The settings as they are when nothing is configured (tools and tests outside a Spring context). */
    public static AuditProperties defaults() {
        return new Binder().bindOrCreate("hub.audit", AuditProperties.class);
    }

    /** Whether request and response bodies are kept, encrypted. */
    public boolean keepsBodies() {
        return bodyEncryptionKey != null && !bodyEncryptionKey.isBlank();
    }
}
