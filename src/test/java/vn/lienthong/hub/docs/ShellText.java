package vn.lienthong.hub.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small part of POSIX shell syntax the documentation's examples use: commands separated by new lines, lines continued
 * with a backslash, single and double quotes (spanning lines), {@code $VAR} and {@code ${VAR}} in double quotes and bare
 * words, {@code #} comments, {@code NAME=value} assignments and {@code NAME=$(command | jq -r PATH)} captures.
 * Anything else (pipes outside a capture, redirections, globbing) is kept as plain words.
 */
final class ShellText {

    private ShellText() {
    }

    /** One command of a block: its first line in the file and its source text, comments removed. */
    record Command(int line, String source) {
    }

    /** Splits a block's text into commands; {@code firstLine} is the file line of the block's first line. */
    static List<Command> commands(String text, int firstLine) {
        List<Command> commands = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int line = firstLine;
        int start = -1;
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == '\'') {
                current.append(c);
                if (c == '\'') {
                    quote = 0;
                }
            } else if (quote == '"') {
                current.append(c);
                if (c == '\\' && i + 1 < text.length()) {
                    current.append(text.charAt(++i));
                    if (text.charAt(i) == '\n') {
                        line++;
                    }
                    continue;
                }
                if (c == '"') {
                    quote = 0;
                }
            } else if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                current.append(' ');
                i++;
                line++;
                continue;
            } else if (c == '\'' || c == '"') {
                quote = c;
                current.append(c);
            } else if (c == '#' && (current.length() == 0 || Character.isWhitespace(current.charAt(current.length() - 1)))) {
                while (i + 1 < text.length() && text.charAt(i + 1) != '\n') {
                    i++;
                }
                continue;
            } else if (c == '(' && current.length() > 0 && current.charAt(current.length() - 1) == '$') {
                depth++;
                current.append(c);
            } else if (c == ')' && depth > 0) {
                depth--;
                current.append(c);
            } else if ((c == '\n' || c == ';') && depth == 0) {
                add(commands, current, start);
                current.setLength(0);
                start = -1;
            } else {
                current.append(c);
            }
            if (start < 0 && !Character.isWhitespace(c) && current.length() > 0) {
                start = line;
            }
            if (c == '\n') {
                line++;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unclosed quote " + quote + " in the block starting at line " + firstLine);
        }
        add(commands, current, start);
        return commands;
    }

    private static void add(List<Command> commands, StringBuilder current, int start) {
        String source = current.toString().strip();
        if (!source.isEmpty()) {
            commands.add(new Command(start, source));
        }
    }

    /** The words of a command, quotes removed and variables expanded; an unset variable is an error. */
    static List<String> words(String source, Map<String, String> variables) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\'') {
                int end = source.indexOf('\'', i + 1);
                word.append(source, i + 1, end);
                i = end;
                inWord = true;
            } else if (c == '"') {
                i++;
                while (source.charAt(i) != '"') {
                    char d = source.charAt(i);
                    if (d == '\\' && "\"\\$`".indexOf(source.charAt(i + 1)) >= 0) {
                        word.append(source.charAt(++i));
                    } else if (d == '$') {
                        i = expand(source, i, variables, word);
                    } else {
                        word.append(d);
                    }
                    i++;
                }
                inWord = true;
            } else if (c == '$') {
                i = expand(source, i, variables, word);
                inWord = true;
            } else if (c == '\\' && i + 1 < source.length()) {
                word.append(source.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** Expands the variable starting at {@code source[i] == '$'}; returns the index of its last character. */
    private static int expand(String source, int i, Map<String, String> variables, StringBuilder word) {
        int start = i + 1;
        int end;
        String name;
        String operation = null;
        if (start < source.length() && source.charAt(start) == '{') {
            end = source.indexOf('}', start);
            name = source.substring(start + 1, end);
            Matcher m = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)(%%|%|##|#)(.*)$").matcher(name);
            if (m.matches()) {
                name = m.group(1);
                operation = m.group(2) + m.group(3);
            }
        } else {
            end = start;
            while (end < source.length() && (Character.isLetterOrDigit(source.charAt(end)) || source.charAt(end) == '_')) {
                end++;
            }
            name = source.substring(start, end);
            end--;
        }
        if (name.isEmpty()) {
            word.append('$');
            return i;
        }
        String value = variables.get(name);
        if (value == null) {
            throw new IllegalArgumentException("variable " + name + " is not set by an earlier example of the file");
        }
        word.append(operation == null ? value : trim(value, operation));
        return end;
    }

    /** {@code ${NAME%pattern}} and its kin: the shortest / longest suffix or prefix matching a glob removed. */
    static String trim(String value, String operation) {
        boolean suffix = operation.startsWith("%");
        boolean longest = operation.startsWith("%%") || operation.startsWith("##");
        String glob = operation.substring(longest ? 2 : 1);
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            regex.append(c == '*' ? ".*" : Pattern.quote(String.valueOf(c)));
        }
        Pattern pattern = Pattern.compile(regex.toString(), Pattern.DOTALL);
        int n = value.length();
        for (int k = 0; k <= n; k++) {
            // shortest first: try the smallest part; longest: the biggest
            int size = longest ? n - k : k;
            String part = suffix ? value.substring(n - size) : value.substring(0, size);
            if (pattern.matcher(part).matches()) {
                return suffix ? value.substring(0, n - size) : value.substring(size);
            }
        }
        return value;
    }

    /** {@code NAME=…} at the start of a command: the name, or null. */
    static String assignedName(String source) {
        int eq = source.indexOf('=');
        if (eq <= 0) {
            return null;
        }
        String name = source.substring(0, eq);
        return name.matches("[A-Za-z_][A-Za-z0-9_]*") ? name : null;
    }

    /** The command inside {@code NAME=$(…)}, or null when the value is not a command substitution. */
    static String captured(String source) {
        String name = assignedName(source);
        if (name == null) {
            return null;
        }
        String value = source.substring(name.length() + 1);
        if (value.startsWith("\"$(") && value.endsWith(")\"")) {
            return value.substring(3, value.length() - 2);
        }
        if (value.startsWith("$(") && value.endsWith(")")) {
            return value.substring(2, value.length() - 1);
        }
        return null;
    }
}
