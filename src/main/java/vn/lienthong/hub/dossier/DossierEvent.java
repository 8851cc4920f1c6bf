package vn.lienthong.hub.dossier;

import java.time.Instant;
import java.util.Map;

/**
 * An accepted event as it waits in the durable queue: what was sent, who sent it and under which transaction.
 *
 * @param eventId       unique id, also the broker's duplicate-detection id
 * @param kind          dossier or progress
 * @param dossierCode   MaHoSo, also the message group
 * @param data          the fields with national names and local codes
 * @param transactionId the transaction of the accepting request, written on every delivery attempt's log record
 * @param clientId      the sending agency system
 * @param channel       REST, SOAP or AMQP
 * @param acceptedAt    when the hub accepted it
 */
public record DossierEvent(String eventId, DossierEventKind kind, String dossierCode, Map<String, Object> data,
        String transactionId, String clientId, String channel, Instant acceptedAt) {
}
