package vn.lienthong.hub.audit;

import java.time.Instant;

/**
 * One record of the message log: an exchange at the hub's edge ({@code EXCHANGE}) or one hop inside it
 * ({@code HOP}: a connector call, a delivery attempt), linked by the transaction id.
 *
 * @param id            database identity, {@code null} before the record is written
 * @param recordType    {@code EXCHANGE} or {@code HOP}
 * @param transactionId the id that follows the request from the edge through every hop
 * @param hubInstance   the hub instance that wrote the record
 * @param channel       {@code REST}, {@code SOAP}, {@code AMQP}, or {@code CONNECTOR} for hops
 * @param clientId      the calling system, {@code {agency identifier}:{system code}}; null when not authenticated
 * @param userId        officer or end user on whose behalf the client acted
 * @param purpose       stated purpose or legal basis (Decree 13/2023 Art. 9: every processing has one)
 * @param service       service code
 * @param operation     operation within the service
 * @param subjectRef    keyed hash of the data subject's personal id or enterprise code; never the id in clear
 * @param outcome       how it ended
 * @param errorCode     the hub's error code when it did not succeed
 * @param errorText     a short human-readable reason
 * @param httpStatus    the status answered (edge) or received (hop)
 * @param timeIn        when the request arrived (edge) or was sent (hop)
 * @param timeOut       when the answer left (edge) or arrived (hop)
 * @param durationMillis time between them
 * @param requestSize   request body size in bytes
 * @param responseSize  response body size in bytes
 */
public record MessageLogRecord(
        Long id,
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
        Outcome outcome,
        String errorCode,
        String errorText,
        Integer httpStatus,
        Instant timeIn,
        Instant timeOut,
        long durationMillis,
        Long requestSize,
        Long responseSize) {
}
