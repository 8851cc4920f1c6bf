package vn.lienthong.hub.dossier;

/**
 * The answer 202: the event is durably stored and will reach the national portal.
 *
 * @param eventId     the id to quote when asking about the event (also X-Event-Id of a resend)
 * @param dossierCode MaHoSo
 * @param kind        DOSSIER or PROGRESS
 * @param duplicate   true when this event id had already been accepted; nothing new was queued
 */
public record DossierAccepted(String eventId, String dossierCode, String kind, boolean duplicate) {
}
