package dev.cfsim.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfsim.InvalidInputException;
import dev.cfsim.traffic.FunctionUsage;
import dev.cfsim.traffic.LambdaEdgeUsage;
import dev.cfsim.traffic.OriginShieldUsage;
import dev.cfsim.traffic.RegionTraffic;
import dev.cfsim.traffic.TrafficProfile;
import dev.cfsim.traffic.TrafficProfileReader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every expected figure is computed by hand from the published prices in pricing/2025-11-18.json
 * (AWS pay-as-you-go page), with the arithmetic beside it.
 */
class CostEngineTest {
  static final PriceBook BOOK = PriceBooks.shipped("2025-11-18");
  static final EstimateOptions NO_FREE_TIER = new EstimateOptions(null, FreeTierUse.NONE);

  static BigDecimal d(String v) {
    return new BigDecimal(v);
  }

  static void assertUsd(String expected, BigDecimal actual) {
    assertEquals(0, d(expected).compareTo(actual), "expected $" + expected + " but was $" + actual.toPlainString());
  }

  static RegionTraffic traffic(String requests, String httpsShare, String dataOutGb) {
    return new RegionTraffic(d(requests), d(httpsShare), d(dataOutGb), BigDecimal.ZERO);
  }

  static TrafficProfile dataOnly(PricingRegion region, String gb) {
    return TrafficProfile.builder("data").region(region, traffic("0", "1", gb)).build();
  }

  static CostLine line(CostEstimate e, Component c, PricingRegion region) {
    return e.lines().stream().filter(l -> l.component() == c && l.region() == region).findFirst()
        .orElseThrow(() -> new AssertionError("no line " + c + " " + region + " in " + e.lines()));
  }

  @Test
  void korea_mall_bills_functions_at_43_60_after_the_2_million_free_invocations() throws Exception {
    TrafficProfile p = TrafficProfileReader.read(Path.of("examples/profiles/korea-mall.yaml"));
    CostEstimate e = CostEngine.estimate(p, BOOK, EstimateOptions.AS_PROFILED);
    CostLine functions = line(e, Component.FUNCTIONS, null);
    assertUsd("438000000", functions.quantity()); // 600,000 requests/h × 730 h × 1 invocation
    assertUsd("2000000", functions.freeQuantity());
    assertUsd("43.60", functions.usd()); // (438,000,000 − 2,000,000) × $0.10 / 1,000,000
    CostLine dto = line(e, Component.DATA_TRANSFER_OUT, PricingRegion.AP);
    assertUsd("1024", dto.freeQuantity());
    // 20 TB = 20,480 GB − 1,024 free = 19,456 billed: 10,240 × $0.120 + 9,216 × $0.100 = 1,228.80 + 921.60
    assertUsd("2150.40", dto.usd());
    CostLine https = line(e, Component.REQUESTS_HTTPS, PricingRegion.AP);
    assertUsd("10000000", https.freeQuantity());
    assertUsd("513.60", https.usd()); // (438,000,000 − 10,000,000) / 10,000 × $0.0120
    assertEquals(3, e.lines().size(), e.lines().toString()); // no HTTP, no origin traffic
    assertUsd("2707.60", e.totalUsd()); // 2,150.40 + 513.60 + 43.60
  }

  @Test
  void korea_mall_without_the_free_tier_bills_every_unit() throws Exception {
    TrafficProfile p = TrafficProfileReader.read(Path.of("examples/profiles/korea-mall.yaml"));
    CostEstimate e = CostEngine.estimate(p, BOOK, NO_FREE_TIER);
    assertUsd("2252.80", e.usd(Component.DATA_TRANSFER_OUT)); // 10,240 × 0.120 + 10,240 × 0.100 = 1,228.80 + 1,024
    assertUsd("525.60", e.usd(Component.REQUESTS_HTTPS)); // 438,000,000 / 10,000 × 0.0120
    assertUsd("43.80", e.usd(Component.FUNCTIONS)); // 438,000,000 × 0.10 / 1,000,000
    assertUsd("2822.20", e.totalUsd()); // 2,252.80 + 525.60 + 43.80
    assertTrue(e.freeTierUsed().stream().allMatch(f -> f.used().signum() == 0));
    assertTrue(e.assumptions().get(0).startsWith("No free tier applied"), e.assumptions().get(0));
  }

