package dev.cfsim.pricing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Shares the always-free data transfer out among the pricing regions where it saves the most.
 * Free GB are metered before the volume tiers, so a free GB in a region past its first tier
 * takes off that region's last, cheapest GB: ranking regions by first-tier price would give the
 * free tier to Japan at 20 TB ($0.089 a GB saved) rather than to India at 1 TB ($0.109).
 *
 * <p>A region's saving grows faster the more free GB it gets (its dearer, lower tiers come
 * next; the price book refuses tiers that rise), so the best share is a corner: some regions wholly free, at most one partly. There are
 * at most eight regions, and only those with less traffic than the allowance can be wholly free,
 * so every corner is tried.
 */
final class FreeDataTransfer {
  private FreeDataTransfer() {}

  /**
   * The free GB per region (regions that get none are left out).
   *
   * @param allowance free GB for the month
   * @param usage GB out per region, as billed before the free tier
   * @param rates each region's tiered price for data out
   */
  static Map<PricingRegion, BigDecimal> share(
      BigDecimal allowance, Map<PricingRegion, BigDecimal> usage, Function<PricingRegion, TieredRate> rates) {
    Map<PricingRegion, BigDecimal> used = new EnumMap<>(PricingRegion.class);
    usage.forEach((r, gb) -> {
      if (gb.signum() > 0) {
        used.put(r, gb);
      }
    });
    BigDecimal total = used.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    if (allowance.signum() <= 0 || used.isEmpty()) {
      return Map.of();
    }
    if (total.compareTo(allowance) <= 0) {
      return used; // all of it is free
    }
    List<PricingRegion> regions = new ArrayList<>(used.keySet());
    List<PricingRegion> small = regions.stream().filter(r -> used.get(r).compareTo(allowance) < 0).toList();
    Map<PricingRegion, BigDecimal> fullCost = new EnumMap<>(PricingRegion.class);
    regions.forEach(r -> fullCost.put(r, rates.apply(r).cost(used.get(r))));

    Map<PricingRegion, BigDecimal> best = Map.of();
    BigDecimal bestSaving = BigDecimal.valueOf(-1);
    for (int mask = 0; mask < 1 << small.size(); mask++) {
      Map<PricingRegion, BigDecimal> free = new EnumMap<>(PricingRegion.class);
      BigDecimal left = allowance;
      BigDecimal saving = BigDecimal.ZERO;
      for (int i = 0; i < small.size(); i++) {
        if ((mask & 1 << i) != 0) {
          PricingRegion r = small.get(i);
          free.put(r, used.get(r));
          left = left.subtract(used.get(r));
          saving = saving.add(fullCost.get(r));
        }
      }
      if (left.signum() < 0) {
        continue;
      }
      for (PricingRegion partly : regions) {
        if (free.containsKey(partly) || left.signum() == 0) {
          continue;
        }
        BigDecimal gb = left.min(used.get(partly));
        BigDecimal withPart = saving.add(fullCost.get(partly))
            .subtract(rates.apply(partly).cost(used.get(partly).subtract(gb)));
        if (withPart.compareTo(bestSaving) > 0) {
          bestSaving = withPart;
          best = new EnumMap<>(free);
          best.put(partly, gb);
        }
      }
      if (left.signum() == 0 && saving.compareTo(bestSaving) > 0) {
        bestSaving = saving;
        best = free;
      }
    }
    return best;
  }
}
