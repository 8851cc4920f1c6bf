package vn.lienthong.hub.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Connector answers (JSLT/XSLT output) and generic service bodies in NFC, names and values, at any depth. */
class NfcJsonTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyTextAndFieldNameComesBackInNfc() throws Exception {
        String nfd = Normalizer.normalize("Nguyễn Văn An", Normalizer.Form.NFD);
        String nfdKey = Normalizer.normalize("Tên", Normalizer.Form.NFD);
        JsonNode node = json.readTree("{\"fullName\":\"" + nfd + "\",\"" + nfdKey + "\":1,"
                + "\"parcels\":[{\"address\":{\"communeName\":\"" + Normalizer.normalize("Phường Giảng Võ", Normalizer.Form.NFD)
                + "\"}}, \"" + nfd + "\"],\"area\":48.5}");
        assertThat(node.path("fullName").asText()).isNotEqualTo("Nguyễn Văn An");
        JsonNode out = NfcJson.nfc(node);
        assertThat(out.path("fullName").asText()).isEqualTo("Nguyễn Văn An");
        assertThat(out.has("Tên")).isTrue();
        assertThat(out.path("parcels").get(0).path("address").path("communeName").asText()).isEqualTo("Phường Giảng Võ");
        assertThat(out.path("parcels").get(1).asText()).isEqualTo("Nguyễn Văn An");
        assertThat(out.path("area").asDouble()).isEqualTo(48.5);
        // values are not trimmed: only the form changes
        assertThat(NfcJson.nfc(json.readTree("\" a  b \"")).asText()).isEqualTo(" a  b ");
        assertThat(NfcJson.nfc((String) null)).isNull();
    }
}
