package vn.lienthong.hub.dossier;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Turns an accepted event (local codes, any accepted date form) into the data item of the portal service:
 * {@code DongBoHoSoMC} for a dossier, {@code CapNhatTienDoHoSoMC} for a progress step. Codes go through the mapping
 * tables, dates become {@code yyyyMMddHHmmss} in Asia/Ho_Chi_Minh.
 */
@Component("nationalPortalTranslator")
public class NationalPortalTranslator {

    private final CodeMappings codes;

    public NationalPortalTranslator(CodeMappings codes) {
        this.codes = codes;
    }

    /** The {@code data} item of the portal request for this event. */
    public Map<String, Object> toPortalItem(DossierEvent event) {
        return event.kind() == DossierEventKind.DOSSIER ? dossier(event.data()) : progress(event.data());
    }

    /** A {@code DongBoHoSoMC} data item. */
    public Map<String, Object> dossier(Map<String, Object> local) {
        Map<String, Object> item = new LinkedHashMap<>(local);
        String localProcedure = String.valueOf(local.get("MaTTHC"));
        CodeMappings.Procedure procedure = codes.resolveProcedure(localProcedure).orElseThrow(
                () -> new IllegalArgumentException("no national procedure for local code " + localProcedure));
        item.put("MaTTHC", procedure.nationalCode());
        if (procedure.name() != null) {
            item.putIfAbsent("TenTTHC", procedure.name());
        }
        if (procedure.fieldCode() != null) {
            item.putIfAbsent("MaLinhVuc", procedure.fieldCode());
            item.putIfAbsent("TenLinhVuc", procedure.fieldName());
        }
        item.put("TrangThaiHoSo", status(local.get("TrangThaiHoSo")));
        for (String field : DossierValidator.DOSSIER_DATES) {
            if (local.get(field) != null) {
                item.put(field, PortalDates.toNational(local.get(field).toString()));
            }
        }
        return item;
    }

    /** A {@code CapNhatTienDoHoSoMC} data item. */
    public Map<String, Object> progress(Map<String, Object> local) {
        Map<String, Object> item = new LinkedHashMap<>(local);
        item.put("TrangThai", status(local.get("TrangThai")));
        for (String field : DossierValidator.PROGRESS_DATES) {
            if (local.get(field) != null) {
                item.put(field, PortalDates.toNational(local.get(field).toString()));
            }
        }
        return item;
    }

    private String status(Object local) {
        String code = String.valueOf(local);
        return codes.nationalStatus(code).orElseThrow(() -> new IllegalArgumentException("no national status for " + code));
    }
}
