package vn.lienthong.hub.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The canonical form documented in docs/audit-record.md, byte for byte. */
class CanonicalFormTest {

    /** Epoch milliseconds 1795311000123 (date -u -d 2026-11-22T01:30:00.123Z +%s%3N). */
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

    /**
     * The documented formula {@code SHA-256("LTH-AUDIT-1\n" + prevHash + "\n" + form)} computed outside the hub: the
     * canonical form above written to a file (UTF-8, no final newline) and hashed with
     * {@code { printf 'LTH-AUDIT-1\n'; printf '0%.0s' $(seq 64); printf '\n'; cat canon.txt; } | sha256sum}.
     */
    private static final String SAMPLE_HASH = "493247c3fffa367535725ce7544312ec582f906348287970030f7d5dc5026160";

    @Test
    void genesis_isSixtyFourZeros() {
        assertThat(CanonicalForm.GENESIS).isEqualTo("0000000000000000000000000000000000000000000000000000000000000000");
    }

    @Test
    void sha256Hex_isLowercaseHexOfTheStandardDigest() {
        // FIPS 180-2 test vector: printf abc | sha256sum
        assertThat(CanonicalForm.sha256Hex("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void recordHash_coversThePreviousHashAndEveryField() {
        ChainedRecord r = sample();
        String expected = SAMPLE_HASH;
        assertThat(CanonicalForm.hash(r)).isEqualTo(expected).hasSize(64);
        ChainedRecord otherPrevious = r.chained(7, "1".repeat(64));
        assertThat(otherPrevious.recordHash()).isNotEqualTo(expected);
        ChainedRecord otherDuration = new ChainedRecord(99L, 7L, "EXCHANGE", "tx-1", "hub-1", "REST", "000.00.00.H22:MOTCUA",
                "Cán bộ \"Lụa\"", "line1\nline2\\", "citizen-lookup", "LookupCitizen", null, "NOT_FOUND", "NOT_FOUND",
                "không tìm thấy", 404, IN, IN.plusMillis(12), 13, 80L, null, "aa", null, null, null, CanonicalForm.GENESIS, null);
        assertThat(CanonicalForm.hash(otherDuration)).isNotEqualTo(expected);
    }
}
