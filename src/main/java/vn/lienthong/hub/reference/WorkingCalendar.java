package vn.lienthong.hub.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Working days of state agencies in Việt Nam: Monday to Friday, less the public holidays of the calendar file, plus the
 * weekend days the calendar declares working days (a day swapped to make a longer holiday). Due dates of administrative
 * procedures count working days (Decree 61/2018/NĐ-CP Art. 2; Labour Code 2019 Art. 112 for the holidays).
 *
 * <p>The calendar says which years it {@code covers}; outside them only weekends are days off (the answer of
 * {@link #covers(LocalDate)} lets callers warn). Immutable and thread-safe.
 */
public final class WorkingCalendar {

    /** Classpath location of the calendar shipped with the hub (2025–2027). */
    public static final String BUNDLED = "reference/holidays-vn.json";

    private final Set<LocalDate> holidays;
    private final Set<LocalDate> workingWeekendDays;
    private final LocalDate coversFrom;
    private final LocalDate coversTo;

    private WorkingCalendar(Set<LocalDate> holidays, Set<LocalDate> workingWeekendDays, LocalDate coversFrom,
            LocalDate coversTo) {
        this.holidays = Collections.unmodifiableSet(holidays);
        this.workingWeekendDays = Collections.unmodifiableSet(workingWeekendDays);
        this.coversFrom = coversFrom;
        this.coversTo = coversTo;
    }

    /** The calendar shipped with the hub. */
    public static WorkingCalendar bundled() {
        try (InputStream in = WorkingCalendar.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("missing class-path resource " + BUNDLED);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a calendar: {@code {"covers":{"from","to"},"holidays":[{"date","name"}],"workingDays":[{"date","name"}]}}.
     *
     * @throws IllegalArgumentException when a date is not {@code yyyy-MM-dd}, a holiday falls on a weekend, a working
     *                                  day is not a weekend day, or a date lies outside {@code covers}
     */
    public static WorkingCalendar read(InputStream json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        LocalDate from = date(root.path("covers").path("from"), "covers.from");
        LocalDate to = date(root.path("covers").path("to"), "covers.to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("holiday calendar: covers.to is before covers.from");
        }
        Set<LocalDate> holidays = new HashSet<>();
        for (JsonNode day : root.path("holidays")) {
            LocalDate date = date(day.path("date"), "holidays.date");
            if (isWeekend(date)) {
                throw new IllegalArgumentException("holiday calendar: " + date + " is a weekend day; list the weekday"
                        + " given in compensation instead");
            }
            holidays.add(inside(date, from, to));
        }
        Set<LocalDate> working = new HashSet<>();
        for (JsonNode day : root.path("workingDays")) {
            LocalDate date = date(day.path("date"), "workingDays.date");
            if (!isWeekend(date)) {
                throw new IllegalArgumentException("holiday calendar: working day " + date + " is not a weekend day");
            }
            working.add(inside(date, from, to));
        }
        return new WorkingCalendar(holidays, working, from, to);
    }

    /** Whether agencies work on that day. */
    public boolean isWorkingDay(LocalDate day) {
        if (isWeekend(day)) {
            return workingWeekendDays.contains(day);
        }
        return !holidays.contains(day);
    }

    /** Working days in {@code (after, upTo]}: 0 when {@code upTo} is not after {@code after}. */
    public long workingDaysBetween(LocalDate after, LocalDate upTo) {
        long count = 0;
        for (LocalDate day = after.plusDays(1); !day.isAfter(upTo); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /** The working day {@code days} working days after {@code start} (start itself not counted). */
    public LocalDate plusWorkingDays(LocalDate start, int days) {
        LocalDate day = start;
        for (int left = days; left > 0; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    /** Whether the calendar lists the holidays of that day's period. */
    public boolean covers(LocalDate day) {
        return !day.isBefore(coversFrom) && !day.isAfter(coversTo);
    }

    public int holidayCount() {
        return holidays.size();
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static LocalDate inside(LocalDate date, LocalDate from, LocalDate to) {
        if (date.isBefore(from) || date.isAfter(to)) {
            throw new IllegalArgumentException("holiday calendar: " + date + " lies outside covers " + from + ".." + to);
        }
        return date;
    }

    private static LocalDate date(JsonNode node, String field) {
        try {
            return LocalDate.parse(node.asText(""));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("holiday calendar: " + field + " '" + node.asText("") + "' is not yyyy-MM-dd");
        }
    }
}
