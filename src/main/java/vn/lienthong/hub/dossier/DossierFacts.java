package vn.lienthong.hub.dossier;

import java.time.Instant;

/**
 * What the hub knows of one dossier for the national service index, as of its latest event (docs/national-index.md).
 *
 * @param nationalStatus  TrangThaiHoSo, national code 1–10
 * @param receivedAt      NgayTiepNhan; null for status 1
 * @param dueAt           NgayHenTra; null for status 1
 * @param endedAt         NgayKetThucXuLy, kept across updates that omit it
 * @param returnedAt      NgayTra, kept across updates that omit it
 * @param stepFinishedAt  ThoiDiemXuLy of the first progress step reaching 9 or 10
 * @param finishedSeenAt  when the hub first saw status 9 or 10
 * @param firstSeenAt     when the hub first recorded the dossier
 * @param department      PhongBanXuLy of the latest progress step
 * @param officer         NguoiXuLy of the latest progress step
 * @param lastStep        NoiDungXuLy of the latest progress step
 * @param populationDbByHub DSKetNoiCSDL added by the hub from its message log
 * @param unsynced        events of the dossier not (yet) at the portal
 * @param discarded       events an operator discarded
 */
public record DossierFacts(String dossierCode, String agency, String procedureCode, String nationalStatus, boolean online,
        Instant receivedAt, Instant dueAt, Instant endedAt, Instant returnedAt, Instant stepFinishedAt,
        Instant finishedSeenAt, Instant firstSeenAt, String department, String officer, String lastStep,
        Instant lastStepAt, boolean digitisedReuse, boolean resultsDigitised, boolean vneid, boolean populationDb,
        boolean populationDbByHub, long unsynced, long discarded) {

    /** The instant that places the dossier in a period: its reception, or when the hub first saw it. */
    public Instant periodAt() {
        return receivedAt != null ? receivedAt : firstSeenAt;
    }
}
