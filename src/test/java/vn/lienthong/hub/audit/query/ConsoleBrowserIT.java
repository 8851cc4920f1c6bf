package vn.lienthong.hub.audit.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import vn.lienthong.hub.HubIntegrationTest;

/**
 * The auditors' console in headless Chromium (Debian's {@code chromium} and {@code chromium-driver}): the auditor
 * enters the key, sees the chain status, searches by client and subject, and opens a transaction's trace with its
 * connector hop; labels switch between Vietnamese and English. Skipped where the browser is not installed.
 */
class ConsoleBrowserIT extends HubIntegrationTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

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
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void auditorSearchesBySubjectAndOpensTheTrace() {
        Map<String, String> headers = new HashMap<>(officer(MOTCUA_KEY));
        headers.put("X-Transaction-Id", "it-console-trace");
        assertThat(post("/api/v1/citizens/lookup",
                "{\"personalId\":\"001090012345\",\"fullName\":\"Nguyễn Văn An\",\"dateOfBirth\":\"1990-05-15\"}", headers)
                .statusCode()).isEqualTo(200);

        browser.get(url("/console/"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Nhật ký trao đổi dữ liệu");

        browser.findElement(By.id("auditor-id")).sendKeys("kiemtra.vien@thanhtra.hanoi.gov.vn");
        browser.findElement(By.id("api-key")).sendKeys(AUDITOR_KEY);
        browser.findElement(By.id("connect")).click();
        wait.until(ExpectedConditions.textToBe(By.id("access-message"), "Đã kết nối với tư cách kiểm tra viên"));
        // the auditor is a person in the log, and the key stays out of browser storage
        assertThat(body(get("/api/v1/audit/records?service=message-log&user=kiemtra.vien@thanhtra.hanoi.gov.vn",
                Map.of("X-API-Key", AUDITOR_KEY))).path("records").size()).isPositive();
        assertThat(((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return JSON.stringify(sessionStorage) + JSON.stringify(localStorage);").toString())
                .doesNotContain(AUDITOR_KEY);
        wait.until(ExpectedConditions.attributeContains(By.id("chain-status"), "class", "valid"));
        assertThat(browser.findElement(By.id("chain-status")).getText()).startsWith("Chuỗi toàn vẹn");

        browser.findElement(By.id("f-client")).sendKeys("000.00.00.H22:MOTCUA");
        browser.findElement(By.id("f-personal-id")).sendKeys("001090012345");
        browser.findElement(By.id("search-button")).click();
        By row = By.cssSelector("#results tbody tr[data-transaction='it-console-trace']");
        wait.until(ExpectedConditions.presenceOfElementLocated(row));
        assertThat(browser.findElements(By.cssSelector("#results tbody tr")))
                .allSatisfy(r -> assertThat(r.getText()).contains("000.00.00.H22:MOTCUA"));

        browser.findElement(row).findElement(By.cssSelector("a.tx")).click();
        wait.until(ExpectedConditions.textToBe(By.id("trace-id"), "it-console-trace"));
        WebElement trace = browser.findElement(By.id("trace-records"));
        wait.until(d -> trace.findElements(By.cssSelector("tbody tr")).size() == 2);
        assertThat(trace.findElements(By.cssSelector("tbody tr.HOP")).get(0).getText())
                .contains("CONNECTOR", "population-lookup-action", "Thành công");
        assertThat(trace.findElements(By.cssSelector("tbody tr.EXCHANGE")).get(0).getText())
                .contains("REST", "citizen-lookup / LookupCitizen");

        browser.findElement(By.id("lang-toggle")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Message log");
        wait.until(d -> trace.findElements(By.cssSelector("tbody tr.HOP")).get(0).getText().contains("Success")
                || browser.findElement(By.cssSelector("#results thead")).getText().contains("Transaction id"));
        assertThat(browser.findElement(By.cssSelector("#results thead")).getText()).contains("Transaction id", "Officer");
    }

    @Test
    void nonAuditorKey_isToldItMayNotReadTheLog() {
        browser.get(url("/console/"));
        browser.findElement(By.id("auditor-id")).sendKeys("kiemtra.vien@thanhtra.hanoi.gov.vn");
        browser.findElement(By.id("api-key")).sendKeys(PORTAL_KEY);
        browser.findElement(By.id("connect")).click();
        wait.until(ExpectedConditions.textToBe(By.id("access-message"), "Khóa này không có quyền kiểm tra nhật ký"));
        assertThat(browser.findElements(By.cssSelector("#results tbody tr"))).isEmpty();
    }
}
