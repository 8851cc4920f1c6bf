package vn.lienthong.hub.audit.query;

import java.time.Instant;

/**
 * What an auditor searches by; every field is optional. {@code subjectRef} is already the keyed hash: the API hashes
 * a personal id before it gets here.
 *
 * @param from          time in at or after
 * @param to            time in before
 * @param clientId      calling system
 * @param service       service code
 * @param userId        officer
 * @param purpose       purpose or procedure code
 * @param subjectRef    keyed hash of the subject's identifier
 * @param outcome       SUCCESS, NOT_FOUND, DENIED, REJECTED, FAILED
 * @param transactionId transaction id
 * @param recordType    EXCHANGE or HOP
 */
public record RecordFilter(Instant from, Instant to, String clientId, String service, String userId, String purpose,
        String subjectRef, String outcome, String transactionId, String recordType) {
}
