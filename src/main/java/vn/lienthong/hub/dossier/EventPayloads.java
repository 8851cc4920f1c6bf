package vn.lienthong.hub.dossier;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The fingerprint of what an event says, independent of field order: a resend is the same event when it matches. */
final class EventPayloads {

    private static final ObjectMapper CANONICAL = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private EventPayloads() {
    }

    /** SHA-256 (hex) of the kind, the dossier code and the fields, keys sorted at every level. */
    static String sha256(DossierEvent event) {
        Map<String, Object> said = new LinkedHashMap<>();
        said.put("kind", event.kind() == null ? null : event.kind().name());
        said.put("dossierCode", event.dossierCode());
        said.put("data", event.data());
        try {
            byte[] canonical = CANONICAL.writeValueAsString(said).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("an event's fields are plain JSON values", e);
        }
    }
}
