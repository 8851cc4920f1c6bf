package vn.lienthong.hub.api;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * Which surface a request path belongs to, judged on the path as the servlet container would resolve it (percent
 * escapes decoded, {@code ;} parameters dropped, empty and dot segments resolved), so {@code /%61pi/…} or
 * {@code /api;x=1/…} cannot step round the edge; and whether the path was written plainly. The edge refuses every
 * path of its surfaces that is not plain: no client of the contract needs escapes or parameters in a path.
 */
final class EdgePaths {

    static final String REST = "REST";
    static final String SOAP = "SOAP";

    /** Unreserved and sub-delimiter characters of RFC 3986 except {@code ;}, in non-empty segments. */
    private static final Pattern PLAIN = Pattern.compile("(/[A-Za-z0-9._~!$&'()*+,=:@-]+)*/?");

    private EdgePaths() {
    }

    /** REST for {@code /api}, SOAP for {@code /soap} (and anything under them), null for every other path. */
    static String channel(String rawPath) {
        String path = resolve(rawPath);
        if (path.equals("/api") || path.startsWith("/api/")) {
            return REST;
        }
        if (path.equals("/soap") || path.startsWith("/soap/")) {
            return SOAP;
        }
        return null;
    }

    /** The open statistics, which anyone may read without a key: GET (or HEAD) under {@code /api/v1/open-data/}. */
    static boolean isOpenData(String method, String rawPath) {
        return ("GET".equals(method) || "HEAD".equals(method)) && resolve(rawPath).startsWith("/api/v1/open-data/");
    }

    /**
     * A document sent for signature verification (docs/signatures.md): POST {@code /api/v1/documents/verify}, or
     * to the SOAP service {@code /soap/DocumentService}.
     */
    static boolean isDocumentUpload(String method, String rawPath) {
        if (!"POST".equals(method)) {
            return false;
        }
        String path = resolve(rawPath);
        return path.equals("/api/v1/documents/verify") || path.equals("/soap/DocumentService");
    }

    /** True when the path has no percent escape, {@code ;} parameter, empty segment or dot segment. */
    static boolean isPlain(String rawPath) {
        if (rawPath == null || !PLAIN.matcher(rawPath).matches()) {
            return false;
        }
        for (String segment : rawPath.split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** The path a lenient resolver would reach: decoded (repeatedly), parameters dropped, segments resolved. */
    static String resolve(String rawPath) {
        String path = rawPath == null ? "" : rawPath;
        for (int i = 0; i < 3 && path.indexOf('%') >= 0; i++) {
            path = decode(path);
        }
        path = path.replace('\\', '/');
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : path.split("/")) {
            int parameters = segment.indexOf(';');
            String name = parameters >= 0 ? segment.substring(0, parameters) : segment;
            if (name.isEmpty() || name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                segments.pollLast();
            } else {
                segments.addLast(name);
            }
        }
        return "/" + String.join("/", segments);
    }

    private static String decode(String path) {
        StringBuilder out = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%' && i + 2 < path.length()) {
                int hi = Character.digit(path.charAt(i + 1), 16);
                int lo = Character.digit(path.charAt(i + 2), 16);
                if (hi >= 0 && lo >= 0) {
                    out.append((char) (hi * 16 + lo));
                    i += 2;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }
}
