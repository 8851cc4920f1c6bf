package vn.lienthong.hub.connector.nationalportal;

/** The portal could not take the request now (HTTP error, timeout, busy error code): worth another attempt later. */
public class PortalUnavailableException extends RuntimeException {

    public PortalUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
