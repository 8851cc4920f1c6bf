package vn.lienthong.hub.dossier;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Marks a dossier that reuses a digitised paper or result ({@code HoSoCoThanhPhanSoHoa = "1"}, national service index
 * 4.3): one of its submitted components ({@code TaiLieuNop}) is taken from the store of digitised documents
 * ({@code DuocTaiSuDung} or {@code DuocLayTuKhoDMQG} = 1, or {@code MaKetQuaThayThe} naming the store's paper), as the
 * pre-fill's {@code dossierComponent} items are. A step of the flow {@code dossier-accept}: the mark travels with the
 * event to the portal. A dossier whose sender already marked it is left as sent.
 */
@Component("digitisedComponents")
public class DigitisedComponents {

    static final String MARK = "HoSoCoThanhPhanSoHoa";
    private static final Logger log = LoggerFactory.getLogger(DigitisedComponents.class);

    public DossierSubmission mark(DossierSubmission submission) {
        if (submission.kind() != DossierEventKind.DOSSIER || !reusesAPaper(submission.data())
                || "1".equals(String.valueOf(submission.data().get(MARK)))) {
            return submission;
        }
        Map<String, Object> data = new LinkedHashMap<>(submission.data());
        data.put(MARK, "1");
        log.info("Dossier {} reuses a digitised paper: marked {}", submission.dossierCode(), MARK);
        return new DossierSubmission(submission.kind(), submission.dossierCode(), submission.eventId(), data);
    }

    static boolean reusesAPaper(Map<String, Object> data) {
        if (!(data.get("TaiLieuNop") instanceof List<?> components)) {
            return false;
        }
        for (Object c : components) {
            if (c instanceof Map<?, ?> item && (yes(item.get("DuocTaiSuDung")) || yes(item.get("DuocLayTuKhoDMQG"))
                    || (item.get("MaKetQuaThayThe") != null && !item.get("MaKetQuaThayThe").toString().isBlank()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean yes(Object value) {
        return value != null && ("1".equals(value.toString()) || "true".equalsIgnoreCase(value.toString()));
    }
}