  @ParameterizedTest(name = "{0} GB in the US costs ${1}")
  @CsvSource({
    "0, 0",
    "1, 0.085", //                    1 × 0.085
    "10240, 870.40", //               exactly 10 TB: 10,240 × 0.085
    "10241, 870.48", //               one GB past it: 870.40 + 1 × 0.080
    "51200, 4147.20", //              50 TB: 870.40 + 40,960 × 0.080 (3,276.80)
    "51201, 4147.26", //              4,147.20 + 1 × 0.060
    "153600, 10291.20", //            150 TB: 4,147.20 + 102,400 × 0.060 (6,144)
    "512000, 24627.20", //            500 TB: 10,291.20 + 358,400 × 0.040 (14,336)
    "1048576, 40724.48", //           1 PB: 24,627.20 + 536,576 × 0.030 (16,097.28)
    "5242880, 145582.08", //          5 PB: 40,724.48 + 4,194,304 × 0.025 (104,857.60)
    "5243904, 145602.56", //          5 PB + 1 TB: 145,582.08 + 1,024 × 0.020 (20.48)
  })
  void us_data_transfer_out_follows_every_volume_tier(String gb, String usd) {
    CostEstimate e = CostEngine.estimate(dataOnly(PricingRegion.US, gb), BOOK, NO_FREE_TIER);
    assertUsd(usd, e.usd(Component.DATA_TRANSFER_OUT));
  }

  @ParameterizedTest(name = "{0}: 10,241 GB costs ${1}")
  @CsvSource({
    "eu, 870.48", //    10,240 × 0.085 + 0.080
    "me_af, 1126.505", // 10,240 × 0.110 (1,126.40) + 0.105
    "sa, 1126.505", //  10,240 × 0.110 + 0.105
    "jp, 1167.449", //  10,240 × 0.114 (1,167.36) + 0.089
    "au, 1167.458", //  10,240 × 0.114 + 0.098
    "ap, 1228.90", //   10,240 × 0.120 (1,228.80) + 0.100
    "in, 1116.245", //  10,240 × 0.109 (1,116.16) + 0.085
  })
  void every_region_has_its_own_first_and_second_tier(String region, String usd) {
    PricingRegion r = PricingRegion.fromId(region).orElseThrow();
    assertUsd(usd, CostEngine.estimate(dataOnly(r, "10241"), BOOK, NO_FREE_TIER).totalUsd());
  }

  @Test
  void ap_past_5_pb_is_billed_at_the_last_tier() {
    // 10,240 × 0.120 = 1,228.80; 40,960 × 0.100 = 4,096; 102,400 × 0.095 = 9,728; 358,400 × 0.090 = 32,256;
    // 536,576 × 0.080 = 42,926.08; 4,194,304 × 0.070 = 293,601.28; 10,000 × 0.060 = 600
    // sum: 1,228.80 + 4,096 + 9,728 + 32,256 + 42,926.08 + 293,601.28 + 600 = 384,436.16
    CostEstimate e = CostEngine.estimate(dataOnly(PricingRegion.AP, "5252880"), BOOK, NO_FREE_TIER);
    assertUsd("384436.16", e.totalUsd());
  }

