package vn.lienthong.hub.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One curl command of the documentation, as curl would send it: method ({@code -X}, or POST with a body), URL, headers
 * ({@code -H}), body ({@code -d}/{@code --data}/{@code --data-raw}/{@code --data-binary}, {@code @file} relative to the
 * repository) and output file ({@code -o}). An option curl knows but this class does not is an error, so an example
 * cannot silently send something else than what it shows.
 *
 * @param method   HTTP method
 * @param url      the URL as written (after variable expansion)
 * @param headers  headers in order, as {@code name: value}
 * @param body     the body, or null
 * @param output   {@code -o} file name, or null
 */
record CurlCall(String method, String url, List<String[]> headers, String body, String output) {

    /** The demo hub as the docs address it; the test replaces it with the hub under test. */
    static final Pattern DEMO_HUB = Pattern.compile("^(?:https?://)?(?:localhost|127\\.0\\.0\\.1):8080(/.*)?$");

    private static final Pattern HEADER = Pattern.compile("^([!#$%&'*+.^_`|~0-9A-Za-z-]+):\\s?(.*)$", Pattern.DOTALL);

    static CurlCall parse(List<String> words, Path repository) {
        if (words.isEmpty() || !words.get(0).equals("curl")) {
            throw new IllegalArgumentException("not a curl command: " + words);
        }
        String method = null;
        String url = null;
        String body = null;
        String output = null;
        List<String[]> headers = new ArrayList<>();
        for (int i = 1; i < words.size(); i++) {
            String w = words.get(i);
            switch (w) {
                case "-s", "--silent", "-S", "--show-error", "-sS", "-i", "--include", "-f", "--fail" -> { }
                case "-X", "--request" -> method = words.get(++i);
                case "-H", "--header" -> {
                    Matcher m = HEADER.matcher(words.get(++i));
                    if (!m.matches()) {
                        throw new IllegalArgumentException("not a header: " + words.get(i));
                    }
                    headers.add(new String[] {m.group(1), m.group(2)});
                }
                case "-d", "--data", "--data-ascii", "--data-raw", "--data-binary" -> {
                    String data = words.get(++i);
                    String part = data;
                    if (data.startsWith("@") && !w.equals("--data-raw")) {
                        part = read(repository.resolve(data.substring(1)));
                        if (!w.equals("--data-binary")) {
                            part = part.replace("\r", "").replace("\n", "");
                        }
                    }
                    body = body == null ? part : body + "&" + part;
                }
                case "-o", "--output" -> output = words.get(++i);
                default -> {
                    if (w.startsWith("-")) {
                        throw new IllegalArgumentException("curl option " + w + " is not understood by the docs test");
                    }
                    if (url != null) {
                        throw new IllegalArgumentException("two URLs: " + url + " and " + w);
                    }
                    url = w;
                }
            }
        }
        if (url == null) {
            throw new IllegalArgumentException("curl without a URL");
        }
        if (method == null) {
            method = body == null ? "GET" : "POST";
        }
        if (body != null && headers.stream().noneMatch(h -> h[0].equalsIgnoreCase("Content-Type"))) {
            headers.add(new String[] {"Content-Type", "application/x-www-form-urlencoded"});
        }
        return new CurlCall(method, url, headers, body, output);
    }

    /** The path and query on the demo hub, or null when the URL is another server's. */
    String hubPath() {
        Matcher m = DEMO_HUB.matcher(url);
        if (!m.matches()) {
            return null;
        }
        return m.group(1) == null ? "/" : m.group(1);
    }

    /** The URL to call: the demo hub's address replaced by {@code hubBase}. */
    String target(String hubBase) {
        String path = hubPath();
        if (path != null) {
            return hubBase + path;
        }
        return url.matches("^https?://.*") ? url : "http://" + url;
    }

    Map<String, String> headerMap() {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        headers.forEach(h -> map.put(h[0], h[1]));
        return map;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the example's body file " + file + " cannot be read", e);
        }
    }

    @Override
    public String toString() {
        return method + " " + url;
    }
}
