package vn.lienthong.hub.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.hub.HubIntegrationTest;

/**
 * One convention for every from/to query (docs/api-conventions.md): {@code from} included, {@code to} excluded, a
 * date alone meaning the whole day in Việt Nam, so {@code from=today&to=today} is today and
 * {@code from=yesterday&to=yesterday} is not. Each endpoint with a range, on records and dossiers made today.
 */
class QueryRangesIT extends HubIntegrationTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String AGENCY = "000.00.77.H22";
    private static final Map<String, String> AUDITOR = Map.of("X-API-Key", AUDITOR_KEY);

    private LocalDate today;
    private String yesterday;

    @BeforeEach
    void today() {
        today = LocalDate.now(VIETNAM);
        yesterday = today.minusDays(1).toString();
    }

    private String lookupToday(String user) {
        String transaction = "ranges-" + System.nanoTime();
        HttpResponse<String> lookup = post("/api/v1/citizens/lookup",
                "{\"personalId\":\"001090012345\",\"fullName\":\"Nguyễn Văn An\",\"dateOfBirth\":\"1990-05-15\"}",
                Map.of("X-API-Key", MOTCUA_KEY, "X-User-Id", user, "X-Purpose", "1.003560.000.00.00.H22",
                        "X-Transaction-Id", transaction));
        assertThat(lookup.statusCode()).as(lookup.body()).isEqualTo(200);
        return transaction;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void auditRecords_dateOnlyToIsTheEndOfThatDay_andATimeToIsExcluded() {
        String transaction = lookupToday("canbo.ranges@h22.gov.vn");
        String t = today.toString();

        JsonNode sameDay = body(get("/api/v1/audit/records?from=" + t + "&to=" + t + "&transactionId=" + transaction,
                AUDITOR));
        assertThat(sameDay.path("total").asInt()).isGreaterThanOrEqualTo(1);
        JsonNode toOnly = body(get("/api/v1/audit/records?to=" + t + "&transactionId=" + transaction, AUDITOR));
        assertThat(toOnly.path("total").asInt()).isEqualTo(sameDay.path("total").asInt());

        assertThat(body(get("/api/v1/audit/records?from=" + yesterday + "&to=" + yesterday + "&transactionId="
                + transaction, AUDITOR)).path("total").asInt()).isZero();
        // a time is the instant itself, excluded: up to today's midnight holds nothing of today
        assertThat(body(get("/api/v1/audit/records?to=" + t + "T00:00&transactionId=" + transaction, AUDITOR))
                .path("total").asInt()).isZero();
        assertThat(body(get("/api/v1/audit/records?from=" + t + "T00:00&transactionId=" + transaction, AUDITOR))
                .path("total").asInt()).isEqualTo(sameDay.path("total").asInt());
        String tomorrowMidnight = today.plusDays(1).atStartOfDay(VIETNAM).toInstant().toString();
        assertThat(body(get("/api/v1/audit/records?to=" + enc(tomorrowMidnight) + "&transactionId=" + transaction,
                AUDITOR)).path("total").asInt()).isEqualTo(sameDay.path("total").asInt());
    }

    @Test
    void auditExportAndStatistics_ofToday_holdTodaysRecords() {
        String user = "canbo.ranges." + System.nanoTime() + "@h22.gov.vn";
        String transaction = lookupToday(user);
        String t = today.toString();

        HttpResponse<String> export = get("/api/v1/audit/export?format=jsonl&from=" + t + "&to=" + t, AUDITOR);
        assertThat(export.statusCode()).as(export.body()).isEqualTo(200);
        assertThat(export.body()).contains("\"transactionId\":\"" + transaction + "\"");

        JsonNode statistics = body(get("/api/v1/audit/statistics?service=citizen-lookup&period=day&from=" + t + "&to=" + t,
                AUDITOR));
        assertThat(statistics.path("rows")).anySatisfy(row -> {
            assertThat(row.path("userId").asText()).isEqualTo(user);
            assertThat(row.path("period").asText()).isEqualTo(t);
        });
        JsonNode before = body(get("/api/v1/audit/statistics?service=citizen-lookup&period=day&from=" + yesterday
                + "&to=" + yesterday, AUDITOR));
        assertThat(before.path("rows")).noneSatisfy(row -> assertThat(row.path("userId").asText()).isEqualTo(user));
    }

    @Test
    void populationUse_ofToday_countsTodaysLookups() {
        String user = "canbo.ranges.use." + System.nanoTime() + "@h22.gov.vn";
        lookupToday(user);
        String t = today.toString();
        JsonNode use = body(get("/api/v1/inspection/population-use?from=" + t + "&to=" + t, AUDITOR));
        assertThat(use.path("rows")).anySatisfy(row -> assertThat(row.path("userId").asText()).isEqualTo(user));
        JsonNode before = body(get("/api/v1/inspection/population-use?from=" + yesterday + "&to=" + yesterday, AUDITOR));
        assertThat(before.path("rows")).noneSatisfy(row -> assertThat(row.path("userId").asText()).isEqualTo(user));
    }

    @Test
    void dossierStatisticsLateListsAndIndexFigures_ofToday_holdTheDossierReceivedToday() {
        // received at today's midnight, due one second later, result returned a second after that: finished late, today
        String day = today.format(DateTimeFormatter.ofPattern("yyMMdd"));
        String code = AGENCY + "-" + day + "-" + String.format("%05d", (int) (System.nanoTime() % 100000));
        String midnight = today + "T00:00:00+07:00";
        HttpResponse<String> accepted = post("/api/v1/dossiers", """
                {"MaHoSo":"%s","MaTTHC":"H22-HT-KS","ChuHoSo":"Lê Thị Hồng","LoaiDoiTuong":"1","KenhThucHien":"2",
                 "NgayTiepNhan":"%s","NgayHenTra":"%s","NgayTra":"%s","TrangThaiHoSo":"DA_TRA_KET_QUA"}"""
                .formatted(code, midnight, today + "T00:00:01+07:00", today + "T00:00:02+07:00"),
                Map.of("X-API-Key", MOTCUA_KEY));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> "SYNCED".equals(body(get("/api/v1/dossiers/" + code + "/sync",
                Map.of("X-API-Key", MOTCUA_KEY))).path("state").asText()));
        String t = today.toString();
        String todayRange = "&from=" + t + "&to=" + t;
        String yesterdayRange = "&from=" + yesterday + "&to=" + yesterday;

        JsonNode statistics = body(get("/api/v1/dossiers/statistics?agency=" + AGENCY + todayRange, AUDITOR));
        assertThat(statistics.path("total").path("dossiers").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(statistics.path("total").path("finishedLate").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(body(get("/api/v1/dossiers/statistics?agency=" + AGENCY + yesterdayRange, AUDITOR))
                .path("total").path("dossiers").asInt()).isZero();

        assertThat(body(get("/api/v1/dossiers/late?agency=" + AGENCY + todayRange, AUDITOR)).toString()).contains(code);
        assertThat(body(get("/api/v1/dossiers/late?agency=" + AGENCY + yesterdayRange, AUDITOR)).toString())
                .doesNotContain(code);

        assertThat(body(get("/api/v1/inspection/late?state=finished&agency=" + AGENCY + todayRange, AUDITOR))
                .path("dossiers").toString()).contains(code);
        assertThat(body(get("/api/v1/inspection/late?state=finished&agency=" + AGENCY + yesterdayRange, AUDITOR))
                .path("dossiers").toString()).doesNotContain(code);

        assertThat(body(get("/api/v1/inspection/figures?agency=" + AGENCY + todayRange, AUDITOR))
                .path("total").path("dossiers").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(body(get("/api/v1/inspection/figures?agency=" + AGENCY + yesterdayRange, AUDITOR))
                .path("total").path("dossiers").asInt()).isZero();
    }

    @Test
    void aToBeforeTheFromIsRefused_everywhere() {
        String t = today.toString();
        for (String path : new String[] {"/api/v1/audit/records", "/api/v1/audit/export", "/api/v1/audit/statistics",
            "/api/v1/dossiers/statistics", "/api/v1/dossiers/late", "/api/v1/inspection/late",
            "/api/v1/inspection/figures", "/api/v1/inspection/population-use"}) {
            HttpResponse<String> refused = get(path + "?from=" + t + "&to=" + yesterday, AUDITOR);
            assertThat(refused.statusCode()).as(path + ": " + refused.body()).isEqualTo(400);
            assertThat(body(refused).path("code").asText()).as(path).isEqualTo("INVALID_FIELD");
        }
    }
}
