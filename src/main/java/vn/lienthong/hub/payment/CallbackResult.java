package vn.lienthong.hub.payment;

/**
 * A verified result from the payment platform, and what it means for its order.
 *
 * @param order       the order it settles
 * @param status      PAID, FAILED or EXPIRED
 * @param resultCode  MaKetQua
 * @param resultText  MoTaKetQua
 * @param platformTx  MaGiaoDich
 * @param bankTx      MaGiaoDichNganHang
 * @param paidStamp   ThoiGianThanhToan (yyyyMMddHHmmss, Vietnam time)
 * @param duplicate   the order is already settled with this same result: acknowledged, nothing changes
 */
public record CallbackResult(PaymentOrder order, String status, String resultCode, String resultText, String platformTx,
                             String bankTx, String paidStamp, boolean duplicate) {

    public boolean paid() {
        return "PAID".equals(status);
    }
}
