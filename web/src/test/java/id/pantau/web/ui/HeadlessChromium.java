package id.pantau.web.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's headless Chromium (apt: chromium, chromium-driver) with a throw-away profile. */
public final class HeadlessChromium {
  public static final Path SCREENSHOTS = Path.of("target/screenshots");

  private HeadlessChromium() {}

  /** Saves what the browser shows to target/screenshots/{name}.png. */
  public static void screenshot(WebDriver browser, String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(png.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  /** A new browser; {@code extraArguments} are added to the defaults (a repeated switch overrides its default). */
  public static ChromeDriver start(String... extraArguments) throws Exception {
    return start(Map.of(), extraArguments);
  }

  /** As above, with Chromium preferences (download directory, for example). */
  public static ChromeDriver start(Map<String, Object> prefs, String... extraArguments) throws Exception {
    Path profile = Files.createTempDirectory("pantau-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir=" + profile,
        "--window-size=1280,900",
        // no smooth scrolling (Bootstrap animates it otherwise), so clicks land where Selenium scrolled
        "--force-prefers-reduced-motion");
    options.addArguments(extraArguments);
    if (!prefs.isEmpty()) {
      options.setExperimentalOption("prefs", prefs);
    }
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
    ChromeDriver browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return browser;
  }
}