  @Test
  void free_tier_is_metered_before_the_tiers_so_tiers_count_only_billed_gb() {
    // US 50 TB = 51,200 GB; 1,024 free; 50,176 billed from tier 1: 10,240 × 0.085 + 39,936 × 0.080 = 870.40 + 3,194.88
    CostEstimate e = CostEngine.estimate(dataOnly(PricingRegion.US, "51200"), BOOK, EstimateOptions.AS_PROFILED);
    assertUsd("4065.28", e.totalUsd());
    assertTrue(e.assumptions().get(0).contains("most expensive eligible usage first"), e.assumptions().get(0));
  }

  @Test
  void a_small_site_stays_inside_the_free_tier_and_uses_part_of_it() throws Exception {
    TrafficProfile p = TrafficProfileReader.read(Path.of("examples/profiles/small-site.yaml"));
    CostEstimate e = CostEngine.estimate(p, BOOK, EstimateOptions.AS_PROFILED);
    assertUsd("0", e.totalUsd());
    FreeTierUsed dto = e.freeTierUsed().get(0);
    assertUsd("200", dto.used()); // 150 GB eu + 50 GB us, of 1,024
    assertUsd("2000000", e.freeTierUsed().get(1).used()); // 1,500,000 + 500,000 requests, of 10,000,000
    assertUsd("2000000", e.freeTierUsed().get(2).used()); // one invocation per request: exactly the 2,000,000 free
  }

  @Test
  void a_profile_without_usage_leaves_the_free_tier_unused_and_costs_nothing() {
    CostEstimate e = CostEngine.estimate(dataOnly(PricingRegion.US, "0"), BOOK, EstimateOptions.AS_PROFILED);
    assertEquals(List.of(), e.lines());
    assertUsd("0", e.totalUsd());
    assertTrue(e.freeTierUsed().stream().allMatch(f -> f.used().signum() == 0 && f.allowance().signum() > 0));
  }

  @Test
  void below_the_second_tier_free_data_transfer_goes_to_the_dearest_first_tier() {
    TrafficProfile p = TrafficProfile.builder("two")
        .region(PricingRegion.US, traffic("0", "1", "1000"))
        .region(PricingRegion.AP, traffic("0", "1", "500"))
        .build();
    CostEstimate e = CostEngine.estimate(p, BOOK, EstimateOptions.AS_PROFILED);
    assertUsd("500", line(e, Component.DATA_TRANSFER_OUT, PricingRegion.AP).freeQuantity()); // ap $0.120 first
    assertUsd("524", line(e, Component.DATA_TRANSFER_OUT, PricingRegion.US).freeQuantity()); // 1,024 − 500
    assertUsd("40.46", e.totalUsd()); // us: (1,000 − 524) × 0.085 = 476 × 0.085
  }

  /**
   * Free GB come off a region's last GB, so past its first tier a region saves its second-tier
   * price: Japan at 20 TB saves $0.089 a free GB, India at 1 TB $0.109, though Japan's first tier
   * ($0.114) is the dearer.
   */
  @ParameterizedTest
  @CsvSource({
    // jp 20,480 GB billed in full: 10,240 × 0.114 + 10,240 × 0.089 = 1,167.36 + 911.36; in wholly free
    "jp, 20480, in, 1024, 2078.72, 0, 1024",
    // au takes the free TB off its second tier (0.098 > jp's 0.089): au 1,167.36 + 9,216 × 0.098 = 2,070.528
    "jp, 20480, au, 20480, 4149.248, 0, 1024",
    // in wholly free (600 × 0.109 saved), the other 424 GB off jp at 0.089:
    // jp 1,167.36 + (20,480 − 424 − 10,240) × 0.089 = 1,167.36 + 873.624
    "jp, 20480, in, 600, 2040.984, 424, 600",
  })
  void free_data_transfer_goes_where_it_saves_the_most(
      String a, String aGb, String b, String bGb, String usd, String aFree, String bFree) {
    PricingRegion ra = PricingRegion.fromId(a).orElseThrow();
    PricingRegion rb = PricingRegion.fromId(b).orElseThrow();
    TrafficProfile p = TrafficProfile.builder("two")
        .region(ra, traffic("0", "1", aGb))
        .region(rb, traffic("0", "1", bGb))
        .build();
    CostEstimate e = CostEngine.estimate(p, BOOK, EstimateOptions.AS_PROFILED);
    assertUsd(usd, e.totalUsd());
    assertUsd(aFree, line(e, Component.DATA_TRANSFER_OUT, ra).freeQuantity());
    assertUsd(bFree, line(e, Component.DATA_TRANSFER_OUT, rb).freeQuantity());
  }

