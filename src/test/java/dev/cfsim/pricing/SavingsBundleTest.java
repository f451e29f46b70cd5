package dev.cfsim.pricing;

import static dev.cfsim.pricing.CostEngineTest.d;
import static dev.cfsim.pricing.RateTest.SOURCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SavingsBundleTest {

  @Test
  void a_bundle_covers_exactly_the_components_it_names() {
    SavingsBundle b = new SavingsBundle(d("0.7"), 12, d("0.1"),
        Set.of(Component.DATA_TRANSFER_OUT, Component.REQUESTS_HTTPS), SOURCE);
    assertEquals(Set.of(Component.DATA_TRANSFER_OUT, Component.REQUESTS_HTTPS), b.covers());
    assertEquals(Set.of(), new SavingsBundle(d("0.7"), 12, d("0.1"), Set.of(), SOURCE).covers());
  }

  @Test
  void the_credit_divisor_is_greater_than_zero_and_at_most_one() {
    assertEquals(0, d("1").compareTo(new SavingsBundle(d("1"), 12, d("0.1"), Set.of(), SOURCE).creditDivisor()));
    assertThrows(IllegalArgumentException.class, () -> new SavingsBundle(d("0"), 12, d("0.1"), Set.of(), SOURCE));
    assertThrows(IllegalArgumentException.class, () -> new SavingsBundle(d("1.01"), 12, d("0.1"), Set.of(), SOURCE));
  }
}
