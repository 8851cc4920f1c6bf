package vn.lienthong.hub.connector.nationalportal;

/**
 * The portal could not take the request now (HTTP error, timeout, busy error code): worth another attempt later.
 * {@link #uncertain()} is true when no answer came back at all (timeout, broken connection): the portal may have
 * applied the request, so the next attempt first asks it ({@code TraCuuHoSo}) before sending again.
 */
public class PortalUnavailableException extends RuntimeException {

    private final boolean uncertain;

    public PortalUnavailableException(String message, Throwable cause) {
        this(message, cause, false);
    }

    public PortalUnavailableException(String message, Throwable cause, boolean uncertain) {
        super(message, cause);
        this.uncertain = uncertain;
    }

    public boolean uncertain() {
        return uncertain;
    }
}
