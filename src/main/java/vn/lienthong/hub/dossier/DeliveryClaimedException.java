package vn.lienthong.hub.dossier;

/**
 * Another consumer claimed the event first: this consumer's transaction rolls back without sending anything, and the
 * broker redelivers the message later (route configuration {@code dossier-delivery-failures}).
 */
public class DeliveryClaimedException extends RuntimeException {

    public DeliveryClaimedException(String message) {
        super(message, null, false, false);
    }
}
