package vn.lienthong.hub.dossier;

import java.util.Map;

/**
 * A validated dossier event as an agency system sent it: national field names, the province's local codes.
 *
 * @param kind        {@link DossierEventKind#DOSSIER} (create or update) or {@link DossierEventKind#PROGRESS}
 * @param dossierCode MaHoSo
 * @param eventId     the sender's event id when it gave one (X-Event-Id), so a resend is recognised; null otherwise
 * @param data        the fields, NFC-normalised
 */
public record DossierSubmission(DossierEventKind kind, String dossierCode, String eventId, Map<String, Object> data) {
}
