package vn.lienthong.hub.exchange;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Transaction ids: taken from {@code X-Transaction-Id} when the caller sends a usable one, generated otherwise.
 *
 * <p>Generated ids are time-ordered UUIDs (RFC 9562, version 7): the first 48 bits are the Unix time in
 * milliseconds, the other 74 bits random, as unguessable as a version 4 UUID's 122 are for the purpose (the id is
 * no credential). Ids made close in time sort close together, so the message log's index by transaction takes each
 * new record near the last one instead of at a random leaf: on a copy-on-write store (H2) a random key rewrites a
 * whole index page per record.
 */
public final class TransactionIds {

    /** Safe to echo in headers, logs and file names. */
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private TransactionIds() {
    }

    public static String generate() {
        return timeOrdered(System.currentTimeMillis(), UUID.randomUUID()).toString();
    }

    /** A version 7 UUID of {@code unixMillis}, its random bits taken from {@code random} (a version 4 UUID). */
    static UUID timeOrdered(long unixMillis, UUID random) {
        long high = (unixMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | random.getMostSignificantBits() & 0x0FFFL;
        // the low half keeps the version 4 UUID's variant bits (10) and its 62 random bits
        return new UUID(high, random.getLeastSignificantBits());
    }

    public static boolean isAcceptable(String candidate) {
        return candidate != null && ACCEPTED.matcher(candidate).matches();
    }
}
