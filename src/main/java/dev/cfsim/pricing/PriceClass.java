package dev.cfsim.pricing;

import dev.cfsim.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A distribution's price class: which edge locations may serve it. A restricted class is
 * cheaper only because traffic from the regions it leaves out is served, and billed, elsewhere.
 */
public enum PriceClass {
  /** PriceClass_100: United States, Mexico, Canada, Europe, Israel. */
  PRICE_CLASS_100("100"),
  /** PriceClass_200: every region but South America and Australia/New Zealand. */
  PRICE_CLASS_200("200"),
  /** PriceClass_All: every edge location (CloudFront's default). */
  ALL("all");

  private final String id;

  PriceClass(String id) {
    this.id = id;
  }

  /** The id used in profiles, price books and flags: {@code 100}, {@code 200}, {@code all}. */
  public String id() {
    return id;
  }

  /** CloudFront's own name, e.g. {@code PriceClass_100}. */
  public String awsName() {
    return this == ALL ? "PriceClass_All" : "PriceClass_" + id;
  }

  /**
   * Parses {@code 100}, {@code 200}, {@code all} or CloudFront's {@code PriceClass_100} form.
   *
   * @throws InvalidInputException naming {@code source} and {@code location} for anything else
   */
  public static PriceClass parse(String text, String source, String location) {
    String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    if (wanted.startsWith("priceclass_")) {
      wanted = wanted.substring("priceclass_".length());
    }
    for (PriceClass pc : values()) {
      if (pc.id.equals(wanted)) {
        return pc;
      }
    }
    throw new InvalidInputException(
        source,
        location,
        "unknown price class '" + text + "' (expected one of: "
            + Arrays.stream(values()).map(PriceClass::id).collect(Collectors.joining(", "))
            + ")");
  }

  @Override
  public String toString() {
    return id;
  }
}
