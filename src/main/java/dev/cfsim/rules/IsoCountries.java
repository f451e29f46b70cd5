package dev.cfsim.rules;

import java.util.Locale;
import java.util.Set;

/**
 * The ISO 3166-1 alpha-2 country codes CloudFront puts in {@code CloudFront-Viewer-Country}.
 * Source: the JDK's copy of the ISO 3166-1 list ({@link Locale#getISOCountries()}), which tracks
 * the ISO 3166 Maintenance Agency's officially assigned codes.
 */
final class IsoCountries {
  private static final Set<String> ASSIGNED = Set.of(Locale.getISOCountries());

  private IsoCountries() {}

  /** True for an officially assigned alpha-2 code, upper case. */
  static boolean isAssigned(String code) {
    return ASSIGNED.contains(code);
  }
}
