package vn.lienthong.hub.payment;

import java.util.List;

/**
 * The payment state of a dossier's order, as the one-stop system reads it.
 *
 * @param orderId             the hub's order id (MaDonHang)
 * @param dossierCode         MaHoSo
 * @param amount              total in VND
 * @param currency            always VND
 * @param fees                the fee lines
 * @param status              PENDING (link given, not paid yet), UNCERTAIN (the platform did not answer; asking again
 *                            resends the same order), PAID, FAILED (declined or refused), EXPIRED (not paid in time)
 * @param paymentUrl          where the payer pays
 * @param qrData              VietQR (EMVCo) payload to show as a QR code
 * @param expiresAt           until when it can be paid (ISO-8601, Vietnam time)
 * @param platformTransaction the platform's transaction id (MaGiaoDich)
 * @param resultCode          the platform's result code (MaKetQua) once known
 * @param resultText          its text
 * @param bankTransaction     the bank's reference of a paid order
 * @param paidAt              when it was paid (ISO-8601, Vietnam time)
 * @param dossierEventId      the dossier update that carries DuocThanhToanTrucTuyen to the portal (GET /api/v1/dossiers/{code}/sync)
 */
public record PaymentState(String orderId, String dossierCode, long amount, String currency, List<PaymentOrder.Fee> fees,
                           String status, String paymentUrl, String qrData, String expiresAt, String platformTransaction,
                           String resultCode, String resultText, String bankTransaction, String paidAt,
                           String dossierEventId) {
}
