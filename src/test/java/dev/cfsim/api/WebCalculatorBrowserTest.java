package dev.cfsim.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
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
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
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
  void the_bill_and_the_plans_shown_for_per_region_traffic_are_the_apis_numbers() {
    browser.get(server.url("/"));
    awaitReady();
    type("req-eu", "150000");
    type("data-eu", "750");
    type("https-share", "80");
    type("functions", "2");
    browser.findElement(By.cssSelector("#price-class option[value='200']")).click();
    awaitReady();

    String profile =
        """
        {"name": "web-calculator", "price_class": "200", "free_tier": "account",
         "regions": {
           "eu": {"requests_per_hour": 150000, "https_share": 0.8, "data_out": 750},
           "ap": {"requests_per_hour": 600000, "https_share": 0.8, "data_out": 20480}},
         "functions": {"viewer_request": 2}}
        """;
    assertPageShows(profile);
  }

  @Test
  void the_bill_for_a_total_with_a_region_mix_is_the_apis() {
    fillMix("total-requests", "1000000", "total-data", "30", "share-ap", "70", "share-us", "20", "share-jp", "10");

    String profile =
        """
        {"name": "web-calculator", "price_class": "all", "free_tier": "account",
         "total": {"requests_per_hour": 1000000, "https_share": 1, "data_out": 30720},
         "regions": {"us": {"share": 0.2}, "jp": {"share": 0.1}, "ap": {"share": 0.7}},
         "functions": {"viewer_request": 1}}
        """;
    assertPageShows(profile);
    assertTrue(browser.findElement(By.id("mix-sum")).getText().contains("100"));
  }

  @Test
  void lines_that_rounded_miss_the_total_are_explained() {
    fillMix("total-data", "21", "functions", "0.5", "share-ap", "33.3", "share-us", "33.3", "share-jp", "33.4");
    String profile =
        """
        {"name": "web-calculator", "price_class": "all", "free_tier": "account",
         "total": {"requests_per_hour": 600000, "https_share": 1, "data_out": 21504},
         "regions": {"us": {"share": 0.333}, "jp": {"share": 0.334}, "ap": {"share": 0.333}},
         "functions": {"viewer_request": 0.5}}
        """;
    // its lines, each to the cent, add up to $2,670.00 and its total to $2,670.01
    JsonNode estimate = server.postJson("/api/v1/estimates", profile).json();
    assertTrue(linesToTheCent(estimate).compareTo(toTheCent(estimate.get("total_usd"))) != 0,
        estimate.toString());
    assertPageShows(profile);
    assertTrue(browser.findElement(By.id("rounding-note")).isDisplayed());
  }

  @Test
  void the_line_notes_and_the_plans_assumptions_are_shown_as_text() {
    browser.get(server.url("/"));
    awaitReady();
    type("req-jp", "1000");
    type("data-jp", "20");
    browser.findElement(By.cssSelector("#price-class option[value='100']")).click();
    awaitReady();
    assertPageShows(
        """
        {"name": "web-calculator", "price_class": "100", "free_tier": "account",
         "regions": {
           "jp": {"requests_per_hour": 1000, "https_share": 1, "data_out": 20},
           "ap": {"requests_per_hour": 600000, "https_share": 1, "data_out": 20480}},
         "functions": {"viewer_request": 1}}
        """);
    WebElement note = browser.findElement(By.cssSelector(
        "#bill tr[data-component=data_transfer_out][data-region=us] + tr.line-note"));
    assertTrue(note.isDisplayed());
    assertTrue(note.getText().contains("includes viewers in jp, ap, served from here"), note.getText());
    String planAssumptions = browser.findElement(By.id("plan-assumptions")).getText();
    assertTrue(planAssumptions.matches("(?s).*CloudFront Functions add \\$[0-9.]+ a month pay-as-you-go.*"
        + "of the Security Savings Bundle's commitment.*"), planAssumptions);
    assertTrue(browser.findElement(By.id("plan-assumptions")).isDisplayed());
    // text, not markup
    assertEquals(0L, browser.executeScript(
        "return document.querySelectorAll('#plan-assumptions li *, #bill tr.line-note td *').length"));
  }

  @Test
  void the_page_fits_a_400_pixel_wide_screen_and_chart_labels_do_not_overlap_the_bars() {
    Dimension before = browser.manage().window().getSize();
    try {
      browser.manage().window().setSize(new Dimension(400, 900));
      browser.get(server.url("/"));
      awaitReady();
      type("req-me_af", "1000"); // the longest label: "Data transfer out to viewers (me_af)"
      type("data-me_af", "100000");
      type("https-share", "50");
      awaitReady();
      assertEquals(400L, browser.executeScript("return window.innerWidth"));
      Object wide = browser.executeScript(
          "const w = document.documentElement.clientWidth;"
              + "if (document.documentElement.scrollWidth <= w) return null;"
              + "return [...document.querySelectorAll('body *')]"
              + "  .filter(e => e.getBoundingClientRect().right > w + 0.5)"
              + "  .map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + e.getBoundingClientRect().right)"
              + "  .slice(0, 15).join('; ') || 'scrollWidth ' + document.documentElement.scrollWidth");
      assertEquals(null, wide, "wider than 400 px");
      assertChartLabelsFit();
      // a table wider than the screen scrolls in its own box, which the keyboard can reach
      for (WebElement box : browser.findElements(By.cssSelector(".table-scroll"))) {
        assertEquals("0", box.getAttribute("tabindex"));
        assertFalse(box.getAccessibleName().isBlank());
      }
      browser.manage().window().setSize(before);
      browser.navigate().refresh();
      awaitReady();
      assertChartLabelsFit();
    } finally {
      browser.manage().window().setSize(before);
    }
  }

  /** No chart text overlaps a bar or leaves the chart. */
  private static void assertChartLabelsFit() {
    Object clash = browser.executeScript(
        "const svg = document.getElementById('chart'), box = svg.getBoundingClientRect();"
            + "const texts = [...svg.querySelectorAll('text')], bars = [...svg.querySelectorAll('rect')];"
            + "if (bars.length < 3) return 'only ' + bars.length + ' bars';"
            + "const r = e => e.getBoundingClientRect();"
            + "const cross = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;"
            + "for (const t of texts) {"
            + "  const a = r(t);"
            + "  if (a.left < box.left - 0.5 || a.right > box.right + 0.5) return 'outside: ' + t.textContent;"
            + "  for (const b of bars) if (cross(a, r(b))) return 'over a bar: ' + t.textContent;"
            + "  for (const u of texts) if (u !== t && cross(a, r(u))) return 'over ' + u.textContent + ': ' + t.textContent;"
            + "}"
            + "return null;");
    assertEquals(null, clash);
  }

  @Test
  void a_field_the_browser_cannot_read_as_a_number_is_an_error_at_that_field_and_nothing_is_priced() {
    for (String text : new String[] {"6-00000", "--600000", "1e"}) {
      browser.get(server.url("/"));
      awaitReady();
      countPosts();
      type("req-ap", text);
      awaitState("error");
      assertEquals(Boolean.TRUE, browser.executeScript(
          "return document.getElementById('req-ap').validity.badInput"), text);
      assertFieldError("req-ap", "Requests per hour, ap", "not a number");
      assertNotCurrent();
      assertEquals(0L, posts(), "priced " + text);
      type("req-ap", "600000");
      awaitReady();
      assertCurrent();
      assertEquals(2L, posts());
    }
  }

  @Test
  void an_empty_field_is_an_error_at_that_field_unless_its_label_gives_a_default() {
    browser.get(server.url("/"));
    awaitReady();
    countPosts();
    clear("data-ap");
    awaitState("error");
    assertFieldError("data-ap", "Data out in GB per month, ap", "empty");
    assertNotCurrent();
    assertEquals(0L, posts());
    type("data-ap", "20480");
    clear("functions");
    awaitState("error");
    assertFieldError("functions", "CloudFront Functions invocations per request", "empty");
    assertEquals(1, browser.findElements(By.cssSelector("[aria-invalid=true]")).size());
    type("functions", "1");
    awaitReady();

    // the HTTPS share has a documented default, which its label states: empty is 100 %
    assertTrue(browser.findElement(By.cssSelector("label[for=https-share]")).getText()
        .contains("empty means 100"));
    clear("https-share");
    awaitReady();
    assertPageShows(
        """
        {"name": "web-calculator", "price_class": "all", "free_tier": "account",
         "regions": {"ap": {"requests_per_hour": 600000, "https_share": 1, "data_out": 20480}},
         "functions": {"viewer_request": 1}}
        """);
    assertTrue(browser.findElements(By.cssSelector("#bill tr[data-component=requests_http]")).isEmpty());

    browser.findElement(By.cssSelector("input[name=mode][value=mix]")).click();
    awaitReady();
    posts();
    countPosts();
    clear("total-data");
    awaitState("error");
    assertFieldError("total-data", "Data out, TB per month", "empty");
    assertEquals(0L, posts());
  }

  @Test
  void percent_fields_are_checked_on_the_page_in_percent() {
    browser.get(server.url("/"));
    awaitReady();
    countPosts();
    type("https-share", "150");
    awaitState("error");
    String message = assertFieldError("https-share", "HTTPS share of requests", "between 0 and 100 %");
    assertTrue(message.contains("150 %"), message);
    assertFalse(browser.findElement(By.id("error")).getText().contains("between 0 and 1 "));
    assertNotCurrent();
    assertEquals(0L, posts());
    type("https-share", "100");
    awaitReady();
    assertCurrent();

    browser.findElement(By.cssSelector("input[name=mode][value=mix]")).click();
    awaitReady();
    type("share-ap", "150");
    awaitState("error");
    assertFieldError("share-ap", "Share (%), ap", "between 0 and 100 %");
    type("share-ap", "70");
    awaitState("error"); // 70 % in all: the sum is the shares' problem, said in percent
    WebElement sum = browser.findElement(By.id("mix-sum"));
    assertTrue(sum.getText().contains("70 %"), sum.getText());
    assertEquals("true", browser.findElement(By.id("share-us")).getAttribute("aria-invalid"));
    assertEquals("mix-sum", browser.findElement(By.id("share-us")).getAttribute("aria-describedby"));
    assertTrue(browser.findElement(By.id("error")).getText().contains("must add up to 100 %"));
    type("share-us", "30");
    awaitReady();
    assertEquals(0, browser.findElements(By.cssSelector("[aria-invalid]")).size());
  }

  @Test
  void the_apis_problem_is_shown_at_the_field_its_path_names_in_the_pages_words() {
    browser.get(server.url("/"));
    awaitReady();
    type("req-ap", "100000000000000"); // over the API's limit on a month's requests
    awaitState("error");
    String message = assertFieldError("req-ap", "Requests per hour, ap", "requests over 730 hours");
    assertFalse(message.contains("regions.ap"), message);
    String summary = browser.findElement(By.id("error")).getText();
    assertFalse(summary.contains("$.") || summary.contains("regions.ap"), summary);
    assertNotCurrent();
    // the summary's link takes the keyboard to the field
    browser.findElement(By.cssSelector("#error a[href='#req-ap']")).click();
    assertEquals("req-ap", browser.switchTo().activeElement().getAttribute("id"));
    type("req-ap", "600000");
    awaitReady();
    assertCurrent();
    assertTrue(browser.findElements(By.cssSelector(".field-error")).isEmpty());
    assertFalse(browser.findElement(By.id("error")).isDisplayed());
  }

  /**
   * The field is marked invalid and described by a message next to it; the summary (role=alert)
   * names it as the page labels it. Returns the message.
   */
  private static String assertFieldError(String id, String label, String text) {
    WebElement input = browser.findElement(By.id(id));
    assertEquals("true", input.getAttribute("aria-invalid"), id);
    String describedBy = input.getAttribute("aria-describedby");
    assertEquals("error-" + id, describedBy);
    WebElement message = browser.findElement(By.id(describedBy));
    assertTrue(message.isDisplayed(), id);
    assertTrue(message.getText().contains(text), message.getText());
    // next to the field: in the same cell or row, just after it
    assertEquals(message, browser.executeScript("return arguments[0].nextElementSibling", input));
    WebElement summary = browser.findElement(By.id("error"));
    assertEquals("alert", summary.getAttribute("role"));
    assertTrue(summary.isDisplayed());
    assertTrue(summary.getText().contains(label), summary.getText());
    assertFalse(summary.getText().contains("$."), summary.getText());
    return message.getText();
  }

  /** The figures of earlier inputs are gone from view and from the accessibility tree. */
  private static void assertNotCurrent() {
    assertNotCurrent("Not current: fix the highlighted field");
  }

  private static void assertNotCurrent(String text) {
    for (String id : new String[] {"total-usd", "bill", "chart", "plans", "free-tier-used"}) {
      assertFalse(browser.findElement(By.id(id)).isDisplayed(), id + " still shown");
    }
    List<WebElement> notices = browser.findElements(By.cssSelector(".not-current"));
    assertEquals(3, notices.size());
    for (WebElement notice : notices) {
      assertTrue(notice.isDisplayed());
      assertTrue(notice.getText().startsWith(text), notice.getText());
    }
  }

  private static void assertCurrent() {
    assertTrue(browser.findElement(By.id("total-usd")).isDisplayed());
    assertTrue(browser.findElement(By.id("plans")).isDisplayed());
    for (WebElement notice : browser.findElements(By.cssSelector(".not-current"))) {
      assertFalse(notice.isDisplayed());
    }
    assertTrue(browser.findElements(By.cssSelector("[aria-invalid]")).isEmpty());
  }

  /** Counts the page's POSTs to the API from now on. */
  private static void countPosts() {
    browser.executeScript(
        "window.cfsimPosts = 0; const f = window.fetch;"
            + "window.fetch = (...a) => { window.cfsimPosts += 1; return f(...a); };");
  }

  private static long posts() {
    Object n = browser.executeScript("return window.cfsimPosts || 0");
    return ((Number) n).longValue();
  }

  private static void clear(String id) {
    browser.findElement(By.id(id)).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
  }

  @Test
  void clearing_all_traffic_asks_for_some_and_leaves_no_update_pending() {
    browser.get(server.url("/"));
    awaitReady();
    for (WebElement input : browser.findElements(By.cssSelector("#region-rows input"))) {
      input.sendKeys(Keys.chord(Keys.CONTROL, "a"), "0");
    }
    awaitState("error");
    assertTrue(browser.findElement(By.id("error")).getText().contains("Enter some traffic"));
    assertNotCurrent("Not current: Enter some traffic in at least one region.");
    assertEquals("", browser.findElement(By.id("status")).getText()); // not "updating…" forever
  }

  /** The total, every bill line and every plan on the page, against the API's own answer. */
  private static void assertPageShows(String profile) {
    JsonNode estimate = server.postJson("/api/v1/estimates", profile).json();
    JsonNode plans = server.postJson("/api/v1/plans/compare", profile).json();
    assertEquals(usd(estimate.get("total_usd")), browser.findElement(By.id("total-usd")).getText());

    List<WebElement> rows = browser.findElements(By.cssSelector("#bill tbody tr[data-component]"));
    assertEquals(estimate.get("lines").size(), rows.size());
    for (int i = 0; i < rows.size(); i++) {
      JsonNode line = estimate.get("lines").get(i);
      WebElement row = rows.get(i);
      assertEquals(line.get("component").asText(), row.getAttribute("data-component"));
      assertEquals(line.get("region").asText(""), row.getAttribute("data-region"));
      assertEquals(usd(line.get("usd")), row.findElement(By.cssSelector("td.usd")).getText());
      // the line's note, if any, on the row under it
      Object next = browser.executeScript("const n = arguments[0].nextElementSibling;"
          + "return n && n.classList.contains('line-note') ? n.textContent : null", row);
      assertEquals(line.has("note") ? "Note: " + line.get("note").asText() : null, next);
    }
    assertEquals(estimate.get("lines").size() + estimate.get("lines").findValues("note").size(),
        browser.findElements(By.cssSelector("#bill tbody tr")).size());

    // a note when the lines, each rounded to the cent, miss the total rounded once
    java.math.BigDecimal linesShown = linesToTheCent(estimate);
    boolean missesTotal = linesShown.compareTo(toTheCent(estimate.get("total_usd"))) != 0;
    WebElement rounding = browser.findElement(By.id("rounding-note"));
    assertEquals(missesTotal, rounding.isDisplayed(), rounding.getText());
    if (missesTotal) {
      assertTrue(rounding.getText().endsWith("so the lines as shown add up to " + usd(linesShown) + "."),
          rounding.getText());
    }

    // every assumption of the bill and of the plans is on the page, each once
    List<String> shown = browser.findElements(By.cssSelector("#assumptions li, #plan-assumptions li"))
        .stream().map(WebElement::getText).toList();
    java.util.Set<String> expected = new java.util.LinkedHashSet<>();
    estimate.get("assumptions").forEach(a -> expected.add(a.asText()));
    plans.get("assumptions").forEach(a -> expected.add(a.asText()));
    assertEquals(List.copyOf(expected), shown);

    List<WebElement> planRows = browser.findElements(By.cssSelector("#plans tbody tr"));
    assertEquals(plans.get("options").size(), planRows.size());
    for (int i = 0; i < planRows.size(); i++) {
      JsonNode option = plans.get("options").get(i);
      assertEquals(option.get("name").asText(), planRows.get(i).getAttribute("data-plan"));
      assertEquals(usd(option.get("monthly_usd")),
          planRows.get(i).findElement(By.cssSelector("td.usd")).getText());
    }
    assertEquals(1, browser.findElements(By.cssSelector("#plans tr.cheapest")).size());
    assertTrue(browser.findElements(By.cssSelector("#chart rect")).size() > 0, "no bars drawn");
  }

  /** The page's mix mode with {@code idsAndValues} typed in (id, value, id, value …), priced. */
  private static void fillMix(String... idsAndValues) {
    browser.get(server.url("/"));
    awaitReady();
    browser.findElement(By.cssSelector("input[name=mode][value=mix]")).click();
    for (int i = 0; i < idsAndValues.length; i += 2) {
      type(idsAndValues[i], idsAndValues[i + 1]);
    }
    awaitReady();
  }

  /** The estimate's lines, each rounded to the cent as shown, added up. */
  private static java.math.BigDecimal linesToTheCent(JsonNode estimate) {
    java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
    for (JsonNode line : estimate.get("lines")) {
      sum = sum.add(toTheCent(line.get("usd")));
    }
    return sum;
  }

  private static java.math.BigDecimal toTheCent(JsonNode amount) {
    return amount.decimalValue().setScale(2, RoundingMode.HALF_UP);
  }

  /** Dollars as the page writes them (en-US, cents, half away from zero). */
  private static String usd(JsonNode amount) {
    return usd(amount.decimalValue());
  }

  private static String usd(java.math.BigDecimal amount) {
    NumberFormat f = NumberFormat.getCurrencyInstance(Locale.US);
    f.setRoundingMode(RoundingMode.HALF_UP);
    return f.format(amount);
  }

  private static void type(String id, String value) {
    WebElement input = browser.findElement(By.id(id));
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), value);
  }

  private static void awaitReady() {
    awaitState("ready");
  }

  /**
   * Waits, without polling, until the page says it has shown the answer to the latest edit
   * ({@code <body data-state=…>}); the script timeout bounds the wait.
   */
  private static void awaitState(String state) {
    Object reached =
        browser.executeAsyncScript(
            "const want = arguments[0], done = arguments[arguments.length - 1];"
                + "const check = () => document.body.dataset.state === want;"
                + "if (check()) { done(true); return; }"
                + "new MutationObserver((m, o) => { if (check()) { o.disconnect(); done(true); } })"
                + "  .observe(document.body, {attributes: true, attributeFilter: ['data-state']});",
            state);
    assertEquals(Boolean.TRUE, reached);
  }

  @Test
  void the_page_lists_all_eight_pricing_regions() {
    browser.get(server.url("/"));
    List<WebElement> rows = browser.findElements(By.cssSelector("#region-rows tr"));
    assertEquals(8, rows.size());
    assertTrue(rows.get(6).getText().startsWith("ap"), rows.get(6).getText());
  }
}
