package vn.lienthong.hub;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Demo data is dated relative to today in Việt Nam (simulator answers through WireMock's {@code now}, the demo
 * dossiers from the start date). A test asking for it notes the day before and after its call, so an expectation
 * computed from "today" holds when the call crosses midnight in Việt Nam.
 */
public final class VietnamDays {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private VietnamDays() {
    }

    /** What a call answered, with the Vietnam days on which it began and ended. */
    public record Seen<T>(T value, LocalDate before, LocalDate after) {

        /** The day {@code shift} gives from the day the call began, and from the day it ended (one value, usually). */
        public String[] days(UnaryOperator<LocalDate> shift) {
            String a = shift.apply(before).toString();
            String b = shift.apply(after).toString();
            return a.equals(b) ? new String[] {a} : new String[] {a, b};
        }
    }

    public static <T> Seen<T> around(Supplier<T> call) {
        LocalDate before = LocalDate.now(VIETNAM);
        T value = call.get();
        return new Seen<>(value, before, LocalDate.now(VIETNAM));
    }
}
