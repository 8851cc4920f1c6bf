package vn.lienthong.hub.exchange;

/** A failure the hub answers with a documented error code instead of a stack trace. */
public class HubException extends RuntimeException {

    private final ErrorCode code;

    public HubException(ErrorCode code, String detail) {
        super(detail);
        this.code = code;
    }

    public HubException(ErrorCode code, String detail, Throwable cause) {
        super(detail, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }
}
