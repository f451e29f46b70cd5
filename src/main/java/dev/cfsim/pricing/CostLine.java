package dev.cfsim.pricing;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of the bill: a component in a region (or account-wide), its quantity, what of it the
 * free tier covered, and the charge.
 *
 * @param component the kind of charge
 * @param region the pricing region billed; null for account-wide charges (functions, invalidations ...)
 * @param quantity the month's usage, including the free part
 * @param freeQuantity the part of the quantity the free tier (or a $0 tier) covered
 * @param usd the charge, net of the free tier, unrounded
 * @param note how the line was priced, e.g. which region's rates applied; may be empty
 */
public record CostLine(
    Component component, PricingRegion region, BigDecimal quantity, BigDecimal freeQuantity,
    BigDecimal usd, String note) {
  public CostLine {
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(freeQuantity, "freeQuantity");
    Objects.requireNonNull(usd, "usd");
    note = note == null ? "" : note;
  }

  /** What the quantity counts: the component's unit. */
  public String unit() {
    return component.unit();
  }
}
