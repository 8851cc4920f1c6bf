package vn.lienthong.hub.model;

import java.util.Objects;

/**
 * A commune of the two-level administrative map in force since 2025-07-01, together with its province.
 *
 * @param provinceCode two-digit province code, e.g. {@code "01"}
 * @param provinceName official province name, e.g. {@code "Thành phố Hà Nội"}
 * @param communeCode  five-digit commune code, e.g. {@code "00004"}
 * @param communeName  official commune name, e.g. {@code "Phường Ba Đình"}
 */
public record CurrentUnit(String provinceCode, String provinceName, String communeCode, String communeName) {

    /**
     * Creates a unit; every part is required because a partially known unit can neither route nor display an address.
     *
     * @param provinceCode two-digit province code
     * @param provinceName official province name
     * @param communeCode  five-digit commune code
     * @param communeName  official commune name
     * @throws NullPointerException if any part is {@code null}
     */
    public CurrentUnit {
        Objects.requireNonNull(provinceCode, "provinceCode");
        Objects.requireNonNull(provinceName, "provinceName");
        Objects.requireNonNull(communeCode, "communeCode");
        Objects.requireNonNull(communeName, "communeName");
    }
}
