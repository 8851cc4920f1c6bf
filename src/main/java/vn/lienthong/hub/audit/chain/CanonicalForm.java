package vn.lienthong.hub.audit.chain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The canonical serialisation of a chained record and its hash (docs/audit-record.md, "Canonical form").
 * The form is a JSON array of the record's fields in a fixed order, written by this class alone so that no
 * library setting can change a byte: strings are JSON-escaped ({@code "} {@code \} and controls below U+0020 as
 * {@code \}u00XX, everything else as UTF-8), numbers in decimal, instants as epoch milliseconds, absent values as
 * {@code null}. The record hash is {@code SHA-256("LTH-AUDIT-1\n" + prevHash + "\n" + form)} in lowercase hex.
 */
public final class CanonicalForm {

    /** The previous hash of the first record ever written. */
    public static final String GENESIS = "0".repeat(64);
    static final String VERSION = "LTH-AUDIT-1";

    private CanonicalForm() {
    }

    /** The canonical form of the record's content (everything except id, prevHash and recordHash). */
    public static String of(ChainedRecord r) {
        StringBuilder out = new StringBuilder(512).append('[');
        number(out, r.seq());
        string(out, r.recordType());
        string(out, r.transactionId());
        string(out, r.hubInstance());
        string(out, r.channel());
        string(out, r.clientId());
        string(out, r.userId());
        string(out, r.purpose());
        string(out, r.service());
        string(out, r.operation());
        string(out, r.subjectRef());
        string(out, r.outcome());
        string(out, r.errorCode());
        string(out, r.errorText());
        number(out, r.httpStatus() == null ? null : r.httpStatus().longValue());
        number(out, millis(r.timeIn()));
        number(out, millis(r.timeOut()));
        number(out, r.durationMillis());
        number(out, r.requestSize());
        number(out, r.responseSize());
        string(out, r.requestSha256());
        string(out, r.responseSha256());
        string(out, r.requestBodyEnc());
        string(out, r.responseBodyEnc());
        out.setLength(out.length() - 1);
        return out.append(']').toString();
    }

    /** The hash a record must carry, given the previous hash it names. */
    public static String hash(ChainedRecord r) {
        return sha256Hex((VERSION + "\n" + r.prevHash() + "\n" + of(r)).getBytes(StandardCharsets.UTF_8));
    }

    /** Lowercase hex SHA-256. */
    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    private static void number(StringBuilder out, Long value) {
        out.append(value == null ? "null" : Long.toString(value)).append(',');
    }

    private static void string(StringBuilder out, String value) {
        if (value == null) {
            out.append("null,");
            return;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append("\",");
    }
}
