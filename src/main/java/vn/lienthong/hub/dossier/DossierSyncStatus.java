package vn.lienthong.hub.dossier;

import java.time.Instant;
import java.util.List;

/**
 * Synchronisation state of one dossier: DEAD if any of its events is dead, RETRYING if one is being retried, PENDING if
 * one waits or is being sent, SYNCED when the portal confirmed all of them; an event an operator discarded no longer
 * counts for the state and is counted apart; a forged event (never accepted by the hub) is listed with its reason but
 * never counts for the state (FORGED only when the dossier has nothing else).
 *
 * @param attempts  delivery attempts of the event that decides the state
 * @param lastError the last error of that event
 * @param resultPapers the result papers its events named by their store reference, as verified when accepted
 */
public record DossierSyncStatus(String dossierCode, SyncState state, int attempts, String lastError, Instant updatedAt,
        int discarded, List<DossierSyncStore.EventState> events,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
        List<ResultPaperCheck> resultPapers) {

    public DossierSyncStatus(String dossierCode, SyncState state, int attempts, String lastError, Instant updatedAt,
            int discarded, List<DossierSyncStore.EventState> events) {
        this(dossierCode, state, attempts, lastError, updatedAt, discarded, events, List.of());
    }

    /** This state with the dossier's verified result papers. */
    public DossierSyncStatus withResultPapers(List<ResultPaperCheck> papers) {
        return new DossierSyncStatus(dossierCode, state, attempts, lastError, updatedAt, discarded, events,
                papers == null ? List.of() : List.copyOf(papers));
    }

    /** The dossier's state from its events, or null when the hub has none. */
    public static DossierSyncStatus of(String dossierCode, List<DossierSyncStore.EventState> events) {
        if (events.isEmpty()) {
            return null;
        }
        List<DossierSyncStore.EventState> genuine = events.stream().filter(e -> e.status() != SyncState.FORGED).toList();
        if (genuine.isEmpty()) {
            DossierSyncStore.EventState last = events.get(events.size() - 1);
            return new DossierSyncStatus(dossierCode, SyncState.FORGED, last.attempts(), last.lastError(),
                    last.updatedAt(), 0, events);
        }
        List<DossierSyncStore.EventState> live = genuine.stream().filter(e -> e.status() != SyncState.DISCARDED).toList();
        int discarded = genuine.size() - live.size();
        DossierSyncStore.EventState decisive = live.isEmpty() ? genuine.get(genuine.size() - 1) : live.get(live.size() - 1);
        SyncState state = SyncState.SYNCED;
        for (SyncState candidate : List.of(SyncState.DEAD, SyncState.RETRYING, SyncState.SENDING, SyncState.PENDING)) {
            var match = live.stream().filter(e -> e.status() == candidate).findFirst();
            if (match.isPresent()) {
                decisive = match.get();
                state = candidate == SyncState.SENDING ? SyncState.PENDING : candidate;
                break;
            }
        }
        Instant updated = events.stream().map(DossierSyncStore.EventState::updatedAt).max(Instant::compareTo).orElse(null);
        if (live.isEmpty()) {
            state = SyncState.DISCARDED;
        }
        return new DossierSyncStatus(dossierCode, state, decisive.attempts(), decisive.lastError(), updated, discarded,
                events);
    }
}
