package vn.lienthong.hub.payment;

import java.util.List;

/**
 * A payment order of a dossier's fees, as the hub sends it to the national payment platform.
 *
 * @param orderId       the hub's order id (MaDonHang), unique
 * @param dossierCode   MaHoSo
 * @param amount        the total in VND, the sum of the fee lines
 * @param fees          the fee lines (DanhSachLePhi)
 * @param payer         who pays
 * @param partnerCode   the hub's partner code (MaDoiTac)
 * @param callbackUrl   where the platform posts the result (UrlThongBao)
 * @param createdStamp  when the order was made, yyyyMMddHHmmss Vietnam time (ThoiGianTao, signed)
 * @param expiresStamp  until when it can be paid, same form
 * @param linked        true when this order already has its payment link: the flow answers it again
 */
public record PaymentOrder(String orderId, String dossierCode, long amount, List<Fee> fees, Payer payer, String partnerCode,
                           String callbackUrl, String createdStamp, String expiresStamp, boolean linked) {

    /**
     * One fee line, national names in the dossier (DanhSachLePhi item).
     *
     * @param code   MaPhiLePhi
     * @param name   TenPhiLePhi
     * @param amount Gia, in VND
     * @param kind   LoaiPhiLePhi as the sender gave it (1 phí, 2 lệ phí), or null
     */
    public record Fee(String code, String name, long amount, String kind) {
    }

    /**
     * @param fullName   HoTen
     * @param personalId SoDinhDanh, or null (an enterprise or a foreign payer)
     */
    public record Payer(String fullName, String personalId) {
    }
}
