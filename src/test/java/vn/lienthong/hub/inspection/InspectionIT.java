package vn.lienthong.hub.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.hub.dossier.DossierSyncIntegrationTest;
import vn.lienthong.hub.dossier.NationalIndexRules;
import vn.lienthong.hub.dossier.PortalDates;

/**
 * Remote inspection as an inspector uses it: the late dossiers of a department found through the API with the
 * department, officer, working days late and last step, still-open dossiers of an earlier period included, filters,
 * CSV export, the counts, the index figures (refused apart, processed on time though collected late, a return date
 * kept across an update without it) and DSKetNoiCSDL filled from the hub's own population lookups.
 */
class InspectionIT extends DossierSyncIntegrationTest {

    static final String AGENCY = "000.00.05.H22";
    static final String DEPARTMENT = "Phòng Tư pháp";
    static final String OFFICER = "Nguyễn Thị Mai";
    static final Map<String, String> INSPECTOR = Map.of("X-API-Key", AUDITOR_KEY, "X-User-Id", "thanhtra.vien@h22.gov.vn");

    @Autowired
    NationalIndexRules rules;

    static String code(String day, int n) {
        return String.format("%s-%s-%05d", AGENCY, day, n);
    }

    private String dossier(String code, String procedure, String status, String received, String due, String extra) {
        return """
                {"MaHoSo":"%s","MaTTHC":"%s","ChuHoSo":"Lê Thị Hồng","LoaiDoiTuong":"1","KenhThucHien":"2",
                 "NgayTiepNhan":"%s","NgayHenTra":"%s","TrangThaiHoSo":"%s"%s}"""
                .formatted(code, procedure, received, due, status, extra);
    }

    private void accept(String body) {
        HttpResponse<String> r = post("/api/v1/dossiers", body, motcua());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    }

