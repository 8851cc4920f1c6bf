package vn.lienthong.hub.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.lienthong.hub.dossier.DossierOperationsController;

/**
 * The demo set of any start day, Tết and the turn of the year included: one dossier finished on time, one finished
 * late, one late and open, one just received, all received inside the default period of the statistics.
 */
class DemoDossiersTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-01", "2027-01-01", "2027-02-10", "2026-02-17", "2028-02-29", "2026-07-05"})
    void everyCaseIsThere_andInsideTheDefaultPeriod(String day) {
        LocalDate today = LocalDate.parse(day);
        List<DemoDossiers.Send> sends = DemoDossiers.forDay(today);
        List<Map<String, Object>> dossiers = sends.stream().filter(s -> s.path().equals("/api/v1/dossiers"))
                .map(DemoDossiers.Send::body).toList();
        assertThat(dossiers).hasSize(4);
        OffsetDateTime now = today.atTime(0, 0).atZone(DemoDossiers.VIETNAM).toOffsetDateTime();
        OffsetDateTime endOfDay = now.plusDays(1);

        Map<String, Object> onTime = dossiers.get(0);
        assertThat(at(onTime, "NgayKetThucXuLy")).isBefore(at(onTime, "NgayHenTra"));
        Map<String, Object> finishedLate = dossiers.get(1);
        assertThat(at(finishedLate, "NgayKetThucXuLy")).isAfter(at(finishedLate, "NgayHenTra").plusDays(7));
        Map<String, Object> lateOpen = dossiers.get(2);
        assertThat(lateOpen).doesNotContainKey("NgayKetThucXuLy");
        assertThat(at(lateOpen, "NgayHenTra")).isBefore(now.minusDays(7));
        Map<String, Object> received = dossiers.get(3);
        assertThat(at(received, "NgayHenTra")).isAfter(endOfDay);

        LocalDate start = DossierOperationsController.defaultStart(today);
        for (Map<String, Object> d : dossiers) {
            assertThat(at(d, "NgayTiepNhan")).isBefore(now);
            assertThat(at(d, "NgayTiepNhan").toLocalDate()).isAfterOrEqualTo(start);
            assertThat((String) d.get("MaHoSo")).matches(DemoDossiers.AGENCY.replace(".", "\\.") + "-\\d{6}-9000\\d")
                    .contains(at(d, "NgayTiepNhan").toLocalDate().format(java.time.format.DateTimeFormatter.ofPattern("yyMMdd")));
        }
        // the event ids are fixed per start day: a restart that day resends nothing new
        assertThat(DemoDossiers.forDay(today)).isEqualTo(sends);
        assertThat(DemoDossiers.forDay(today.plusDays(1)).get(0).eventId()).isNotEqualTo(sends.get(0).eventId());
    }

    private static OffsetDateTime at(Map<String, Object> dossier, String field) {
        return OffsetDateTime.parse((String) dossier.get(field));
    }
}
