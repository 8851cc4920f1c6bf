package vn.lienthong.hub.docs;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;

/**
 * What the documentation says one curl example answers, written in an HTML comment after the example's block (one line
 * per curl command of the block, in order):
 *
 * <pre>
 * &lt;!-- expect
 * 200; $.fullName = Nguyễn Văn An; $.permanentAddress.current.status = EXACT
 * 400; $.code = INVALID_PERSONAL_ID; header X-Transaction-Id exists
 * skip: the production stack's management port (not the demo hub)
 * --&gt;
 * </pre>
 *
 * A line is the HTTP status, then checks separated by {@code ;}: a subject ({@code $.json.path} — JSONPath, a path
 * matching several values is compared as the JSON array of them unless it matches one —, {@code //xml/element} by local
 * names, {@code body}, or {@code header Name}) and an operator: {@code = value}, {@code != value}, {@code ~ text} (contains),
 * {@code !~ text}, {@code exists}, {@code absent}. The word {@code eventually} among the checks asks again until they hold
 * (for an answer that changes on its own, such as a delivery state). {@code skip: reason} is only accepted for a call to another server than
 * the demo hub. A tool of the jar ({@code java … -Dloader.main=…}) is expected as {@code exit N; out ~ text}.
 */
final class Expectation {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Configuration JACKSON = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(JSON))
            .mappingProvider(new JacksonMappingProvider(JSON))
            .build();
    private static final Pattern CHECK = Pattern.compile(
            "^(header\\s+[!#$%&'*+.^_`|~0-9A-Za-z-]+|\\S+)\\s+(=|!=|~|!~|exists|absent)(?:\\s+(.*))?$");

    record Check(String subject, String operator, String value) {
        @Override
        public String toString() {
            return subject + " " + operator + (value == null ? "" : " " + value);
        }
    }

    /** An answer to check. */
    record Answer(int status, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }
    }

    final String text;
    /** The HTTP status, or the exit status of a tool ({@code exit N}). */
    final Integer status;
    final boolean tool;
    final String skipReason;
    final List<Check> checks;
    /** The answer changes on its own (an asynchronous delivery): ask again until it holds, for a while. */
    final boolean eventually;

    private Expectation(String text, Integer status, String skipReason, List<Check> checks, boolean eventually) {
        this.text = text;
        this.tool = text.startsWith("exit ");
        this.status = status;
        this.skipReason = skipReason;
        this.checks = checks;
        this.eventually = eventually;
    }

    static Expectation parse(String line) {
        String text = line.strip();
        if (text.toLowerCase(Locale.ROOT).startsWith("skip:")) {
            String reason = text.substring(5).strip();
            if (reason.isEmpty()) {
                throw new IllegalArgumentException("a skip needs a reason: " + text);
            }
            return new Expectation(text, null, reason, List.of(), false);
        }
        String[] parts = text.split("(?<!\\\\);");
        int status;
        try {
            String first = parts[0].strip();
            status = Integer.parseInt(first.startsWith("exit ") ? first.substring(5).strip() : first);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("an expectation starts with the HTTP status: " + text);
        }
        List<Check> checks = new ArrayList<>();
        boolean eventually = false;
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].strip().replace("\\;", ";");
            if (part.isEmpty()) {
                continue;
            }
            if (part.equals("eventually")) {
                eventually = true;
                continue;
            }
            Matcher m = CHECK.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException("not a check: '" + part + "' in " + text);
            }
            String subject = m.group(1).replaceAll("\\s+", " ");
            String operator = m.group(2);
            String value = m.group(3);
            boolean unary = operator.equals("exists") || operator.equals("absent");
            if (unary != (value == null)) {
                throw new IllegalArgumentException("'" + operator + "' " + (unary ? "takes no value" : "needs a value")
                        + " in " + text);
            }
            if (subject.equals("out")) {
                subject = "body";
            }
            if (!subject.startsWith("$") && !subject.startsWith("//") && !subject.equals("body")
                    && !subject.startsWith("header ")) {
                throw new IllegalArgumentException("a check's subject is $.json.path, //xml/path, body or header Name: "
                        + part);
            }
            if (subject.startsWith("$")) {
                JsonPath.compile(subject);
            }
            checks.add(new Check(subject, operator, value == null ? null : value.strip()));
        }
        return new Expectation(text, status, null, checks, eventually);
    }

    /** What does not hold in the answer; empty when the answer is as documented. */
    List<String> mismatches(Answer answer) {
        List<String> problems = new ArrayList<>();
        if (status != answer.status()) {
            problems.add((tool ? "exit status " : "status ") + answer.status() + ", documented " + status);
        }
        for (Check check : checks) {
            String actual;
            try {
                actual = value(check.subject(), answer);
            } catch (RuntimeException e) {
                problems.add(check + ": " + e.getMessage());
                continue;
            }
            boolean holds = switch (check.operator()) {
                case "=" -> check.value().equals(actual);
                case "!=" -> actual != null && !check.value().equals(actual);
                case "~" -> actual != null && actual.contains(check.value());
                case "!~" -> actual != null && !actual.contains(check.value());
                case "exists" -> actual != null;
                case "absent" -> actual == null;
                default -> throw new IllegalStateException(check.operator());
            };
            if (!holds) {
                problems.add(check + ": found " + (actual == null ? "nothing" : abbreviate(actual)));
            }
        }
        return problems;
    }

    /** The subject's value in the answer as text (JSON values: text as is, others as JSON), or null when absent. */
    static String value(String subject, Answer answer) {
        if (subject.equals("body")) {
            return answer.body();
        }
        if (subject.startsWith("header ")) {
            return answer.header(subject.substring(7).strip());
        }
        if (subject.startsWith("//")) {
            return xml(subject, answer.body());
        }
        return json(subject, answer.body());
    }

    static String json(String path, String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalArgumentException("the answer is not JSON: " + abbreviate(body));
        }
        JsonPath compiled = JsonPath.compile(path);
        JsonNode found;
        try {
            Object read = compiled.read(root, JACKSON);
            found = read instanceof JsonNode node ? node : JSON.valueToTree(read);
        } catch (PathNotFoundException e) {
            return null;
        }
        if (!compiled.isDefinite() && found instanceof ArrayNode array) {
            if (array.isEmpty()) {
                return null;
            }
            if (array.size() == 1) {
                found = array.get(0);
            }
        }
        if (found == null || found.isMissingNode() || found.isNull()) {
            return found != null && found.isNull() ? "null" : null;
        }
        return found.isTextual() ? found.asText() : found.toString();
    }

    private static String xml(String path, String body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(body)));
            StringBuilder xpath = new StringBuilder();
            for (String step : path.substring(2).split("/")) {
                xpath.append(xpath.length() == 0 ? "//" : "/").append("*[local-name()='").append(step).append("']");
            }
            Node node = (Node) XPathFactory.newInstance().newXPath().evaluate(xpath.toString(), document,
                    XPathConstants.NODE);
            return node == null ? null : node.getTextContent();
        } catch (javax.xml.xpath.XPathExpressionException | javax.xml.parsers.ParserConfigurationException
                | org.xml.sax.SAXException | java.io.IOException e) {
            throw new IllegalArgumentException("the answer is not XML: " + abbreviate(body));
        }
    }

    static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "…";
    }

    @Override
    public String toString() {
        return text;
    }
}
