package vn.lienthong.hub.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DossierIntegrityTest {

    private static final String KEY = "an-integrity-key-of-at-least-32-characters";
    private static final String OLD_KEY = "the-integrity-key-before-the-last-change";
    private static final String EVENT = "{\"eventId\":\"e-1\",\"kind\":\"DOSSIER\",\"dossierCode\":\"000.00.01.H22-250225-00001\","
            + "\"data\":{\"ChuHoSo\":\"Nguyễn Văn An\"},\"clientId\":\"000.00.00.H22:MOTCUA\"}";

    private static DossierIntegrity integrity(String key, String previous) {
        DossierSyncProperties properties = new DossierSyncProperties();
        properties.setIntegrityKey(key);
        properties.setIntegrityPreviousKey(previous);
        return new DossierIntegrity(properties);
    }

    @Test
    void verifiesItsOwnTag_andNothingChanged() {
        DossierIntegrity integrity = integrity(KEY, null);
        String tag = integrity.tag(EVENT);
        assertThat(tag).startsWith("v1:").hasSize(3 + 64);
        assertThat(integrity.verifies(EVENT, tag)).isTrue();
        assertThat(integrity.verifies(EVENT.replace("Văn An", "Văn Bình"), tag)).as("data changed").isFalse();
        assertThat(integrity.verifies(EVENT.replace("e-1", "e-2"), tag)).as("identity changed").isFalse();
        assertThat(integrity.verifies(EVENT.replace("MOTCUA", "CONGTTDT"), tag)).as("client changed").isFalse();
    }

    @Test
    void refusesMissingMalformedAndForeignTags() {
        DossierIntegrity integrity = integrity(KEY, null);
        String tag = integrity.tag(EVENT);
        assertThat(integrity.verifies(EVENT, null)).isFalse();
        assertThat(integrity.verifies(null, tag)).isFalse();
        assertThat(integrity.verifies(EVENT, "")).isFalse();
        assertThat(integrity.verifies(EVENT, tag.substring(3))).as("no version").isFalse();
        assertThat(integrity.verifies(EVENT, "v1:" + "zz".repeat(32))).as("not hex").isFalse();
        assertThat(integrity.verifies(EVENT, tag + "00")).as("too long").isFalse();
        assertThat(integrity.verifies(EVENT, Boolean.TRUE)).as("not a string").isFalse();
        assertThat(integrity.verifies(EVENT, integrity(OLD_KEY, null).tag(EVENT))).as("another key").isFalse();
    }

    @Test
    void acceptsThePreviousKeyAtDelivery_andTagsWithTheCurrentOne() {
        String oldTag = integrity(OLD_KEY, null).tag(EVENT);
        DossierIntegrity rotated = integrity(KEY, OLD_KEY);
        assertThat(rotated.verifies(EVENT, oldTag)).isTrue();
        assertThat(rotated.tag(EVENT)).isEqualTo(integrity(KEY, null).tag(EVENT)).isNotEqualTo(oldTag);
        assertThat(integrity(KEY, "   ").verifies(EVENT, oldTag)).as("blank previous key: none").isFalse();
    }

    @Test
    void refusesAShortOrMissingKey() {
        assertThatThrownBy(() -> integrity("short", null)).hasMessageContaining("HUB_DOSSIER_INTEGRITY_KEY");
        assertThatThrownBy(() -> integrity(null, null)).hasMessageContaining("at least 32 characters");
    }
}
