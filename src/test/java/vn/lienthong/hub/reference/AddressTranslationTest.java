package vn.lienthong.hub.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import vn.lienthong.hub.model.Address;
import vn.lienthong.hub.model.CurrentUnit;
import vn.lienthong.hub.model.TranslationStatus;

class AddressTranslationTest {

    private final AddressTranslation translation = new AddressTranslation(AdministrativeUnitTranslator.bundledSample());

    @Test
    void keepsSourceCodes_andAddsExactCurrentCommune_forWholeMerge() {
        Address truc = new Address("01", "Thành phố Hà Nội", "001", "Quận Ba Đình", "00004", "Phường Trúc Bạch", "Số 12 phố Trấn Vũ",
                "VN", null);

        Address translated = translation.address(truc);

        assertThat(translated.communeCode()).isEqualTo("00004");
        assertThat(translated.communeName()).isEqualTo("Phường Trúc Bạch");
        assertThat(translated.districtCode()).isEqualTo("001");
        assertThat(translated.current().status()).isEqualTo(TranslationStatus.EXACT);
        assertThat(translated.current().candidates()).singleElement().satisfies(unit -> {
            assertThat(unit.communeCode()).isEqualTo("00004");
            assertThat(unit.communeName()).isEqualTo("Phường Ba Đình");
            assertThat(unit.provinceCode()).isEqualTo("01");
        });
    }

    @Test
    void listsEveryCandidate_forSplitCommune() {
        Address kimMa = new Address("01", "Thành phố Hà Nội", "001", "Quận Ba Đình", "00028", "Phường Kim Mã", null, "VN", null);

        Address translated = translation.address(kimMa);

        assertThat(translated.current().status()).isEqualTo(TranslationStatus.AMBIGUOUS);
        assertThat(translated.current().candidates()).extracting(CurrentUnit::communeCode).containsExactly("00004", "00008", "00025");
    }

    @Test
    void answersUnknown_whenCommuneIsMissingOrNotInTable() {
        assertThat(translation.address(new Address("01", null, "001", null, null, null, null, "VN", null)).current().status())
                .isEqualTo(TranslationStatus.UNKNOWN);
        assertThat(translation.address(new Address("01", null, "001", null, "99999", null, null, null, null)).current().status())
                .isEqualTo(TranslationStatus.UNKNOWN);
    }

    @Test
    void leavesForeignAddressesAlone() {
        Address paris = new Address(null, null, null, null, null, null, "Paris", "FR", null);
        assertThat(translation.address(paris).current()).isNull();
        assertThat(translation.address(null)).isNull();
    }

    /** The population connector's answer (its XSLT output) leaves the hub in NFC, whatever form the source sent. */
    @Test
    void citizenTextComesBackInNfc() {
        String nfd = java.text.Normalizer.normalize("Phường Trúc Bạch", java.text.Normalizer.Form.NFD);
        vn.lienthong.hub.model.Citizen c = new vn.lienthong.hub.model.Citizen("001090012345", null, null,
                java.text.Normalizer.normalize("Nguyễn Văn An", java.text.Normalizer.Form.NFD),
                new vn.lienthong.hub.model.PersonName(java.text.Normalizer.normalize("Nguyễn", java.text.Normalizer.Form.NFD),
                        "Văn", "An"), java.time.LocalDate.of(1990, 5, 15), null, null, null, null, null, null, null, null,
                new Address("01", "Thành phố Hà Nội", "001", "Quận Ba Đình", "00004", nfd, null, "VN", null), null, null,
                java.util.List.of());
        vn.lienthong.hub.model.Citizen out = translation.citizen(c);
        assertThat(out.fullName()).isEqualTo("Nguyễn Văn An");
        assertThat(out.name().family()).isEqualTo("Nguyễn");
        assertThat(out.permanentAddress().communeName()).isEqualTo("Phường Trúc Bạch");
        assertThat(out.permanentAddress().current().status()).isEqualTo(TranslationStatus.EXACT);
    }
}
