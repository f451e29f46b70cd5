package dev.cfsim.pricing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A price that falls with monthly volume, as data transfer out does. The tiers cover 0 to
 * infinity without gaps or overlaps ({@link PriceBookReader} refuses any other shape).
 *
 * @param unit what is counted, e.g. {@code GB}
 * @param tiers the tiers in order
 * @param source where the figures were read
 */
public record TieredRate(String unit, List<Tier> tiers, Source source) {
  public TieredRate {
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(source, "source");
    tiers = List.copyOf(tiers);
    if (tiers.isEmpty()) {
      throw new IllegalArgumentException("a tiered rate needs tiers");
    }
  }

  /** The price of {@code quantity} units in the month: each tier's share at its own price. */
  public BigDecimal cost(BigDecimal quantity) {
    BigDecimal sum = BigDecimal.ZERO;
    for (Tier t : tiers) {
      sum = sum.add(t.portionOf(quantity).multiply(t.usd()));
    }
    return sum;
  }

  /** The price per unit of the first tier (what an importer checks it read). */
  public BigDecimal firstTierPrice() {
    return tiers.get(0).usd();
  }
}
