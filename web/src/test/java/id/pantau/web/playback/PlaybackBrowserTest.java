package id.pantau.web.playback;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.web.ui.HeadlessChromium;
import id.pantau.web.user.Grant;
import id.pantau.web.user.Role;
import id.pantau.web.user.User;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium plays a past minute on the playback page through hls.js, seeks by typing a time
 * and by clicking a timeline, steps frames, and keeps two cameras on one clock: the shown wall time and each
 * player's frame stay within a fragment of the time asked. Seek-to-first-frame times are written to target/playback-browser-seeks.txt.
 */
class PlaybackBrowserTest extends PlaybackTestBase {
  static final Path SCREENSHOTS = Path.of("target/screenshots");
  static final long FRAGMENT_MS = 1000;
  /** Camera two records 90 s from 30 s after T0: before that it shows a gap while camera one plays. */
  static final long CAM2_START = T0 + 30_000;

  static String camera2;

  WebDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void startChromium() throws Exception {
    if (camera2 == null) {
      String id = unique("playback-cam2");
      createPastCamera(id);
      try (TestRecordings rec = new TestRecordings(store, index, TestRecordings.spoolIn(dataDir))) {
        rec.record(id, CAM2_START, 90, 60);
        rec.drain();
      }
      camera2 = id;
    }
    browser = HeadlessChromium.start("--window-size=1400,1000", "--autoplay-policy=no-user-gesture-required");
    wait = new WebDriverWait(browser, Duration.ofSeconds(60)) {
      @Override
      public <V> V until(java.util.function.Function<? super WebDriver, V> isTrue) {
        try {
          return super.until(isTrue);
        } catch (org.openqa.selenium.TimeoutException e) {
          throw new AssertionError("timed out; players: " + playersState(), e);
        }
      }
    };
  }

  @AfterEach
  void stopChromium() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void playAPastMinuteSeekAndStayInStepAcrossTwoCameras() throws Exception {
    User viewer = createUser(unique("browser-viewer"), EnumSet.of(Role.INVESTIGATOR), false,
        Set.of(Grant.camera(camera()), Grant.camera(camera2)));
    signIn(viewer);
    browser.findElement(By.id("nav-playback")).click();
    wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Playback"));
    browser.findElement(By.id("cam-" + camera2)).click();
    if (!browser.findElement(By.id("cam-" + camera())).isSelected()) {
      browser.findElement(By.id("cam-" + camera())).click();
    }
    WebElement day = browser.findElement(By.id("day"));
    ((JavascriptExecutor) browser).executeScript("arguments[0].value = '2025-03-10'", day);
    new Select(browser.findElement(By.id("zone"))).selectByValue("UTC");
    browser.findElement(By.id("show")).click();

    // the day opens at its first recording: camera one's, at T0; camera two has none yet
    WebElement one = player(camera());
    WebElement two = player(camera2);
    wait.until(d -> frameWallMs(one) != null);
    assertThat(frameWallMs(one)).isBetween(T0, T0 + FRAGMENT_MS);
    assertThat(two.findElement(By.className("player-gap")).isDisplayed()).isTrue();
    screenshot("playback-opened");

    // play: time advances in the video element and on the clock
    double startTime = currentTime(one);
    browser.findElement(By.id("play")).click();
    wait.until(d -> currentTime(one) > startTime + 2);
    assertThat(wallMs()).isGreaterThan(T0 + 1_500);

    // seek while playing to where both cameras recorded; after a few seconds they show the same time
    gotoTime(T0 + 60_000);
    wait.until(d -> frameWallMs(two) != null && frameWallMs(two) > T0 + 63_000);
    // both read from the same animation frame of the page
    String pair = (String) ((JavascriptExecutor) browser).executeScript("return arguments[0].dataset.frameWallMs"
        + " + ',' + arguments[1].dataset.frameWallMs", one, two);
    long a = Long.parseLong(pair.split(",")[0]);
    long b = Long.parseLong(pair.split(",")[1]);
    assertThat(Math.abs(a - b)).as("camera one at %d, camera two at %d", a, b).isLessThan(200);
    assertThat(two.findElement(By.className("player-gap")).isDisplayed()).isFalse();
    screenshot("playback-two-cameras");

    // paused seeks to random times: the frame shown and the wall time lie within a fragment of the target
    browser.findElement(By.id("play")).click();
    Random random = new Random(3);
    List<Long> seekMs = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      long target = T0 + 1_000L * (2 + random.nextInt(140));
      gotoTime(target);
      wait.until(d -> "false".equals(one.getDomAttribute("data-seek-pending")));
      wait.until(d -> frameWallMs(one) != null && Math.abs(frameWallMs(one) - target) < FRAGMENT_MS);
      assertThat(Math.abs(wallMs() - target)).isLessThan(FRAGMENT_MS);
      assertThat(browser.findElement(By.id("wall-time")).getText())
          .contains(Instant.ofEpochMilli(target).atZone(ZoneOffset.UTC).toLocalTime().withNano(0).toString());
      seekMs.add(Long.parseLong(one.getDomAttribute("data-seek-ms")));
    }
    // frame steps move one frame (40 ms at 25 fps)
    long before = wallMs();
    browser.findElement(By.id("frame-forward")).click();
    browser.findElement(By.id("frame-forward")).click();
    browser.findElement(By.id("frame-back")).click();
    wait.until(d -> wallMs() == before + 40);
    wait.until(d -> frameWallMs(one) != null && Math.abs(frameWallMs(one) - (before + 40)) <= 1);
    screenshot("playback-seeked");