  @Test
  void free_requests_go_to_the_highest_request_price_first() {
    TrafficProfile p = TrafficProfile.builder("two")
        .region(PricingRegion.US, traffic("6000000", "1", "0"))
        .region(PricingRegion.SA, traffic("6000000", "0.5", "0"))
        .build();
    CostEstimate e = CostEngine.estimate(p, BOOK, EstimateOptions.AS_PROFILED);
    // sa HTTPS $0.0220 > sa HTTP $0.0160 > us HTTPS $0.0100: 3 M + 3 M free in sa, 4 M of us HTTPS free
    assertUsd("3000000", line(e, Component.REQUESTS_HTTPS, PricingRegion.SA).freeQuantity());
    assertUsd("3000000", line(e, Component.REQUESTS_HTTP, PricingRegion.SA).freeQuantity());
    assertUsd("4000000", line(e, Component.REQUESTS_HTTPS, PricingRegion.US).freeQuantity());
    assertUsd("2.00", e.totalUsd()); // us: 2,000,000 / 10,000 × 0.0100
  }

  @Test
  void multi_region_profile_bills_each_region_at_its_own_rates() {
    TrafficProfile p = TrafficProfile.builder("multi")
        .region(PricingRegion.US, new RegionTraffic(d("1000000"), d("1"), d("100"), d("10")))
        .region(PricingRegion.JP, new RegionTraffic(d("1000000"), d("0.5"), d("100"), d("10")))
        .region(PricingRegion.IN, new RegionTraffic(d("1000000"), d("0"), d("100"), d("10")))
        .build();
    CostEstimate e = CostEngine.estimate(p, BOOK, NO_FREE_TIER);
    assertUsd("8.50", line(e, Component.DATA_TRANSFER_OUT, PricingRegion.US).usd()); // 100 × 0.085
    assertUsd("11.40", line(e, Component.DATA_TRANSFER_OUT, PricingRegion.JP).usd()); // 100 × 0.114
    assertUsd("10.90", line(e, Component.DATA_TRANSFER_OUT, PricingRegion.IN).usd()); // 100 × 0.109
    assertUsd("0.20", line(e, Component.DATA_TRANSFER_ORIGIN, PricingRegion.US).usd()); // 10 × 0.020
    assertUsd("0.60", line(e, Component.DATA_TRANSFER_ORIGIN, PricingRegion.JP).usd()); // 10 × 0.060
    assertUsd("1.60", line(e, Component.DATA_TRANSFER_ORIGIN, PricingRegion.IN).usd()); // 10 × 0.160
    assertUsd("1.00", line(e, Component.REQUESTS_HTTPS, PricingRegion.US).usd()); // 100 × 0.0100
    assertUsd("0.60", line(e, Component.REQUESTS_HTTPS, PricingRegion.JP).usd()); // 50 × 0.0120
    assertUsd("0.45", line(e, Component.REQUESTS_HTTP, PricingRegion.JP).usd()); // 50 × 0.0090
    assertUsd("0.90", line(e, Component.REQUESTS_HTTP, PricingRegion.IN).usd()); // 100 × 0.0090
    // 8.50 + 11.40 + 10.90 + 0.20 + 0.60 + 1.60 + 1.00 + 0.60 + 0.45 + 0.90
    assertUsd("36.15", e.totalUsd());
    assertTrue(e.assumptions().stream().anyMatch(a -> a.contains("consumption tax")));
  }