    @Test
    void inspectorFindsTheLateDossierOfADepartment_filtersIt_andExportsTheList() {
        String stuck = code("250303", 1);          // open, due 7 March 2025, received long before this year's period
        String collectedLate = code("250310", 2);  // processed on time (9), collected a week later
        String lateDone = code("250310", 3);       // date-only due date, processed the next morning
        String refused = code("250310", 4);        // refused, no return date
        String keptReturn = code("250310", 5);     // returned on time, then updated without NgayTra
        accept(dossier(stuck, "H22-HT-KS", "DANG_XU_LY", "2025-03-03T08:00:00+07:00", "2025-03-07T17:00:00+07:00", ""));
        HttpResponse<String> step = post("/api/v1/dossiers/" + stuck + "/progress", """
                {"NguoiXuLy":"%s","ChucDanh":"Công chức tư pháp","PhongBanXuLy":"%s",
                 "ThoiDiemXuLy":"2025-03-04T09:15:00+07:00","NoiDungXuLy":"Chuyển phòng chuyên môn thẩm định",
                 "TrangThai":"CHUYEN_XU_LY"}""".formatted(OFFICER, DEPARTMENT), motcua());
        assertThat(step.statusCode()).as(step.body()).isEqualTo(202);
        accept(dossier(collectedLate, "H22-HT-KH", "DA_TRA_KET_QUA", "2025-03-10T08:00:00+07:00",
                "2025-03-13T17:00:00+07:00", ",\"NgayKetThucXuLy\":\"2025-03-13T10:00:00+07:00\",\"NgayTra\":\"2025-03-20T09:00:00+07:00\""));
        accept(dossier(lateDone, "H22-HT-KH", "DA_XU_LY", "2025-03-10T08:00:00+07:00", "2025-03-13",
                ",\"NgayKetThucXuLy\":\"2025-03-14T08:00:00+07:00\""));
        accept(dossier(refused, "H22-HT-KH", "TU_CHOI_TIEP_NHAN", "2025-03-10T08:00:00+07:00", "2025-03-13T17:00:00+07:00", ""));
        accept(dossier(keptReturn, "H22-HT-KH", "DA_TRA_KET_QUA", "2025-03-10T08:00:00+07:00", "2025-03-13",
                ",\"NgayTra\":\"2025-03-13T10:00:00+07:00\""));
        accept(dossier(keptReturn, "H22-HT-KH", "DA_TRA_KET_QUA", "2025-03-10T08:00:00+07:00", "2025-03-13",
                ",\"GhiChu\":\"Bổ sung ghi chú\""));

        // this year's late list still shows the dossier received in March 2025 and still open
        HttpResponse<String> response = get("/api/v1/inspection/late?agency=" + AGENCY, INSPECTOR);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode list = body(response);
        assertThat(list.path("today").asText()).isEqualTo(NationalIndexRules.today(Instant.now()).toString());
        JsonNode open = find(list, stuck);
        assertThat(open).as(list.toString()).isNotNull();
        assertThat(open.path("open").asBoolean()).isTrue();
        assertThat(open.path("department").asText()).isEqualTo(DEPARTMENT);
        assertThat(open.path("officer").asText()).isEqualTo(OFFICER);
        assertThat(open.path("procedureCode").asText()).isEqualTo("1.001193.000.00.00.H22");
        assertThat(open.path("lastStep").asText()).isEqualTo("Chuyển phòng chuyên môn thẩm định");
        Instant deadline = Instant.parse(open.path("deadline").asText());
        long expected = rules.workingDaysLate(deadline, Instant.now());
        assertThat(open.path("workingDaysLate").asLong()).isEqualTo(expected)
                .isLessThan(ChronoUnit.DAYS.between(deadline, Instant.now()));
        assertThat(find(list, collectedLate)).isNull();
        assertThat(find(list, refused)).isNull();
        assertThat(find(list, keptReturn)).isNull();
        assertThat(find(list, lateDone)).isNull(); // finished late, but received in 2025: outside this year's period

        // the period of 2025: the finished-late dossier, one working day late; counts per agency and procedure
        JsonNode year2025 = body(get("/api/v1/inspection/late?agency=" + AGENCY + "&from=2025-01-01&to=2025-12-31", INSPECTOR));
        assertThat(find(year2025, lateDone).path("open").asBoolean()).isFalse();
        assertThat(find(year2025, lateDone).path("workingDaysLate").asInt()).isEqualTo(1);
        assertThat(year2025.path("byAgency").path(AGENCY).asInt()).isEqualTo(2);
        assertThat(year2025.path("byProcedure").path("1.000894.000.00.00.H22").asInt()).isEqualTo(1);
        assertThat(year2025.path("open").asInt()).isEqualTo(1);
        assertThat(year2025.path("finished").asInt()).isEqualTo(1);

        // filters: the department, typed in decomposed Unicode, finds it; another department finds nothing
        String nfd = Normalizer.normalize(DEPARTMENT, Normalizer.Form.NFD);
        JsonNode byDepartment = body(get("/api/v1/inspection/late?agency=" + AGENCY + "&from=2025-01-01&department="
                + enc(nfd), INSPECTOR));
        assertThat(byDepartment.path("dossiers")).hasSize(1);
        assertThat(byDepartment.path("dossiers").get(0).path("dossierCode").asText()).isEqualTo(stuck);
        assertThat(body(get("/api/v1/inspection/late?agency=" + AGENCY + "&from=2025-01-01&department="
                + enc("Phòng Kinh tế"), INSPECTOR)).path("dossiers")).isEmpty();
        assertThat(body(get("/api/v1/inspection/late?agency=" + AGENCY + "&from=2025-01-01&state=finished", INSPECTOR))
                .path("dossiers")).allSatisfy(d -> assertThat(d.path("open").asBoolean()).isFalse());
        assertThat(body(get("/api/v1/inspection/late?agency=" + AGENCY + "&from=2025-01-01&officer=" + enc(OFFICER),
                INSPECTOR)).path("total").asInt()).isEqualTo(1);

        // CSV export
        HttpResponse<String> csv = get("/api/v1/inspection/late?agency=" + AGENCY + "&from=2025-01-01&format=csv", INSPECTOR);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("\uFEFF" + String.join(",", InspectionController.CSV_COLUMNS));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(stuck + "," + AGENCY + "," + DEPARTMENT + "," + OFFICER)
                .contains("trễ hạn đang xử lý"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(lateDone).contains("trễ hạn đã xử lý"));

        // figures of 2025 (every dossier was received in March 2025)
        JsonNode figures = body(get("/api/v1/inspection/figures?agency=" + AGENCY + "&from=2025-01-01&to=2025-12-31",
                INSPECTOR));
        JsonNode total = figures.path("total");
        assertThat(total.path("dossiers").asInt()).isEqualTo(5);
        assertThat(total.path("finished").asInt()).isEqualTo(3);
        assertThat(total.path("onTime").asInt()).isEqualTo(2);       // collected late, and the kept return date
        assertThat(total.path("finishedLate").asInt()).isEqualTo(1);
        assertThat(total.path("openLate").asInt()).isEqualTo(1);
        assertThat(total.path("refused").asInt()).isEqualTo(1);
        assertThat(total.path("onTimeShare").asDouble()).isEqualTo(0.667);
        assertThat(figures.path("months")).anySatisfy(m -> assertThat(m.path("month").asText()).isEqualTo("2025-03"));

        // only inspector clients; every query in the message log
        assertThat(get("/api/v1/inspection/late", Map.of("X-API-Key", MOTCUA_KEY)).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/inspection/late", Map.of("X-API-Key", OPERATOR_KEY)).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/inspection/figures", Map.of("X-API-Key", PORTAL_KEY)).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/inspection/late?state=late", INSPECTOR).statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/inspection/late?agency=H22", INSPECTOR).statusCode()).isEqualTo(400);
        await().atMost(patience()).untilAsserted(() -> {
            JsonNode logged = body(get("/api/v1/audit/records?service=late-dossiers&user=thanhtra.vien@h22.gov.vn&size=100",
                    Map.of("X-API-Key", AUDITOR_KEY)));
            assertThat(logged.path("total").asInt()).isGreaterThanOrEqualTo(8);
            JsonNode denied = body(get("/api/v1/audit/records?service=late-dossiers&client=000.00.00.H22:MOTCUA",
                    Map.of("X-API-Key", AUDITOR_KEY)));
            assertThat(denied.path("records")).anySatisfy(r -> assertThat(r.path("outcome").asText()).isEqualTo("DENIED"));
        });
    }

    @Test
    void ownerVerifiedThroughThePopulationConnectorForTheProcedure_getsDSKetNoiCSDL() {
        ZonedDateTime now = ZonedDateTime.now(PortalDates.VIETNAM);
        String day = now.format(DateTimeFormatter.ofPattern("yyMMdd"));
        // received an hour ago, but today in Việt Nam: the figures below are asked for today (the first hour after
        // midnight would otherwise put the dossiers on yesterday)
        ZonedDateTime receivedAt = now.minusHours(1).toLocalDate().equals(now.toLocalDate())
                ? now.minusHours(1) : now.toLocalDate().atStartOfDay(PortalDates.VIETNAM);
        String received = receivedAt.truncatedTo(ChronoUnit.SECONDS).toOffsetDateTime().toString();
        String due = now.plusDays(10).toLocalDate().toString();
        Map<String, String> headers = new HashMap<>(officer(MOTCUA_KEY));
        headers.put("X-Purpose", "1.001193.000.00.00.H22");
        // the first lookup of a fresh hub on a busy machine may pass the connector's short test timeout: ask again
        await().atMost(patience()).until(() -> post("/api/v1/citizens/lookup",
                "{\"personalId\":\"001090012345\",\"fullName\":\"Nguyễn Văn An\",\"dateOfBirth\":\"1990-05-15\"}", headers)
                .statusCode() == 200);

        String verified = code(day, 11);
        String other = code(day, 12);
        String enterprise = code(day, 13);
        accept("""
                {"MaHoSo":"%s","MaTTHC":"H22-HT-KS","ChuHoSo":"Nguyễn Văn An","SoGiayToChuHoSo":"001090012345",
                 "LoaiDoiTuong":"1","KenhThucHien":"2","NgayTiepNhan":"%s","NgayHenTra":"%s","TrangThaiHoSo":"DA_TIEP_NHAN"}"""
                .formatted(verified, received, due));
        // the same owner under another procedure: the lookup was not for it
        accept("""
                {"MaHoSo":"%s","MaTTHC":"H22-HT-KH","ChuHoSo":"Nguyễn Văn An","SoGiayToChuHoSo":"001090012345",
                 "LoaiDoiTuong":"1","KenhThucHien":"2","NgayTiepNhan":"%s","NgayHenTra":"%s","TrangThaiHoSo":"DA_TIEP_NHAN"}"""
                .formatted(other, received, due));
        accept("""
                {"MaHoSo":"%s","MaTTHC":"H22-DKKD-HKD","ChuHoSo":"Công ty TNHH Liên Thông Số","SoGiayToChuHoSo":"0101234565",
                 "LoaiDoiTuong":"2","KenhThucHien":"2","NgayTiepNhan":"%s","NgayHenTra":"%s","TrangThaiHoSo":"DA_TIEP_NHAN",
                 "HoSoCoThanhPhanSoHoa":"1"}""".formatted(enterprise, received, due));
        await().atMost(patience()).until(() -> List.of(verified, other, enterprise).stream()
                .allMatch(c -> "SYNCED".equals(syncState(c).path("state").asText())));

        assertThat(arrivals(verified).get(0).path("data").path("DSKetNoiCSDL").toString())
                .isEqualTo("[{\"MaCSDL\":\"CSDLQGDC\"}]");
        assertThat(arrivals(other).get(0).path("data").has("DSKetNoiCSDL")).isFalse();
        assertThat(arrivals(enterprise).get(0).path("data").has("DSKetNoiCSDL")).isFalse();

        String today = now.toLocalDate().toString();
        JsonNode figures = body(get("/api/v1/inspection/figures?agency=" + AGENCY + "&from=" + today + "&to=" + today,
                INSPECTOR)).path("total");
        assertThat(figures.path("dossiers").asInt()).isEqualTo(3);
        assertThat(figures.path("populationDb").asInt()).isEqualTo(1);
        assertThat(figures.path("populationDbByHub").asInt()).isEqualTo(1);
        assertThat(figures.path("digitisedReuse").asInt()).isEqualTo(1);
        assertThat(figures.path("digitisedReuseShare").asDouble()).isEqualTo(0.333);

        JsonNode use = body(get("/api/v1/inspection/population-use?from=" + today + "&to=" + today, INSPECTOR));
        assertThat(use.path("rows")).anySatisfy(r -> {
            assertThat(r.path("clientId").asText()).isEqualTo("000.00.00.H22:MOTCUA");
            assertThat(r.path("userId").asText()).isEqualTo("canbo.motcua@hanoi.gov.vn");
            assertThat(r.path("success").asLong()).isPositive();
        });
        assertThat(use.path("byAgencyAndMonth").path("000.00.00.H22").path(now.format(DateTimeFormatter.ofPattern("yyyy-MM")))
                .asLong()).isPositive();
    }

    private static JsonNode find(JsonNode list, String code) {
        for (JsonNode d : list.path("dossiers")) {
            if (code.equals(d.path("dossierCode").asText())) {
                return d;
            }
        }
        return null;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
