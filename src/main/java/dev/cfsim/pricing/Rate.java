package dev.cfsim.pricing;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A flat price: {@code usd} for every {@code per} units (AWS quotes requests per 10,000 and
 * invocations per million).
 *
 * @param usd the price in US dollars for {@code per} units
 * @param per how many units the price is for: 1, 10,000, 1,000,000 (a power of ten, so the
 *     price of one unit is exact)
 * @param unit what is counted: {@code GB}, {@code requests}, {@code invocations}, ...
 * @param source where the figure was read
 */
public record Rate(BigDecimal usd, BigDecimal per, String unit, Source source) {
  public Rate {
    Objects.requireNonNull(usd, "usd");
    Objects.requireNonNull(per, "per");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(source, "source");
    if (usd.signum() < 0 || per.signum() <= 0) {
      throw new IllegalArgumentException("a rate needs a price >= 0 and a positive unit count");
    }
  }

  /** The price of one unit, exact (per is a power of ten). */
  public BigDecimal unitPrice() {
    return usd.divide(per);
  }

  /** The price of {@code quantity} units, unrounded. */
  public BigDecimal cost(BigDecimal quantity) {
    return quantity.multiply(usd).divide(per);
  }
}
