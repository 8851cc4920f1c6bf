package vn.lienthong.hub.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.security.MessageDigest;
import java.util.HexFormat;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Counts and hashes the body bytes written, for the message log, and holds the answer back until {@link #release()}:
 * the edge releases it only once the exchange's record is committed, so a caller never holds an answer the log could
 * lose in a crash. Answers larger than {@code holdLimit} bytes (exports) stream once past the limit.
 */
final class CountingResponse extends HttpServletResponseWrapper {

    private final int holdLimit;
    private final boolean keepCopy;
    private final MessageDigest digest = CountingRequest.sha256();
    private ByteArrayOutputStream held = new ByteArrayOutputStream();
    private ByteArrayOutputStream copy;
    private long count;
    private boolean streaming;
    private ServletOutputStream stream;
    private PrintWriter writer;

    CountingResponse(HttpServletResponse response, int holdLimit, boolean keepCopy) {
        super(response);
        this.holdLimit = holdLimit;
        this.keepCopy = keepCopy;
    }

    long bytesWritten() {
        return count;
    }

    /** SHA-256 (hex) of the body written. */
    String sha256Hex() {
        return HexFormat.of().formatHex(((MessageDigest) cloneDigest()).digest());
    }

    /** The body, when a copy is kept and it was not streamed. */
    byte[] copy() {
        return copy == null ? (keepCopy && !streaming ? held.toByteArray() : null) : copy.toByteArray();
    }

    /** Whether the answer went out before the record was written (larger than the hold limit). */
    boolean streamed() {
        return streaming;
    }

    private Object cloneDigest() {
        try {
            return digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digests can be cloned", e);
        }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (stream == null) {
            stream = new ServletOutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] buffer, int offset, int length) throws IOException {
                    digest.update(buffer, offset, length);
                    count += length;
                    if (streaming) {
                        CountingResponse.super.getOutputStream().write(buffer, offset, length);
                        return;
                    }
                    held.write(buffer, offset, length);
                    if (held.size() > holdLimit) {
                        startStreaming();
                    }
                }

                @Override
                public void flush() throws IOException {
                    if (streaming) {
                        CountingResponse.super.getOutputStream().flush();
                    }
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new IllegalStateException("the hub's edge answers synchronously");
                }
            };
        }
        return stream;
    }

    private void startStreaming() throws IOException {
        streaming = true;
        if (keepCopy) {
            copy = new ByteArrayOutputStream();
            held.writeTo(copy);
        }
        held.writeTo(super.getOutputStream());
        held = new ByteArrayOutputStream();
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), Charset.forName(getCharacterEncoding())), false);
        }
        return writer;
    }

    /** Flushes what the application wrote into the held buffer; the answer itself waits for {@link #release()}. */
    @Override
    public void flushBuffer() throws IOException {
        if (writer != null) {
            writer.flush();
        }
        if (streaming) {
            super.flushBuffer();
        }
    }

    /** Sends the held answer. */
    void release() throws IOException {
        if (writer != null) {
            writer.flush();
        }
        if (!streaming && held.size() > 0) {
            if (!super.isCommitted()) {
                super.setContentLengthLong(held.size());
            }
            held.writeTo(super.getOutputStream());
        }
        super.flushBuffer();
    }

    @Override
    public void resetBuffer() {
        if (!streaming) {
            held.reset();
            digest.reset();
            count = 0;
        }
        super.resetBuffer();
    }

    @Override
    public void reset() {
        if (!streaming) {
            held.reset();
            digest.reset();
            count = 0;
        }
        super.reset();
    }
}
