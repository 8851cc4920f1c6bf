package vn.lienthong.hub.signature;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Seals the evidence the hub issues (docs/signatures.md): the answer of each sealed operation is held (in memory, past
 * 1 MiB in a temporary file) until complete, then sent with its detached CMS signature in {@code X-Hub-Seal} (base64
 * of the DER) and a {@code Link} to the seal's certificates. Runs inside the edge, so the message log hashes the very
 * bytes sealed; answers that are not 2xx pass unsealed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
public class SealFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Hub-Seal";
    static final String CERTIFICATE_PATH = "/api/v1/seal/certificate";
    private static final int IN_MEMORY = 1 << 20;

    /** Method and path of each sealed answer: audit exports, national-index reports, pre-fill evidence. */
    private static final List<String> SEALED = List.of("GET /api/v1/audit/export", "GET /api/v1/dossiers/statistics",
            "GET /api/v1/inspection/figures", "POST /api/v1/prefill");

    private final HubSeal seal;

    public SealFilter(HubSeal seal) {
        this.seal = seal;
    }

    /** Whether the answer of this request is sealed. */
    static boolean isSealed(String method, String path) {
        return SEALED.contains(method + " " + path);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !isSealed(request.getMethod(), request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try (Spool spool = new Spool()) {
            HeldResponse held = new HeldResponse(response, spool);
            chain.doFilter(request, held);
            held.finish();
            int status = response.getStatus();
            if (status >= 200 && status < 300) {
                byte[] signature = seal.seal(spool::copyTo);
                response.setHeader(HEADER, Base64.getEncoder().encodeToString(signature));
                response.addHeader("Link", "<" + request.getContextPath() + CERTIFICATE_PATH + ">; rel=\"seal-certificate\"");
            }
            response.setContentLengthLong(spool.size());
            try (OutputStream out = response.getOutputStream()) {
                spool.copyTo(out);
            }
        }
    }

    /** The answer's bytes: in memory up to {@link #IN_MEMORY}, then in a temporary file. */
    static final class Spool extends OutputStream implements AutoCloseable {
        private ByteArrayOutputStream memory = new ByteArrayOutputStream();
        private Path file;
        private OutputStream fileOut;
        private long size;

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (fileOut == null && memory.size() + len > IN_MEMORY) {
                file = Files.createTempFile("hub-sealed-", ".part");
                fileOut = new java.io.BufferedOutputStream(Files.newOutputStream(file));
                memory.writeTo(fileOut);
                memory = null;
            }
            (fileOut != null ? fileOut : memory).write(b, off, len);
            size += len;
        }

        long size() {
            return size;
        }

        /** Forgets what was written (the answer is being replaced, e.g. by an error). */
        void clear() throws IOException {
            if (fileOut != null) {
                fileOut.close();
                Files.deleteIfExists(file);
                fileOut = null;
            }
            memory = new ByteArrayOutputStream();
            size = 0;
        }

        void copyTo(OutputStream out) throws IOException {
            if (fileOut == null) {
                memory.writeTo(out);
                return;
            }
            fileOut.flush();
            try (InputStream in = Files.newInputStream(file)) {
                in.transferTo(out);
            }
        }

        @Override
        public void close() throws IOException {
            if (fileOut != null) {
                fileOut.close();
                Files.deleteIfExists(file);
            }
        }
    }

    /** The response as the handler sees it: its body goes to the spool, nothing reaches the client before the seal. */
    private static final class HeldResponse extends HttpServletResponseWrapper {
        private final Spool spool;
        private ServletOutputStream stream;
        private PrintWriter writer;

        HeldResponse(HttpServletResponse response, Spool spool) {
            super(response);
            this.spool = spool;
        }

        @Override
        public ServletOutputStream getOutputStream() {
            if (stream == null) {
                stream = new ServletOutputStream() {
                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        throw new UnsupportedOperationException("sealed answers are written blocking");
                    }

                    @Override
                    public void write(int b) throws IOException {
                        spool.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        spool.write(b, off, len);
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) {
                String charset = getCharacterEncoding();
                writer = new PrintWriter(new OutputStreamWriter(getOutputStream(),
                        Charset.forName(charset == null ? "UTF-8" : charset)));
            }
            return writer;
        }

        @Override
        public void flushBuffer() {
            if (writer != null) {
                writer.flush();
            }
        }

        @Override
        public boolean isCommitted() {
            return false;
        }

        @Override
        public void setContentLength(int len) {
            // the length is set when the held answer is sent
        }

        @Override
        public void setContentLengthLong(long len) {
            // the length is set when the held answer is sent
        }

        @Override
        public void resetBuffer() {
            clearHeld();
        }

        @Override
        public void reset() {
            super.reset();
            clearHeld();
        }

        private void clearHeld() {
            try {
                if (writer != null) {
                    writer.flush();
                }
                spool.clear();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        void finish() {
            flushBuffer();
        }
    }
}
