package dev.cfsim.rules;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One rule: when the condition holds, the action decides the request and no later rule runs.
 *
 * @param id names the rule in reports and decisions; letters, digits, {@code . _ -}; not
 *     {@code pass} or {@code default}, which name the default decision
 * @param when the condition; {@code new Condition.All(List.of())} matches every request
 * @param action what the function does with a matching request
 */
public record Rule(String id, Condition when, Action action) {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  public Rule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(when, "when");
    Objects.requireNonNull(action, "action");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("id '" + id
          + "' must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    if (id.equals(RuleSet.PASS_ID) || id.equals(RuleSet.DEFAULT_ID)) {
      throw new IllegalArgumentException("id '" + id + "' is reserved for the default decision");
    }
  }
}
