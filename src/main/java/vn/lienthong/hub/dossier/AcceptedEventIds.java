package vn.lienthong.hub.dossier;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The idempotent repository of the flow {@code dossier-accept}: an event id is known once its state row exists
 * ({@code dossier_sync_event}, written by the flow's step {@code accepted} once the broker has the event, or by the
 * delivery consumer when it gets the event first). The state row is the record of an accepted id already, so the
 * repository writes nothing of its own: one lookup per event instead of a second table's lookup, check and insert.
 * A state row is never removed (it is the dossier's delivery history), so an id once accepted stays known.
 */
public class AcceptedEventIds extends ServiceSupport implements IdempotentRepository {

    private final DossierSyncStore store;

    public AcceptedEventIds(DossierSyncStore store) {
        this.store = store;
    }

    @Override
    public boolean contains(String eventId) {
        return store.known(eventId);
    }

    /**
     * Called by the idempotent consumer (not eager) once the exchange completed: the flow has written the state row
     * by then, so there is nothing left to record.
     */
    @Override
    public boolean add(String eventId) {
        return true;
    }

    /** Nothing to confirm: the state row is the record. */
    @Override
    public boolean confirm(String eventId) {
        return true;
    }

    /** Never removes a state row (the flow does not ask: {@code removeOnFailure: false}). */
    @Override
    public boolean remove(String eventId) {
        return false;
    }

    /** The state rows are the dossiers' history, not a cache: not cleared. */
    @Override
    public void clear() {
        throw new UnsupportedOperationException("the accepted event ids are the dossiers' state rows and are not cleared");
    }
}
