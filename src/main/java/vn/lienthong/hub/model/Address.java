package vn.lienthong.hub.model;

/**
 * An address exactly as the source system gave it: codes and names of the three pre-2025 levels
 * (province, district, commune), the street detail and the country. Codes are kept as strings with
 * their zero padding ("01", "001", "00004").
 *
 * @param current the units in force today, with the translation status; {@code null} when not translated
 */
public record Address(
        String provinceCode,
        String provinceName,
        String districtCode,
        String districtName,
        String communeCode,
        String communeName,
        String detail,
        String country,
        UnitTranslation current) {

    /** The same address with its current administrative units attached. */
    public Address withCurrent(UnitTranslation units) {
        return new Address(provinceCode, provinceName, districtCode, districtName, communeCode, communeName,
                detail, country, units);
    }
}
