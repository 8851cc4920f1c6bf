package vn.lienthong.hub.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.hub.dossier.DossierSyncIntegrationTest;

/**
 * The open statistics through the whole hub: public without a key, cached, JSON and CSV with a data dictionary, small
 * cells (and cells derivable from them) suppressed, and no personal id, name or officer in anything published.
 */
class OpenDataIT extends DossierSyncIntegrationTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String BIG = "000.00.07.H22";
    private static final String SMALL = "000.00.08.H22";
    private static final String NEAR = "000.00.09.H22";
    private static final Map<String, String> NO_KEY = Map.of();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private static boolean seeded;

    /** This month: 10 dossiers of BIG (5 online), 3 of SMALL, 7 of NEAR (6 online); each named after a citizen. */
    private void seed() {
        if (seeded) {
            return;
        }
        List<String> codes = new ArrayList<>();
        codes.addAll(send(BIG, 10, 5, 100));
        codes.addAll(send(SMALL, 3, 3, 200));
        codes.addAll(send(NEAR, 7, 6, 300));
        // officers look citizens up: the message log now holds officers, subjects and names
        post("/api/v1/citizens/lookup", "{\"personalId\":\"001090012345\",\"fullName\":\"Nguyễn Văn An\",\"dateOfBirth\":\"1990-05-15\"}",
                officer(MOTCUA_KEY));
        await().atMost(patience()).until(() -> codes.stream().allMatch(c -> "SYNCED".equals(syncState(c).path("state").asText())));
        seeded = true;
    }

    private List<String> send(String agency, int count, int online, int first) {
        ZonedDateTime now = ZonedDateTime.now(VIETNAM);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String code = agency + "-" + now.format(DateTimeFormatter.ofPattern("yyMMdd")) + String.format("-%05d", first + i);
            String json = """
                    {"MaHoSo":"%s","MaTTHC":"H22-HT-KS","ChuHoSo":"Trần Thị Mở Dữ %d","SoGiayToChuHoSo":"07930100%04d",
                     "LoaiDoiTuong":"1","KenhThucHien":"%s","NgayTiepNhan":"%s","NgayHenTra":"%s","TrangThaiHoSo":"DA_TIEP_NHAN"}"""
                    .formatted(code, i, 4500 + first + i, i < online ? "2" : "1",
                            receivedThisMonth(now).format(STAMP), now.plusDays(3).format(STAMP));
            HttpResponse<String> r = post("/api/v1/dossiers", json, motcua());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            codes.add(code);
        }
        return codes;
    }

    /** Five minutes ago, but within this month in Việt Nam: the rows asked for below are this month's. */
    private static ZonedDateTime receivedThisMonth(ZonedDateTime now) {
        ZonedDateTime earlier = now.minusMinutes(5);
        return YearMonth.from(earlier).equals(YearMonth.from(now)) ? earlier
                : now.toLocalDate().withDayOfMonth(1).atStartOfDay(now.getZone());
    }

    @Test
    void publishesThisMonthsFiguresWithoutAKey_andSuppressesSmallAndDerivableCells() {
        seed();
        String month = YearMonth.now(VIETNAM).toString();

        HttpResponse<String> big = get("/api/v1/open-data/statistics?agency=" + BIG, NO_KEY);
        assertThat(big.statusCode()).as(big.body()).isEqualTo(200);
        assertThat(big.headers().firstValue("Cache-Control").orElse("")).contains("max-age=300").contains("public");
        JsonNode bigRow = row(body(big).path("dossiers"), BIG, month);
        assertThat(bigRow.path("received").asInt()).isEqualTo(10);
        assertThat(bigRow.path("online").asInt()).isEqualTo(5);
        assertThat(bigRow.path("onlineShare").asDouble()).isEqualTo(0.5);
        assertThat(bigRow.path("synced").asInt()).isEqualTo(10);
        assertThat(bigRow.path("syncedShare").asDouble()).isEqualTo(1.0);

        // 3 dossiers: nothing of that row is published
        JsonNode small = body(get("/api/v1/open-data/statistics?agency=" + SMALL, NO_KEY));
        JsonNode smallRow = small.path("dossiers").get(0);
        assertThat(smallRow.path("cells").path("received").isNull()).isTrue();
        assertThat(smallRow.path("cells").path("onlineShare").isNull()).isTrue();
        assertThat(smallRow.path("suppressed")).extracting(JsonNode::asText).contains("received", "online", "synced", "onlineShare");

        // 7 dossiers, 6 online: the total is published, but 6 online would reveal the single one in person
        JsonNode near = row(body(get("/api/v1/open-data/statistics?agency=" + NEAR, NO_KEY)).path("dossiers"), NEAR, month);
        assertThat(near.path("received").asInt()).isEqualTo(7);
        assertThat(near.path("online").isNull()).isTrue();
        assertThat(near.path("onlineShare").isNull()).isTrue();
        assertThat(near.path("synced").asInt()).isEqualTo(7);

        // the same question again within the cache period: the same computation
        JsonNode again = body(get("/api/v1/open-data/statistics?agency=" + BIG, NO_KEY));
        assertThat(again.path("generatedAt").asText()).isEqualTo(body(big).path("generatedAt").asText());
        assertThat(again.path("dictionary").path("tables").path("dossiers").path("columns")).isNotEmpty();
    }

    @Test
    void noPersonalIdNameOrOfficerAppearsInAnythingPublished() {
        seed();
        List<String> published = new ArrayList<>();
        published.add(get("/api/v1/open-data/statistics?months=13", NO_KEY).body());
        HttpResponse<String> csv = get("/api/v1/open-data/statistics?months=13&format=csv&table=dossiers", NO_KEY);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("agency,month,received,online,returned,synced,onlineShare,syncedShare\r\n");
        published.add(csv.body());
        HttpResponse<String> lookups = get("/api/v1/open-data/statistics?months=13&format=csv&table=lookups", NO_KEY);
        assertThat(lookups.body()).startsWith("service,month,exchanges,successful\r\n").contains("citizen-lookup,");
        published.add(lookups.body());

        for (String text : published) {
            assertThat(text).doesNotContainPattern("\\d{12}")          // personal ids (and CCCD-like numbers)
                    .doesNotContain("Nguyễn Văn An").doesNotContain("Trần Thị Mở Dữ")   // citizens' names
                    .doesNotContain("canbo.motcua@hanoi.gov.vn")           // the officer
                    .doesNotContain("MOTCUA").doesNotContain("000.00.00.H22:");  // client systems
        }
        assertThat(published.get(0)).contains(BIG).contains("citizen-lookup");
    }

    @Test
    void isLoggedLikeEveryExchange_andRefusesBadQueries() {
        HttpResponse<String> answered = get("/api/v1/open-data/statistics?months=2", Map.of("X-Transaction-Id", "it-open-data-1"));
        assertThat(answered.statusCode()).isEqualTo(200);
        JsonNode logged = body(get("/api/v1/audit/records?transactionId=it-open-data-1", Map.of("X-API-Key", "demo-auditor-key")))
                .path("records").get(0);
        assertThat(logged.path("service").asText()).isEqualTo("open-data");
        assertThat(logged.path("outcome").asText()).isEqualTo("SUCCESS");

        assertProblem(get("/api/v1/open-data/statistics?months=0", NO_KEY), 400, "INVALID_FIELD");
        assertProblem(get("/api/v1/open-data/statistics?months=abc", NO_KEY), 400, "INVALID_FIELD");
        assertProblem(get("/api/v1/open-data/statistics?agency=H22", NO_KEY), 400, "INVALID_FIELD");
        assertProblem(get("/api/v1/open-data/statistics?format=xml", NO_KEY), 400, "INVALID_FIELD");
        assertProblem(get("/api/v1/open-data/statistics?format=csv", NO_KEY), 400, "INVALID_FIELD");
        // only reading is public
        assertProblem(post("/api/v1/open-data/statistics", "{}", NO_KEY), 401, "UNAUTHENTICATED");
        assertProblem(get("/api/v1/dossiers/statistics", NO_KEY), 401, "UNAUTHENTICATED");
    }

    @Test
    void theConsolePageIsPublic() {
        HttpResponse<String> page = get("/console/open-data.html", NO_KEY);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Số liệu mở").contains("open-data.js");
        assertThat(get("/console/open-data.js", NO_KEY).body()).contains("/api/v1/open-data/statistics");
    }

    private static JsonNode row(JsonNode rows, String agency, String month) {
        for (JsonNode r : rows) {
            if (agency.equals(r.path("cells").path("agency").asText()) && month.equals(r.path("cells").path("month").asText())) {
                return r.path("cells");
            }
        }
        throw new AssertionError("no row " + agency + " " + month + " in " + rows);
    }

    private void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(body(response).path("code").asText()).isEqualTo(code);
    }
}
