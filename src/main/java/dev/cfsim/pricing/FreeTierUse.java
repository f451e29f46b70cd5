package dev.cfsim.pricing;

import dev.cfsim.InvalidInputException;
import java.util.Locale;

/**
 * Whether the account's always-free tier is still there for this distribution. It belongs to the
 * AWS account, not the distribution: {@code NONE} says other distributions already used it, and
 * also gives figures comparable with tools that ignore the free tier.
 */
public enum FreeTierUse {
  /** The account's monthly free tier is available to this distribution. */
  ACCOUNT("account"),
  /** The free tier is used up elsewhere (or deliberately ignored). */
  NONE("none");

  private final String id;

  FreeTierUse(String id) {
    this.id = id;
  }

  /** The id used in profiles and flags. */
  public String id() {
    return id;
  }

  /** Parses {@code account} or {@code none}, naming the source and field when it is neither. */
  public static FreeTierUse parse(String text, String source, String location) {
    String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    for (FreeTierUse f : values()) {
      if (f.id.equals(wanted)) {
        return f;
      }
    }
    throw new InvalidInputException(
        source, location, "unknown free tier use '" + text + "' (expected account or none)");
  }

  @Override
  public String toString() {
    return id;
  }
}