    // click camera two's timeline, zoomed to ten minutes so that a pixel is about a second
    new Select(browser.findElement(By.id("zoom"))).selectByValue("600000");
    WebElement canvas = two.findElement(By.tagName("canvas"));
    wait.until(d -> Long.parseLong(canvas.getDomAttribute("data-to-ms"))
        - Long.parseLong(canvas.getDomAttribute("data-from-ms")) == 600_000);
    long viewFrom = Long.parseLong(canvas.getDomAttribute("data-from-ms"));
    int width = canvas.getRect().getWidth();
    long clickTarget = T0 + 100_000;
    int x = (int) Math.round((clickTarget - viewFrom) * width / 600_000.0);
    long pixelMs = Math.round(600_000.0 / width);
    new Actions(browser).moveToElement(canvas, x - width / 2, 0).click().perform();
    wait.until(d -> Math.abs(wallMs() - clickTarget) <= 2 * pixelMs);
    wait.until(d -> frameWallMs(two) != null && Math.abs(frameWallMs(two) - wallMs()) < FRAGMENT_MS
        && frameWallMs(one) != null && Math.abs(frameWallMs(one) - wallMs()) < FRAGMENT_MS);
    seekMs.add(Long.parseLong(two.getDomAttribute("data-seek-ms")));

    // each player offers the evidence request for its camera around the shown time (here the zoomed range)
    String export = two.findElement(By.className("player-export")).getDomAttribute("href");
    assertThat(export).startsWith("/evidence?camera=" + camera2 + "&from=");
    Instant exportFrom = Instant.parse(export.replaceAll(".*&from=([^&]+)&.*", "$1"));
    Instant exportTo = Instant.parse(export.replaceAll(".*&to=([^&]+)$", "$1"));
    assertThat(Duration.between(exportFrom, exportTo))
        .isBetween(Duration.ofMinutes(10), Duration.ofMinutes(10).plusSeconds(1));
    assertThat(exportFrom.getNano()).isZero();
    assertThat(Instant.ofEpochMilli(wallMs())).isBetween(exportFrom, exportTo);
    screenshot("playback-timeline-click");
    seekMs.sort(null);
    String report = "browser seek to first frame (ms), " + seekMs.size() + " seeks: " + seekMs + "; p50 "
        + seekMs.get(seekMs.size() / 2) + ", max " + seekMs.get(seekMs.size() - 1) + "\n";
    Files.writeString(Path.of("target/playback-browser-seeks.txt"), report);
    System.out.print(report);
  }

  /** What the players were doing, for a failure message. */
  Object playersState() {
    return ((JavascriptExecutor) browser).executeScript("return JSON.stringify(Array.from("
        + "document.querySelectorAll('.player')).map((p) => { const v = p.querySelector('video'); const b = [];"
        + " for (let k = 0; k < v.buffered.length; k++) { b.push(v.buffered.start(k) + '-' + v.buffered.end(k)); }"
        + " return { data: Object.assign({}, p.dataset), status: p.querySelector('.player-status').textContent,"
        + " t: v.currentTime, readyState: v.readyState, seeking: v.seeking, paused: v.paused, buffered: b,"
        + " error: v.error && v.error.message }; }))"
        + " + ' wall ' + document.getElementById('wall-time').dataset.wallMs");
  }

  void signIn(User u) {
    browser.get(baseUrl() + "/login");
    browser.findElement(By.id("username")).sendKeys(u.username());
    browser.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
    browser.findElement(By.id("sign-in")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("nav-playback")));
  }

  void gotoTime(long epochMs) {
    String hhmmss = Instant.ofEpochMilli(epochMs).atZone(ZoneOffset.UTC).toLocalTime().withNano(0).toString();
    WebElement time = browser.findElement(By.id("goto-time"));
    ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", time,
        hhmmss.length() == 5 ? hhmmss + ":00" : hhmmss);
    browser.findElement(By.id("goto")).click();
  }

  WebElement player(String cameraId) {
    return wait.until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector(".player[data-camera-id='" + cameraId + "']")));
  }

  Long frameWallMs(WebElement player) {
    String v = player.getDomAttribute("data-frame-wall-ms");
    return v == null || v.isEmpty() ? null : Long.parseLong(v);
  }

  long wallMs() {
    return Long.parseLong(browser.findElement(By.id("wall-time")).getDomAttribute("data-wall-ms"));
  }

  double currentTime(WebElement player) {
    Object t = ((JavascriptExecutor) browser).executeScript("return arguments[0].querySelector('video').currentTime",
        player);
    return ((Number) t).doubleValue();
  }

  void screenshot(String name) throws Exception {
    Files.createDirectories(SCREENSHOTS);
    File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(png.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }
}
