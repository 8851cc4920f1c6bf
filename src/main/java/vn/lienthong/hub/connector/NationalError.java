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
 * </pre>
 *
 * @param pointer   JSON Pointer of the code in the answer
 * @param equals    codes that match (compared as text), empty when {@code notIn} is used
 * @param notIn     codes that do not match (any other present code matches), empty when {@code equals} is used
 * @param code      catalogue error code
 * @param retryable whether a further attempt may succeed
 * @param message   JSON Pointer of the system's message, or null
 */
public record NationalError(String pointer, List<String> equals, List<String> notIn, ErrorCode code, boolean retryable,
                            String message) {

    /** The catalogue codes a declaration may use: failures of the national system, never caller errors. */
    public static final List<ErrorCode> ALLOWED = List.of(ErrorCode.NATIONAL_UNAVAILABLE, ErrorCode.NATIONAL_SYSTEM_ERROR,
            ErrorCode.NATIONAL_TIMEOUT, ErrorCode.NOT_FOUND);

    public NationalError {
        equals = equals == null ? List.of() : List.copyOf(equals);
        notIn = notIn == null ? List.of() : List.copyOf(notIn);
    }

    /** Reads one declaration, or an exception naming what is wrong with it. */
    public static NationalError read(JsonNode rule, String where) {
        String pointer = rule.path("pointer").asText("");
        if (!pointer.startsWith("/")) {
            throw new IllegalStateException(where + ": an errors rule needs a JSON Pointer 'pointer' such as /error_code");
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
        if (message != null && !message.startsWith("/")) {
            throw new IllegalStateException(where + ": errors rule 'message' must be a JSON Pointer");
        }
        return new NationalError(pointer, equals, notIn, code, rule.path("retryable").asBoolean(false), message);
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
