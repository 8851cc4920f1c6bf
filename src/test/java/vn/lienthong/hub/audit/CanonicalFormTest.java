package vn.lienthong.hub.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import vn.lienthong.hub.config.HubProperties;

/** The canonical form documented in docs/audit-record.md, byte for byte, and the evidence kept of bodies. */
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

    @Test
    void connectorName_isTakenFromKameletEndpointsOnly() {
        assertThat(HopRecorder.connector("kamelet://population-lookup-action")).isEqualTo("population-lookup-action");
        assertThat(HopRecorder.connector("kamelet:population-lookup-action?timeout=3")).isEqualTo("population-lookup-action");
        assertThat(HopRecorder.connector("kamelet://source")).isNull();
        assertThat(HopRecorder.connector("http://127.0.0.1/x")).isNull();
    }

    @Test
    void keptBodies_areEncryptedAndBoundToTheirTransaction() throws GeneralSecurityException {
        String key = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
        var dataSource = new DriverManagerDataSource("jdbc:h2:mem:bodies-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        org.flywaydb.core.Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        BodyCipher cipher = new BodyCipher(key);
        JdbcMessageLog log = new JdbcMessageLog(new JdbcTemplate(dataSource), new HubProperties.Audit(), null, cipher);
        byte[] request = "{\"personalId\":\"001090012345\"}".getBytes(StandardCharsets.UTF_8);
        try {
            log.append(new MessageLogRecord(null, "EXCHANGE", "tx-bodies", "hub-1", "REST", null, null, null, null, null, null,
                    Outcome.SUCCESS, null, null, 200, IN, IN, 0, 30L, 2L), BodyEvidence.of(request, "{}".getBytes()));
            ChainedRecord stored = log.findChainedByTransaction("tx-bodies").get(0);

            assertThat(stored.requestBodyEnc()).doesNotContain("001090012345");
            assertThat(new String(Base64.getDecoder().decode(stored.requestBodyEnc()), StandardCharsets.ISO_8859_1))
                    .doesNotContain("001090012345");
            assertThat(cipher.decrypt(stored.requestBodyEnc(), "tx-bodies", "request")).isEqualTo(request);
            // printf '%s' '{"personalId":"001090012345"}' | sha256sum
            assertThat(stored.requestSha256()).isEqualTo("837e0dea0fe099fca0c8295b03c6a46c4646fc4b22420dd0590e4b5f96812785");
            assertThatThrownBy(() -> cipher.decrypt(stored.requestBodyEnc(), "another-tx", "request"))
                    .isInstanceOf(GeneralSecurityException.class);
            assertThat(new MessageLogQueries(new JdbcTemplate(dataSource)).verify(null, null, null).valid()).isTrue();
        } finally {
            log.close();
        }
    }
}
