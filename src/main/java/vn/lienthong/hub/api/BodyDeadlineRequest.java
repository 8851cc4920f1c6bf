package vn.lienthong.hub.api;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * Refuses to go on reading a body once its deadline has passed. Tomcat's read timeout ends a read that waits too long
 * for its next bytes; this ends a body that keeps arriving a few bytes at a time.
 */
final class BodyDeadlineRequest extends HttpServletRequestWrapper {

    private final long deadlineNanos;
    private final Duration timeout;
    private ServletInputStream stream;

    BodyDeadlineRequest(HttpServletRequest request, Duration timeout) {
        super(request);
        this.timeout = timeout;
        this.deadlineNanos = System.nanoTime() + timeout.toNanos();
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (stream == null) {
            ServletInputStream in = super.getInputStream();
            stream = new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    checkDeadline();
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    checkDeadline();
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
        return stream;
    }

    private void checkDeadline() throws BodyTimeoutException {
        if (System.nanoTime() - deadlineNanos > 0) {
            throw new BodyTimeoutException(timeout);
        }
    }
}
