package vn.lienthong.hub.model;

import java.util.List;

/**
 * The administrative units in force since 2025-07-01 (two levels: province and commune) for an address
 * the source gave in pre-2025 units.
 *
 * @param status     {@code EXACT}: one current commune; {@code AMBIGUOUS}: the old commune was split, every
 *                   candidate is listed and none is chosen; {@code UNKNOWN}: not in the reference table
 * @param candidates the current units; exactly one when EXACT, several when AMBIGUOUS, none when UNKNOWN
 */
public record CurrentUnits(String status, List<Unit> candidates) {

    /** One current commune with its province. */
    public record Unit(String provinceCode, String provinceName, String communeCode, String communeName) {
    }
}
