package vn.lienthong.hub.exchange;

import java.util.UUID;
import java.util.regex.Pattern;

/** Transaction ids: taken from {@code X-Transaction-Id} when the caller sends a usable one, generated otherwise. */
public final class TransactionIds {

    /** Safe to echo in headers, logs and file names. */
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private TransactionIds() {
    }

    public static String generate() {
        return UUID.randomUUID().toString();
    }

    public static boolean isAcceptable(String candidate) {
        return candidate != null && ACCEPTED.matcher(candidate).matches();
    }
}
