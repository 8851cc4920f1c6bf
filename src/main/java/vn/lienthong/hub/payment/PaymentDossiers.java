package vn.lienthong.hub.payment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.lienthong.hub.dossier.DossierEventKind;
import vn.lienthong.hub.dossier.DossierSnapshots;
import vn.lienthong.hub.dossier.DossierSubmission;
import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.HubException;

/**
 * The dossier update a paid order makes: the dossier's latest data as the agency last sent it, with
 * {@code DuocThanhToanTrucTuyen = "1"} and its fee lines ({@code DanhSachLePhi}), as an event of id
 * {@code payment-<order id>}: the accept flow queues it once however often the result comes, and the delivery flow
 * takes it to the national portal like any dossier update.
 */
@Component("paymentDossiers")
public class PaymentDossiers {

    /** HinhThucThu of a fee collected through the national payment platform. */
    static final String ONLINE = "2";

    private final DossierSnapshots snapshots;

    public PaymentDossiers(DossierSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    public DossierSubmission paidUpdate(CallbackResult result) {
        PaymentOrder order = result.order();
        DossierSnapshots.Snapshot snapshot = snapshots.latest(order.dossierCode()).orElseThrow(() -> new HubException(
                ErrorCode.INTERNAL_ERROR, "dossier " + order.dossierCode() + " has no accepted data to update"));
        Map<String, Object> data = new LinkedHashMap<>(snapshot.data());
        data.put("DuocThanhToanTrucTuyen", "1");
        List<Map<String, Object>> fees = new ArrayList<>();
        for (PaymentOrder.Fee fee : order.fees()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("MaPhiLePhi", fee.code());
            line.put("TenPhiLePhi", fee.name());
            line.put("Gia", fee.amount());
            if (fee.kind() != null) {
                line.put("LoaiPhiLePhi", fee.kind());
            }
            line.put("HinhThucThu", ONLINE);
            fees.add(line);
        }
        data.put("DanhSachLePhi", fees);
        return new DossierSubmission(DossierEventKind.DOSSIER, order.dossierCode(), "payment-" + order.orderId(), data);
    }
}
