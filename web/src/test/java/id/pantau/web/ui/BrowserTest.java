package id.pantau.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.web.PantauWebTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium (apt: chromium, chromium-driver) against the running server: sign in, switch to
 * Bahasa Indonesia, add a camera, see it listed. Screenshots go to target/screenshots.
 */
class BrowserTest extends PantauWebTest {
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
  void signInSwitchToIndonesianAddACameraAndSeeItListed() throws Exception {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    browser.get(baseUrl() + "/cameras");
    wait.until(ExpectedConditions.urlContains("/login"));
    browser.findElement(By.id("username")).sendKeys("admin");
    browser.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
    browser.findElement(By.id("sign-in")).click();
    wait.until(ExpectedConditions.urlContains("/cameras"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Cameras");

    browser.findElement(By.id("lang-id")).click();
    wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Kamera"));
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("id");
    screenshot("cameras-id-empty");

    WebElement add = browser.findElement(By.id("add-camera"));
    assertThat(add.getText()).isEqualTo("Tambah kamera");
    add.click();
    wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Tambah kamera"));
    String id = unique("gerbang-utama");
    browser.findElement(By.id("id")).sendKeys(id);
    browser.findElement(By.id("name")).sendKeys("Gerbang Utama Balai Kota");
    browser.findElement(By.id("mainUrl")).sendKeys("rtsp://127.0.0.1:8554/" + id + "/main");
    browser.findElement(By.id("username")).sendKeys("viewer");
    browser.findElement(By.id("password")).sendKeys("kamera-rahasia-99");
    screenshot("camera-form-id");
    // Bootstrap scrolls smoothly: a click during the animation lands on whatever passes under the pointer
    WebElement save = browser.findElement(By.id("save-camera"));
    ((JavascriptExecutor) browser).executeScript(
        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", save);
    save.click();

    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-camera-id='" + id + "']")));
    WebElement row = browser.findElement(By.cssSelector("tr[data-camera-id='" + id + "']"));
    assertThat(row.getText()).contains("Gerbang Utama Balai Kota").contains(id).contains("Belum ada rekaman")
        .contains("WIB");
    assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).isEqualTo("Kamera " + id
        + " disimpan.");
    assertThat(browser.getPageSource()).doesNotContain("kamera-rahasia-99");
    assertThat(cameras.find(id)).hasValueSatisfying(c -> assertThat(c.password()).isEqualTo("kamera-rahasia-99"));
    screenshot("cameras-id-listed");

    // responsive: on a phone-sized window the menu collapses behind the toggler, the table scrolls
    assertThat(browser.findElement(By.cssSelector(".navbar-toggler")).isDisplayed()).isFalse();
    browser.manage().window().setSize(new Dimension(390, 844));
    browser.navigate().refresh();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".navbar-toggler")));
    assertThat(browser.findElement(By.id("nav-cameras")).isDisplayed()).isFalse();
    browser.findElement(By.cssSelector(".navbar-toggler")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-cameras")));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".navbar-collapse.collapse.show")));
    screenshot("cameras-id-phone");
  }

  void screenshot(String name) throws Exception {
    HeadlessChromium.screenshot(browser, name);
  }
}
