package vn.lienthong.hub.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * Counts and hashes (SHA-256) the body bytes read, keeps a copy when the message log keeps bodies, and refuses to read
 * past the configured limit (bodies sent without a length).
 */
final class CountingRequest extends HttpServletRequestWrapper {

    private final long limit;
    private final MessageDigest digest = sha256();
    private final ByteArrayOutputStream copy;
    private long count;
    private ServletInputStream stream;

    CountingRequest(HttpServletRequest request, long limit, boolean keepCopy) {
        super(request);
        this.limit = limit;
        this.copy = keepCopy ? new ByteArrayOutputStream() : null;
    }

    long bytesRead() {
        return count;
    }

    /** SHA-256 (hex) of the bytes read; null when nothing was read. */
    String sha256Hex() {
        return count == 0 && stream == null ? null : HexFormat.of().formatHex(digest.digest());
    }

    /** The bytes read, when a copy is kept. */
    byte[] copy() {
        return copy == null || (count == 0 && stream == null) ? null : copy.toByteArray();
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (stream == null) {
            ServletInputStream in = super.getInputStream();
            stream = new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0) {
                        add(new byte[] {(byte) b}, 0, 1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    if (n > 0) {
                        add(buffer, offset, n);
                    }
                    return n;
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

    private void add(byte[] bytes, int offset, int n) throws PayloadTooLargeException {
        count += n;
        if (count > limit) {
            throw new PayloadTooLargeException(limit);
        }
        digest.update(bytes, offset, n);
        if (copy != null) {
            copy.write(bytes, offset, n);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The body went past the limit while being read. */
    static final class PayloadTooLargeException extends IOException {
        PayloadTooLargeException(long limit) {
            super("request body is larger than " + limit + " bytes");
        }
    }
}
