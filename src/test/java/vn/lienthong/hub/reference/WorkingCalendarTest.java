package vn.lienthong.hub.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    private final WorkingCalendar calendar = WorkingCalendar.bundled();

    @Test
    void bundledCalendarCoversTheYears2025To2027() {
        assertThat(calendar.covers(LocalDate.of(2025, 1, 1))).isTrue();
        assertThat(calendar.covers(LocalDate.of(2027, 12, 31))).isTrue();
        assertThat(calendar.covers(LocalDate.of(2028, 1, 1))).isFalse();
        for (int year = 2025; year <= 2027; year++) {
            assertThat(calendar.isWorkingDay(LocalDate.of(year, 1, 1)) && !isWeekend(LocalDate.of(year, 1, 1)))
                    .as("1 January %s", year).isFalse();
            assertThat(calendar.isWorkingDay(LocalDate.of(year, 9, 2))).as("2 September %s", year).isFalse();
            assertThat(calendar.isWorkingDay(LocalDate.of(year, 4, 30))).as("30 April %s", year).isFalse();
        }
    }

    @Test
    void tetWeekendsAndSwappedDays() {
        // Tết Ất Tỵ: Monday 27 to Friday 31 January 2025 off
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 1, 27))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 1, 31))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 2, 3))).isTrue();
        // Saturday 26 April 2025 worked to pay back Friday 2 May
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 4, 26))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 5, 2))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 5, 3))).isFalse();
        // Hùng Kings on Sunday 26 April 2026: Monday 27 off
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 4, 27))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 24))).isTrue();
    }

    @Test
    void countsWorkingDaysAfterOneDayUpToAnother() {
        // Friday 24 January 2025 to Monday 3 February: Tết in between, one working day
        assertThat(calendar.workingDaysBetween(LocalDate.of(2025, 1, 24), LocalDate.of(2025, 2, 3))).isEqualTo(1);
        // a plain week
        assertThat(calendar.workingDaysBetween(LocalDate.of(2025, 3, 7), LocalDate.of(2025, 3, 14))).isEqualTo(5);
        assertThat(calendar.workingDaysBetween(LocalDate.of(2025, 3, 14), LocalDate.of(2025, 3, 14))).isZero();
        assertThat(calendar.plusWorkingDays(LocalDate.of(2025, 1, 24), 1)).isEqualTo(LocalDate.of(2025, 2, 3));
    }

    @Test
    void refusesACalendarWhoseHolidayFallsOnAWeekendOrOutsideItsYears() {
        assertThatThrownBy(() -> read("""
                {"covers":{"from":"2025-01-01","to":"2025-12-31"},"holidays":[{"date":"2025-05-03"}]}"""))
                .hasMessageContaining("weekend");
        assertThatThrownBy(() -> read("""
                {"covers":{"from":"2025-01-01","to":"2025-12-31"},"holidays":[{"date":"2026-01-01"}]}"""))
                .hasMessageContaining("outside");
        assertThatThrownBy(() -> read("""
                {"covers":{"from":"2025-01-01","to":"2025-12-31"},"workingDays":[{"date":"2025-05-05"}]}"""))
                .hasMessageContaining("not a weekend");
    }

    @Test
    void aConfiguredCalendarReplacesTheShippedOne() throws Exception {
        WorkingCalendar own = read("""
                {"covers":{"from":"2028-01-01","to":"2028-12-31"},"holidays":[{"date":"2028-01-03","name":"x"}]}""");
        assertThat(own.isWorkingDay(LocalDate.of(2028, 1, 3))).isFalse();
        assertThat(own.isWorkingDay(LocalDate.of(2025, 9, 2))).isTrue();
    }

    private static WorkingCalendar read(String json) throws Exception {
        return WorkingCalendar.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek().getValue() >= 6;
    }
}
