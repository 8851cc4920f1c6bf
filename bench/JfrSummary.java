import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a profiled benchmark run spent the hub's CPU: reads the execution samples of a JFR recording (taken with
 * {@code settings=profile}) and prints, as JSON, the shares of the samples
 * <ul>
 * <li>{@code self}: by component of the frame that was running (Camel, H2, Tomcat, the hub's own code, ...);</li>
 * <li>{@code inclusive}: by component anywhere on the stack (a sample counts once for each component it passes; the
 * frames every thread of a kind starts with, such as the launcher's {@code main}, count in all its samples);</li>
 * <li>{@code hub}: by the hub's method nearest the top of the stack, i.e. the hub code each sample was working for;</li>
 * <li>{@code methods}: by the running method;</li>
 * <li>{@code threads}: by thread, numbers taken out of the name so that a pool is one line.</li>
 * </ul>
 * Run with the JDK alone: {@code java bench/JfrSummary.java RECORDING.jfr [TOP] [THREAD_REGEX]}. The optional
 * regular expression keeps only the samples of the threads whose name it finds (for instance the delivery
 * consumers of a drain). Used by {@code bench/run.py --profile}; shares, not sample counts, compare between runs.
 */
public class JfrSummary {

    private static final String[][] COMPONENTS = {
            {"vn.lienthong.hub.", "hub"},
            {"org.apache.camel.", "Camel"},
            {"org.springframework.boot.loader.", "Spring Boot loader (nested jar)"},
            {"org.springframework.security.", "Spring Security"},
            {"org.springframework.jdbc.", "Spring JDBC"},
            {"org.springframework.jms.", "Spring JMS"},
            {"org.springframework.", "Spring"},
            {"org.apache.catalina.", "Tomcat"}, {"org.apache.coyote.", "Tomcat"}, {"org.apache.tomcat.", "Tomcat"},
            {"org.h2.", "H2"},
            {"org.postgresql.", "PostgreSQL driver"},
            {"com.zaxxer.hikari.", "HikariCP"},
            {"org.apache.activemq.", "Artemis"},
            {"org.apache.qpid.", "Qpid JMS"},
            {"io.netty.", "Netty"},
            {"com.fasterxml.jackson.", "Jackson"},
            {"com.schibsted.spt.data.jslt.", "JSLT"},
            {"net.sf.saxon.", "Saxon"},
            {"io.micrometer.", "Micrometer"},
            {"io.opentelemetry.", "OpenTelemetry"},
            {"io.github.resilience4j.", "Resilience4j"},
            {"org.apache.hc.", "HTTP client"}, {"org.apache.http.", "HTTP client"}, {"java.net.http.", "HTTP client"},
            {"jdk.internal.net.http.", "HTTP client"},
            {"org.apache.cxf.", "CXF"},
            {"org.flywaydb.", "Flyway"},
            {"org.eclipse.jetty.", "Jetty (simulators)"}, {"com.github.tomakehurst.", "WireMock (simulators)"},
            {"wiremock.", "WireMock (simulators)"},
            {"ch.qos.logback.", "logging"}, {"org.slf4j.", "logging"}, {"org.apache.logging.", "logging"},
            {"com.sun.org.apache.xerces.", "JDK XML"}, {"com.sun.org.apache.xml.", "JDK XML"},
            {"com.sun.xml.", "JDK XML"}, {"javax.xml.", "JDK XML"}, {"jdk.xml.", "JDK XML"},
            {"java.util.regex.", "JDK regex"},
            {"java.security.SecureClassLoader", "JDK class loading"},
            {"java.security.AccessController", "JDK (other)"},
            {"sun.security.", "JDK crypto"}, {"javax.crypto.", "JDK crypto"}, {"java.security.", "JDK crypto"},
            {"com.sun.crypto.", "JDK crypto"},
            {"java.util.zip.", "JDK zip/jar"}, {"java.util.jar.", "JDK zip/jar"}, {"jdk.internal.loader.", "JDK class loading"},
            {"java.lang.ClassLoader", "JDK class loading"}, {"java.net.URLClassLoader", "JDK class loading"},
            {"java.lang.invoke.", "JDK reflection"}, {"java.lang.reflect.", "JDK reflection"},
            {"jdk.internal.reflect.", "JDK reflection"},
            {"sun.nio.", "JDK I/O"}, {"java.nio.", "JDK I/O"}, {"java.io.", "JDK I/O"}, {"java.net.", "JDK I/O"},
            {"java.util.concurrent.", "JDK concurrency"},
            {"java.", "JDK (other)"}, {"jdk.", "JDK (other)"}, {"sun.", "JDK (other)"}, {"com.sun.", "JDK (other)"},
    };

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: java bench/JfrSummary.java RECORDING.jfr [TOP] [THREAD_REGEX]");
            System.exit(2);
        }
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Pattern threads = args.length > 2 ? Pattern.compile(args[2]) : null;
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> hub = new HashMap<>();
        Map<String, Integer> methods = new HashMap<>();
        Map<String, Integer> byThread = new HashMap<>();
        int samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedThread thread = e.getThread("sampledThread");
            String threadName = thread == null || thread.getJavaName() == null ? "?" : thread.getJavaName();
            if (threads != null && !threads.matcher(threadName).find()) {
                continue;
            }
            RecordedStackTrace stack = e.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = stack.getFrames();
            RecordedFrame first = frames.get(0);
            String firstClass = first.getMethod().getType().getName();
            self.merge(component(firstClass), 1, Integer::sum);
            methods.merge(firstClass + "." + first.getMethod().getName(), 1, Integer::sum);
            byThread.merge(threadName.replaceAll("\\d+", "#"), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            String nearestHub = null;
            for (RecordedFrame f : frames) {
                String type = f.getMethod().getType().getName();
                seen.add(component(type));
                if (nearestHub == null && type.startsWith("vn.lienthong.hub.")) {
                    nearestHub = type.substring("vn.lienthong.hub.".length()) + "." + f.getMethod().getName();
                }
            }
            seen.forEach(c -> inclusive.merge(c, 1, Integer::sum));
            hub.merge(nearestHub == null ? "(no hub frame)" : nearestHub, 1, Integer::sum);
        }
        StringBuilder out = new StringBuilder("{\"samples\": ").append(samples);
        section(out, "self", self, samples, top);
        section(out, "inclusive", inclusive, samples, top);
        section(out, "hub", hub, samples, top);
        section(out, "methods", methods, samples, top);
        section(out, "threads", byThread, samples, top);
        System.out.println(out.append("}"));
    }

    static String component(String type) {
        for (String[] c : COMPONENTS) {
            if (type.startsWith(c[0])) {
                return c[1];
            }
        }
        int dot = type.indexOf('.', type.indexOf('.') + 1);
        return dot > 0 ? type.substring(0, dot) : type;
    }

    private static void section(StringBuilder out, String name, Map<String, Integer> counts, int samples, int top) {
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort((a, b) -> b.getValue() - a.getValue());
        Map<String, Double> shares = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : sorted.subList(0, Math.min(top, sorted.size()))) {
            shares.put(e.getKey(), samples == 0 ? 0.0 : Math.round(1000.0 * e.getValue() / samples) / 10.0);
        }
        out.append(", \"").append(name).append("\": [");
        boolean firstEntry = true;
        for (Map.Entry<String, Double> e : shares.entrySet()) {
            out.append(firstEntry ? "" : ", ").append("[\"").append(e.getKey().replace("\\", "\\\\").replace("\"", "\\\""))
                    .append("\", ").append(e.getValue()).append("]");
            firstEntry = false;
        }
        out.append("]");
    }
}