  static TrafficProfile threeRegions(PriceClass pc) {
    return TrafficProfile.builder("classes").priceClass(pc)
        .region(PricingRegion.AP, traffic("10000", "1", "1000"))
        .region(PricingRegion.US, traffic("10000", "1", "100"))
        .region(PricingRegion.SA, traffic("10000", "1", "100"))
        .region(PricingRegion.AU, traffic("10000", "1", "100"))
        .build();
  }

  @Test
  void price_class_all_bills_every_region_at_its_own_rates() {
    CostEstimate e = CostEngine.estimate(threeRegions(PriceClass.ALL), BOOK, NO_FREE_TIER);
    // DTO: ap 1,000 × 0.120 = 120; us 100 × 0.085 = 8.50; sa 100 × 0.110 = 11; au 100 × 0.114 = 11.40
    assertUsd("150.90", e.usd(Component.DATA_TRANSFER_OUT));
    // HTTPS: 1 × (0.0120 + 0.0100 + 0.0220 + 0.0125) per 10,000
    assertUsd("0.0565", e.usd(Component.REQUESTS_HTTPS));
  }

  @Test
  void price_class_100_bills_everything_outside_us_and_europe_at_us_rates() {
    CostEstimate e = CostEngine.estimate(threeRegions(PriceClass.PRICE_CLASS_100), BOOK, NO_FREE_TIER);
    CostLine us = line(e, Component.DATA_TRANSFER_OUT, PricingRegion.US);
    assertUsd("1300", us.quantity()); // ap 1,000 + us 100 + sa 100 + au 100, all at us rates
    assertUsd("110.50", us.usd()); // 1,300 × 0.085
    assertUsd("0.04", e.usd(Component.REQUESTS_HTTPS)); // 4 × 10,000 / 10,000 × 0.0100
    assertEquals(2, e.lines().size());
    assertTrue(us.note().contains("sa, au, ap"), us.note());
    assertTrue(e.assumptions().stream().anyMatch(a -> a.startsWith("PriceClass_100 serves us, eu")));
  }

  @Test
  void price_class_200_bills_south_america_at_us_and_oceania_at_asia_rates() {
    CostEstimate e = CostEngine.estimate(threeRegions(PriceClass.PRICE_CLASS_200), BOOK, NO_FREE_TIER);
    assertUsd("17.00", line(e, Component.DATA_TRANSFER_OUT, PricingRegion.US).usd()); // (us 100 + sa 100) × 0.085
    assertUsd("132.00", line(e, Component.DATA_TRANSFER_OUT, PricingRegion.AP).usd()); // (ap 1,000 + au 100) × 0.120
    // HTTPS: us 2 × 0.0100 + ap 2 × 0.0120 (per 10,000 requests)
    assertUsd("0.044", e.usd(Component.REQUESTS_HTTPS));
  }

  @Test
  void the_price_class_option_overrides_the_profile() {
    CostEstimate e = CostEngine.estimate(threeRegions(PriceClass.ALL), BOOK,
        new EstimateOptions(PriceClass.PRICE_CLASS_100, FreeTierUse.NONE));
    assertEquals(PriceClass.PRICE_CLASS_100, e.priceClass());
    assertUsd("110.54", e.totalUsd()); // 110.50 + 0.04, as under price class 100 above
  }

