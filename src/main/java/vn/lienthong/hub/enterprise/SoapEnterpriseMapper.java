package vn.lienthong.hub.enterprise;

import java.time.LocalDate;

import vn.lienthong.hub.model.Enterprise;
import vn.lienthong.hub.model.UnitTranslation;
import vn.lienthong.hub.soap.enterprise.v1.BusinessLine;
import vn.lienthong.hub.soap.enterprise.v1.CodedValue;
import vn.lienthong.hub.soap.enterprise.v1.CurrentUnit;
import vn.lienthong.hub.soap.enterprise.v1.CurrentUnits;
import vn.lienthong.hub.soap.enterprise.v1.HeadOffice;
import vn.lienthong.hub.soap.enterprise.v1.LegalRepresentative;
import vn.lienthong.hub.soap.enterprise.v1.LegalStatus;

/** Canonical {@link Enterprise} → the WSDL's Enterprise type. */
final class SoapEnterpriseMapper {

    private SoapEnterpriseMapper() {
    }

    static vn.lienthong.hub.soap.enterprise.v1.Enterprise toSoap(Enterprise e) {
        var soap = new vn.lienthong.hub.soap.enterprise.v1.Enterprise();
        soap.setEnterpriseCode(e.enterpriseCode());
        soap.setName(e.name());
        soap.setForeignName(e.foreignName());
        soap.setShortName(e.shortName());
        if (e.type() != null) {
            CodedValue type = new CodedValue();
            type.setCode(e.type().code());
            type.setLabel(e.type().label());
            soap.setType(type);
        }
        soap.setFirstRegisteredOn(text(e.firstRegisteredOn()));
        soap.setLastChangedOn(text(e.lastChangedOn()));
        LegalStatus status = new LegalStatus();
        if (e.legalStatus() != null) {
            status.setCode(e.legalStatus().code());
            status.setLabel(e.legalStatus().label());
            status.setSuspendedFrom(text(e.legalStatus().suspendedFrom()));
            status.setSuspendedUntil(text(e.legalStatus().suspendedUntil()));
            status.setSuspensionReason(e.legalStatus().suspensionReason());
        }
        soap.setLegalStatus(status);
        if (e.legalRepresentatives() != null) {
            for (Enterprise.LegalRepresentative r : e.legalRepresentatives()) {
                LegalRepresentative rep = new LegalRepresentative();
                rep.setFullName(r.fullName());
                rep.setIdType(r.idType());
                rep.setIdNumber(r.idNumber());
                rep.setIssuedOn(text(r.issuedOn()));
                rep.setIssuedBy(r.issuedBy());
                rep.setNationality(r.nationality());
                soap.getLegalRepresentative().add(rep);
            }
        }
        Enterprise.HeadOffice h = e.headOffice();
        if (h != null) {
            HeadOffice office = new HeadOffice();
            office.setCountry(h.country());
            office.setProvinceCode(h.provinceCode());
            office.setProvinceName(h.provinceName());
            office.setDistrictCode(h.districtCode());
            office.setDistrictName(h.districtName());
            office.setCommuneCode(h.communeCode());
            office.setCommuneName(h.communeName());
            office.setHouseNumber(h.houseNumber());
            office.setStreet(h.street());
            office.setCurrent(current(h.current()));
            soap.setHeadOffice(office);
        }
        if (e.businessLines() != null) {
            for (Enterprise.BusinessLine l : e.businessLines()) {
                BusinessLine line = new BusinessLine();
                line.setCode(l.code());
                line.setName(l.name());
                line.setMain(l.main());
                soap.getBusinessLine().add(line);
            }
        }
        return soap;
    }

    private static CurrentUnits current(UnitTranslation units) {
        if (units == null) {
            return null;
        }
        CurrentUnits soap = new CurrentUnits();
        soap.setStatus(units.status().name());
        for (vn.lienthong.hub.model.CurrentUnit u : units.candidates()) {
            CurrentUnit unit = new CurrentUnit();
            unit.setProvinceCode(u.provinceCode());
            unit.setProvinceName(u.provinceName());
            unit.setCommuneCode(u.communeCode());
            unit.setCommuneName(u.communeName());
            soap.getCandidate().add(unit);
        }
        return soap;
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
