package dev.cfsim.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfsim.InvalidInputException;
import dev.cfsim.pricing.PricingRegion;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The profile's value types and derived amounts, built directly (TrafficProfileReaderTest reads them). */
class TrafficProfileTest {

  static BigDecimal d(String v) {
    return new BigDecimal(v);
  }

  private static void assertAmount(String expected, BigDecimal actual) {
    assertEquals(0, d(expected).compareTo(actual), "expected " + expected + " but was " + actual);
  }

  @Test
  void https_requests_may_be_a_fraction_of_a_request() {
    RegionTraffic t = new RegionTraffic(d("3"), d("0.5"), d("0"), d("0"));
    assertAmount("1.5", t.httpsRequests()); // 3 × 0.5
    assertAmount("1.5", t.httpRequests()); // 3 − 1.5
  }

  @Test
  void https_requests_are_rounded_to_a_millionth_of_a_request() {
    // 46 of 3,000 over HTTP: the share 2,954 / 3,000 = 0.98466…, to 18 places, times 3,000 is
    // 2,954.000000000000001: a millionth of a request is the last digit kept
    RegionTraffic t = new RegionTraffic(d("3000"), d("0.984666666666666667"), d("0"), d("0"));
    assertEquals(d("2954"), t.httpsRequests());
    assertEquals(d("46"), t.httpRequests());
  }

  @Test
  void requests_finer_than_a_millionth_are_split_at_their_own_precision() {
    // a third of 1,000 requests, all over HTTPS: nothing is left over for HTTP
    RegionTraffic all = new RegionTraffic(d("333.3333333"), d("1"), d("0"), d("0"));
    assertAmount("333.3333333", all.httpsRequests());
    assertAmount("0", all.httpRequests());
    // none over HTTPS
    assertAmount("0", new RegionTraffic(d("333.3333333"), d("0"), d("0"), d("0")).httpsRequests());
    // half of 333.3333333 is 166.66666665, to 7 places half-even 166.6666666; HTTP gets the rest
    RegionTraffic half = new RegionTraffic(d("333.3333333"), d("0.5"), d("0"), d("0"));
    assertAmount("166.6666666", half.httpsRequests());
    assertAmount("166.6666667", half.httpRequests());
  }

  @Test
  void a_profile_built_in_code_names_itself_in_errors() {
    TrafficProfile p = TrafficProfile.builder("shop").region(PricingRegion.US, new RegionTraffic(d("1"), d("1"), d("0"), d("0"))).build();
    assertEquals("shop", p.errorSource());
  }

  @Test
  void derived_amounts_multiply_requests_by_their_per_request_rates() {
    TrafficProfile p = TrafficProfile.builder("derived")
        .region(PricingRegion.US, new RegionTraffic(d("1000"), d("1"), d("10"), d("0")))
        .region(PricingRegion.EU, new RegionTraffic(d("3000"), d("1"), d("30"), d("0")))
        .functions(new FunctionUsage(d("1"), d("0.5"), d("2")))
        .lambdaEdge(new LambdaEdgeUsage(d("0.25"), d("50"), d("128")))
        .build();
    assertAmount("4000", p.totalRequests()); // 1,000 + 3,000
    assertAmount("40", p.totalDataOutGb()); // 10 + 30
    assertAmount("6000", p.functionInvocations()); // 4,000 × (1 + 0.5)
    assertAmount("12000", p.kvsReads()); // 6,000 × 2
    assertAmount("1000", p.lambdaEdgeInvocations()); // 4,000 × 0.25
  }

  @Test
  void no_origin_shield_needs_no_region_but_origin_shield_requests_do() {
    assertEquals("", new OriginShieldUsage(null, d("0")).region());
    assertThrows(InvalidInputException.class, () -> new OriginShieldUsage(" ", d("1")));
  }

  @Test
  void origin_shield_is_written_only_when_the_profile_has_it() {
    RegionTraffic us = new RegionTraffic(d("5000"), d("1"), d("0"), d("0"));
    Map<String, Object> none = TrafficProfileWriter.toMap(TrafficProfile.builder("a").region(PricingRegion.US, us).build());
    assertFalse(none.containsKey("origin_shield"), none.toString());
    Map<String, Object> regionOnly = TrafficProfileWriter.toMap(TrafficProfile.builder("b").region(PricingRegion.US, us)
        .originShield(new OriginShieldUsage("ap-northeast-2", d("0"))).build());
    assertEquals(Map.of("region", "ap-northeast-2", "requests", BigDecimal.ZERO), regionOnly.get("origin_shield"));
    Map<String, Object> used = TrafficProfileWriter.toMap(TrafficProfile.builder("c").region(PricingRegion.US, us)
        .originShield(new OriginShieldUsage("us-east-1", d("5000"))).build());
    assertTrue(used.containsKey("origin_shield"), used.toString());
  }
}
