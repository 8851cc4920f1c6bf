package vn.lienthong.hub.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.hub.HubIntegrationTest;
import vn.lienthong.hub.VietnamDays;

/**
 * A fresh demo hub shows every case of the late list and the index figures today, with no parameters: the demo
 * one-stop system's dossiers are dated from the start day (finished on time, finished late, late and still open with
 * its officer, just received), went through the edge into the message log and reached the simulated portal.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:hub-demo-it;DB_CLOSE_DELAY=-1",
        "HUB_DATA_DIR=target/it-data-demo",
        "spring.artemis.embedded.persistent=false",
        "HUB_BROKER_PORT=0",
        "hub.demo.dossiers=true"
})
class DemoDossiersIT extends HubIntegrationTest {

    private static final Map<String, String> INSPECTOR = Map.of("X-API-Key", AUDITOR_KEY,
            "X-User-Id", "thanhtra.vien@h22.gov.vn");
    private static final Map<String, String> MOTCUA = Map.of("X-API-Key", MOTCUA_KEY);

    private String onTime;
    private String finishedLate;
    private String lateOpen;
    private String received;

    /** The set of the day the hub started: today, or yesterday when the start was just before midnight. */
    @BeforeEach
    void demoSetOfTheStartDay() {
        LocalDate today = LocalDate.now(VietnamDays.VIETNAM);
        for (LocalDate day : List.of(today, today.minusDays(1))) {
            List<String> codes = DemoDossiers.forDay(day).stream().filter(s -> s.path().equals("/api/v1/dossiers"))
                    .map(s -> (String) s.body().get("MaHoSo")).toList();
            if (get("/api/v1/dossiers/" + codes.get(0) + "/sync", MOTCUA).statusCode() == 200) {
                onTime = codes.get(0);
                finishedLate = codes.get(1);
                lateOpen = codes.get(2);
                received = codes.get(3);
                return;
            }
        }
        throw new AssertionError("no demo dossier of today or yesterday was accepted");
    }

    @Test
    void lateListWithoutParametersShowsTheLateOpenAndTheFinishedLateDossiers() {
        JsonNode list = body(get("/api/v1/inspection/late?agency=" + DemoDossiers.AGENCY, INSPECTOR));
        JsonNode open = find(list.path("dossiers"), lateOpen);
        assertThat(open).as(list.toString()).isNotNull();
        assertThat(open.path("open").asBoolean()).isTrue();
        assertThat(open.path("department").asText()).isEqualTo("Phòng Tư pháp");
        assertThat(open.path("officer").asText()).isEqualTo("Nguyễn Thị Mai");
        assertThat(open.path("workingDaysLate").asLong()).isPositive();
        JsonNode late = find(list.path("dossiers"), finishedLate);
        assertThat(late).as(list.toString()).isNotNull();
        assertThat(late.path("open").asBoolean()).isFalse();
        assertThat(late.path("workingDaysLate").asLong()).isPositive();
        assertThat(find(list.path("dossiers"), onTime)).isNull();
        assertThat(find(list.path("dossiers"), received)).isNull();
        assertThat(list.path("open").asInt()).isPositive();
        assertThat(list.path("finished").asInt()).isPositive();
    }

    @Test
    void figuresAndStatisticsWithoutParametersCountTheDemoDossiers() {
        for (String path : List.of("/api/v1/inspection/figures?agency=" + DemoDossiers.AGENCY,
                "/api/v1/dossiers/statistics?agency=" + DemoDossiers.AGENCY)) {
            JsonNode total = body(get(path, INSPECTOR)).path("total");
            assertThat(total.path("dossiers").asInt()).as(path + " " + total).isGreaterThanOrEqualTo(4);
            assertThat(total.path("onTime").asInt()).as(path).isGreaterThanOrEqualTo(1);
            assertThat(total.path("finishedLate").asInt()).as(path).isGreaterThanOrEqualTo(1);
            assertThat(total.path("openLate").asInt()).as(path).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void demoDossiersWentTheWayOfAnyDossier_toThePortal() {
        for (String code : List.of(onTime, finishedLate, lateOpen, received)) {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(body(get("/api/v1/dossiers/" + code + "/sync", MOTCUA)).path("state").asText())
                            .as(code).isEqualTo("SYNCED"));
        }
    }

    private static JsonNode find(JsonNode dossiers, String code) {
        for (JsonNode d : dossiers) {
            if (d.path("dossierCode").asText().equals(code)) {
                return d;
            }
        }
        return null;
    }
}
