package vn.lienthong.hub.connector.nationalportal;

import java.util.Map;

/**
 * One request to the national portal's integration endpoint, before transport details (session, madonvi).
 *
 * @param service     DongBoHoSoMC, CapNhatTienDoHoSoMC or TraCuuHoSo
 * @param dossierCode MaHoSo
 * @param item        the data item with national field names and codes (null for TraCuuHoSo)
 */
public record PortalCall(String service, String dossierCode, Map<String, Object> item) {
}
