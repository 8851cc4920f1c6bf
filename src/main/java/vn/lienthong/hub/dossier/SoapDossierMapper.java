package vn.lienthong.hub.dossier;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.hub.soap.dossier.v1.Accepted;
import vn.lienthong.hub.soap.dossier.v1.Dossier;
import vn.lienthong.hub.soap.dossier.v1.Progress;

/** The SOAP contract's dossier types to the same JSON fields the REST surface takes, so both share one validation. */
@Component
public class SoapDossierMapper {

    public ObjectNode dossier(Dossier d) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        if (d == null) {
            return n;
        }
        put(n, "MaHoSo", d.getMaHoSo());
        put(n, "MaTTHC", d.getMaTTHC());
        put(n, "TenTTHC", d.getTenTTHC());
        put(n, "KenhThucHien", d.getKenhThucHien());
        put(n, "SoGiayToChuHoSo", d.getSoGiayToChuHoSo());
        put(n, "ChuHoSo", d.getChuHoSo());
        put(n, "LoaiDoiTuong", d.getLoaiDoiTuong());
        put(n, "Email", d.getEmail());
        put(n, "SoDienThoai", d.getSoDienThoai());
        put(n, "TrichYeuHoSo", d.getTrichYeuHoSo());
        put(n, "NgayTiepNhan", d.getNgayTiepNhan());
        put(n, "NgayHenTra", d.getNgayHenTra());
        put(n, "TrangThaiHoSo", d.getTrangThaiHoSo());
        put(n, "NgayTra", d.getNgayTra());
        put(n, "DonViXuLy", d.getDonViXuLy());
        put(n, "GhiChu", d.getGhiChu());
        return n;
    }

    public ObjectNode progress(Progress p) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        if (p == null) {
            return n;
        }
        put(n, "NguoiXuLy", p.getNguoiXuLy());
        put(n, "ChucDanh", p.getChucDanh());
        put(n, "ThoiDiemXuLy", p.getThoiDiemXuLy());
        put(n, "PhongBanXuLy", p.getPhongBanXuLy());
        put(n, "NoiDungXuLy", p.getNoiDungXuLy());
        put(n, "TrangThai", p.getTrangThai());
        put(n, "NgayBatDau", p.getNgayBatDau());
        put(n, "NgayKetThucTheoQuyDinh", p.getNgayKetThucTheoQuyDinh());
        return n;
    }

    public Accepted accepted(DossierAccepted a) {
        Accepted s = new Accepted();
        s.setEventId(a.eventId());
        s.setDossierCode(a.dossierCode());
        s.setKind(a.kind());
        s.setDuplicate(a.duplicate());
        return s;
    }

    private static void put(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
