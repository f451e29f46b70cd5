package dev.cfsim.rules;

import java.util.Objects;

/**
 * Something in a rules file that is legal but almost certainly not what its author meant.
 *
 * @param location the rule and field, e.g. {@code rules[3] (phones)}
 * @param message what is wrong
 */
public record RuleWarning(String location, String message) {
  public RuleWarning {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return location + ": " + message;
  }
}
