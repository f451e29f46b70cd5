package dev.cfsim.pricing;

import java.util.List;
import java.util.Objects;

/**
 * The same profile priced every way AWS sells CloudFront.
 *
 * @param profile the profile's name
 * @param priceBook the price book's id
 * @param options fitting options cheapest first, then those that do not fit, cheapest first
 * @param cheapest the name of the cheapest option that fits
 * @param payAsYouGo the pay-as-you-go estimate the other options are compared with
 * @param assumptions what the comparison assumes about plans and the bundle
 */
public record PlanComparison(
    String profile, String priceBook, List<PlanOption> options, String cheapest, CostEstimate payAsYouGo,
    List<String> assumptions) {
  public PlanComparison {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(priceBook, "priceBook");
    options = List.copyOf(options);
    Objects.requireNonNull(cheapest, "cheapest");
    Objects.requireNonNull(payAsYouGo, "payAsYouGo");
    assumptions = List.copyOf(assumptions);
  }
}