  @Test
  void every_other_charge_type_is_priced() {
    TrafficProfile p = TrafficProfile.builder("everything")
        .region(PricingRegion.EU, new RegionTraffic(d("20000"), d("0.5"), d("0"), d("0")))
        .functions(new FunctionUsage(d("1"), d("0.5"), d("2")))
        .lambdaEdge(new LambdaEdgeUsage(d("0.5"), d("50"), d("256")))
        .originShield(new OriginShieldUsage("ap-northeast-2", d("10000")))
        .invalidationPaths(d("1500"))
        .realtimeLogLines(d("20000"))
        .fieldLevelEncryptionRequests(d("10000"))
        .dedicatedIpCertificates(d("1"))
        .kvsApiCalls(d("3500"))
        .build();
    CostEstimate e = CostEngine.estimate(p, BOOK, NO_FREE_TIER);
    assertUsd("0.009", e.usd(Component.REQUESTS_HTTP)); // 10,000 HTTP / 10,000 × 0.0090
    assertUsd("0.012", e.usd(Component.REQUESTS_HTTPS)); // 10,000 HTTPS / 10,000 × 0.0120
    assertUsd("0.003", e.usd(Component.FUNCTIONS)); // 20,000 × 1.5 = 30,000 × 0.10 / 1,000,000
    assertUsd("0.0018", e.usd(Component.KVS_READS)); // 30,000 × 2 = 60,000 × 0.03 / 1,000,000
    assertUsd("0.006", e.usd(Component.LAMBDA_EDGE_REQUESTS)); // 20,000 × 0.5 = 10,000 × 0.60 / 1,000,000
    CostLine duration = line(e, Component.LAMBDA_EDGE_DURATION, null);
    assertUsd("125", duration.quantity()); // 10,000 × 50 ms / 1,000 × 256 MB / 1,024 GB-s
    assertUsd("0.00625125", duration.usd()); // 125 × 0.00005001
    assertUsd("0.009", e.usd(Component.ORIGIN_SHIELD_REQUESTS)); // 10,000 / 10,000 × 0.0090
    assertUsd("2.50", e.usd(Component.INVALIDATIONS)); // (1,500 − 1,000 free) × 0.005
    assertUsd("1000", line(e, Component.INVALIDATIONS, null).freeQuantity());
    assertUsd("0.0002", e.usd(Component.REALTIME_LOGS)); // 20,000 × 0.01 / 1,000,000
    assertUsd("0.02", e.usd(Component.FIELD_LEVEL_ENCRYPTION)); // 10,000 / 10,000 × 0.02
    assertUsd("600", e.usd(Component.DEDICATED_IP)); // 1 × 600
    assertUsd("3.50", e.usd(Component.KVS_API_CALLS)); // 3,500 / 1,000 × 1.00
    // 0.009 + 0.012 + 0.003 + 0.0018 + 0.006 + 0.00625125 + 0.009 + 2.50 + 0.0002 + 0.02 + 600 + 3.50
    assertUsd("606.06725125", e.totalUsd());
  }

  @Test
  void free_tier_covers_function_invocations_and_kvs_reads_up_to_2_million_each() {
    TrafficProfile p = TrafficProfile.builder("fn")
        .region(PricingRegion.US, traffic("3000000", "1", "0"))
        .functions(new FunctionUsage(d("1"), d("0"), d("1")))
        .kvsApiCalls(d("2000"))
        .build();
    CostEstimate e = CostEngine.estimate(p, BOOK, EstimateOptions.AS_PROFILED);
    assertUsd("0.10", e.usd(Component.FUNCTIONS)); // (3,000,000 − 2,000,000) × 0.10 / 1,000,000
    assertUsd("0.03", e.usd(Component.KVS_READS)); // (3,000,000 − 2,000,000) × 0.03 / 1,000,000
    assertUsd("2.00", e.usd(Component.KVS_API_CALLS)); // API calls have no free tier: 2,000 / 1,000 × 1.00
    assertUsd("0", line(e, Component.KVS_API_CALLS, null).freeQuantity());
    assertUsd("0", e.usd(Component.REQUESTS_HTTPS)); // 3,000,000 < 10,000,000 free
  }

