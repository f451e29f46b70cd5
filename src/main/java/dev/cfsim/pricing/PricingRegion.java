package dev.cfsim.pricing;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The eight geographic areas CloudFront prices separately. The ids are a stable contract
 * (DESIGN.md): profiles, price books and JSON output all use them.
 */
public enum PricingRegion {
  /** United States, Mexico, Canada. */
  US("us", "United States, Mexico, Canada"),
  /** Europe, Israel, Türkiye. */
  EU("eu", "Europe, Israel, Türkiye"),
  /** South Africa, Kenya, Nigeria, Middle East. */
  ME_AF("me_af", "South Africa, Kenya, Nigeria, Middle East"),
  /** South America. */
  SA("sa", "South America"),
  /** Japan. */
  JP("jp", "Japan"),
  /** Australia, New Zealand. */
  AU("au", "Australia, New Zealand"),
  /** Hong Kong, Indonesia, Philippines, Singapore, South Korea, Taiwan, Thailand, Malaysia, Vietnam. */
  AP("ap", "Hong Kong, Indonesia, Philippines, Singapore, South Korea, Taiwan, Thailand, Malaysia, Vietnam"),
  /** India. */
  IN("in", "India");

  private final String id;
  private final String displayName;

  PricingRegion(String id, String displayName) {
    this.id = id;
    this.displayName = displayName;
  }

  /** The stable id used in files and JSON, e.g. {@code me_af}. */
  public String id() {
    return id;
  }

  /** The countries AWS's pricing page lists for this region. */
  public String displayName() {
    return displayName;
  }

  /** Looks up a region by its id, case-insensitively; empty for anything else. */
  public static Optional<PricingRegion> fromId(String id) {
    if (id == null) {
      return Optional.empty();
    }
    String wanted = id.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(r -> r.id.equals(wanted)).findFirst();
  }

  /** The ids joined for error messages: {@code us, eu, …}. */
  public static String allIds() {
    return Arrays.stream(values()).map(PricingRegion::id).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return id;
  }
}
