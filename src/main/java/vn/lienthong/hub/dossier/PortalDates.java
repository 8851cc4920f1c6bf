package vn.lienthong.hub.dossier;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;

/**
 * Dates as agency systems send them and as the national portal wants them: {@code yyyyMMddHHmmss} in
 * Asia/Ho_Chi_Minh time. Accepted on input: that same form, ISO-8601 with an offset, or an ISO local date-time or
 * date, which is taken as Vietnamese time.
 */
public final class PortalDates {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter NATIONAL = DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
            .withResolverStyle(ResolverStyle.STRICT);

    private PortalDates() {
    }

    /** Parses any accepted form; throws {@link IllegalArgumentException} with a reason a caller can act on. */
    public static ZonedDateTime parse(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("is empty");
        }
        String text = value.strip();
        try {
            if (text.matches("\\d{14}")) {
                return LocalDateTime.parse(text, NATIONAL).atZone(VIETNAM);
            }
            if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(text).atStartOfDay(VIETNAM);
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d{2}:\\d{2}$")) {
                return OffsetDateTime.parse(text).atZoneSameInstant(VIETNAM);
            }
            return LocalDateTime.parse(text).atZone(VIETNAM);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date: use yyyyMMddHHmmss (Vietnam time),"
                    + " ISO-8601 with offset (2025-02-25T08:30:00+07:00) or yyyy-MM-dd");
        }
    }

    /** The national form, {@code yyyyMMddHHmmss} in Asia/Ho_Chi_Minh. */
    public static String toNational(String value) {
        return parse(value).withZoneSameInstant(VIETNAM).format(NATIONAL);
    }
}