  @Test
  void an_origin_shield_region_without_a_price_is_refused() {
    TrafficProfile p = TrafficProfile.builder("os")
        .region(PricingRegion.US, traffic("5", "1", "0"))
        .originShield(new OriginShieldUsage("me-central-1", d("5")))
        .build();
    InvalidInputException ex = assertThrows(InvalidInputException.class,
        () -> CostEngine.estimate(p, BOOK, EstimateOptions.AS_PROFILED));
    assertEquals("origin_shield.region", ex.location());
  }

  @Test
  void an_origin_shield_region_without_a_price_is_refused_naming_the_file_not_the_profile_name() {
    TrafficProfile p = TrafficProfileReader.parse("shop.yaml",
        "name: x\norigin_shield: { region: me-central-1, requests: 5 }\nregions: { us: { requests: 5 } }");
    InvalidInputException ex = assertThrows(InvalidInputException.class,
        () -> CostEngine.estimate(p, BOOK, EstimateOptions.AS_PROFILED));
    assertEquals("shop.yaml", ex.source());
    assertEquals("origin_shield.region", ex.location());
  }

  @Test
  void the_same_inputs_give_the_same_estimate() {
    TrafficProfile p = threeRegions(PriceClass.PRICE_CLASS_200);
    assertEquals(CostEngine.estimate(p, BOOK, EstimateOptions.AS_PROFILED),
        CostEngine.estimate(p, BOOK, EstimateOptions.AS_PROFILED));
  }

