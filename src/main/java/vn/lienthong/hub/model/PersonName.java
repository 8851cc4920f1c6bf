package vn.lienthong.hub.model;

/**
 * A Vietnamese personal name as the population database splits it: family name (họ), middle name (chữ đệm)
 * and given name (tên). {@code middle} may be empty.
 */
public record PersonName(String family, String middle, String given) {
}
