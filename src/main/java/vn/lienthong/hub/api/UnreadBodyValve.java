package vn.lienthong.hub.api;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.ServletException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * When the hub has answered without reading the whole body (a refusal before the body: 401, 413, 429, a bad
 * transaction id), Tomcat would go on reading the rest of it to keep the connection, holding a worker for as long as
 * the client takes to send it. This valve reads what has already arrived, without waiting; if the body is still not
 * complete, it tells Tomcat not to wait for it and to close the connection once the answer is sent (as Tomcat does for
 * an aborted upload). A client that sent its whole body keeps its connection.
 */
final class UnreadBodyValve extends ValveBase {

    UnreadBodyValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        getNext().invoke(request, response);
        if (!request.isAsync()) {
            drainOrClose(request);
        }
    }

    private static void drainOrClose(Request request) {
        org.apache.coyote.Request coyote = request.getCoyoteRequest();
        byte[] buffer = new byte[8192];
        try {
            InputStream in = request.getStream();
            while (!coyote.isFinished()) {
                // a read of what has arrived only: AVAILABLE with TRUE tries the socket without blocking
                coyote.action(ActionCode.AVAILABLE, Boolean.TRUE);
                if (coyote.getAvailable() <= 0 || in.read(buffer) < 0) {
                    break;
                }
            }
            if (coyote.isFinished()) {
                return;
            }
        } catch (IOException | IllegalStateException e) {
            // the stream is closed or broken: nothing more to read from this connection
        }
        coyote.action(ActionCode.DISABLE_SWALLOW_INPUT, null);
    }
}
