package vn.lienthong.hub.dossier;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer 202: the event is durably stored and will reach the national portal.
 *
 * @param eventId      the id to quote when asking about the event (also X-Event-Id of a resend)
 * @param dossierCode  MaHoSo
 * @param kind         DOSSIER or PROGRESS
 * @param duplicate    true when this event id had already been accepted; nothing new was queued
 * @param resultPapers the verification of the result papers the event names by their store reference
 *                     ({@code DanhSachGiayToKetQua[].MaKetQua}); absent when it names none
 */
public record DossierAccepted(String eventId, String dossierCode, String kind, boolean duplicate,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ResultPaperCheck> resultPapers) {

    public DossierAccepted(String eventId, String dossierCode, String kind, boolean duplicate) {
        this(eventId, dossierCode, kind, duplicate, List.of());
    }

    public DossierAccepted {
        resultPapers = resultPapers == null ? List.of() : List.copyOf(resultPapers);
    }
}
