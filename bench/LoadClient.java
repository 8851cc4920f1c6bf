import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small closed-loop HTTP load client for the hub's benchmark scripts (run with the JDK alone:
 * {@code java bench/LoadClient.java ...}). Each of C workers sends requests back to back until N have been sent;
 * it prints throughput, latency percentiles and the count per HTTP status.
 *
 * <pre>
 * java bench/LoadClient.java URL REQUESTS CONCURRENCY [BODY_FILE|-] [Header:Value ...]
 * </pre>
 * A body file makes the requests POSTs; {@code {{i}}} in the body is replaced by the request number.
 */
public class LoadClient {

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: java bench/LoadClient.java URL REQUESTS CONCURRENCY [BODY_FILE|-] [Header:Value ...]");
            System.exit(2);
        }
        URI uri = URI.create(args[0]);
        int total = Integer.parseInt(args[1]);
        int concurrency = Integer.parseInt(args[2]);
        String body = args.length > 3 && !args[3].equals("-")
                ? java.nio.file.Files.readString(java.nio.file.Path.of(args[3]), StandardCharsets.UTF_8) : null;
        List<String[]> headers = new ArrayList<>();
        for (int i = 4; i < args.length; i++) {
            int colon = args[i].indexOf(':');
            headers.add(new String[] {args[i].substring(0, colon).strip(), args[i].substring(colon + 1).strip()});
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        AtomicInteger next = new AtomicInteger();
        long[] latencies = new long[total];
        Map<Integer, Integer> statuses = new TreeMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < total) {
                    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
                    headers.forEach(h -> request.header(h[0], h[1]));
                    if (body != null) {
                        request.header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body.replace("{{i}}", String.valueOf(i)), StandardCharsets.UTF_8));
                    }
                    long t0 = System.nanoTime();
                    int status;
                    try {
                        status = client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (Exception e) {
                        status = -1;
                    }
                    latencies[i] = System.nanoTime() - t0;
                    synchronized (statuses) {
                        statuses.merge(status, 1, Integer::sum);
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Arrays.sort(latencies);
        System.out.printf("requests=%d concurrency=%d seconds=%.2f throughput=%.1f/s%n", total, concurrency, seconds, total / seconds);
        System.out.printf("latency_ms p50=%.1f p90=%.1f p99=%.1f max=%.1f%n", pct(latencies, 50), pct(latencies, 90),
                pct(latencies, 99), latencies[total - 1] / 1e6);
        System.out.println("status_counts=" + statuses);
    }

    private static double pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
