package dev.cfsim.pricing;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How much of one always-free allowance the estimate used.
 *
 * @param item what the allowance is for, e.g. {@code data_transfer_out}
 * @param allowance the monthly allowance (0 with {@code --free-tier none})
 * @param used how much of it this profile used
 * @param unit what is counted
 */
public record FreeTierUsed(String item, BigDecimal allowance, BigDecimal used, String unit) {
  public FreeTierUsed {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(allowance, "allowance");
    Objects.requireNonNull(used, "used");
    Objects.requireNonNull(unit, "unit");
  }
}
