package vn.lienthong.hub.connector.nationalportal;

/** The portal refused the data itself (error_code -1, -4): sending it again cannot help, the event goes to dead letters. */
public class PortalRejectedException extends RuntimeException {

    public PortalRejectedException(String message) {
        super(message);
    }
}