  @Test
  void estimates_made_on_many_threads_at_once_agree() throws Exception {
    TrafficProfile p = threeRegions(PriceClass.PRICE_CLASS_200);
    CostEstimate expected = CostEngine.estimate(p, BOOK, EstimateOptions.AS_PROFILED);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<CostEstimate>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        results.add(pool.submit(() -> CostEngine.estimate(p, PriceBooks.newest(), EstimateOptions.AS_PROFILED)));
      }
      for (Future<CostEstimate> r : results) {
        assertEquals(expected, r.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void total_is_the_sum_of_the_lines() {
    CostEstimate e = CostEngine.estimate(threeRegions(PriceClass.ALL), BOOK, EstimateOptions.AS_PROFILED);
    BigDecimal sum = e.lines().stream().map(CostLine::usd).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertEquals(0, sum.compareTo(e.totalUsd()));
    assertEquals(List.of("data_transfer_out", "requests", "functions", "kvs_reads"),
        e.freeTierUsed().stream().map(FreeTierUsed::item).toList());
  }

  @Test
  void japan_lines_note_the_consumption_tax_and_other_regions_lines_do_not() {
    TrafficProfile p = TrafficProfile.builder("two")
        .region(PricingRegion.US, traffic("0", "1", "100"))
        .region(PricingRegion.JP, traffic("0", "1", "100"))
        .build();
    CostEstimate e = CostEngine.estimate(p, BOOK, NO_FREE_TIER);
    assertEquals("includes Japanese consumption tax", line(e, Component.DATA_TRANSFER_OUT, PricingRegion.JP).note());
    assertEquals("", line(e, Component.DATA_TRANSFER_OUT, PricingRegion.US).note());
  }

  @Test
  void a_region_billed_for_viewers_outside_the_price_class_names_them_in_its_note() {
    CostEstimate e = CostEngine.estimate(threeRegions(PriceClass.PRICE_CLASS_100), BOOK, NO_FREE_TIER);
    assertEquals("includes viewers in sa, au, ap, served from here (PriceClass_100 has no edges in their regions; expect more latency)",
        line(e, Component.DATA_TRANSFER_OUT, PricingRegion.US).note());
  }

  @Test
  void the_price_class_assumption_names_each_viewer_region_billed_elsewhere() {
    CostEstimate e = CostEngine.estimate(threeRegions(PriceClass.PRICE_CLASS_200), BOOK, NO_FREE_TIER);
    assertTrue(e.assumptions().contains("PriceClass_200 serves us, eu, me_af, jp, ap, in; viewers outside it are served"
        + " from the nearest region it serves and billed at its rates (sa at us rates, au at ap rates). AWS does not"
        + " document which edge serves them: this is cfsim's assumption."), e.assumptions().toString());
  }

  @Test
  void the_price_class_assumption_says_when_no_viewer_is_outside_it() {
    TrafficProfile p = TrafficProfile.builder("inside").priceClass(PriceClass.PRICE_CLASS_100)
        .region(PricingRegion.US, traffic("0", "1", "100"))
        .region(PricingRegion.EU, traffic("0", "1", "100"))
        .build();
    CostEstimate e = CostEngine.estimate(p, BOOK, NO_FREE_TIER);
    assertTrue(e.assumptions().contains("PriceClass_100 serves us, eu; no viewers are outside it."),
        e.assumptions().toString());
    assertUsd("17.00", e.totalUsd()); // (100 + 100) × 0.085, each region at its own first tier
  }

  @Test
  void the_lambda_at_edge_assumption_appears_only_with_lambda_at_edge_invocations() {
    String lambda = "Lambda@Edge has no free tier; duration is billed in GB-seconds (invocations x duration x memory).";
    TrafficProfile with = TrafficProfile.builder("lambda")
        .region(PricingRegion.US, traffic("10000", "1", "0"))
        .lambdaEdge(new LambdaEdgeUsage(d("1"), d("5"), d("128")))
        .build();
    assertTrue(CostEngine.estimate(with, BOOK, NO_FREE_TIER).assumptions().contains(lambda));
    TrafficProfile without = TrafficProfile.builder("plain").region(PricingRegion.US, traffic("10000", "1", "0")).build();
    assertTrue(CostEngine.estimate(without, BOOK, NO_FREE_TIER).assumptions().stream().noneMatch(a -> a.startsWith("Lambda@Edge")));
  }

  @Test
  void the_invalidation_line_states_how_many_paths_are_free() {
    TrafficProfile p = TrafficProfile.builder("inv")
        .region(PricingRegion.US, traffic("1", "1", "0"))
        .invalidationPaths(d("1500"))
        .build();
    CostLine paths = line(CostEngine.estimate(p, BOOK, NO_FREE_TIER), Component.INVALIDATIONS, null);
    assertEquals("the first 1,000 paths a month cost nothing", paths.note());
    assertUsd("2.50", paths.usd()); // (1,500 − 1,000) × 0.005
  }

  @Test
  void free_tier_use_is_reported_in_each_allowances_own_unit() {
    CostEstimate e = CostEngine.estimate(threeRegions(PriceClass.ALL), BOOK, EstimateOptions.AS_PROFILED);
    assertEquals(List.of("GB", "requests", "invocations", "reads"), e.freeTierUsed().stream().map(FreeTierUsed::unit).toList());
  }

  @Test
  void a_line_counts_in_its_components_unit() {
    CostEstimate e = CostEngine.estimate(threeRegions(PriceClass.ALL), BOOK, NO_FREE_TIER);
    assertEquals("GB", line(e, Component.DATA_TRANSFER_OUT, PricingRegion.US).unit());
    assertEquals("requests", line(e, Component.REQUESTS_HTTPS, PricingRegion.US).unit());
  }

  @Test
  void an_added_assumption_comes_last_and_changes_no_figure() {
    CostEstimate e = CostEngine.estimate(threeRegions(PriceClass.ALL), BOOK, NO_FREE_TIER);
    CostEstimate more = e.withAssumption("Traffic from 3 days of logs, scaled to a month.");
    assertEquals("Traffic from 3 days of logs, scaled to a month.", more.assumptions().get(more.assumptions().size() - 1));
    assertEquals(e.assumptions().size() + 1, more.assumptions().size());
    assertEquals(e.lines(), more.lines());
    assertUsd("150.9565", more.totalUsd()); // DTO 150.90 + HTTPS 0.0565, as in price_class_all_bills_every_region…
  }
}
