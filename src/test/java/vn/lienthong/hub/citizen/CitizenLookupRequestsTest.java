package vn.lienthong.hub.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.HubException;
import vn.lienthong.hub.model.CitizenLookupRequest;

class CitizenLookupRequestsTest {

    @Test
    void normalisesNameToNfc_andFoldsSpaces() {
        String nfd = Normalizer.normalize("  Trần   Thị Bích\tNgọc ", Normalizer.Form.NFD);
        CitizenLookupRequest request = CitizenLookupRequests.validate("079301004567", nfd, "2001-09-02");
        assertThat(request.fullName()).isEqualTo("Trần Thị Bích Ngọc");
        assertThat(Normalizer.isNormalized(request.fullName(), Normalizer.Form.NFC)).isTrue();
        assertThat(request.dateOfBirth()).isEqualTo(LocalDate.of(2001, 9, 2));
    }

    @Test
    void refusesEachMissingOrInvalidField_withItsCode() {
        assertCode(() -> CitizenLookupRequests.validate(null, "Nguyễn Văn An", "1990-05-15"), ErrorCode.INVALID_FIELD, "personalId");
        assertCode(() -> CitizenLookupRequests.validate("001090012345", " ", "1990-05-15"), ErrorCode.INVALID_FIELD, "fullName");
        assertCode(() -> CitizenLookupRequests.validate("001090012345", "Nguyễn <b>An</b>", "1990-05-15"), ErrorCode.INVALID_FIELD, "fullName");
        assertCode(() -> CitizenLookupRequests.validate("001090012345", "Nguyễn Văn An", "1990-02-30"), ErrorCode.INVALID_FIELD, "dateOfBirth");
        assertCode(() -> CitizenLookupRequests.validate("001090012345", "Nguyễn Văn An", null), ErrorCode.INVALID_FIELD, "dateOfBirth");
        assertCode(() -> CitizenLookupRequests.validate("001590012345", "Nguyễn Văn An", "2990-05-15"), ErrorCode.INVALID_FIELD, "future");
        assertCode(() -> CitizenLookupRequests.validate("001290012345", "Nguyễn Văn An", "1990-05-15"), ErrorCode.INVALID_PERSONAL_ID, "century");
    }

    private static void assertCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ErrorCode code, String mention) {
        assertThatThrownBy(call).isInstanceOfSatisfying(HubException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.detail()).contains(mention);
        });
    }

    @Test
    void acceptsAnOldNineDigitIdentityCardNumber() {
        assertThat(CitizenLookupRequests.validate("173456789", "Lê Thị Hồng", "1985-11-20").personalId()).isEqualTo("173456789");
        assertCode(() -> CitizenLookupRequests.validate("17345678", "Lê Thị Hồng", "1985-11-20"), ErrorCode.INVALID_PERSONAL_ID,
                "12 digits");
        assertCode(() -> CitizenLookupRequests.validate("1734567890", "Lê Thị Hồng", "1985-11-20"), ErrorCode.INVALID_PERSONAL_ID,
                "9-digit identity card number");
    }
}
