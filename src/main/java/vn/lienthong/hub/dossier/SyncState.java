package vn.lienthong.hub.dossier;

/** Where an event, and a dossier as a whole, stands in synchronisation with the national portal. */
public enum SyncState {
    /** Accepted and durable, not yet delivered. */
    PENDING,
    /** A delivery attempt is under way (an event found in this state after a crash may or may not have arrived). */
    SENDING,
    /** At least one attempt failed; the event waits on the broker for its next attempt, later events behind it. */
    RETRYING,
    /** The portal confirmed it. */
    SYNCED,
    /** Given up: in the connector's dead-letter queue with its reason, waiting for a replay. */
    DEAD,
    /** An operator discarded the dead event with a reason: never delivered, no longer holds its dossier back. */
    DISCARDED,
    /**
     * Found on the delivery queue without a valid integrity tag (put there without passing the hub's acceptance, or
     * changed after): in the dead-letter queue with its reason for inspection, never delivered, never replayed, never
     * holds its dossier back.
     */
    FORGED
}
