package dev.cfsim.pricing;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which regions a price class serves, and where viewers in the other regions are served (and
 * so billed) instead. AWS says only "the lowest-latency edge location in the class"; the price
 * book states cfsim's assumption of its region (the nearest region the class serves).
 *
 * @param priceClass the class
 * @param serves the pricing regions whose edge locations the class uses
 * @param othersBilledAs for each region the class leaves out, the served region billed instead
 * @param source where the membership was read
 */
public record PriceClassRule(
    PriceClass priceClass, Set<PricingRegion> serves, Map<PricingRegion, PricingRegion> othersBilledAs, Source source) {
  public PriceClassRule {
    Objects.requireNonNull(priceClass, "priceClass");
    Objects.requireNonNull(source, "source");
    serves = Collections.unmodifiableSet(serves.isEmpty() ? EnumSet.noneOf(PricingRegion.class) : EnumSet.copyOf(serves));
    othersBilledAs = Collections.unmodifiableMap(othersBilledAs.isEmpty() ? new EnumMap<>(PricingRegion.class) : new EnumMap<>(othersBilledAs));
    for (PricingRegion r : PricingRegion.values()) {
      PricingRegion billed = serves.contains(r) ? r : othersBilledAs.get(r);
      if (billed == null || !serves.contains(billed)) {
        throw new IllegalArgumentException(priceClass.awsName() + " leaves " + r + " without a served region");
      }
    }
  }

  /** Those of {@code viewerRegions} this class has no edges in, in their order. */
  public List<PricingRegion> leavesOut(Collection<PricingRegion> viewerRegions) {
    return viewerRegions.stream().filter(r -> !serves.contains(r)).toList();
  }

  /** The region whose prices apply to viewers in {@code viewerRegion}. */
  public PricingRegion billingRegion(PricingRegion viewerRegion) {
    return serves.contains(viewerRegion) ? viewerRegion : othersBilledAs.get(viewerRegion);
  }
}
