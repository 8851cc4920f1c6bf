package vn.lienthong.hub.model;

import java.util.Objects;

/**
 * A value of a code list: the canonical code the hub uses internally and in its own APIs, with its Vietnamese label.
 *
 * @param code  canonical code, never {@code null}
 * @param label Vietnamese label, or {@code null} when the code is not in the hub's list (the code is passed through so
 *              that a value unknown to the hub is not lost)
 */
public record CodedValue(String code, String label) {

    /**
     * Creates a value. A value without a code cannot be exchanged; a missing label only means the hub does not know
     * the code.
     *
     * @param code  canonical code
     * @param label Vietnamese label, or {@code null} if unknown
     * @throws NullPointerException if {@code code} is {@code null}
     */
    public CodedValue {
        Objects.requireNonNull(code, "code");
    }

    /**
     * Whether the code was found in the hub's list.
     *
     * @return {@code true} when a label is known
     */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isKnown() {
        return label != null;
    }
}
