package vn.lienthong.hub.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
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
}
