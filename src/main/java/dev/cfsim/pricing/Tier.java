package dev.cfsim.pricing;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One volume tier: units from {@code from} up to {@code to} cost {@code usd} each. The ranges
 * are those of AWS's price list (beginRange/endRange), e.g. 0 to 10,240 GB for "first 10 TB".
 *
 * @param from where the tier starts (inclusive)
 * @param to where it ends; null for the last, unbounded tier
 * @param usd the price per unit in this tier
 */
public record Tier(BigDecimal from, BigDecimal to, BigDecimal usd) {
  public Tier {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(usd, "usd");
  }

  /** How much of {@code quantity} falls into this tier. */
  public BigDecimal portionOf(BigDecimal quantity) {
    if (quantity.compareTo(from) <= 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal top = to == null ? quantity : quantity.min(to);
    return top.subtract(from);
  }
}
