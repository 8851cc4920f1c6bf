package vn.lienthong.hub.audit.chain;

import java.time.Instant;

import vn.lienthong.hub.audit.MessageLogRecord;
import vn.lienthong.hub.audit.Outcome;

/**
 * A message-log record as stored: the fields of {@link MessageLogRecord}, the body evidence, and its place in the
 * hash chain. This is what auditors read, export and verify; {@link CanonicalForm} defines how it is hashed.
 *
 * @param id              database identity (not hashed: the chain position is {@code seq})
 * @param seq             position in the chain, 1, 2, 3 … without gaps
 * @param requestSha256   SHA-256 (hex) of the request body bytes the hub read; null when none was read
 * @param responseSha256  SHA-256 (hex) of the response body bytes the hub sent
 * @param requestBodyEnc  the request body encrypted with AES-GCM (base64 of iv ‖ ciphertext ‖ tag), when kept
 * @param responseBodyEnc the response body, likewise
 * @param prevHash        record hash of the record at {@code seq - 1} (64 zeros for the first record)
 * @param recordHash      SHA-256 over {@code prevHash} and the canonical form of this record
 */
public record ChainedRecord(
        Long id,
        Long seq,
        String recordType,
        String transactionId,
        String hubInstance,
        String channel,
        String clientId,
        String userId,
        String purpose,
        String service,
        String operation,
        String subjectRef,
        String outcome,
        String errorCode,
        String errorText,
        Integer httpStatus,
        Instant timeIn,
        Instant timeOut,
        long durationMillis,
        Long requestSize,
        Long responseSize,
        String requestSha256,
        String responseSha256,
        String requestBodyEnc,
        String responseBodyEnc,
        String prevHash,
        String recordHash) {

    /** The record's first part, as other modules build it. */
    public MessageLogRecord toMessageLogRecord() {
        return new MessageLogRecord(id, recordType, transactionId, hubInstance, channel, clientId, userId, purpose, service,
                operation, subjectRef, outcome == null ? null : Outcome.valueOf(outcome), errorCode, errorText, httpStatus,
                timeIn, timeOut, durationMillis, requestSize, responseSize);
    }

    /** This record placed in the chain. */
    public ChainedRecord chained(long newSeq, String newPrevHash) {
        ChainedRecord placed = new ChainedRecord(id, newSeq, recordType, transactionId, hubInstance, channel, clientId, userId,
                purpose, service, operation, subjectRef, outcome, errorCode, errorText, httpStatus, timeIn, timeOut,
                durationMillis, requestSize, responseSize, requestSha256, responseSha256, requestBodyEnc, responseBodyEnc,
                newPrevHash, null);
        return placed.withHash(CanonicalForm.hash(placed));
    }

    private ChainedRecord withHash(String hash) {
        return new ChainedRecord(id, seq, recordType, transactionId, hubInstance, channel, clientId, userId, purpose, service,
                operation, subjectRef, outcome, errorCode, errorText, httpStatus, timeIn, timeOut, durationMillis, requestSize,
                responseSize, requestSha256, responseSha256, requestBodyEnc, responseBodyEnc, prevHash, hash);
    }
}
