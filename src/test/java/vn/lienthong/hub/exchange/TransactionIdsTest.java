package vn.lienthong.hub.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class TransactionIdsTest {

    @Test
    void generated_isAVersion7UuidOfNow_andAcceptable() {
        long before = System.currentTimeMillis();
        String id = TransactionIds.generate();
        long after = System.currentTimeMillis();

        UUID uuid = UUID.fromString(id);
        assertThat(uuid.version()).isEqualTo(7);
        assertThat(uuid.variant()).isEqualTo(2);
        assertThat(uuid.getMostSignificantBits() >>> 16).isBetween(before, after);
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(TransactionIds.isAcceptable(id)).isTrue();
    }

    @Test
    void timeOrdered_carriesTheMillisecond_andKeepsTheRandomBits() {
        long millis = Instant.parse("2026-12-04T09:30:00.123Z").toEpochMilli();
        UUID random = new UUID(0x0123_4567_89AB_4DEFL, 0xBFED_CBA9_8765_4321L);

        UUID uuid = TransactionIds.timeOrdered(millis, random);

        assertThat(uuid.getMostSignificantBits() >>> 16).isEqualTo(millis);
        assertThat(uuid.version()).isEqualTo(7);
        assertThat(uuid.getMostSignificantBits() & 0x0FFFL).isEqualTo(0xDEFL);
        assertThat(uuid.getLeastSignificantBits()).isEqualTo(random.getLeastSignificantBits());
    }

    @Test
    void idsOfLaterMilliseconds_sortAfter_asTextToo() {
        UUID random = UUID.randomUUID();
        List<String> ids = new ArrayList<>();
        for (long millis = 1_700_000_000_000L; millis < 1_700_000_000_000L + 5_000; millis += 7) {
            ids.add(TransactionIds.timeOrdered(millis, random).toString());
        }
        assertThat(ids).isSorted();
    }

    @Test
    void generated_areDistinct() {
        HashSet<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(TransactionIds.generate())).isTrue();
        }
    }

    @Test
    void callerIds_areAcceptedOnlyWhenSafe() {
        assertThat(TransactionIds.isAcceptable("motcua-2026-000123")).isTrue();
        assertThat(TransactionIds.isAcceptable("a b")).isFalse();
        assertThat(TransactionIds.isAcceptable("x".repeat(65))).isFalse();
        assertThat(TransactionIds.isAcceptable(null)).isFalse();
    }
}
