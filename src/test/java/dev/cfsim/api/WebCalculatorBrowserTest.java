package dev.cfsim.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** The web calculator in a real headless Chromium, talking to a real server. */
class WebCalculatorBrowserTest {
  private static RunningApi server;
  private static ChromeDriver browser;

  @BeforeAll
  static void start() {
    server = RunningApi.start();
    browser = HeadlessChromium.start();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    server.close();
  }

  @Test
  void every_form_control_has_an_accessible_name_in_both_modes() {
    browser.get(server.url("/"));
    assertEveryVisibleControlIsNamed(2 + 8 * 2 + 4);
    WebElement perRegion = browser.findElement(By.cssSelector("input[name=mode][value=regions]"));
    perRegion.sendKeys(Keys.ARROW_DOWN); // radio groups move with the arrow keys
    assertTrue(browser.findElement(By.cssSelector("input[name=mode][value=mix]")).isSelected());
    assertTrue(browser.findElement(By.id("total-requests")).isDisplayed());
    assertEveryVisibleControlIsNamed(2 + 2 + 8 + 4);
  }

  private static void assertEveryVisibleControlIsNamed(int expected) {
    List<WebElement> controls =
        browser.findElements(By.cssSelector("form input, form select")).stream()
            .filter(WebElement::isDisplayed)
            .toList();
    assertEquals(expected, controls.size());
    for (WebElement control : controls) {
      String name = control.getAccessibleName();
      assertFalse(name == null || name.isBlank(),
          "no accessible name: " + control.getAttribute("outerHTML"));
    }
  }

  @Test
  void the_page_lists_all_eight_pricing_regions() {
    browser.get(server.url("/"));
    List<WebElement> rows = browser.findElements(By.cssSelector("#region-rows tr"));
    assertEquals(8, rows.size());
    assertTrue(rows.get(6).getText().startsWith("ap"), rows.get(6).getText());
  }
}
