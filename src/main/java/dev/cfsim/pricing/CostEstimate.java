package dev.cfsim.pricing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A month's pay-as-you-go CloudFront bill for a traffic profile: the result of {@link CostEngine}.
 *
 * @param priceBook the id of the price book used
 * @param profile the profile's name
 * @param priceClass the price class priced
 * @param freeTier whether the account's free tier was applied
 * @param lines the bill, line by line, in a stable order (component, then region)
 * @param freeTierUsed how much of each always-free allowance was used
 * @param totalUsd the sum of the lines, unrounded
 * @param assumptions every choice the estimate made that AWS does not spell out
 */
public record CostEstimate(
    String priceBook, String profile, PriceClass priceClass, FreeTierUse freeTier, List<CostLine> lines,
    List<FreeTierUsed> freeTierUsed, BigDecimal totalUsd, List<String> assumptions) {
  public CostEstimate {
    Objects.requireNonNull(priceBook, "priceBook");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(priceClass, "priceClass");
    Objects.requireNonNull(freeTier, "freeTier");
    lines = List.copyOf(lines);
    freeTierUsed = List.copyOf(freeTierUsed);
    Objects.requireNonNull(totalUsd, "totalUsd");
    assumptions = List.copyOf(assumptions);
  }

  /** The same estimate with one more assumption, e.g. about traffic the profile could not hold. */
  public CostEstimate withAssumption(String assumption) {
    List<String> all = new ArrayList<>(assumptions);
    all.add(assumption);
    return new CostEstimate(priceBook, profile, priceClass, freeTier, lines, freeTierUsed, totalUsd, all);
  }

  /** The charge of one component, all regions together. */
  public BigDecimal usd(Component component) {
    return lines.stream().filter(l -> l.component() == component).map(CostLine::usd).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
