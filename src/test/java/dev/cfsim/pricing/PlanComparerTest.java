package dev.cfsim.pricing;

import static dev.cfsim.pricing.CostEngineTest.BOOK;
import static dev.cfsim.pricing.CostEngineTest.assertUsd;
import static dev.cfsim.pricing.CostEngineTest.d;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cfsim.traffic.LambdaEdgeUsage;
import dev.cfsim.traffic.RegionTraffic;
import dev.cfsim.traffic.TrafficProfile;
import dev.cfsim.traffic.TrafficProfileReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanComparerTest {

  static PlanOption option(PlanComparison c, String name) {
    return c.options().stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
  }

  static TrafficProfile usOnly(String requests, String gb) {
    return TrafficProfile.builder("us").region(PricingRegion.US, new RegionTraffic(d(requests), d("1"), d(gb), d("0"))).build();
  }

  @Test
  void korea_mall_fits_premium_and_no_smaller_plan() throws Exception {
    TrafficProfile p = TrafficProfileReader.read(Path.of("examples/profiles/korea-mall.yaml"));
    PlanComparison c = PlanComparer.compare(p, BOOK, EstimateOptions.AS_PROFILED);
    assertEquals("Premium", c.cheapest());
    assertUsd("1000", option(c, "Premium").monthlyUsd()); // 438 M ≤ 500 M requests, 20,480 ≤ 51,200 GB
    assertUsd("2707.60", option(c, "Pay-as-you-go").monthlyUsd()); // as in CostEngineTest
    // bundle: commit 2,707.60 × 0.7 = 1,895.32 covers all 2,707.60 of covered usage
    assertUsd("1895.32", option(c, "Security Savings Bundle").monthlyUsd());
    assertTrue(option(c, "Security Savings Bundle").reasons().get(0).startsWith("commit $1895.32 a month for 12 months"));
    assertEquals(List.of("does not fit: exceeds 1,000,000 requests (profile: 438,000,000)",
        "does not fit: exceeds 100 GB data transfer out (profile: 20,480 GB)"), option(c, "Free").reasons().subList(0, 2));
    assertEquals("does not fit: exceeds 10,000,000 requests (profile: 438,000,000)", option(c, "Pro").reasons().get(0));
    assertEquals("does not fit: exceeds 125,000,000 requests (profile: 438,000,000)", option(c, "Business").reasons().get(0));
    assertTrue(option(c, "Business").reasons().get(1).contains("no overage charges"));
    // PriceClass_100 serves the Korean viewers from US edges at US rates: 20,480 - 1,024 free =
    // 19,456 GB at 10,240 x $0.085 + 9,216 x $0.080 = $1,607.68; HTTPS (438 M - 10 M free) x
    // $0.010 / 10,000 = $428.00; functions $43.60: $2,079.28. PriceClass_200 serves South Korea,
    // so it bills as all and is not listed.
    assertUsd("2079.28", option(c, "Pay-as-you-go, PriceClass_100").monthlyUsd());
    assertTrue(option(c, "Pay-as-you-go, PriceClass_100").reasons().get(0).contains("with more latency"));
    // the bundle stacks with the class: $2,079.28 x 0.7 = $1,455.496, rounded up to $1,455.50
    assertUsd("1455.50", option(c, "Security Savings Bundle, PriceClass_100").monthlyUsd());
    assertEquals(List.of("Premium", "Security Savings Bundle, PriceClass_100", "Security Savings Bundle",
            "Pay-as-you-go, PriceClass_100", "Pay-as-you-go", "Free", "Pro", "Business"),
        c.options().stream().map(PlanOption::name).toList());
    // what the function adds each way: (438,000,000 - 2,000,000) x $0.10 / 1,000,000 = $43.60; on a
    // plan nothing; in the bundle's commitment $43.60 x 0.7 = $30.52
    assertTrue(c.assumptions().contains("CloudFront Functions add $43.60 a month pay-as-you-go; nothing more on"
        + " Free, Pro, Business, Premium, whose price includes them; $30.52 of the Security Savings Bundle's"
        + " commitment."), c.assumptions().toString());
  }

  @Test
  void another_price_class_is_listed_widest_first_but_never_named_cheapest() throws Exception {
    // a billion HTTPS requests from South America: $0.022 per 10,000 there (990 M billed after the
    // 10 M free: $2,178), $0.010 at US rates under PriceClass_200 and _100 alike ($990), since
    // neither serves South America; 100 GB is inside the free tier
    TrafficProfile p = TrafficProfileReader.parse("sa.yaml",
        "name: sa-api\ntotal: { requests: 1000000000, https_share: 1.0, data_out: 100 GB }\nregions: { sa: { share: 1.0 } }\n");
    PlanComparison c = PlanComparer.compare(p, BOOK, EstimateOptions.AS_PROFILED);
    assertUsd("2178", option(c, "Pay-as-you-go").monthlyUsd());
    assertUsd("990", option(c, "Pay-as-you-go, PriceClass_200").monthlyUsd());
    assertTrue(c.options().stream().noneMatch(o -> o.name().equals("Pay-as-you-go, PriceClass_100")),
        "bills as PriceClass_200, which keeps more edge locations");
    assertTrue(c.options().get(0).name().endsWith("PriceClass_200"), c.options().get(0).name());
    assertFalse(c.cheapest().contains("PriceClass"), c.cheapest());
    assertTrue(c.assumptions().stream().anyMatch(a -> a.startsWith("Options named with another price class")));
  }

  @Test
  void a_site_inside_the_free_tier_is_cheapest_on_pay_as_you_go() throws Exception {
    TrafficProfile p = TrafficProfileReader.read(Path.of("examples/profiles/small-site.yaml"));
    PlanComparison c = PlanComparer.compare(p, BOOK, EstimateOptions.AS_PROFILED);
    assertEquals("Pay-as-you-go", c.cheapest());
    assertFalse(option(c, "Free").fits()); // 2,000,000 requests > 1,000,000 and 200 GB > 100 GB
    assertTrue(option(c, "Pro").fits());
    assertFalse(option(c, "Security Savings Bundle").fits()); // nothing billed, nothing to cover
  }

  @Test
  void the_free_plan_fits_a_tiny_site() {
    PlanComparison c = PlanComparer.compare(usOnly("1000000", "100"), BOOK, EstimateOptions.AS_PROFILED);
    assertTrue(option(c, "Free").fits()); // exactly 1,000,000 requests and 100 GB
    assertUsd("0", option(c, "Free").monthlyUsd());
  }

  @Test
  void pro_and_business_fit_up_to_their_request_allowances() {
    PlanComparison pro = PlanComparer.compare(usOnly("10000000", "51200"), BOOK, EstimateOptions.AS_PROFILED);
    assertEquals("Pro", pro.cheapest()); // 10 M requests, 50 TB: Pro's allowance exactly, $15
    PlanComparison business = PlanComparer.compare(usOnly("10000001", "1000"), BOOK, EstimateOptions.AS_PROFILED);
    assertFalse(option(business, "Pro").fits());
    assertTrue(option(business, "Business").fits());
    // pay-as-you-go: 1 billed request ($0.000001) and 0 billed GB: cheaper than Business
    assertEquals("Pay-as-you-go", business.cheapest());
  }

  @Test
  void premium_picks_the_smallest_usage_level_that_fits() {
    PlanComparison c = PlanComparer.compare(usOnly("1000000000", "100000"), BOOK, EstimateOptions.AS_PROFILED);
    assertUsd("2250", option(c, "Premium").monthlyUsd()); // 1 B requests > 750 M: the 1.25 B / 125 TB level
    PlanComparison tooBig = PlanComparer.compare(usOnly("7000000000", "700000"), BOOK, EstimateOptions.AS_PROFILED);
    PlanOption premium = option(tooBig, "Premium");
    assertFalse(premium.fits());
    assertEquals(List.of("does not fit: exceeds 6,000,000,000 requests (profile: 7,000,000,000)",
        "does not fit: exceeds 614,400 GB data transfer out (profile: 700,000 GB)"), premium.reasons().subList(0, 2));
  }

  @Test
  void lambda_at_edge_rules_out_every_flat_rate_plan() {
    TrafficProfile p = TrafficProfile.builder("lambda")
        .region(PricingRegion.US, new RegionTraffic(d("1000"), d("1"), d("1"), d("0")))
        .lambdaEdge(new LambdaEdgeUsage(d("1"), d("5"), d("128")))
        .build();
    PlanComparison c = PlanComparer.compare(p, BOOK, EstimateOptions.AS_PROFILED);
    for (String plan : List.of("Free", "Pro", "Business", "Premium")) {
      assertFalse(option(c, plan).fits(), plan);
      assertTrue(option(c, plan).reasons().get(0).contains("do not support Lambda@Edge requests"), option(c, plan).reasons().toString());
    }
  }

  @Test
  void the_savings_bundle_commitment_is_rounded_up_to_the_cent() {
    TrafficProfile p = TrafficProfile.builder("multi")
        .region(PricingRegion.US, new RegionTraffic(d("1000000"), d("1"), d("100"), d("10")))
        .region(PricingRegion.JP, new RegionTraffic(d("1000000"), d("0.5"), d("100"), d("10")))
        .region(PricingRegion.IN, new RegionTraffic(d("1000000"), d("0"), d("100"), d("10")))
        .build();
    PlanComparison c = withoutFreeTier(p, BOOK);
    // pay-as-you-go $36.15 (CostEngineTest.multi_region…); 36.15 × 0.7 = 25.305 → commit $25.31
    assertUsd("25.31", option(c, "Security Savings Bundle").monthlyUsd());
  }

  @Test
  void a_plan_missed_on_data_alone_gives_only_the_data_reason() {
    // exactly the Free plan's 1,000,000 requests, one GB past its 100 GB
    PlanOption free = option(PlanComparer.compare(usOnly("1000000", "101"), BOOK, EstimateOptions.AS_PROFILED), "Free");
    assertFalse(free.fits());
    assertEquals("does not fit: exceeds 100 GB data transfer out (profile: 101 GB)", free.reasons().get(0));
    assertTrue(free.reasons().get(1).startsWith("past the allowance: "), free.reasons().toString());
  }

  @Test
  void a_plan_missed_on_requests_alone_gives_only_the_requests_reason() {
    // one request past the Free plan's 1,000,000, exactly its 100 GB
    PlanOption free = option(PlanComparer.compare(usOnly("1000001", "100"), BOOK, EstimateOptions.AS_PROFILED), "Free");
    assertFalse(free.fits());
    assertEquals("does not fit: exceeds 1,000,000 requests (profile: 1,000,001)", free.reasons().get(0));
    assertTrue(free.reasons().get(1).startsWith("past the allowance: "), free.reasons().toString());
  }

  @Test
  void a_fractional_count_is_shown_to_two_places() {
    PlanOption free = option(PlanComparer.compare(usOnly("1000", "100.5"), BOOK, EstimateOptions.AS_PROFILED), "Free");
    assertEquals("does not fit: exceeds 100 GB data transfer out (profile: 100.50 GB)", free.reasons().get(0));
  }

  @Test
  void only_a_plan_with_several_usage_levels_names_the_level_it_picked() {
    PlanComparison c = PlanComparer.compare(usOnly("10000000", "51200"), BOOK, EstimateOptions.AS_PROFILED);
    assertEquals("covers 10,000,000 of 10,000,000 requests and 51,200 of 51,200 GB data transfer out; no overage charges",
        option(c, "Pro").reasons().get(0)); // one level: $15
    assertEquals("usage level $1000: covers 10,000,000 of 500,000,000 requests and 51,200 of 51,200 GB data transfer"
        + " out; no overage charges", option(c, "Premium").reasons().get(0)); // the first of six levels
  }

  @Test
  void the_savings_bundle_states_commitment_covered_usage_saving_and_waf_credit() throws Exception {
    TrafficProfile p = TrafficProfileReader.read(Path.of("examples/profiles/korea-mall.yaml"));
    PlanOption bundle = option(PlanComparer.compare(p, BOOK, EstimateOptions.AS_PROFILED), "Security Savings Bundle");
    assertEquals(List.of(
        // 2,707.60 × 0.7 = 1,895.32; every line of korea mall is covered
        "commit $1895.32 a month for 12 months: credited as $1895.32 / 0.7, covering the $2707.60 of covered usage",
        // 2,707.60 − 1,895.32 = 812.28; WAF credit 1,895.32 × 0.1 = 189.532 → $189.53
        "saves $812.28 a month against pay-as-you-go, and adds up to $189.53 of AWS WAF usage",
        "the commitment is owed every month of the term, even if traffic falls"), bundle.reasons());
  }

  /** One month in the US: 1,000,000 HTTPS requests and 100 GB out (8.50 + 1.00 without the free tier). */
  private static TrafficProfile.Builder usMillionHttps(String name) {
    return TrafficProfile.builder(name)
        .region(PricingRegion.US, new RegionTraffic(d("1000000"), d("1"), d("100"), d("0")));
  }

  private static PlanComparison withoutFreeTier(TrafficProfile p, PriceBook book) {
    return PlanComparer.compare(p, book, new EstimateOptions(null, FreeTierUse.NONE));
  }

  /** The shipped book with {@code change} made to its JSON. */
  private static PriceBook shippedBookWith(java.util.function.Consumer<ObjectNode> change) throws Exception {
    ObjectNode json = (ObjectNode) new ObjectMapper().readTree(Files.readString(Path.of("pricing/2025-11-18.json")));
    change.accept(json);
    return PriceBookReader.parse("changed.json", new ObjectMapper().writeValueAsString(json));
  }

  @Test
  void usage_the_bundle_does_not_cover_is_paid_on_top_of_the_commitment() throws Exception {
    // the shipped book with dedicated IP taken out of the bundle's covers
    PriceBook book = shippedBookWith(json -> {
      ArrayNode covers = (ArrayNode) json.get("savings_bundle").get("covers");
      for (int i = covers.size() - 1; i >= 0; i--) {
        if (covers.get(i).asText().equals("dedicated_ip")) {
          covers.remove(i);
        }
      }
    });
    TrafficProfile p = usMillionHttps("ip")
        .dedicatedIpCertificates(d("1"))
        .build();
    PlanComparison c = withoutFreeTier(p, book);
    // pay-as-you-go: 100 × 0.085 = 8.50 DTO + 100 × 0.0100 = 1.00 HTTPS + 600 dedicated IP = 609.50
    assertUsd("609.50", option(c, "Pay-as-you-go").monthlyUsd());
    // covered 8.50 + 1.00 = 9.50; commit 9.50 × 0.7 = 6.65; plus the uncovered 600
    assertUsd("606.65", option(c, "Security Savings Bundle").monthlyUsd());
  }

  @Test
  void the_keyvaluestore_api_calls_assumption_follows_the_book() throws Exception {
    PriceBook book = shippedBookWith(json -> {
      ((ArrayNode) json.get("savings_bundle").get("covers")).add("kvs_api_calls");
      json.get("flat_rate_plans").forEach(plan -> ((ArrayNode) plan.get("not_supported")).add("kvs_api_calls"));
    });
    TrafficProfile p = usMillionHttps("kvs")
        .kvsApiCalls(d("1"))
        .build();
    PlanComparison c = withoutFreeTier(p, book);
    // 1 / 1,000 × $1.00 = $0.001, shown to its digits
    assertTrue(c.assumptions().contains("KeyValueStore API calls (1 a month, $0.001 pay-as-you-go): no flat-rate plan"
        + " supports them; the Security Savings Bundle covers them."), c.assumptions().toString());
    assertFalse(option(c, "Pro").fits());
  }

  @Test
  void keyvaluestore_api_calls_are_outside_the_shipped_bundle_and_paid_on_top() {
    TrafficProfile p = usMillionHttps("kvs")
        .kvsApiCalls(d("10000"))
        .build();
    PlanComparison c = withoutFreeTier(p, BOOK);
    // pay-as-you-go: 8.50 DTO + 1.00 HTTPS (as above) + 10,000 / 1,000 × 1.00 = 10.00 API calls = 19.50
    assertUsd("19.50", option(c, "Pay-as-you-go").monthlyUsd());
    // covered 9.50; commit 9.50 × 0.7 = 6.65; plus the uncovered 10.00
    assertUsd("16.65", option(c, "Security Savings Bundle").monthlyUsd());
    // the plans' pages do not price them: the comparison says what it assumed
    assertTrue(c.assumptions().contains("KeyValueStore API calls (10,000 a month, $10.00 pay-as-you-go): taken as"
        + " included in Free, Pro, Business, Premium (the book does not list them as unsupported), with the CloudFront"
        + " Functions they serve; AWS's plan pages do not say, so a plan may cost more; the Security Savings Bundle"
        + " does not list them as covered: they are paid on top."), c.assumptions().toString());
    assertFalse(PlanComparer.compare(usOnly("1000000", "100"), BOOK, EstimateOptions.AS_PROFILED).assumptions().stream()
        .anyMatch(a -> a.startsWith("KeyValueStore API calls")));
  }

  @Test
  void a_bundle_that_costs_more_than_it_saves_says_so() {
    // 10,000,100 HTTPS requests and 1 GB in the US, the account's free tier used: 100 billed
    // requests × $0.0100 / 10,000 = $0.0001 covered; 0.0001 × 0.7 = 0.00007, committed as $0.01
    PlanOption bundle = option(PlanComparer.compare(usOnly("10000100", "1"), BOOK, EstimateOptions.AS_PROFILED),
        "Security Savings Bundle");
    assertUsd("0.01", bundle.monthlyUsd());
    assertTrue(bundle.reasons().get(0).endsWith("covering the $0.0001 of covered usage"), bundle.reasons().get(0));
    // before: "saves $-0.01 a month"; 0.01 − 0.0001 = 0.0099
    assertTrue(bundle.reasons().get(1).startsWith("saves nothing: costs $0.0099 a month more than pay-as-you-go"),
        bundle.reasons().get(1));
  }

  @Test
  void a_bundle_that_saves_exactly_nothing_says_it_costs_the_same() {
    // 10,010,000 HTTPS requests, the account's free tier used: 10,000 billed × $0.0100 / 10,000
    // = $0.01 covered; 0.01 × 0.7 = 0.007, committed as $0.01; saved 0.01 − 0.01 = 0
    PlanOption bundle = option(PlanComparer.compare(usOnly("10010000", "1"), BOOK, EstimateOptions.AS_PROFILED),
        "Security Savings Bundle");
    assertEquals("saves nothing: costs the same as pay-as-you-go, and adds up to $0.001 of AWS WAF usage",
        bundle.reasons().get(1));
  }

  @Test
  void a_profile_just_past_an_allowance_shows_the_digits_that_put_it_past() {
    PlanOption free = option(PlanComparer.compare(usOnly("1000", "100.0000001"), BOOK, EstimateOptions.AS_PROFILED), "Free");
    // before: "(profile: 100.00 GB)", which read as within the 100 GB
    assertEquals("does not fit: exceeds 100 GB data transfer out (profile: 100.0000001 GB)", free.reasons().get(0));
  }
}
