package id.pantau.web.live;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.web.ui.HeadlessChromium;
import id.pantau.web.user.User;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium on the live wall: four virtual cameras in a 2x2 grid play (frames shown, as counted by
 * requestVideoFrameCallback, and the video clock advance), a double-click plays the main stream over the wall, and
 * an H.265 camera, which Chromium cannot decode without a hardware decoder, says so and shows refreshed snapshots.
 */
class LiveBrowserTest extends LiveWebTest {
  private static final String TILES = "return window.pantauLive.tiles.map(t => ({camera: t.cameraId, "
      + "frames: t.frames, time: t.video.currentTime, state: t.el.dataset.state || '', "
      + "lagMs: Number(t.el.dataset.lagMs || -1), firstFrameMs: t.firstFrameMs}));";

  WebDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void startChromium() throws Exception {
    browser = HeadlessChromium.start("--autoplay-policy=no-user-gesture-required");
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  @AfterEach
  void stopChromium() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void fourCamerasPlayInTheGridAndFullScreenPlaysTheMainStream() throws Exception {
    User op = operator("live-a", "live-b", "live-c", "live-d");
    signIn(op);
    openWall(4, H264_CAMERAS);

    wait.until(d -> tiles().stream().allMatch(t -> frames(t) >= 5));
    List<Map<String, Object>> before = tiles();
    Thread.sleep(2000);
    List<Map<String, Object>> after = tiles();
    screenshot("live-grid-4");
    assertThat(after).hasSize(4);
    for (int i = 0; i < 4; i++) {
      Map<String, Object> t = after.get(i);
      assertThat(t.get("camera")).isEqualTo(H264_CAMERAS.get(i));
      assertThat(t.get("state")).isEqualTo("LIVE");
      // 25 fps for 2 s: well over 10 frames even on a loaded machine
      assertThat(frames(t) - frames(before.get(i))).as("frames shown by %s", t.get("camera")).isGreaterThan(10);
      assertThat(seconds(t, "time") - seconds(before.get(i), "time")).isGreaterThan(1.0);
      assertThat(((Number) t.get("firstFrameMs")).longValue()).isPositive();
    }
    assertThat(browser.findElements(By.cssSelector("#live-grid .live-badge.state-live"))).hasSize(4);

    new Actions(browser).doubleClick(browser.findElement(By.cssSelector("#live-grid .live-tile[data-index='1']")))
        .perform();
    wait.until(d -> focusedFrames() >= 10);
    assertThat(js("return window.pantauLive.focused().stream")).isEqualTo("main");
    assertThat(js("return window.pantauLive.focused().el.dataset.mime").toString()).contains("avc1.");
    assertThat(((Number) js("return window.pantauLive.focused().video.videoWidth")).intValue()).isEqualTo(1280);
    screenshot("live-focus-main");
  }

  @Test
  void anH265CameraSaysItCannotPlayAndShowsSnapshots() throws Exception {
    signIn(operator(HEVC_CAMERA));
    openWall(1, List.of(HEVC_CAMERA));

    wait.until(ExpectedConditions.attributeToBe(By.cssSelector("#live-grid .live-tile"), "data-unsupported",
        "true"));
    assertThat(browser.findElement(By.cssSelector("#live-grid .live-message")).getText())
        .contains("cannot play H.265");
    wait.until(d -> Number.class.cast(js("return Number(document.querySelector('#live-grid .live-tile')"
        + ".dataset.snapshots || 0)")).intValue() >= 1);
    assertThat(((Number) js("return document.querySelector('#live-grid .live-tile img').naturalWidth"))
        .intValue()).isPositive();
    screenshot("live-h265-snapshot");
  }

  private void signIn(User user) {
    browser.get(baseUrl() + "/login");
    browser.findElement(By.id("username")).sendKeys(user.username());
    browser.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
    browser.findElement(By.id("sign-in")).click();
    wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
  }

  /** The wall as a user would have left it: its layout is kept in the browser's local storage. */
  private void openWall(int size, List<String> cameraIds) {
    js("localStorage.setItem('pantau.live', JSON.stringify({size: arguments[0], cameras: arguments[1]}));", size,
        cameraIds);
    browser.get(baseUrl() + "/live");
    wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#live-grid .live-tile"), size));
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> tiles() {
    return (List<Map<String, Object>>) js(TILES);
  }

  private long focusedFrames() {
    Object n = js("const f = window.pantauLive.focused(); return f ? f.frames : 0;");
    return ((Number) n).longValue();
  }

  private static long frames(Map<String, Object> tile) {
    return ((Number) tile.get("frames")).longValue();
  }

  private static double seconds(Map<String, Object> tile, String key) {
    return ((Number) tile.get(key)).doubleValue();
  }

  private Object js(String script, Object... args) {
    return ((JavascriptExecutor) browser).executeScript(script, args);
  }

  private void screenshot(String name) throws Exception {
    HeadlessChromium.screenshot(browser, name);
  }
}
