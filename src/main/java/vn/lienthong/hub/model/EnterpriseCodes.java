package vn.lienthong.hub.model;

import java.util.Optional;

/**
 * Rules of the enterprise code (= tax code): ten digits, two for the province of establishment, seven of sequence and a
 * check digit {@code 10 − (Σ wᵢ·dᵢ mod 11)} with weights 31, 29, 23, 19, 17, 13, 7, 5, 3; a branch appends
 * {@code -001}…{@code -999}. Checked before any national call, so a mistyped code never reaches the national system.
 */
public final class EnterpriseCodes {

    private static final int[] WEIGHTS = {31, 29, 23, 19, 17, 13, 7, 5, 3};

    private EnterpriseCodes() {
    }

    /** The reason the code breaks the rules, or empty when it is a valid enterprise or branch code. */
    public static Optional<String> violation(String code) {
        if (code == null || !code.matches("\\d{10}(-\\d{3})?")) {
            return Optional.of("must be 10 digits, or 10 digits and a branch suffix -001…-999");
        }
        if (code.length() == 14 && code.endsWith("-000")) {
            return Optional.of("branch suffix must be -001…-999");
        }
        if (code.substring(2, 9).chars().allMatch(c -> c == '0')) {
            return Optional.of("digits 3 to 9 must not all be zero");
        }
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += WEIGHTS[i] * (code.charAt(i) - '0');
        }
        int check = 10 - sum % 11;
        if (check == 10 || check != code.charAt(9) - '0') {
            return Optional.of("check digit does not match (tax code checksum)");
        }
        return Optional.empty();
    }
}
