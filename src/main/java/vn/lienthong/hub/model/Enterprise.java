package vn.lienthong.hub.model;

import java.time.LocalDate;
import java.util.List;

/**
 * An enterprise as the national business registration database records it, in the hub's canonical form
 * (mapped from {@code GetEntCert} by {@code connectors/business/transforms/enterprise.jslt}).
 *
 * @param enterpriseCode       enterprise code (= tax code), {@code MaSoDoanhNghiep}
 * @param internalId           the registry's internal id, {@code MaNoiBo}
 * @param certificateNumber    registration certificate number, {@code SoGCNDKKD}
 * @param name                 Vietnamese name, {@code TenTiengViet}
 * @param foreignName          name in a foreign language, {@code TenNuocNgoai}
 * @param shortName            abbreviated name, {@code TenVietTat}
 * @param type                 enterprise type, {@code MaLoaiHinhDN}/{@code LoaiHinhDN}
 * @param firstRegisteredOn    first registration, {@code NgayDangKyLanDau}
 * @param lastChangedOn        latest change of registration, {@code NgayDangKyThayDoi}
 * @param changeCount          number of registration changes, {@code SoLanDangKyThayDoi}
 * @param legalStatus          legal status with suspension period and reason, {@code TinhTrangPhapLy}
 * @param legalRepresentatives legal representatives, {@code DaiDienPhapLuat}
 * @param headOffice           head-office address with unit codes, {@code DiaChiTruSo}
 * @param businessLines        registered business lines, {@code NganhNgheKinhDoanh}
 */
public record Enterprise(String enterpriseCode, String internalId, String certificateNumber, String name,
                         String foreignName, String shortName, Type type, LocalDate firstRegisteredOn,
                         LocalDate lastChangedOn, Integer changeCount, LegalStatus legalStatus,
                         List<LegalRepresentative> legalRepresentatives, HeadOffice headOffice,
                         List<BusinessLine> businessLines) {

    /** Enterprise type as the registry codes it. */
    public record Type(String code, String label) {
    }

    /**
     * Legal status, coded with the hub's {@code legalStatus} code list (ACTIVE, SUSPENDED, …).
     *
     * @param suspendedFrom    start of a suspension (tạm ngừng kinh doanh), {@code NgayBatDauTamNgung}
     * @param suspendedUntil   planned end of the suspension, {@code NgayKetThucTamNgung}
     * @param suspensionReason reason given, {@code LyDoTamNgung}
     */
    public record LegalStatus(String code, String label, LocalDate suspendedFrom, LocalDate suspendedUntil,
                              String suspensionReason) {
    }

    /** A legal representative and the identity paper the registry holds for them. */
    public record LegalRepresentative(String fullName, String idType, String idNumber, LocalDate issuedOn,
                                      String issuedBy, String nationality) {
    }

    /**
     * Head-office address as registered (three-level, pre-2025 unit codes for older records), with {@code current}: the
     * units in force since 2025-07-01 ({@code null} until translated).
     */
    public record HeadOffice(String country, String provinceCode, String provinceName, String districtCode,
                             String districtName, String communeCode, String communeName, String houseNumber,
                             String street, UnitTranslation current) {

        /** The same head office with its current units attached. */
        public HeadOffice withCurrent(UnitTranslation units) {
            return new HeadOffice(country, provinceCode, provinceName, districtCode, districtName, communeCode,
                    communeName, houseNumber, street, units);
        }
    }

    /** The same enterprise with another head office. */
    public Enterprise withHeadOffice(HeadOffice office) {
        return new Enterprise(enterpriseCode, internalId, certificateNumber, name, foreignName, shortName, type,
                firstRegisteredOn, lastChangedOn, changeCount, legalStatus, legalRepresentatives, office, businessLines);
    }

    /** A registered business line (VSIC code); {@code main} marks the principal one. */
    public record BusinessLine(String code, String name, boolean main) {
    }
}
