package dev.cfsim.emulator;

import dev.cfsim.rules.Condition;
import dev.cfsim.rules.Rule;
import dev.cfsim.rules.RuleSet;
import dev.cfsim.rules.RuleWarning;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Flags rules that test a header access logs do not record: in a replay such a header is always
 * absent, so the report would silently under-count the rule.
 */
final class LoggedHeaders {
  /** Viewer headers a log line carries (see {@link LoggedRequests}). */
  static final Set<String> RECORDED = Set.of("host", "user-agent", "referer");

  private LoggedHeaders() {}

  static List<RuleWarning> warnings(RuleSet rules) {
    List<RuleWarning> out = new ArrayList<>();
    for (int i = 0; i < rules.rules().size(); i++) {
      Rule rule = rules.rules().get(i);
      List<String> missing = new ArrayList<>();
      collect(rule.when(), missing);
      for (String name : missing.stream().distinct().toList()) {
        out.add(new RuleWarning("rules[" + i + "] (" + rule.id() + ")", "tests header '" + name
            + "', which access logs do not record: in this replay it is always absent"));
      }
    }
    return out;
  }

  private static void collect(Condition c, List<String> missing) {
    if (c instanceof Condition.All all) {
      all.conditions().forEach(x -> collect(x, missing));
    } else if (c instanceof Condition.Any any) {
      any.conditions().forEach(x -> collect(x, missing));
    } else if (c instanceof Condition.Not not) {
      collect(not.condition(), missing);
    } else if (c instanceof Condition.Field f && f.source() == Condition.Source.HEADER
        && !RECORDED.contains(f.name()) && !f.name().startsWith("cloudfront-")) {
      missing.add(f.name());
    }
  }
}
