package dev.cfsim.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WholeCountsTest {

  private static Map<String, BigDecimal> counts(String... keysAndValues) {
    Map<String, BigDecimal> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put(keysAndValues[i], new BigDecimal(keysAndValues[i + 1]));
    }
    return m;
  }

  @Test
  void the_extra_ones_go_to_the_largest_remainders_and_the_total_is_kept() {
    // 1.2 + 1.3 + 1.5 = 4.0; floors 1 + 1 + 1 = 3; the one extra goes to .5
    assertEquals(counts("a", "1", "b", "1", "c", "2"),
        WholeCounts.largestRemainders(counts("a", "1.2", "b", "1.3", "c", "1.5")));
    // 0.6 + 0.7 + 0.7 = 2.0: two extra, to the two .7s
    assertEquals(counts("a", "0", "b", "1", "c", "1"),
        WholeCounts.largestRemainders(counts("a", "0.6", "b", "0.7", "c", "0.7")));
  }

  @Test
  void ties_go_to_the_earlier_key_and_keys_keep_their_order() {
    // 4 × 2.5 = 10; floors add to 8; the two extra go to the first two
    Map<String, BigDecimal> whole =
        WholeCounts.largestRemainders(counts("d", "2.5", "c", "2.5", "b", "2.5", "a", "2.5"));
    assertEquals(List.of("d", "c", "b", "a"), List.copyOf(whole.keySet()));
    assertEquals(counts("d", "3", "c", "3", "b", "2", "a", "2"), whole);
  }

  @Test
  void the_total_is_rounded_half_even() {
    // 0.25 + 0.25 = 0.5, which rounds half-even to 0: nothing extra
    assertEquals(counts("a", "0", "b", "0"),
        WholeCounts.largestRemainders(counts("a", "0.25", "b", "0.25")));
    // 0.75 + 0.75 = 1.5, which rounds to 2
    assertEquals(counts("a", "1", "b", "1"),
        WholeCounts.largestRemainders(counts("a", "0.75", "b", "0.75")));
  }

  @Test
  void whole_counts_are_left_alone() {
    assertEquals(counts("a", "180", "b", "0"),
        WholeCounts.largestRemainders(counts("a", "180", "b", "0")));
  }

  @Test
  void a_negative_count_is_refused() {
    assertThrows(IllegalArgumentException.class,
        () -> WholeCounts.largestRemainders(counts("a", "-1")));
  }
}
