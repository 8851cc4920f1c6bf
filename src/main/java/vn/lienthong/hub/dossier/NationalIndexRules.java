package vn.lienthong.hub.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

import org.springframework.stereotype.Component;

import vn.lienthong.hub.reference.WorkingCalendar;

/**
 * The rules of the national service index (Decision 766/QĐ-TTg) exactly as {@code docs/national-index.md} defines
 * them: which dossiers are finished, refused, withdrawn or stopped, when processing ended, the deadline of a due date,
 * whether a dossier is late and by how many working days. Time is Asia/Ho_Chi_Minh. Immutable and thread-safe.
 */
@Component
public final class NationalIndexRules {

    /** Where a dossier stands for the index. */
    public enum Standing {
        /** 1, 2, 4, 5, 6: not finished yet. */
        OPEN,
        /** 9 Đã xử lý xong or 10 Đã trả kết quả. */
        FINISHED,
        /** 3 Không được tiếp nhận: counted apart, never late. */
        REFUSED,
        /** 7 Công dân yêu cầu rút hồ sơ: counted apart, never late. */
        WITHDRAWN,
        /** 8 Dừng xử lý: counted apart, never late. */
        STOPPED
    }

    /** The judgement on one dossier at one moment. */
    public record Judgement(Standing standing, Instant completedAt, Instant deadline, boolean late, long workingDaysLate) {

        public boolean finishedOnTime() {
            return standing == Standing.FINISHED && deadline != null && !late;
        }

        public boolean finishedLate() {
            return standing == Standing.FINISHED && late;
        }

        public boolean openLate() {
            return standing == Standing.OPEN && late;
        }
    }

    private final WorkingCalendar calendar;

    public NationalIndexRules(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    public static Standing standing(String nationalStatus) {
        return switch (nationalStatus == null ? "" : nationalStatus) {
            case "9", "10" -> Standing.FINISHED;
            case "3" -> Standing.REFUSED;
            case "7" -> Standing.WITHDRAWN;
            case "8" -> Standing.STOPPED;
            default -> Standing.OPEN;
        };
    }

    /**
     * The deadline a due date sets: a date-only due date (00:00:00 Vietnam time, the form {@code yyyy-MM-dd} or
     * {@code yyyyMMdd000000}) means the end of that day; any other time is the deadline itself.
     */
    public static Instant deadline(Instant dueAt) {
        if (dueAt == null) {
            return null;
        }
        ZonedDateTime due = dueAt.atZone(PortalDates.VIETNAM);
        if (due.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return due.toLocalDate().plusDays(1).atStartOfDay(PortalDates.VIETNAM).toInstant().minusNanos(1);
        }
        return dueAt;
    }

    /**
     * When processing ended, decided by the processing result: {@code NgayKetThucXuLy}, else the time of the progress
     * step that reached 9/10, else {@code NgayTra}, else when the hub first saw the status. Collecting the result later
     * ({@code NgayTra} after {@code NgayKetThucXuLy}) does not move it.
     */
    public static Instant completedAt(DossierFacts facts) {
        if (standing(facts.nationalStatus()) != Standing.FINISHED) {
            return null;
        }
        if (facts.endedAt() != null) {
            return facts.endedAt();
        }
        if (facts.stepFinishedAt() != null) {
            return facts.stepFinishedAt();
        }
        if (facts.returnedAt() != null) {
            return facts.returnedAt();
        }
        return facts.finishedSeenAt();
    }

    /** The judgement on a dossier at {@code now}. */
    public Judgement judge(DossierFacts facts, Instant now) {
        Standing standing = standing(facts.nationalStatus());
        Instant deadline = deadline(facts.dueAt());
        Instant completed = completedAt(facts);
        if (deadline == null || standing == Standing.REFUSED || standing == Standing.WITHDRAWN
                || standing == Standing.STOPPED) {
            return new Judgement(standing, completed, deadline, false, 0);
        }
        Instant end = standing == Standing.FINISHED ? (completed == null ? now : completed) : now;
        if (!end.isAfter(deadline)) {
            return new Judgement(standing, completed, deadline, false, 0);
        }
        return new Judgement(standing, completed, deadline, true, workingDaysLate(deadline, end));
    }

    /**
     * Working days from the deadline's day to the end's day (the deadline's day not counted, the end's day counted),
     * at least 1 once late: a result on the next working day is one working day late, over a weekend too.
     */
    public long workingDaysLate(Instant deadline, Instant end) {
        LocalDate dueDay = deadline.atZone(PortalDates.VIETNAM).toLocalDate();
        LocalDate endDay = end.atZone(PortalDates.VIETNAM).toLocalDate();
        return Math.max(1, calendar.workingDaysBetween(dueDay, endDay));
    }

    /** Today in Việt Nam (00:00–07:00 Vietnam time is already the next day of UTC's). */
    public static LocalDate today(Instant now) {
        return now.atZone(PortalDates.VIETNAM).toLocalDate();
    }

    public WorkingCalendar calendar() {
        return calendar;
    }
}
