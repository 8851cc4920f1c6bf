package vn.lienthong.hub.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The curl examples of the documentation, read from the Markdown: every fenced block (no language, {@code bash},
 * {@code sh}, {@code shell}, {@code console}) holding a curl command, or a {@code java … -Dloader.main=vn.lienthong.hub.…}
 * tool of the jar, is an example, and must be followed by an {@code <!-- expect … -->} comment ({@link Expectation})
 * with one line per such command. An example without one, or
 * with a different number of lines, is a problem the docs test reports as a failure.
 */
final class DocExamples {

    private static final Pattern FENCE = Pattern.compile("^(\\s*)(```+|~~~+)\\s*([A-Za-z0-9_-]*).*$");
    private static final List<String> SHELL = List.of("", "bash", "sh", "shell", "console");

    private DocExamples() {
    }

    /**
     * One curl command to run, with the assignments that come before it in its block.
     *
     * @param file        the Markdown file, relative to the repository
     * @param line        the line of the curl command
     * @param setup       commands before it (assignments) still to run
     * @param command     the command (a curl, or {@code NAME=$(curl … | jq -r PATH)})
     * @param expectation the documented answer, or null with {@code problem} set
     * @param problem     why this example cannot be checked, or null
     */
    record Example(String file, int line, List<ShellText.Command> setup, ShellText.Command command,
            Expectation expectation, String problem) {

        String name() {
            String shown = command.source().replaceAll("\\s+", " ");
            return file + ":" + line + " " + (shown.length() > 110 ? shown.substring(0, 110) + "…" : shown);
        }
    }

    /** The examples of one Markdown file, in order. */
    static List<Example> read(Path repository, String file) {
        try {
            return parse(file, Files.readAllLines(repository.resolve(file), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final String WALKTHROUGH = "<!-- walkthrough:";
    static final String WALKTHROUGH_END = "<!-- /walkthrough -->";

    static List<Example> parse(String file, List<String> lines) {
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().startsWith(WALKTHROUGH)) {
                // a connector walkthrough runs against a hub with its drop-in and simulator: IntegratorGuideIT runs it
                // as written, with its answers (connectors/README.md)
                while (i < lines.size() && !lines.get(i).strip().startsWith(WALKTHROUGH_END)) {
                    i++;
                }
                continue;
            }
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches()) {
                continue;
            }
            String indent = open.group(1);
            String fence = open.group(2);
            String language = open.group(3).toLowerCase();
            int first = i + 1;
            int close = first;
            while (close < lines.size() && !lines.get(close).strip().startsWith(fence)) {
                close++;
            }
            StringBuilder text = new StringBuilder();
            for (int j = first; j < close; j++) {
                String l = lines.get(j);
                text.append(l.startsWith(indent) ? l.substring(indent.length()) : l.stripLeading()).append('\n');
            }
            i = close;
            if (!SHELL.contains(language)) {
                continue;
            }
            List<ShellText.Command> commands;
            try {
                commands = ShellText.commands(text.toString(), first + 1);
            } catch (IllegalArgumentException e) {
                if (text.toString().contains("curl ")) {
                    examples.add(new Example(file, first + 1, List.of(),
                            new ShellText.Command(first + 1, text.toString()), null, e.getMessage()));
                }
                continue;
            }
            List<ShellText.Command> curls = commands.stream().filter(DocExamples::isCurl).toList();
            if (curls.isEmpty()) {
                continue;
            }
            List<String> expected = expectations(lines, close + 1);
            String problem = null;
            if (expected == null) {
                problem = "an example without an expectation: add <!-- expect … --> after the block (one line per curl)";
            } else if (expected.size() != curls.size()) {
                problem = "the block has " + curls.size() + " curl commands but its expectation " + expected.size()
                        + " lines";
            }
            List<ShellText.Command> setup = new ArrayList<>();
            int n = 0;
            for (ShellText.Command command : commands) {
                if (!isCurl(command)) {
                    if (ShellText.assignedName(command.source()) != null
                            && (ShellText.captured(command.source()) != null || isAssignmentOnly(command))) {
                        setup.add(command);
                    }
                    continue;
                }
                Expectation expectation = null;
                String why = problem;
                if (why == null) {
                    try {
                        expectation = Expectation.parse(expected.get(n));
                    } catch (IllegalArgumentException e) {
                        why = e.getMessage();
                    }
                }
                examples.add(new Example(file, command.line(), List.copyOf(setup), command, expectation, why));
                setup.clear();
                n++;
            }
        }
        return examples;
    }

    private static boolean isCurl(ShellText.Command command) {
        String source = command.source();
        String captured = ShellText.captured(source);
        if (captured != null) {
            return captured.strip().startsWith("curl ");
        }
        String plain = withoutAssignments(source);
        return plain.startsWith("curl ") || isTool(plain);
    }

    /** {@code java … -Dloader.main=vn.lienthong.hub.X …} where X is a tool: it has {@code static int run(String[], PrintStream)}. */
    private static boolean isTool(String command) {
        Matcher m = Pattern.compile("-Dloader\\.main=(vn\\.lienthong\\.hub\\.[A-Za-z0-9_.]+)").matcher(command);
        if (!command.startsWith("java ") || !m.find()) {
            return false;
        }
        try {
            Class.forName(m.group(1)).getMethod("run", String[].class, java.io.PrintStream.class);
            return true;
        } catch (ReflectiveOperationException e) {
            return false; // a server (a standalone simulator), not a tool that answers and ends
        }
    }

    private static boolean isAssignmentOnly(ShellText.Command command) {
        return withoutAssignments(command.source()).isEmpty();
    }

    /** The command after its leading {@code NAME=value} words (written without variables or captures). */
    private static String withoutAssignments(String source) {
        try {
            List<String> words = ShellText.words(source, new HashMap<>() {
                @Override
                public String get(Object key) {
                    return "";
                }
            });
            int k = 0;
            while (k < words.size() && words.get(k).matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
                k++;
            }
            return String.join(" ", words.subList(k, words.size()));
        } catch (RuntimeException e) {
            return source;
        }
    }

    /** The lines of the {@code <!-- expect … -->} comment after the closing fence at {@code from - 1}, or null. */
    static List<String> expectations(List<String> lines, int from) {
        int i = from;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        if (i >= lines.size() || !lines.get(i).strip().startsWith("<!-- expect")) {
            return null;
        }
        StringBuilder comment = new StringBuilder();
        for (; i < lines.size(); i++) {
            comment.append(lines.get(i)).append('\n');
            if (lines.get(i).contains("-->")) {
                break;
            }
        }
        String inner = comment.toString().strip();
        inner = inner.substring("<!-- expect".length(), inner.lastIndexOf("-->"));
        if (inner.startsWith(":")) {
            inner = inner.substring(1);
        }
        return inner.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** Variables set by earlier examples of the same file. */
    static Map<String, String> variables() {
        return new HashMap<>();
    }
}
