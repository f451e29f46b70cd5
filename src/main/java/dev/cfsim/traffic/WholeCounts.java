package dev.cfsim.traffic;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fractional counts made whole so that they still add up: the largest remainder method (Hamilton's
 * apportionment). Rounding each count on its own can drift the total by up to one per count.
 */
final class WholeCounts {
  private WholeCounts() {}

  /**
   * Each count rounded down, then one more to those with the largest fractional parts until the
   * whole counts add up to the exact total rounded half-even; ties go to the earlier key. Keys
   * keep their order. Counts must not be negative.
   */
  static <K> Map<K, BigDecimal> largestRemainders(Map<K, BigDecimal> counts) {
    BigDecimal total = counts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal target = total.setScale(0, RoundingMode.HALF_EVEN);
    Map<K, BigDecimal> whole = new LinkedHashMap<>();
    List<K> byRemainder = new ArrayList<>(counts.keySet());
    BigDecimal floors = BigDecimal.ZERO;
    for (Map.Entry<K, BigDecimal> e : counts.entrySet()) {
      if (e.getValue().signum() < 0) {
        throw new IllegalArgumentException("negative count for " + e.getKey() + ": " + e.getValue());
      }
      BigDecimal floor = e.getValue().setScale(0, RoundingMode.FLOOR);
      whole.put(e.getKey(), floor);
      floors = floors.add(floor);
    }
    // a stable sort: among equal remainders the earlier key comes first
    byRemainder.sort(Comparator.comparing(
        (K k) -> counts.get(k).subtract(whole.get(k))).reversed());
    int extra = target.subtract(floors).intValueExact(); // 0 <= extra <= counts.size()
    for (int i = 0; i < extra; i++) {
      K k = byRemainder.get(i);
      whole.put(k, whole.get(k).add(BigDecimal.ONE));
    }
    return whole;
  }
}
