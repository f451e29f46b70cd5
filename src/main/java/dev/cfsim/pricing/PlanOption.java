package dev.cfsim.pricing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One way to pay for the profile's traffic: pay-as-you-go, a flat-rate plan, or the savings bundle.
 *
 * @param name the option, e.g. {@code Pay-as-you-go}, {@code Pro}, {@code Premium}
 * @param monthlyUsd what the option costs a month for this profile, unrounded
 * @param fits whether the option covers the profile (a flat-rate plan within its allowances)
 * @param reasons why it fits or not, e.g. {@code does not fit: exceeds 10,000,000 requests}
 */
public record PlanOption(String name, BigDecimal monthlyUsd, boolean fits, List<String> reasons) {
  public PlanOption {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(monthlyUsd, "monthlyUsd");
    reasons = List.copyOf(reasons);
  }
}
