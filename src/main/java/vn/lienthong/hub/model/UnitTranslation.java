package vn.lienthong.hub.model;

import java.util.List;
import java.util.Objects;

/**
 * The answer to "where is this old commune now?".
 *
 * <p>{@link TranslationStatus#EXACT} carries one candidate, {@link TranslationStatus#AMBIGUOUS} two or more sorted
 * by commune code, {@link TranslationStatus#UNKNOWN} none. Callers that need a single unit must treat an ambiguous
 * answer as a question for a person, not pick the first candidate.
 *
 * @param status     how the old commune relates to the current map
 * @param candidates the current communes the old one now lies in, unmodifiable
 */
@com.fasterxml.jackson.annotation.JsonIgnoreProperties(value = "exact", allowGetters = true)
public record UnitTranslation(TranslationStatus status, List<CurrentUnit> candidates) {

    private static final UnitTranslation UNKNOWN = new UnitTranslation(TranslationStatus.UNKNOWN, List.of());

    /**
     * Creates a translation, refusing one whose candidates contradict its status so that it cannot reach a consumer.
     *
     * @param status     how the old commune relates to the current map
     * @param candidates the current communes, copied
     * @throws IllegalArgumentException if the number of candidates does not fit the status
     */
    public UnitTranslation {
        Objects.requireNonNull(status, "status");
        candidates = List.copyOf(candidates);
        boolean consistent = switch (status) {
            case EXACT -> candidates.size() == 1;
            case AMBIGUOUS -> candidates.size() > 1;
            case UNKNOWN -> candidates.isEmpty();
        };
        if (!consistent) {
            throw new IllegalArgumentException(status + " with " + candidates.size() + " candidate(s)");
        }
    }

    /**
     * The translation for an old commune that is not in the table.
     *
     * @return a shared {@link TranslationStatus#UNKNOWN} instance without candidates
     */
    public static UnitTranslation unknown() {
        return UNKNOWN;
    }

    /**
     * Whether the old commune maps to exactly one current commune.
     *
     * @return {@code true} for {@link TranslationStatus#EXACT}
     */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isExact() {
        return status == TranslationStatus.EXACT;
    }
}
