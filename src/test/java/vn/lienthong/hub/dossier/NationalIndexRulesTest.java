package vn.lienthong.hub.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import vn.lienthong.hub.dossier.NationalIndexRules.Judgement;
import vn.lienthong.hub.dossier.NationalIndexRules.Standing;
import vn.lienthong.hub.reference.WorkingCalendar;

/** The on-time rule of docs/national-index.md, with the four cases the index got wrong and the working-day count. */
class NationalIndexRulesTest {

    private final NationalIndexRules rules = new NationalIndexRules(WorkingCalendar.bundled());
    private static final Instant NOW = at("2025-06-02T09:00:00+07:00");

    @Test
    void processedOnTimeButCollectedLate_isOnTime() {
        DossierFacts facts = facts("10", "2025-02-10T08:00:00+07:00", "2025-02-13T17:00:00+07:00")
                .ended("2025-02-13T10:00:00+07:00").returned("2025-02-20T09:00:00+07:00").build();
        Judgement j = rules.judge(facts, NOW);
        assertThat(j.standing()).isEqualTo(Standing.FINISHED);
        assertThat(j.completedAt()).isEqualTo(at("2025-02-13T10:00:00+07:00"));
        assertThat(j.finishedOnTime()).isTrue();
        assertThat(rules.judge(facts("9", "2025-02-10T08:00:00+07:00", "2025-02-13T17:00:00+07:00")
                .ended("2025-02-13T16:00:00+07:00").build(), NOW).finishedOnTime()).isTrue();
    }

    @Test
    void refusedWithdrawnOrStoppedWithoutReturnDate_areCountedApartAndNeverLate() {
        for (String status : new String[] {"3", "7", "8"}) {
            Judgement j = rules.judge(facts(status, "2025-02-10T08:00:00+07:00", "2025-02-13T17:00:00+07:00").build(), NOW);
            assertThat(j.late()).as(status).isFalse();
            assertThat(j.finishedOnTime()).as(status).isFalse();
        }
        assertThat(NationalIndexRules.standing("3")).isEqualTo(Standing.REFUSED);
        assertThat(NationalIndexRules.standing("7")).isEqualTo(Standing.WITHDRAWN);
        assertThat(NationalIndexRules.standing("8")).isEqualTo(Standing.STOPPED);
    }

    @Test
    void dateOnlyDueDate_meansTheEndOfThatDay() {
        Instant due = PortalDates.parse("2025-02-13").toInstant();
        assertThat(NationalIndexRules.deadline(due)).isEqualTo(at("2025-02-13T23:59:59.999999999+07:00"));
        assertThat(NationalIndexRules.deadline(PortalDates.parse("20250213000000").toInstant()))
                .isEqualTo(at("2025-02-13T23:59:59.999999999+07:00"));
        DossierFacts atTen = facts("10", "2025-02-10T08:00:00+07:00", "2025-02-13")
                .returned("2025-02-13T10:00:00+07:00").build();
        assertThat(rules.judge(atTen, NOW).finishedOnTime()).isTrue();
        DossierFacts nextMorning = facts("10", "2025-02-10T08:00:00+07:00", "2025-02-13")
                .returned("2025-02-14T08:00:00+07:00").build();
        Judgement late = rules.judge(nextMorning, NOW);
        assertThat(late.finishedLate()).isTrue();
        assertThat(late.workingDaysLate()).isEqualTo(1);
        // a due date with a time keeps its time
        assertThat(NationalIndexRules.deadline(at("2025-02-13T17:00:00+07:00"))).isEqualTo(at("2025-02-13T17:00:00+07:00"));
    }

    @Test
    void openPastTheDeadline_isOpenLate_finishedPastIt_isFinishedLate() {
        Judgement open = rules.judge(facts("4", "2025-04-20T08:00:00+07:00", "2025-04-25T17:00:00+07:00").build(),
                at("2025-05-06T09:00:00+07:00"));
        assertThat(open.openLate()).isTrue();
        // Sat 26/4 worked (swap), Mon 28, Tue 29, 30/4, 1/5, 2/5 off, Mon 5, Tue 6: five working days
        assertThat(open.workingDaysLate()).isEqualTo(5);
        Judgement finished = rules.judge(facts("9", "2025-04-20T08:00:00+07:00", "2025-04-25T17:00:00+07:00")
                .ended("2025-05-05T09:00:00+07:00").build(), NOW);
        assertThat(finished.finishedLate()).isTrue();
        assertThat(finished.workingDaysLate()).isEqualTo(4);
        // over Tết: due Friday 24 January 2025, done Monday 3 February: one working day late
        assertThat(rules.judge(facts("9", "2025-01-20T08:00:00+07:00", "2025-01-24T17:00:00+07:00")
                .ended("2025-02-03T08:30:00+07:00").build(), NOW).workingDaysLate()).isEqualTo(1);
    }

    @Test
    void todayIsTheDayInVietnam() {
        // 18:30 UTC on 13 February is 01:30 on 14 February in Việt Nam
        Instant night = Instant.parse("2025-02-13T18:30:00Z");
        assertThat(NationalIndexRules.today(night)).isEqualTo(LocalDate.of(2025, 2, 14));
        Judgement j = rules.judge(facts("4", "2025-02-10T08:00:00+07:00", "2025-02-13").build(), night);
        assertThat(j.openLate()).isTrue();
        assertThat(j.workingDaysLate()).isEqualTo(1);
        assertThat(rules.judge(facts("4", "2025-02-10T08:00:00+07:00", "2025-02-13").build(),
                Instant.parse("2025-02-13T16:30:00Z")).late()).isFalse();
    }

    @Test
    void newlyRegisteredWithoutDates_isNeitherLateNorOnTime() {
        Judgement j = rules.judge(new Builder("1", null, null).build(), NOW);
        assertThat(j.standing()).isEqualTo(Standing.OPEN);
        assertThat(j.late()).isFalse();
    }

    private static Instant at(String iso) {
        return java.time.OffsetDateTime.parse(iso).toInstant();
    }

    static Builder facts(String status, String received, String due) {
        return new Builder(status, received, due);
    }

    static final class Builder {
        final String status;
        final Instant received;
        final Instant due;
        Instant ended;
        Instant returned;

        Builder(String status, String received, String due) {
            this.status = status;
            this.received = received == null ? null : PortalDates.parse(received).toInstant();
            this.due = due == null ? null : PortalDates.parse(due).toInstant();
        }

        Builder ended(String iso) {
            ended = PortalDates.parse(iso).toInstant();
            return this;
        }

        Builder returned(String iso) {
            returned = PortalDates.parse(iso).toInstant();
            return this;
        }

        DossierFacts build() {
            return new DossierFacts("000.00.02.H22-250210-00001", "000.00.02.H22", "1.001193.000.00.00.H22", status,
                    true, received, due, ended, returned, null, returned == null && ended == null ? null : NOW, received,
                    null, null, null, null, false, false, false, false, false, 0, 0);
        }
    }
}
