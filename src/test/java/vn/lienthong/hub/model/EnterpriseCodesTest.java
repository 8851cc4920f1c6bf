package vn.lienthong.hub.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EnterpriseCodesTest {

    @ParameterizedTest
    @ValueSource(strings = {"0101234565", "0312345673", "0101234565-001", "0109999502", "0101234565-999"})
    void acceptsCodesWithMatchingCheckDigit(String code) {
        assertThat(EnterpriseCodes.violation(code)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0101234566", "0312345670", "010123456", "01012345650", "0101234565-000", "0101234565-01",
            "0100000000", "01O1234565", ""})
    void rejectsWrongChecksumLengthBranchOrZeroSequence(String code) {
        assertThat(EnterpriseCodes.violation(code)).isPresent();
    }

    /**
     * Each code refused for its own reason. Check digits worked out by hand with the weights 31, 29, 23, 19, 17, 13,
     * 7, 5, 3: 0101234565 → Σ = 192, 192 mod 11 = 5, 10 − 5 = 5 (so …566 is wrong); 0312345673 → Σ = 337, mod 11 = 7,
     * check 3 (so …670 is wrong); 0109999502 → Σ = 558, mod 11 = 8, check 2.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "0101234566     | check digit",
            "0312345670     | check digit",
            "010123456      | 10 digits",
            "01012345650    | 10 digits",
            "01O1234565     | 10 digits",
            "0101234565-01  | 10 digits",
            "0101234565-000 | branch suffix must be -001",
            "0100000000     | must not all be zero"
    })
    void namesTheRuleACodeBreaks(String code, String reason) {
        assertThat(EnterpriseCodes.violation(code)).hasValueSatisfying(v -> assertThat(v).contains(reason));
    }

    @org.junit.jupiter.api.Test
    void refusesNothingAndBlank() {
        assertThat(EnterpriseCodes.violation(null)).hasValueSatisfying(v -> assertThat(v).contains("10 digits"));
        assertThat(EnterpriseCodes.violation("")).hasValueSatisfying(v -> assertThat(v).contains("10 digits"));
    }
}
