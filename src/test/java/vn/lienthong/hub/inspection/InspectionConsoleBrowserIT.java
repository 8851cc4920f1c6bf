package vn.lienthong.hub.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import vn.lienthong.hub.dossier.DossierSyncIntegrationTest;
import vn.lienthong.hub.dossier.PortalDates;

/**
 * The inspectors' page in headless Chromium (Debian's {@code chromium} and {@code chromium-driver}), as a new inspector
 * uses it: enters the key, sees the charts per agency and month (on-time share, late open vs late finished, synchronised
 * share, population database use), finds the late dossier of a department in the table, with its officer and working
 * days late. The page is kept as {@code target/inspection-console.png}. Skipped where the browser is not installed.
 */
class InspectionConsoleBrowserIT extends DossierSyncIntegrationTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String AGENCY = "000.00.06.H22";

    @TempDir
    Path profile;

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "headless Chromium test needs /usr/bin/chromium and /usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1400,1800");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static String code(LocalDate received, int n) {
        return String.format("%s-%s-%05d", AGENCY, received.format(DateTimeFormatter.ofPattern("yyMMdd")), n);
    }

    private void accept(String path, String body) {
        var response = post(path, body, motcua());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    @Test
    void inspectorSeesTheChartsAndFindsTheLateDossierOfADepartment() throws Exception {
        // two months before today and the month after: the dossiers' months; this month: the population lookups
        ZonedDateTime now = ZonedDateTime.now(PortalDates.VIETNAM);
        LocalDate first = now.toLocalDate().minusMonths(2).withDayOfMonth(3);
        LocalDate second = first.plusMonths(1).withDayOfMonth(4);
        String stuck = code(first, 1);
        String onTime = code(first, 2);
        String lateDone = code(second, 3);
        accept("/api/v1/dossiers", """
                {"MaHoSo":"%s","MaTTHC":"H22-XD-GPXD","ChuHoSo":"Lê Thị Hồng","LoaiDoiTuong":"1","KenhThucHien":"1",
                 "NgayTiepNhan":"%sT08:00:00+07:00","NgayHenTra":"%s","TrangThaiHoSo":"DANG_XU_LY"}"""
                .formatted(stuck, first, first.plusDays(7)));
        accept("/api/v1/dossiers/" + stuck + "/progress", """
                {"NguoiXuLy":"Phạm Quốc Huy","ChucDanh":"Chuyên viên","PhongBanXuLy":"Phòng Quản lý đô thị",
                 "ThoiDiemXuLy":"%sT14:00:00+07:00","NoiDungXuLy":"Thẩm định hồ sơ cấp phép","TrangThai":"CHUYEN_XU_LY"}"""
                .formatted(first.plusDays(1)));
        accept("/api/v1/dossiers", """
                {"MaHoSo":"%s","MaTTHC":"H22-HT-KS","ChuHoSo":"Nguyễn Văn An","LoaiDoiTuong":"1","KenhThucHien":"2",
                 "NgayTiepNhan":"%sT08:00:00+07:00","NgayHenTra":"%s","NgayKetThucXuLy":"%sT09:00:00+07:00",
                 "TrangThaiHoSo":"DA_XU_LY"}""".formatted(onTime, first, first.plusDays(2), first.plusDays(2)));
        accept("/api/v1/dossiers", """
                {"MaHoSo":"%s","MaTTHC":"H22-HT-KS","ChuHoSo":"Trần Thị Bích Ngọc","LoaiDoiTuong":"1","KenhThucHien":"2",
                 "NgayTiepNhan":"%sT08:00:00+07:00","NgayHenTra":"%sT17:00:00+07:00",
                 "NgayKetThucXuLy":"%sT09:00:00+07:00","TrangThaiHoSo":"DA_XU_LY"}"""
                .formatted(lateDone, second, second.plusDays(2), second.plusDays(6)));
        Map<String, String> officer = new HashMap<>(officer(MOTCUA_KEY));
        await().atMost(patience()).until(() -> post("/api/v1/citizens/lookup",
                "{\"personalId\":\"001090012345\",\"fullName\":\"Nguyễn Văn An\",\"dateOfBirth\":\"1990-05-15\"}", officer)
                .statusCode() == 200);
        String firstMonth = first.toString().substring(0, 7);
        String secondMonth = second.toString().substring(0, 7);
        String thisMonth = now.toLocalDate().toString().substring(0, 7);

        browser.get(url("/console/inspection"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Kiểm tra từ xa việc giải quyết hồ sơ");
        ((JavascriptExecutor) browser).executeScript(
                "document.getElementById('f-from').value = arguments[0]; document.getElementById('f-to').value = arguments[1];",
                first.withDayOfMonth(1).toString(), now.toLocalDate().toString());
        browser.findElement(By.id("f-agency")).sendKeys(AGENCY);
        browser.findElement(By.id("inspector-id")).sendKeys("thanhtra.vien@h22.gov.vn");
        browser.findElement(By.id("api-key")).sendKeys(AUDITOR_KEY);
        browser.findElement(By.id("connect")).click();
        wait.until(ExpectedConditions.textToBe(By.id("access-message"), "Đã kết nối với tư cách thanh tra viên"));

        By stuckRow = By.cssSelector("#late-table tbody tr[data-dossier='" + stuck + "']");
        wait.until(ExpectedConditions.presenceOfElementLocated(stuckRow));
        String row = browser.findElement(stuckRow).getText();
        assertThat(row).contains("Phòng Quản lý đô thị", "Phạm Quốc Huy", "1.009972.000.00.00.H22", "Trễ hạn đang xử lý",
                "Thẩm định hồ sơ cấp phép");
        assertThat(browser.findElements(By.cssSelector("#late-table tbody tr[data-dossier='" + onTime + "']"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector("#late-table tbody tr[data-dossier='" + lateDone + "']")).getText())
                .contains("Trễ hạn đã xử lý");

        // the charts: on-time share of March (1 of 1) and April (0 of 1), late open vs finished, synchronised share
        WebElement march = browser.findElement(By.cssSelector(
                "#chart-on-time rect[data-agency='" + AGENCY + "'][data-month='" + firstMonth + "']"));
        assertThat(march.getAttribute("data-value")).isEqualTo("1");
        assertThat(browser.findElement(By.cssSelector(
                "#chart-on-time rect[data-agency='" + AGENCY + "'][data-month='" + secondMonth + "']")).getAttribute("data-value"))
                .isEqualTo("0");
        assertThat(browser.findElement(By.cssSelector("#chart-late rect[data-month='" + firstMonth + "'][data-series='openLate']"))
                .getAttribute("data-value")).isEqualTo("1");
        assertThat(browser.findElement(By.cssSelector("#chart-late rect[data-month='" + secondMonth + "'][data-series='finishedLate']"))
                .getAttribute("data-value")).isEqualTo("1");
        assertThat(browser.findElements(By.cssSelector("#chart-synced rect[data-agency='" + AGENCY + "']"))).hasSize(2);
        // population database use of this month, by the one-stop system's officer
        assertThat(Long.parseLong(browser.findElement(By.cssSelector(
                "#chart-population rect[data-agency='000.00.00.H22'][data-month='" + thisMonth + "']"))
                .getAttribute("data-value"))).isPositive();
        assertThat(browser.findElement(By.id("population-officers")).getText()).contains("canbo.motcua@hanoi.gov.vn");

        // a department filter narrows the table to its dossier
        browser.findElement(By.id("f-department")).sendKeys("Phòng Quản lý đô thị");
        browser.findElement(By.id("show")).click();
        wait.until(d -> d.findElements(By.cssSelector("#late-table tbody tr")).size() == 1);
        assertThat(browser.findElements(By.cssSelector("#late-table tbody tr")).get(0).getAttribute("data-dossier"))
                .isEqualTo(stuck);
        assertThat(((JavascriptExecutor) browser).executeScript(
                "return JSON.stringify(sessionStorage) + JSON.stringify(localStorage);").toString())
                .doesNotContain(AUDITOR_KEY);

        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Path kept = Path.of("target", "inspection-console.png");
        Files.createDirectories(kept.getParent());
        Files.copy(shot, kept, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(kept)).isPositive();
    }

    @Test
    void nonInspectorKey_isToldItMayNotInspect() {
        browser.get(url("/console/inspection"));
        browser.findElement(By.id("inspector-id")).sendKeys("canbo@h22.gov.vn");
        browser.findElement(By.id("api-key")).sendKeys(MOTCUA_KEY);
        browser.findElement(By.id("connect")).click();
        wait.until(ExpectedConditions.textToBe(By.id("access-message"), "Khóa này không có quyền kiểm tra từ xa"));
        assertThat(browser.findElements(By.cssSelector("#late-table tbody tr"))).isEqualTo(List.of());
    }
}
