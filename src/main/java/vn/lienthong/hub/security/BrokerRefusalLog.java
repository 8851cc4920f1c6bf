package vn.lienthong.hub.security;

/**
 * Where the broker's security records what it refuses (the message log, by {@code dossier/BrokerRefusalRecorder}).
 */
public interface BrokerRefusalLog {

    /**
     * Records one refusal.
     *
     * @param transactionId   the message's own transaction id when it names one, else null (a new one is made)
     * @param clientId        the agency logged in, null for a refused login
     * @param operation       what was refused: {@code login}, {@code send}, {@code consume}, {@code browse}, …
     * @param unauthenticated true for a refused login (401), false for a refused action (403)
     * @param reason          the reason, naming the address or the claimed user
     */
    void refused(String transactionId, String clientId, String operation, boolean unauthenticated, String reason);
}
