package dev.cfsim.logs;

import dev.cfsim.pricing.PricingRegion;
import java.util.Objects;
import java.util.Optional;

/**
 * One edge location code prefix, e.g. {@code ICN} for {@code ICN54-C1}: where it is and which
 * CloudFront pricing region bills its traffic.
 *
 * @param code the IATA-style prefix, upper case
 * @param city the metro the code stands for
 * @param country ISO 3166-1 alpha-2
 * @param region the pricing region; empty for the China network, which the global price book
 *     does not cover
 * @param note why an entry differs from its source, or other caveats; may be empty
 */
public record EdgeLocation(
    String code, String city, String country, Optional<PricingRegion> region, String note) {

  public EdgeLocation {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(city, "city");
    Objects.requireNonNull(country, "country");
    region = region == null ? Optional.empty() : region;
    note = note == null ? "" : note;
  }
}
