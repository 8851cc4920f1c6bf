package vn.lienthong.hub.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Runs the examples of one file in order, as a reader typing them would: assignments set shell variables for the later
 * commands, {@code NAME=$(curl … | jq -r .path)} keeps a value of the answer, {@code -o file} saves the answer in the
 * work folder. A call to the demo hub ({@code localhost:8080}) goes to the hub under test.
 */
final class ExampleRunner {

    /** Sends one request; the IT's is a real HTTP client. */
    interface Transport {
        Expectation.Answer send(String method, String url, Map<String, String> headers, String body);
    }

    private final Transport transport;
    private final String hubBase;
    private final Path repository;
    private final Path workFolder;
    private final Map<String, String> variables = new HashMap<>();

    ExampleRunner(Transport transport, String hubBase, Path repository, Path workFolder) {
        this.transport = transport;
        this.hubBase = hubBase;
        this.repository = repository;
        this.workFolder = workFolder;
    }

    /** Runs one example; throws an assertion error naming the file and line when the hub does not do as documented. */
    void run(DocExamples.Example example) {
        String where = example.file() + ":" + example.line();
        boolean show = Boolean.getBoolean("hub.docs.show");
        if (example.problem() != null && !(show && example.expectation() == null)) {
            throw new AssertionFailedError(where + ": " + example.problem());
        }
        for (ShellText.Command assignment : example.setup()) {
            assign(where, assignment.source());
        }
        String source = example.command().source();
        String capture = ShellText.assignedName(source);
        String inner = ShellText.captured(source);
        String jqPath = null;
        if (inner != null) {
            int pipe = lastPipe(inner);
            if (pipe < 0) {
                throw new AssertionFailedError(where + ": a capture is NAME=$(curl … | jq -r PATH)");
            }
            List<String> jq = ShellText.words(inner.substring(pipe + 1), variables);
            if (jq.size() != 3 || !jq.get(0).equals("jq") || !jq.get(1).equals("-r") || !jq.get(2).startsWith(".")) {
                throw new AssertionFailedError(where + ": a capture is NAME=$(curl … | jq -r PATH), not " + jq);
            }
            jqPath = jq.get(2);
            source = inner.substring(0, pipe);
        } else {
            capture = null;
        }
        List<String> words;
        CurlCall call;
        try {
            words = ShellText.words(source, variables);
            int k = 0;
            while (k < words.size() && words.get(k).matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
                k++;
            }
            words = words.subList(k, words.size());
            if (!words.isEmpty() && words.get(0).equals("java")) {
                tool(where, words, example.expectation());
                return;
            }
            call = CurlCall.parse(words, repository);
        } catch (TestAbortedException | AssertionFailedError e) {
            throw e;
        } catch (RuntimeException e) {
            throw new AssertionFailedError(where + ": " + e.getMessage(), e);
        }
        Expectation expectation = example.expectation() == null ? Expectation.parse("0") : example.expectation();
        if (expectation.skipReason != null) {
            if (call.hubPath() != null) {
                throw new AssertionFailedError(where + ": a call to the demo hub cannot be skipped (" + call + ")");
            }
            throw new TestAbortedException(where + " not run: " + expectation.skipReason);
        }
        Expectation.Answer answer = transport.send(call.method(), call.target(hubBase), call.headerMap(), call.body());
        if (expectation.eventually && !expectation.mismatches(answer).isEmpty()) {
            AtomicReference<Expectation.Answer> last = new AtomicReference<>(answer);
            try {
                Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
                    last.set(transport.send(call.method(), call.target(hubBase), call.headerMap(), call.body()));
                    return expectation.mismatches(last.get()).isEmpty();
                });
            } catch (ConditionTimeoutException e) {
                // reported below with the last answer
            }
            answer = last.get();
        }
        if (show) {
            String b = answer.body() == null ? "" : answer.body();
            System.out.println("@@@ " + where + " " + call + " -> " + answer.status() + " "
                    + (b.length() > 2500 ? b.substring(0, 2500) + "…" : b));
        }
        List<String> problems = expectation.mismatches(answer);
        if (!problems.isEmpty()) {
            throw new AssertionFailedError(where + ": " + call + " does not answer as documented ("
                    + expectation + "):\n  " + String.join("\n  ", problems) + "\n  answer: "
                    + Expectation.abbreviate(answer.body()));
        }
        if (call.output() != null) {
            try {
                Files.writeString(workFolder.resolve(call.output()), answer.body(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (capture != null) {
            String value = Expectation.json("$" + (jqPath.startsWith(".[") ? jqPath.substring(1) : jqPath), answer.body());
            if (value == null) {
                throw new AssertionFailedError(where + ": " + jqPath + " is not in the answer: "
                        + Expectation.abbreviate(answer.body()));
            }
            variables.put(capture, value);
        }
    }

    /** {@code NAME=value …}, or {@code NAME=$(date +%F)} (Việt Nam's date unless {@code TZ=…} says otherwise). */
    private void assign(String where, String source) {
        String inner = ShellText.captured(source);
        if (inner != null) {
            String command = inner.strip();
            if (!command.matches("(TZ=[A-Za-z_/]+ )?date \\+%F")) {
                throw new AssertionFailedError(where + ": the docs test knows the captures NAME=$(curl … | jq -r PATH)"
                        + " and NAME=$(date +%F), not " + source);
            }
            String zone = command.startsWith("TZ=") ? command.substring(3, command.indexOf(' ')) : "Asia/Ho_Chi_Minh";
            variables.put(ShellText.assignedName(source),
                    java.time.LocalDate.now(java.time.ZoneId.of(zone)).toString());
            return;
        }
        for (String word : ShellText.words(source, variables)) {
            int eq = word.indexOf('=');
            variables.put(word.substring(0, eq), word.substring(eq + 1));
        }
    }

    /**
     * A tool of the jar ({@code java -cp JAR -Dloader.main=CLASS …PropertiesLauncher ARGS}), run in this JVM through
     * the class's {@code run(String[], PrintStream)} with the files of the work folder; the jar must exist.
     */
    private void tool(String where, List<String> words, Expectation expectation) {
        String main = null;
        String jar = null;
        List<String> args = new java.util.ArrayList<>();
        boolean launcher = false;
        for (int i = 1; i < words.size(); i++) {
            String w = words.get(i);
            if (w.equals("-cp") || w.equals("-classpath")) {
                jar = words.get(++i);
            } else if (w.startsWith("-Dloader.main=")) {
                main = w.substring("-Dloader.main=".length());
            } else if (w.equals("org.springframework.boot.loader.launch.PropertiesLauncher")) {
                launcher = true;
            } else if (launcher) {
                Path file = workFolder.resolve(w);
                args.add(Files.exists(file) ? file.toString() : repository.resolve(w).toString());
            } else {
                throw new AssertionFailedError(where + ": java option " + w + " is not understood by the docs test");
            }
        }
        if (main == null || jar == null || !launcher) {
            throw new AssertionFailedError(where + ": a tool is java -cp JAR -Dloader.main=CLASS "
                    + "org.springframework.boot.loader.launch.PropertiesLauncher ARGS");
        }
        String glob = jar;
        try (var files = Files.newDirectoryStream(repository.resolve(glob).getParent(),
                repository.resolve(glob).getFileName().toString())) {
            if (!files.iterator().hasNext()) {
                throw new AssertionFailedError(where + ": " + jar + " does not exist (is it the jar the build makes?)");
            }
        } catch (IOException e) {
            throw new AssertionFailedError(where + ": " + jar + " cannot be listed", e);
        }
        if (expectation.skipReason != null) {
            throw new TestAbortedException(where + " not run: " + expectation.skipReason);
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int status;
        try {
            status = (int) Class.forName(main).getMethod("run", String[].class, java.io.PrintStream.class)
                    .invoke(null, args.toArray(String[]::new), new java.io.PrintStream(out, true, StandardCharsets.UTF_8));
        } catch (ReflectiveOperationException e) {
            throw new AssertionFailedError(where + ": " + main + ".run(String[], PrintStream) cannot be called", e);
        }
        Expectation.Answer answer = new Expectation.Answer(status, Map.of(), out.toString(StandardCharsets.UTF_8));
        List<String> problems = expectation.mismatches(answer);
        if (!problems.isEmpty()) {
            throw new AssertionFailedError(where + ": " + main + " does not do as documented (" + expectation + "):\n  "
                    + String.join("\n  ", problems) + "\n  output: " + Expectation.abbreviate(answer.body()));
        }
    }

    private static int lastPipe(String text) {
        char quote = 0;
        int found = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '|') {
                found = i;
            }
        }
        return found;
    }

    Path workFolder() {
        return workFolder;
    }
}
