package vn.lienthong.hub.api;

import java.io.IOException;

/**
 * Checks a byte stream as it is read against the UTF-8 of RFC 3629: an overlong form, a surrogate, a code point above
 * U+10FFFF, a stray continuation byte or a sequence cut short is refused, so no parser downstream decodes it leniently.
 */
public final class StrictUtf8 {

    /** How every refusal starts. */
    public static final String MESSAGE = "the body is not valid UTF-8";

    private int needed;
    private int lower = 0x80;
    private int upper = 0xBF;
    private long position;

    /** Checks the next bytes; throws at the first byte that cannot be part of valid UTF-8. */
    void check(byte[] bytes, int offset, int length) throws InvalidUtf8Exception {
        for (int i = offset; i < offset + length; i++) {
            int b = bytes[i] & 0xFF;
            if (needed == 0) {
                if (b <= 0x7F) {
                    // ASCII
                } else if (b >= 0xC2 && b <= 0xDF) {
                    needed = 1;
                } else if (b >= 0xE0 && b <= 0xEF) {
                    lower = b == 0xE0 ? 0xA0 : 0x80;
                    upper = b == 0xED ? 0x9F : 0xBF;
                    needed = 2;
                } else if (b >= 0xF0 && b <= 0xF4) {
                    lower = b == 0xF0 ? 0x90 : 0x80;
                    upper = b == 0xF4 ? 0x8F : 0xBF;
                    needed = 3;
                } else {
                    throw new InvalidUtf8Exception(position);
                }
            } else {
                if (b < lower || b > upper) {
                    throw new InvalidUtf8Exception(position);
                }
                lower = 0x80;
                upper = 0xBF;
                needed--;
            }
            position++;
        }
    }

    /** At the end of the body: a sequence must not be left open. */
    void end() throws InvalidUtf8Exception {
        if (needed != 0) {
            throw new InvalidUtf8Exception(position);
        }
    }

    /** The body is not valid UTF-8. */
    public static final class InvalidUtf8Exception extends IOException {
        InvalidUtf8Exception(long position) {
            super(MESSAGE + " (overlong, surrogate or broken sequence at byte " + position + ")");
        }
    }
}
