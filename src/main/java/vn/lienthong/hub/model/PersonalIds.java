package vn.lienthong.hub.model;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * Rules of the 12-digit personal identification number {@code PPP G YY RRRRRR}
 * (Decree 137/2015/NĐ-CP Art. 13, Circular 59/2021/TT-BCA Art. 4).
 * {@code PPP} is the province of birth registration in the pre-2025 63-province codes (the number is lifelong),
 * {@code G} encodes century and gender, {@code YY} the last two digits of the birth year.
 */
public final class PersonalIds {

    /** The 63 pre-2025 province codes; the number keeps them after the 2025 merger. */
    static final Set<String> PROVINCE_CODES = Set.of(
            "01", "02", "04", "06", "08", "10", "11", "12", "14", "15", "17", "19", "20", "22", "24", "25", "26",
            "27", "30", "31", "33", "34", "35", "36", "37", "38", "40", "42", "44", "45", "46", "48", "49", "51",
            "52", "54", "56", "58", "60", "62", "64", "66", "67", "68", "70", "72", "74", "75", "77", "79", "80",
            "82", "83", "84", "86", "87", "89", "91", "92", "93", "94", "95", "96");

    private PersonalIds() {
    }

    /**
     * Checks the number against its own structure and, when given, the date of birth.
     *
     * @return the reason it breaks the rules, or empty when it is valid
     */
    public static Optional<String> violation(String number, LocalDate dateOfBirth) {
        if (number == null || !number.matches("\\d{12}")) {
            return Optional.of("must be exactly 12 digits");
        }
        if (!number.startsWith("0") || !PROVINCE_CODES.contains(number.substring(1, 3))) {
            return Optional.of("province code " + number.substring(0, 3) + " is not a province of birth registration");
        }
        if (dateOfBirth != null) {
            int centuryDigit = number.charAt(3) - '0';
            int century = 1900 + (centuryDigit / 2) * 100;
            int year = dateOfBirth.getYear();
            if (year < century || year >= century + 100) {
                return Optional.of("century digit " + centuryDigit + " does not fit a birth in " + year);
            }
            if (Integer.parseInt(number.substring(4, 6)) != year % 100) {
                return Optional.of("birth year digits " + number.substring(4, 6) + " do not fit a birth in " + year);
            }
        }
        return Optional.empty();
    }

    /** The gender the number encodes: {@code MALE} for even century digits, {@code FEMALE} for odd ones. */
    public static String encodedGender(String validNumber) {
        return (validNumber.charAt(3) - '0') % 2 == 0 ? "MALE" : "FEMALE";
    }
}
