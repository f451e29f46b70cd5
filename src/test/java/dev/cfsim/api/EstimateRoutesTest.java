package dev.cfsim.api;

import static dev.cfsim.api.RequestLimitsTest.assertProblem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EstimateRoutesTest extends LoopbackServerTest {
  private static final String ESTIMATES = "/api/v1/estimates";
  private static final String COMPARE = "/api/v1/plans/compare";

  @Test
  void an_estimate_is_exactly_what_cfsim_estimate_prints_for_the_same_profile(@TempDir Path dir)
      throws IOException {
    assertSameAsCli(ESTIMATES, "estimate", dir);
  }

  @Test
  void a_plan_comparison_is_exactly_what_cfsim_plans_prints(@TempDir Path dir) throws IOException {
    assertSameAsCli(COMPARE, "plans", dir);
  }

  private static void assertSameAsCli(String route, String command, Path dir) throws IOException {
    Path profile = Files.writeString(dir.resolve("korea-mall.json"), Profiles.KOREA_MALL);
    JsonNode cli = RunningApi.Answer.parse(Cli.run(command, "--profile", profile.toString(), "--format", "json"));
    RunningApi.Answer api = server.postJson(route, Profiles.KOREA_MALL);
    assertEquals(200, api.status(), api.body());
    assertEquals(cli, api.json());
  }

  @Test
  void a_small_site_inside_the_always_free_tier_costs_nothing() {
    // 1,000,000 requests and 10 GB a month are under the free tier's 10,000,000 requests and
    // 1,024 GB (pricing/2025-11-18.json, free_tier), so every line nets to $0.
    JsonNode estimate = server.postJson(ESTIMATES, Profiles.SMALL_SITE).json();
    assertEquals(0, estimate.get("total_usd").decimalValue().compareTo(BigDecimal.ZERO), estimate.toString());
  }

  @Test
  void without_the_free_tier_the_small_site_pays_for_its_requests() {
    JsonNode estimate = server.postJson(ESTIMATES + "?free_tier=none", Profiles.SMALL_SITE).json();
    assertTrue(estimate.get("total_usd").decimalValue().signum() > 0, estimate.toString());
    assertEquals("none", estimate.get("free_tier").get("use").asText());
  }

  @Test
  void the_price_class_option_overrides_the_profile() {
    JsonNode estimate = server.postJson(ESTIMATES + "?price_class=100", Profiles.KOREA_MALL).json();
    assertEquals("100", estimate.get("price_class").asText());
  }

  @Test
  void a_remembered_answer_is_only_given_again_for_the_same_query_and_body() {
    JsonNode first = server.postJson(ESTIMATES, Profiles.KOREA_MALL).json();
    JsonNode noFreeTier = server.postJson(ESTIMATES + "?free_tier=none", Profiles.KOREA_MALL).json();
    JsonNode plans = server.postJson(COMPARE, Profiles.KOREA_MALL).json();
    JsonNode again = server.postJson(ESTIMATES, Profiles.KOREA_MALL).json();
    assertEquals(first, again);
    assertTrue(noFreeTier.get("total_usd").decimalValue()
        .compareTo(first.get("total_usd").decimalValue()) > 0, noFreeTier.toString());
    assertTrue(plans.has("options"));
  }

  @Test
  void a_currency_with_a_rate_adds_converted_figures() {
    JsonNode estimate = server.postJson(ESTIMATES + "?currency=KRW&fx=1400", Profiles.KOREA_MALL).json();
    BigDecimal usd = estimate.get("total_usd").decimalValue();
    BigDecimal krw = estimate.get("converted").get("total").decimalValue();
    assertEquals(0, usd.multiply(new BigDecimal(1400)).compareTo(krw), estimate.toString());
  }

  @Test
  void a_profile_may_be_sent_as_yaml_as_the_cli_reads_it() throws IOException {
    String yaml = Files.readString(Path.of("examples/profiles/korea-mall.yaml"));
    RunningApi.Answer a = server.post(ESTIMATES, "application/yaml", yaml);
    assertEquals(200, a.status(), a.body());
    // 20,480 GB - 1,024 free = 19,456 GB: 10,240 x $0.120 + 9,216 x $0.100 = $2,150.40; HTTPS
    // (438,000,000 - 10,000,000) / 10,000 x $0.012 = $513.60; functions (438,000,000 - 2,000,000)
    // x $0.10 / 1,000,000 = $43.60: $2,707.60
    assertEquals(0, new BigDecimal("2707.60").compareTo(a.json().get("total_usd").decimalValue()), a.body());
    assertEquals(200, server.post(COMPARE, "application/yaml", yaml).status());
    // the same text as JSON is another document: not answered from the YAML one's cache entry
    assertProblem(server.postJson(ESTIMATES, yaml), 400);

    RunningApi.Answer bad = server.post(ESTIMATES, "application/yaml", "regions:\n  ap: { requests: -1 }\n");
    assertProblem(bad, 422);
    assertTrue(bad.body().contains("regions.ap.requests"), bad.body());
    // held to the JSON body's number limits: 1e-99999999 took minutes of exact arithmetic, then a 500
    RunningApi.Answer tiny = server.post(ESTIMATES, "application/yaml", "hours: 1e-99999999\nregions: { us: { requests: 1 } }\n");
    assertProblem(tiny, 422);
    assertEquals("$.hours", tiny.json().get("path").asText(), tiny.body());
    assertProblem(server.post(ESTIMATES, "application/yaml", "# nothing but a comment\n"), 400);
    assertProblem(server.post(ESTIMATES, "application/yaml", "---\n"), 400);
    // a tag on a key, which Jackson drops without a word, read 'hours' as if untagged
    RunningApi.Answer tagged = server.post(ESTIMATES, "application/yaml", "!foo hours: 5\nregions: { us: { requests: 1 } }\n");
    assertProblem(tagged, 422);
    assertTrue(tagged.json().get("detail").asText().contains("line 1: YAML tags (!foo) are not supported; write the key"),
        tagged.body());
    RunningApi.Answer plain = server.post(ESTIMATES, "text/plain", yaml);
    assertProblem(plain, 415);
    assertTrue(plain.body().contains("send the profile as Content-Type: application/json (or application/yaml)"),
        plain.body());
  }

  @Test
  void a_negative_request_count_is_422_naming_the_field_as_a_json_path() {
    RunningApi.Answer a = server.postJson(ESTIMATES, "{\"regions\": {\"ap\": {\"requests\": -1}}}");
    assertProblem(a, 422);
    assertEquals("$.regions.ap.requests", a.json().get("path").asText());
  }

  @Test
  void an_unknown_region_is_422_naming_it() {
    RunningApi.Answer a = server.postJson(COMPARE, "{\"regions\": {\"mars\": {\"requests\": 1}}}");
    assertProblem(a, 422);
    assertEquals("$.regions.mars", a.json().get("path").asText());
  }

  @Test
  void bad_query_options_are_400_naming_the_parameter() {
    assertParameterProblem(ESTIMATES + "?price_class=cheap", "price_class");
    assertParameterProblem(ESTIMATES + "?price_book=1999-01-01", "price_book");
    assertParameterProblem(ESTIMATES + "?currency=KRW", "fx");
    assertParameterProblem(ESTIMATES + "?currency=XXQ&fx=2", "currency");
    assertParameterProblem(ESTIMATES + "?currency=KRW&fx=-3", "fx");
    assertParameterProblem(ESTIMATES + "?currency=usd&fx=3", "currency"); // dollars are the figures already
    assertParameterProblem(COMPARE + "?colour=blue", "colour");
  }

  private static void assertParameterProblem(String path, String parameter) {
    RunningApi.Answer a = server.postJson(path, Profiles.KOREA_MALL);
    assertProblem(a, 400);
    assertEquals(parameter, a.json().get("parameter").asText(), a.body());
  }

  @Test
  void the_plan_comparison_puts_the_cheapest_option_that_fits_first() {
    JsonNode plans = server.postJson(COMPARE, Profiles.KOREA_MALL).json();
    JsonNode first = plans.get("options").get(0);
    assertTrue(first.get("fits").asBoolean());
    assertEquals(plans.get("cheapest").asText(), first.get("name").asText());
  }

  @Test
  void price_books_list_the_shipped_book_as_newest_and_serve_it_byte_for_byte() throws IOException {
    JsonNode list = server.get("/api/v1/price-books").json().get("price_books");
    JsonNode newest = list.get(list.size() - 1);
    assertTrue(newest.get("newest").asBoolean(), list.toString());
    String id = newest.get("id").asText();
    RunningApi.Answer book = server.get("/api/v1/price-books/" + id);
    assertEquals(200, book.status());
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("pricing/" + id + ".json")) {
      assertArrayEquals(in.readAllBytes(), book.body().getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void an_unknown_or_smuggled_price_book_id_is_404() {
    assertProblem(server.get("/api/v1/price-books/1999-01-01"), 404);
    assertProblem(server.get("/api/v1/price-books/..%2F..%2Fpom"), 404);
  }
}
