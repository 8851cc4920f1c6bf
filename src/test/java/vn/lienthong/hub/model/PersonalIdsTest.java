package vn.lienthong.hub.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonalIdsTest {

    @ParameterizedTest(name = "{0} born {1} is valid")
    @CsvSource({
            "001090012345, 1990-05-15",  // Hà Nội, male, 1900s
            "079301004567, 2001-09-02",  // TP HCM, female, 2000s
            "038185000321, 1985-11-20",  // Thanh Hóa, female, 1900s
            "096200000001, 2000-01-01",  // Cà Mau, male, 2000s
            "001400000001, 2100-01-01"   // male, 2100s
    })
    void acceptsNumbersThatFitTheirBirthDate(String number, LocalDate birth) {
        assertThat(PersonalIds.violation(number, birth)).isEmpty();
    }

    @ParameterizedTest(name = "{0} born {1}: {2}")
    @CsvSource({
            "00109001234, 1990-05-15, 12 digits",
            "0010900123456, 1990-05-15, 12 digits",
            "00109001234A, 1990-05-15, 12 digits",
            "003090012345, 1990-05-15, province code",
            "100090012345, 1990-05-15, province code",
            "001290012345, 1990-05-15, century digit",
            "001091012345, 1990-05-15, birth year digits",
            "079301004567, 1901-09-02, century digit"
    })
    void refusesNumbersThatBreakTheRules(String number, LocalDate birth, String reason) {
        assertThat(PersonalIds.violation(number, birth)).hasValueSatisfying(v -> assertThat(v).contains(reason));
    }

    @Test
    void readsGenderFromCenturyDigit() {
        assertThat(PersonalIds.encodedGender("001090012345")).isEqualTo("MALE");
        assertThat(PersonalIds.encodedGender("079301004567")).isEqualTo("FEMALE");
        assertThat(PersonalIds.encodedGender("038185000321")).isEqualTo("FEMALE");
    }
}
