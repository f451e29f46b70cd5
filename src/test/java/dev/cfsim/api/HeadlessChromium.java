package dev.cfsim.api;

import java.io.File;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and chromedriver (installed by {@code .ci/run}), driven by Selenium. The
 * paths are given so Selenium never tries to download a browser or a driver.
 */
final class HeadlessChromium {
  private static final String BROWSER = env("CFSIM_CHROMIUM", "/usr/bin/chromium");
  private static final String DRIVER = env("CFSIM_CHROMEDRIVER", "/usr/bin/chromedriver");

  private HeadlessChromium() {}

  static ChromeDriver start() {
    for (String path : new String[] {BROWSER, DRIVER}) {
      if (!new File(path).canExecute()) {
        throw new IllegalStateException(path + " is missing: run .ci/run, or apt-get install -y chromium chromium-driver");
      }
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER);
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--window-size=1280,2000", "--lang=en-US");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(DRIVER))
            .usingAnyFreePort()
            .withTimeout(Duration.ofSeconds(60))
            .build();
    return new ChromeDriver(service, options);
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
