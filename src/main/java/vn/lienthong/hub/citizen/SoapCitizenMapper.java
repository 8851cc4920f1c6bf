package vn.lienthong.hub.citizen;

import org.springframework.stereotype.Component;

import vn.lienthong.hub.model.Address;
import vn.lienthong.hub.model.Citizen;
import vn.lienthong.hub.model.CodedValue;
import vn.lienthong.hub.model.PersonName;
import vn.lienthong.hub.model.RelatedPerson;
import vn.lienthong.hub.model.UnitTranslation;
import vn.lienthong.hub.soap.citizen.v1.CurrentUnit;

/** Canonical {@link Citizen} to the types of the SOAP contract ({@code CitizenService.wsdl}). */
@Component
public class SoapCitizenMapper {

    public vn.lienthong.hub.soap.citizen.v1.Citizen toSoap(Citizen c) {
        var s = new vn.lienthong.hub.soap.citizen.v1.Citizen();
        s.setPersonalId(c.personalId());
        s.setOldIdNumber(c.oldIdNumber());
        s.setTaxCode(c.taxCode());
        s.setFullName(c.fullName());
        s.setName(name(c.name()));
        s.setDateOfBirth(c.dateOfBirth() == null ? null : c.dateOfBirth().toString());
        s.setGender(coded(c.gender()));
        s.setEthnicity(coded(c.ethnicity()));
        s.setReligion(c.religion());
        s.setNationality(coded(c.nationality()));
        s.setMaritalStatus(c.maritalStatus());
        s.setBloodType(c.bloodType());
        s.setBirthRegistration(address(c.birthRegistration()));
        s.setHomeTown(address(c.homeTown()));
        s.setPermanentAddress(address(c.permanentAddress()));
        s.setCurrentAddress(address(c.currentAddress()));
        s.setHouseholdBookNumber(c.householdBookNumber());
        if (c.relatedPeople() != null) {
            c.relatedPeople().forEach(p -> s.getRelatedPerson().add(related(p)));
        }
        return s;
    }

    private static vn.lienthong.hub.soap.citizen.v1.PersonName name(PersonName n) {
        if (n == null) {
            return null;
        }
        var s = new vn.lienthong.hub.soap.citizen.v1.PersonName();
        s.setFamily(n.family());
        s.setMiddle(n.middle());
        s.setGiven(n.given());
        return s;
    }

    private static vn.lienthong.hub.soap.citizen.v1.CodedValue coded(CodedValue v) {
        if (v == null) {
            return null;
        }
        var s = new vn.lienthong.hub.soap.citizen.v1.CodedValue();
        s.setCode(v.code());
        s.setLabel(v.label());
        return s;
    }

    private static vn.lienthong.hub.soap.citizen.v1.Address address(Address a) {
        if (a == null) {
            return null;
        }
        var s = new vn.lienthong.hub.soap.citizen.v1.Address();
        s.setProvinceCode(a.provinceCode());
        s.setProvinceName(a.provinceName());
        s.setDistrictCode(a.districtCode());
        s.setDistrictName(a.districtName());
        s.setCommuneCode(a.communeCode());
        s.setCommuneName(a.communeName());
        s.setDetail(a.detail());
        s.setCountry(a.country());
        s.setCurrent(current(a.current()));
        return s;
    }

    private static vn.lienthong.hub.soap.citizen.v1.CurrentUnits current(UnitTranslation units) {
        if (units == null) {
            return null;
        }
        var s = new vn.lienthong.hub.soap.citizen.v1.CurrentUnits();
        s.setStatus(units.status().name());
        for (vn.lienthong.hub.model.CurrentUnit u : units.candidates()) {
            CurrentUnit unit = new CurrentUnit();
            unit.setProvinceCode(u.provinceCode());
            unit.setProvinceName(u.provinceName());
            unit.setCommuneCode(u.communeCode());
            unit.setCommuneName(u.communeName());
            s.getCandidate().add(unit);
        }
        return s;
    }

    private static vn.lienthong.hub.soap.citizen.v1.RelatedPerson related(RelatedPerson p) {
        var s = new vn.lienthong.hub.soap.citizen.v1.RelatedPerson();
        s.setRelation(p.relation());
        s.setFullName(p.fullName());
        s.setPersonalId(p.personalId());
        s.setOldIdNumber(p.oldIdNumber());
        s.setNationality(p.nationality());
        return s;
    }
}
