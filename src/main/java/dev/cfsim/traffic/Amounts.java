package dev.cfsim.traffic;

import dev.cfsim.InvalidInputException;
import java.math.BigDecimal;
import java.util.Objects;

/** Checks shared by the records of a traffic profile, so an object that exists is valid. */
final class Amounts {
  static final String SOURCE = "traffic profile";

  private Amounts() {}

  /** The value, if present and not negative; otherwise an error naming the field. */
  static BigDecimal nonNegative(BigDecimal value, String field) {
    if (value == null) {
      throw new InvalidInputException(SOURCE, field, "is missing");
    }
    if (value.signum() < 0) {
      throw new InvalidInputException(SOURCE, field, "must not be negative (got " + value.toPlainString() + ")");
    }
    return value;
  }

  /** The value, if it lies in [0, 1]. */
  static BigDecimal share(BigDecimal value, String field) {
    nonNegative(value, field);
    if (value.compareTo(BigDecimal.ONE) > 0) {
      throw new InvalidInputException(SOURCE, field, "must be between 0 and 1 (got " + value.toPlainString() + ")");
    }
    return value;
  }

  /** The value, if strictly positive. */
  static BigDecimal positive(BigDecimal value, String field) {
    nonNegative(value, field);
    if (value.signum() == 0) {
      throw new InvalidInputException(SOURCE, field, "must be greater than 0");
    }
    return value;
  }

  /**
   * A count of things each made by one viewer request, at most {@code requests} of the kind
   * {@code kind} ("viewer requests", "HTTPS requests"): a count past them is a typo in the
   * profile, and would be billed as given.
   */
  static void perRequest(BigDecimal value, BigDecimal requests, String kind, String field, String why) {
    if (value.compareTo(requests) > 0) {
      throw new InvalidInputException(SOURCE, field, "is more than the profile's " + kind + " ("
          + value.toPlainString() + " > " + requests.stripTrailingZeros().toPlainString() + "): " + why);
    }
  }

  static <T> T required(T value, String field) {
    if (Objects.isNull(value)) {
      throw new InvalidInputException(SOURCE, field, "is missing");
    }
    return value;
  }
}
