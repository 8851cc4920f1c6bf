package vn.lienthong.hub.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The canonical form documented in docs/audit-record.md, byte for byte. */
class CanonicalFormTest {

    private static final Instant IN = Instant.parse("2026-11-22T01:30:00.123Z");

    private static ChainedRecord sample() {
        return new ChainedRecord(99L, 7L, "EXCHANGE", "tx-1", "hub-1", "REST", "000.00.00.H22:MOTCUA", "Cán bộ \"Lụa\"",
                "line1\nline2\\", "citizen-lookup", "LookupCitizen", null, "NOT_FOUND", "NOT_FOUND", "không tìm thấy", 404,
                IN, IN.plusMillis(12), 12, 80L, null, "aa", null, null, null, CanonicalForm.GENESIS, null);
    }

    @Test
    void canonicalForm_isTheDocumentedJsonArray() {
        assertThat(CanonicalForm.of(sample())).isEqualTo("[7,\"EXCHANGE\",\"tx-1\",\"hub-1\",\"REST\",\"000.00.00.H22:MOTCUA\","
                + "\"Cán bộ \\\"Lụa\\\"\",\"line1\\u000aline2\\\\\",\"citizen-lookup\",\"LookupCitizen\",null,\"NOT_FOUND\","
                + "\"NOT_FOUND\",\"không tìm thấy\",404,1795311000123,1795311000135,12,80,null,\"aa\",null,null,null]");
    }

    @Test
    void recordHash_coversThePreviousHashAndEveryField() {
        ChainedRecord r = sample();
        String expected = CanonicalForm.sha256Hex(("LTH-AUDIT-1\n" + CanonicalForm.GENESIS + "\n" + CanonicalForm.of(r))
                .getBytes(StandardCharsets.UTF_8));
        assertThat(CanonicalForm.hash(r)).isEqualTo(expected).hasSize(64);
        ChainedRecord otherPrevious = r.chained(7, "1".repeat(64));
        assertThat(otherPrevious.recordHash()).isNotEqualTo(expected);
        ChainedRecord otherDuration = new ChainedRecord(99L, 7L, "EXCHANGE", "tx-1", "hub-1", "REST", "000.00.00.H22:MOTCUA",
                "Cán bộ \"Lụa\"", "line1\nline2\\", "citizen-lookup", "LookupCitizen", null, "NOT_FOUND", "NOT_FOUND",
                "không tìm thấy", 404, IN, IN.plusMillis(12), 13, 80L, null, "aa", null, null, null, CanonicalForm.GENESIS, null);
        assertThat(CanonicalForm.hash(otherDuration)).isNotEqualTo(expected);
    }
}
