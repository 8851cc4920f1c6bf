package vn.lienthong.hub.model;

/**
 * How confidently an old (pre-2025-07-01) commune could be placed in the current administrative map.
 */
public enum TranslationStatus {

    /** The old commune lies entirely within exactly one current commune. */
    EXACT,

    /**
     * The old commune was split between several current communes; every candidate is listed and none is preferred,
     * because the table does not say which part of the old commune an address belongs to.
     */
    AMBIGUOUS,

    /** No old commune code was given, it was malformed, or it does not appear in the conversion table. */
    UNKNOWN
}
