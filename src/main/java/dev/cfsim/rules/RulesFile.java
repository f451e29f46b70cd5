package dev.cfsim.rules;

import java.util.List;
import java.util.Objects;

/**
 * A rules file as read: the rules, and the warnings they earned (they do not stop a run).
 *
 * @param source the file name or input label
 * @param rules the validated rules
 * @param warnings e.g. a rule no request can reach
 */
public record RulesFile(String source, RuleSet rules, List<RuleWarning> warnings) {
  public RulesFile {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(rules, "rules");
    warnings = List.copyOf(warnings);
  }
}
