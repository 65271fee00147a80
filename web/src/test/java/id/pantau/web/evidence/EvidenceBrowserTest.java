package id.pantau.web.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.web.evidence.verify.EvidenceVerifier;
import id.pantau.web.ui.HeadlessChromium;
import id.pantau.web.user.User;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Headless Chromium through the whole workflow on a real recording: the investigator files a request from the
 * export link, the supervisor approves it with a note, the build's progress shows until the download button
 * appears, the investigator downloads the package, and the downloaded file verifies against the server's key.
 */
class EvidenceBrowserTest extends EvidenceTestSupport {
  static final Path SCREENSHOTS = Path.of("target/screenshots");

  @Autowired EvidenceSigner signer;

  WebDriver browser;
  Path downloads;

  @BeforeEach
  void startChromium() throws Exception {
    downloads = Files.createTempDirectory("pantau-downloads");
    browser = HeadlessChromium.start(Map.of("download.default_directory", downloads.toString(),
        "download.prompt_for_download", false, "safebrowsing.enabled", false), "--window-size=1280,1000");
  }

  @AfterEach
  void stopChromium() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void requestApproveBuildDownloadAndVerify() throws Exception {
    String camera = unique("cam-halte");
    createCamera(camera, null);
    long start = minutesAgo(6);
    record(camera, start, 10);
    User investigator = investigator(camera);
    User supervisor = supervisor(camera);
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

    signIn(investigator, wait);
    // what the playback page's "Export…" button opens
    browser.get(baseUrl() + "/evidence?camera=" + camera + "&from=" + Instant.ofEpochMilli(start + 2_000)
        + "&to=" + Instant.ofEpochMilli(start + 8_000));
    assertThat(browser.findElement(By.id("camera-" + camera)).isSelected()).isTrue();
    browser.findElement(By.id("caseNumber")).sendKeys("LP/B/501/XI/2026/SPKT");
    browser.findElement(By.id("reason")).sendKeys("Penjambretan di halte, korban melapor pukul 10.15");
    screenshot("evidence-request-form");
    browser.findElement(By.id("file-request")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-status='PENDING']")));
    String id = browser.findElement(By.cssSelector("tr[data-status='PENDING']")).getAttribute("data-request-id");
    signOut(wait);

    signIn(supervisor, wait);
    browser.get(baseUrl() + "/evidence");
    browser.findElement(By.id("note-" + id)).sendKeys("Sesuai laporan polisi, disetujui");
    browser.findElement(By.id("approve-" + id)).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "approved"));
    screenshot("evidence-approved");
    signOut(wait);

    signIn(investigator, wait);
    browser.get(baseUrl() + "/evidence");
    // the page polls the build and reloads when it is done
    new WebDriverWait(browser, Duration.ofSeconds(120))
        .until(ExpectedConditions.elementToBeClickable(By.id("download-" + id)));
    screenshot("evidence-ready");
    browser.findElement(By.id("download-" + id)).click();
    Path zip = downloads.resolve("evidence-" + id + ".zip");
    new WebDriverWait(browser, Duration.ofSeconds(60)).until(b -> Files.exists(zip)
        && !Files.exists(downloads.resolve("evidence-" + id + ".zip.crdownload")));

    EvidenceVerifier.Report report = EvidenceVerifier.verify(zip, signer.publicKey());
    assertThat(report.findings()).isEmpty();
    assertThat(report.filesChecked()).isEqualTo(1);
    assertThat(report.manifest().get("caseNumber")).isEqualTo("LP/B/501/XI/2026/SPKT");
    assertThat(report.manifest().get("requester")).isEqualTo(investigator.username());
    assertThat(Probe.packets(extract(zip, camera + ".mp4"))).isNotEmpty();
  }

  private void signIn(User u, WebDriverWait wait) {
    browser.get(baseUrl() + "/login");
    browser.findElement(By.id("username")).sendKeys(u.username());
    browser.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
    browser.findElement(By.id("sign-in")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-out")));
  }

  private void signOut(WebDriverWait wait) {
    browser.findElement(By.id("sign-out")).click();
    wait.until(ExpectedConditions.urlContains("/login"));
  }

  private Path extract(Path zip, String entry) throws Exception {
    Path out = downloads.resolve(entry);
    try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
      Files.copy(z.getInputStream(z.getEntry(entry)), out, StandardCopyOption.REPLACE_EXISTING);
    }
    return out;
  }

  void screenshot(String name) throws Exception {
    Files.createDirectories(SCREENSHOTS);
    File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(png.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }
}
