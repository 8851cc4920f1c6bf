package vn.lienthong.hub.reference;

import org.springframework.stereotype.Component;

import vn.lienthong.hub.model.Address;
import vn.lienthong.hub.model.Citizen;

/**
 * Attaches the administrative units in force since 2025-07-01 to every Vietnamese address that leaves the hub, next to
 * the pre-2025 codes the source gave. National systems still answer with three-level addresses for older records, so
 * a caller would otherwise have to translate them itself, and a split commune must never be resolved silently.
 */
@Component("addressTranslation")
public class AddressTranslation {

    private final AdministrativeUnitTranslator translator;

    public AddressTranslation(AdministrativeUnitTranslator translator) {
        this.translator = translator;
    }

    /** The citizen with each of its addresses translated. */
    public Citizen citizen(Citizen c) {
        return new Citizen(c.personalId(), c.oldIdNumber(), c.taxCode(), c.fullName(), c.name(), c.dateOfBirth(), c.gender(),
                c.ethnicity(), c.religion(), c.nationality(), c.maritalStatus(), c.bloodType(), address(c.birthRegistration()),
                address(c.homeTown()), address(c.permanentAddress()), address(c.currentAddress()), c.householdBookNumber(),
                c.relatedPeople());
    }

    /** The address with its current units; foreign addresses are left as they are. */
    public Address address(Address address) {
        if (address == null || (address.country() != null && !address.country().equalsIgnoreCase("VN"))) {
            return address;
        }
        return address.withCurrent(translator.translate(address.provinceCode(), address.districtCode(), address.communeCode()));
    }
}
