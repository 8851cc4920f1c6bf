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
    private final StrictUtf8 utf8;
    private long count;
    private ServletInputStream stream;

    CountingRequest(HttpServletRequest request, long limit, boolean keepCopy) {
        super(request);
        this.limit = limit;
        this.copy = keepCopy ? new ByteArrayOutputStream() : null;
        this.utf8 = isUtf8Text(request.getContentType()) ? new StrictUtf8() : null;
    }

    /**
     * JSON and XML bodies in UTF-8 (the charset the contract names, and the default of both). A multipart body (a SOAP
     * message with an MTOM attachment: a PDF sent for verification) is not one text: its XML part is still read by the
     * XML parser, which refuses bytes that are not the UTF-8 it declares.
     */
    static boolean isUtf8Text(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith("multipart/")) {
            return false;
        }
        boolean text = type.contains("json") || type.contains("xml");
        return text && (!type.contains("charset=") || type.replace("\"", "").contains("charset=utf-8"));
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
                    } else {
                        ended();
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    if (n > 0) {
                        add(buffer, offset, n);
                    } else if (n < 0) {
                        ended();
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

    private void ended() throws IOException {
        if (utf8 != null) {
            utf8.end();
        }
    }

    private void add(byte[] bytes, int offset, int n) throws IOException {
        count += n;
        if (count > limit) {
            throw new PayloadTooLargeException(limit);
        }
        if (utf8 != null) {
            utf8.check(bytes, offset, n);
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
