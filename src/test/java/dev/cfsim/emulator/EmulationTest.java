package dev.cfsim.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfsim.logs.EdgeLocations;
import dev.cfsim.logs.LogFormat;
import dev.cfsim.logs.LogReadOptions;
import dev.cfsim.logs.LogSource;
import dev.cfsim.pricing.PriceBooks;
import dev.cfsim.rules.RulesReader;
import dev.cfsim.viewer.ViewerEnricher;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmulationTest {
  private static final String LOG = "src/test/resources/emulator/shop-sample.log";

  private static EmulationReport emulate(boolean scaleToMonth, int threads) throws Exception {
    Emulation emulation = new Emulation(RulesReader.read(Path.of("examples/rules/shop.yaml")),
        ViewerEnricher.builder().build(), EdgeLocations.builtIn(), PriceBooks.shipped("2025-11-18"),
        scaleToMonth ? MonthScale.toMonth() : MonthScale.asRecorded());
    return emulation.run(LogSource.of(List.of(LOG), LogReadOptions.defaults().withThreads(threads)));
  }

  @Test
  void the_shop_rules_decide_each_recorded_request_as_the_rules_say() throws Exception {
    EmulationReport r = emulate(false, 1);
    EmulationCounts c = r.counts();
    assertEquals(8, c.records());
    assertEquals(1, r.malformed(), "the garbage line is counted, not lost");
    assertEquals(8.0, c.requests());
    // req01 KR desktop, req02 KR iPhone -> korea; req03 US iPhone -> phones; req04 US iPad -> pass;
    // req05 Googlebot -> bots; req06 /health -> health-checks; req07 private IP, req08 GB /api -> pass
    assertEquals(Map.of("health-checks", 1.0, "bots", 1.0, "korea-to-kr-site", 2.0, "phones-to-mobile", 1.0,
        "pass", 3.0), c.decisions());
    assertEquals(Map.of("korea-to-kr-site", 2.0, "bots", 1.0, "health-checks", 1.0), c.byCountry().get("KR"));
    assertEquals(Map.of("pass", 1.0), c.byCountry().get("unknown"));
    assertEquals(Map.of("302 https://kr.shop.example", 2.0, "302 https://m.shop.example", 1.0),
        c.redirectTargets());
    assertEquals(3.0, c.edgeResponses());
    assertEquals(1.0, c.originFetchesAvoided(), "only req01 was a Miss among the redirected");
    assertEquals("302 Found -> https://kr.shop.example/shoes?size=270&color=red",
        c.samples().get("korea-to-kr-site").stream().filter(s -> s.uri().equals("/shoes")).findFirst()
            .orElseThrow().outcome());
    assertEquals(1, r.enrichment().unknownIps(), "10.0.0.1 is private");
  }

  @Test
  void parallel_and_single_threaded_replays_of_several_files_agree(@TempDir Path dir) throws Exception {
    for (int i = 0; i < 4; i++) {
      Files.copy(Path.of(LOG), dir.resolve("E2SHOP.2026-11-02-0" + i + ".log"));
    }
    Emulation emulation = new Emulation(RulesReader.read(Path.of("examples/rules/shop.yaml")),
        ViewerEnricher.builder().build(), EdgeLocations.builtIn(), null, MonthScale.asRecorded());
    EmulationCounts one = emulation.run(LogSource.of(List.of(dir.toString()), LogReadOptions.defaults().withThreads(1)))
        .counts();
    EmulationCounts four = emulation.run(LogSource.of(List.of(dir.toString()), LogReadOptions.defaults().withThreads(4)))
        .counts();
    assertEquals(one, four);
    assertEquals(32, four.records(), "4 files x 8 records");
    assertEquals(12.0, four.decisions().get("pass"), "4 x 3");
  }

  @Test
  void scaled_to_a_month_the_function_is_priced_against_lambda_at_edge() throws Exception {
    FunctionCost cost = emulate(true, 1).cost();
    // all 8 records fall in one clock hour (07:00-08:00), so each counts 730/1 = 730 times
    assertEquals(0, new BigDecimal(5840).compareTo(cost.monthlyInvocations()), "8 x 730");
    assertEquals(0, new BigDecimal(5840).compareTo(cost.functionsLine().freeQuantity()), "inside 2M free");
    assertEquals(0, BigDecimal.ZERO.compareTo(cost.functionsUsd()));
    // Lambda@Edge: 5,840 x $0.60/1M = $0.003504; 5,840 x 5 ms x 128/1024 GB = 3.65 GB-s x $0.00005001
    // = $0.0001825365; together $0.0036865365
    assertEquals(0, new BigDecimal("0.0036865365").compareTo(cost.lambdaEdgeUsd()), cost.lambdaEdgeUsd().toString());
  }

  @Test
  void a_sample_priced_at_the_shops_volume_matches_the_hand_computed_bill() throws Exception {
    Emulation emulation = new Emulation(RulesReader.read(Path.of("examples/rules/shop.yaml")),
        ViewerEnricher.builder().build(), EdgeLocations.builtIn(), PriceBooks.shipped("2025-11-18"),
        MonthScale.toRequests(new BigDecimal(438_000_000)));
    FunctionCost cost = emulation.run(LogSource.of(List.of(LOG), LogReadOptions.defaults())).cost();
    // 600,000 requests/hour x 730 h = 438,000,000 invocations; 2,000,000 free;
    // (438,000,000 - 2,000,000) x $0.10 / 1M = $43.60
    assertEquals(0, new BigDecimal("43.60").compareTo(cost.functionsUsd()), cost.functionsUsd().toString());
    // Lambda@Edge: 438,000,000 x $0.60 / 1M = $262.80; 438,000,000 x 0.005 s x 0.125 GB = 273,750 GB-s
    // x $0.00005001 = $13.6902375; together $276.4902375
    assertEquals(0, new BigDecimal("276.4902375").compareTo(cost.lambdaEdgeUsd()), cost.lambdaEdgeUsd().toString());
  }

  @Test
  void requests_logged_without_a_host_are_counted_and_explained_beside_the_rule_they_bypass(@TempDir Path dir)
      throws Exception {
    Path rules = Files.writeString(dir.resolve("any-host.yaml"), "rules:\n"
        + "  - { id: any-host, when: { host: \"*\" }, pass: true }\n"
        + "  - { id: any-path, when: { path_prefix: / }, pass: true }\n");
    // a real-time log configured without cs-host and x-host-header: no line says which Host it was for
    Path log = Files.writeString(dir.resolve("realtime.log"),
        "1762067701.000\t203.0.113.10\t200\t512\tGET\t/a\tICN54-C1\n"
            + "1762067702.000\t203.0.113.11\t200\t512\tGET\t/b?x=1\tICN54-C1\n");
    Emulation emulation = new Emulation(RulesReader.read(rules), ViewerEnricher.builder().build(),
        EdgeLocations.builtIn(), null, MonthScale.asRecorded());
    EmulationReport r = emulation.run(LogSource.of(List.of(log.toString()), LogReadOptions.defaults()
        .withFormat(LogFormat.REALTIME)
        .withFields(List.of("timestamp", "c-ip", "sc-status", "sc-bytes", "cs-method", "cs-uri-stem",
            "x-edge-location"))));

    assertEquals(Map.of("any-host", 0.0, "any-path", 2.0, "pass", 0.0), r.counts().decisions());
    assertEquals(2.0, r.counts().requestsWithoutHost());
    assertTrue(r.warnings().stream().anyMatch(w -> w.startsWith("2 of 2 requests had no Host in the logs")
        && w.contains("not even host: \"*\"")), r.warnings().toString());
    JsonNode json = new ObjectMapper().readTree(EmulationFormat.JSON.render(r));
    assertEquals(2, json.get("requests_without_host").asInt());
    assertEquals(r.warnings().size(), json.get("warnings").size());
    assertEquals(0, emulate(false, 1).counts().requestsWithoutHost(), "every shop-sample line has a Host");
  }

  @Test
  void the_json_report_has_the_documented_keys() throws Exception {
    JsonNode json = new ObjectMapper().readTree(EmulationFormat.JSON.render(emulate(false, 1)));
    for (String key : List.of("records", "malformed", "function_invocations", "decisions", "by_country",
        "by_device", "cost", "throughput_records_per_s")) {
      assertTrue(json.has(key), key);
    }
    assertEquals(8, json.get("records").asLong());
    assertEquals(3, json.get("decisions").get("pass").asLong());
    assertEquals(2, json.get("by_country").get("KR").get("decisions").get("korea-to-kr-site").asLong());
    assertEquals("functions", json.get("cost").get("lines").findValuesAsText("component").stream()
        .filter("functions"::equals).findFirst().orElseThrow());
  }

  @Test
  void the_html_report_escapes_what_came_from_the_logs() throws Exception {
    String html = EmulationFormat.HTML.render(emulate(false, 1));
    assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;"), html);
    assertFalse(html.contains("<script"), "no markup from a User-Agent");
    assertTrue(html.contains("<svg"), "charts");
    assertFalse(html.contains("src=") || html.contains("href="), "self-contained");
  }

  @Test
  void the_markdown_report_escapes_table_breaking_characters() throws Exception {
    String md = EmulationFormat.MARKDOWN.render(emulate(false, 1));
    assertTrue(md.contains("\\<script\\>"), md);
    assertTrue(md.contains("| korea-to-kr-site |"), md);
  }
}
