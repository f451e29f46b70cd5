package dev.cfsim.pricing;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A CloudFront flat-rate pricing plan: one monthly price for a distribution's traffic up to the
 * plan's allowances, with no overage charges.
 *
 * @param name the plan's name, e.g. {@code Pro}
 * @param levels the usage levels the plan can be set to, cheapest first (Premium has several)
 * @param notSupported components the plan cannot be used with (Lambda@Edge, real-time logs, ...)
 * @param pastAllowance what AWS does when usage goes past the allowance
 * @param source where the plan was read
 */
public record FlatRatePlan(String name, List<Level> levels, Set<Component> notSupported, String pastAllowance, Source source) {
  public FlatRatePlan {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(pastAllowance, "past_allowance");
    Objects.requireNonNull(source, "source");
    levels = List.copyOf(levels);
    notSupported = Collections.unmodifiableSet(notSupported.isEmpty() ? EnumSet.noneOf(Component.class) : EnumSet.copyOf(notSupported));
    if (levels.isEmpty()) {
      throw new IllegalArgumentException("plan " + name + " has no level");
    }
  }

  /**
   * One usage level of a plan.
   *
   * @param usd the monthly price
   * @param requests requests included per month
   * @param dataTransferOutGb data transfer out included per month, in GB
   */
  public record Level(BigDecimal usd, BigDecimal requests, BigDecimal dataTransferOutGb) {
    public Level {
      Objects.requireNonNull(usd, "usd");
      Objects.requireNonNull(requests, "requests");
      Objects.requireNonNull(dataTransferOutGb, "data_transfer_out_gb");
    }
  }
}
