package vn.lienthong.hub.connector;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.hub.exchange.ErrorCode;

/**
 * One rule of a connector's {@code errors:} list in {@code connector.yaml}: how the system's own error code inside an
 * HTTP 200 answer maps to the hub's error catalogue, without Java. Rules are tried in order; the first that matches wins.
 *
 * <pre>
 * errors:
 *   - pointer: /error_code        # JSON Pointer to the system's code in its answer
 *     equals: ["99"]              # the codes this rule is about (or notIn: ["0", "00"] for "any other code")
 *     code: NATIONAL_UNAVAILABLE  # the catalogue error the caller gets
 *     retryable: true             # an idempotent read may be tried again (connector.yaml retries)
 *     message: /message           # JSON Pointer to the system's own message, kept in the problem detail and the log
 *   - xpath: "//*[local-name()='MaLoi']"   # an XML or SOAP answer: an XPath 1.0 expression instead of a pointer
 *     notIn: ["0"]
 *     code: NATIONAL_SYSTEM_ERROR
 *     message: "//*[local-name()='MoTaLoi']"
 * </pre>
 *
 * @param pointer   JSON Pointer of the code in the answer
 * @param equals    codes that match (compared as text), empty when {@code notIn} is used
 * @param notIn     codes that do not match (any other present code matches), empty when {@code equals} is used
 * @param code      catalogue error code
 * @param retryable whether a further attempt may succeed
 * @param message   JSON Pointer (XPath for an {@code xpath} rule) of the system's message, or null
 * @param xpath     XPath 1.0 of the code in an XML answer, instead of {@code pointer}; null for a JSON rule
 */
public record NationalError(String pointer, List<String> equals, List<String> notIn, ErrorCode code, boolean retryable,
                            String message, String xpath) {

    /** The catalogue codes a declaration may use: failures of the national system, never caller errors. */
    public static final List<ErrorCode> ALLOWED = List.of(ErrorCode.NATIONAL_UNAVAILABLE, ErrorCode.NATIONAL_SYSTEM_ERROR,
            ErrorCode.NATIONAL_TIMEOUT, ErrorCode.NOT_FOUND);

    public NationalError {
        equals = equals == null ? List.of() : List.copyOf(equals);
        notIn = notIn == null ? List.of() : List.copyOf(notIn);
    }

    /** A rule on a JSON answer. */
    public NationalError(String pointer, List<String> equals, List<String> notIn, ErrorCode code, boolean retryable,
            String message) {
        this(pointer, equals, notIn, code, retryable, message, null);
    }

    /** Whether this rule reads XML answers (an {@code xpath} rule) rather than JSON ones. */
    public boolean xml() {
        return xpath != null;
    }

    /** Where the code sits, for the problem detail: the pointer without its slash, or the XPath. */
    public String where() {
        return xml() ? xpath : pointer.substring(1);
    }

    /** Reads one declaration, or an exception naming what is wrong with it. */
    public static NationalError read(JsonNode rule, String where) {
        String pointer = rule.path("pointer").asText("");
        String xpath = rule.hasNonNull("xpath") ? rule.get("xpath").asText() : null;
        if (xpath != null) {
            if (rule.has("pointer")) {
                throw new IllegalStateException(where + ": an errors rule has either 'pointer' (JSON) or 'xpath' (XML), not both");
            }
            XmlAnswers.compile(xpath, where);
        } else if (!pointer.startsWith("/")) {
            throw new IllegalStateException(where + ": an errors rule needs a JSON Pointer 'pointer' such as /error_code"
                    + " (or an XPath 'xpath' for an XML answer)");
        }
        List<String> equals = texts(rule.path("equals"));
        List<String> notIn = texts(rule.path("notIn"));
        if (equals.isEmpty() == notIn.isEmpty()) {
            throw new IllegalStateException(where + ": an errors rule needs exactly one of 'equals' or 'notIn'");
        }
        ErrorCode code;
        try {
            code = ErrorCode.valueOf(rule.path("code").asText(""));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + ": errors rule code '" + rule.path("code").asText() + "' is not in the catalogue");
        }
        if (!ALLOWED.contains(code)) {
            throw new IllegalStateException(where + ": errors rule code " + code + " is not one of " + ALLOWED);
        }
        String message = rule.hasNonNull("message") ? rule.get("message").asText() : null;
        if (message != null && xpath == null && !message.startsWith("/")) {
            throw new IllegalStateException(where + ": errors rule 'message' must be a JSON Pointer");
        }
        if (message != null && xpath != null) {
            XmlAnswers.compile(message, where);
        }
        return new NationalError(xpath == null ? pointer : null, equals, notIn, code, rule.path("retryable").asBoolean(false),
                message, xpath);
    }

    private static List<String> texts(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (node.isArray()) {
            return java.util.stream.StreamSupport.stream(node.spliterator(), false).map(JsonNode::asText).toList();
        }
        return List.of(node.asText());
    }

    /** The system's code when this XPath rule matches the XML answer. */
    public Optional<String> match(org.w3c.dom.Document answer) {
        String text = XmlAnswers.text(answer, xpath);
        if (text == null) {
            return Optional.empty();
        }
        boolean matches = !equals.isEmpty() ? equals.contains(text) : !notIn.contains(text);
        return matches ? Optional.of(text) : Optional.empty();
    }

    /** The system's own message in the XML answer, or null. */
    public String messageOf(org.w3c.dom.Document answer) {
        return message == null ? null : XmlAnswers.text(answer, message);
    }

    /** The system's code when this rule matches the answer. */
    public Optional<String> match(JsonNode answer) {
        JsonNode value = answer.at(pointer);
        if (value.isMissingNode() || value.isNull() || value.isContainerNode()) {
            return Optional.empty();
        }
        String text = value.asText();
        boolean matches = !equals.isEmpty() ? equals.contains(text) : !notIn.contains(text);
        return matches ? Optional.of(text) : Optional.empty();
    }

    /** The system's own message in the answer, or null. */
    public String messageOf(JsonNode answer) {
        if (message == null) {
            return null;
        }
        JsonNode value = answer.at(message);
        return value.isValueNode() ? value.asText() : null;
    }
}
