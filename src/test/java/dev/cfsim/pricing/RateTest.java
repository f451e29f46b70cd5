package dev.cfsim.pricing;

import static dev.cfsim.pricing.CostEngineTest.assertUsd;
import static dev.cfsim.pricing.CostEngineTest.d;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Rates built by hand; the figures are AWS's own (pricing-facts.md §4). */
class RateTest {
  static final Source SOURCE = new Source("https://aws.amazon.com/cloudfront/pricing/", LocalDate.parse("2026-11-24"), "");

  @Test
  void a_rate_per_a_count_that_is_not_a_power_of_ten_divides_exactly() {
    // AWS's pro-rating example: the $15 Pro plan for 15 days of a 30-day month costs $7.50
    Rate proPerDay = new Rate(d("15"), d("30"), "days", SOURCE);
    assertUsd("0.50", proPerDay.unitPrice()); // 15 / 30
    assertUsd("7.50", proPerDay.cost(d("15"))); // 15 × 15 / 30
  }

  @Test
  void a_rate_per_a_power_of_ten_moves_the_decimal_point() {
    Rate functions = new Rate(d("0.10"), d("1000000"), "invocations", SOURCE);
    assertUsd("0.0000001", functions.unitPrice()); // 0.10 / 1,000,000
    assertUsd("43.60", functions.cost(d("436000000"))); // 436,000,000 × 0.10 / 1,000,000
    Rate dedicatedIp = new Rate(d("600"), d("1"), "certificates", SOURCE);
    assertUsd("1200", dedicatedIp.cost(d("2"))); // 2 × 600
  }

  @Test
  void a_rate_may_be_free() {
    // the price list's $0 first 1,000 invalidation paths, as a flat rate
    Rate free = new Rate(d("0"), d("1"), "paths", SOURCE);
    assertUsd("0", free.cost(d("1000")));
  }

  @Test
  void a_rate_needs_a_positive_unit_count_and_a_price_of_at_least_zero() {
    assertThrows(IllegalArgumentException.class, () -> new Rate(d("0.0100"), d("0"), "requests", SOURCE));
    assertThrows(IllegalArgumentException.class, () -> new Rate(d("0.0100"), d("-10000"), "requests", SOURCE));
    assertThrows(IllegalArgumentException.class, () -> new Rate(d("-0.0100"), d("10000"), "requests", SOURCE));
  }
}
