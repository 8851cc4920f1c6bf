package vn.lienthong.hub.api;

import java.net.SocketTimeoutException;
import java.time.Duration;

/** The request body did not arrive within its deadline; a {@link SocketTimeoutException} like Tomcat's own read timeout. */
public final class BodyTimeoutException extends SocketTimeoutException {

    BodyTimeoutException(Duration timeout) {
        super("the request body did not arrive within " + timeout.toMillis() + " ms");
    }
}
