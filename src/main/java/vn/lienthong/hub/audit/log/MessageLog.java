package vn.lienthong.hub.audit.log;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import vn.lienthong.hub.audit.MessageLogRecord;

/**
 * The message log auditors trust: who asked for whose data, when, why, and how it ended. Records are hash-chained
 * and checkpoints signed (docs/audit-record.md); the platform writes them, never a flow.
 */
public interface MessageLog {

    /**
     * Stores a record and returns once it is committed, or once the configured commit timeout has passed (the record
     * then stays queued): a caller that answers after this call answers only for a durable record in normal operation,
     * and never hangs on a failing log.
     */
    void append(MessageLogRecord record);

    /** As {@link #append(MessageLogRecord)}, with the SHA-256 (and, when configured, the encrypted copy) of the bodies. */
    void append(MessageLogRecord record, BodyEvidence evidence);

    /** Queues a record without waiting; the future completes with its chain position once committed. */
    CompletableFuture<Long> submit(MessageLogRecord record, BodyEvidence evidence);

    /**
     * Whether a record of this transaction was written for a client other than {@code clientId} (any client when
     * {@code clientId} is null): a transaction id belongs to the first client whose exchange carried it.
     */
    boolean belongsToAnotherClient(String transactionId, String clientId);

    /** Every record of one transaction, in the order written. */
    List<MessageLogRecord> findByTransaction(String transactionId);
}
