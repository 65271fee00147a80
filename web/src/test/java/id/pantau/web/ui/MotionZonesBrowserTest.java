package id.pantau.web.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import id.pantau.storage.motion.MotionSettings;
import id.pantau.storage.motion.MotionSettingsRepository;
import id.pantau.storage.motion.Zone;
import id.pantau.web.PantauWebTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/** The zones editor in headless Chromium: draw an exclude polygon on the picture, save, find it in the index. */
class MotionZonesBrowserTest extends PantauWebTest {
  @Autowired MotionSettingsRepository settings;
  WebDriver browser;

  @BeforeEach
  void startChromium() throws Exception {
    browser = HeadlessChromium.start();
  }

  @AfterEach
  void stopChromium() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void drawAnExcludeZoneAndSaveIt() {
    String cam = unique("cam-parking");
    createCamera(cam, null);
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    browser.get(baseUrl() + "/cameras/" + cam + "/motion?lang=id");
    wait.until(ExpectedConditions.urlContains("/login"));
    browser.findElement(By.id("username")).sendKeys("admin");
    browser.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
    browser.findElement(By.id("sign-in")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("zone-canvas")));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Zona gerakan: Camera " + cam);
    // the camera is not analysed and has no events: no picture, but zones can still be drawn
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("no-picture")));

    WebElement canvas = browser.findElement(By.id("zone-canvas"));
    int w = canvas.getRect().getWidth();
    int h = canvas.getRect().getHeight();
    int[][] clicks = {{w / 4, -h / 4}, {w / 2 - 10, -h / 4}, {w / 2 - 10, h / 4}};
    for (int[] c : clicks) {
      new Actions(browser).moveToElement(canvas, c[0], c[1]).click().perform();
    }
    browser.findElement(By.id("finish-zone")).click();
    assertThat(browser.findElements(By.cssSelector("#zone-list .zone-item[data-kind='exclude']"))).hasSize(1);
    browser.findElement(By.id("motion-enabled")).click();
    browser.findElement(By.id("save-motion")).click();
    wait.until(ExpectedConditions.textToBe(By.id("motion-result"), "Pengaturan gerakan disimpan."));

    MotionSettings saved = settings.get(cam);
    assertThat(saved.enabled()).isTrue();
    assertThat(saved.zones()).hasSize(1);
    Zone zone = saved.zones().get(0);
    assertThat(zone.kind()).isEqualTo(Zone.Kind.EXCLUDE);
    assertThat(zone.points()).hasSize(3);
    for (int i = 0; i < clicks.length; i++) {
      // Actions offsets are from the element's centre; the editor stores 0..1 of the picture
      assertThat(zone.points().get(i).x()).isCloseTo(0.5 + (double) clicks[i][0] / w, within(0.02));
      assertThat(zone.points().get(i).y()).isCloseTo(0.5 + (double) clicks[i][1] / h, within(0.02));
    }
  }
}
