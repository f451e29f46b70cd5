package dev.cfsim.pricing;

/**
 * Overrides for one estimate, e.g. from CLI flags; null fields keep what the profile says.
 *
 * @param priceClass the price class to price, instead of the profile's
 * @param freeTier whether the account's free tier is available, instead of the profile's
 */
public record EstimateOptions(PriceClass priceClass, FreeTierUse freeTier) {

  /** Price the profile as it is written. */
  public static final EstimateOptions AS_PROFILED = new EstimateOptions(null, null);
}
