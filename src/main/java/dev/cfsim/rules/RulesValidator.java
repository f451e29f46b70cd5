package dev.cfsim.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks across rules that a single rule's constructor cannot make: rules that can never decide,
 * because their condition is never true ({@code not: {}}) or an earlier rule matches every
 * request they could match. The check is sound but not complete: a warning is always right, yet
 * some unreachable rules go unnoticed.
 */
public final class RulesValidator {
  private RulesValidator() {}

  /** Warnings for the rule set, in rule order. */
  public static List<RuleWarning> warnings(RuleSet rules) {
    List<RuleWarning> warnings = new ArrayList<>();
    List<Rule> list = rules.rules();
    for (int j = 0; j < list.size(); j++) {
      Rule later = list.get(j);
      String at = "rules[" + j + "] (" + later.id() + ")";
      queryInFragment(later.action()).ifPresent(w -> warnings.add(new RuleWarning(at + ".redirect.location", w)));
      if (isContradiction(later.when())) {
        warnings.add(new RuleWarning("rules[" + j + "] (" + later.id() + ")",
            "can never match: its condition is never true (it negates one that every request meets)"));
        continue;
      }
      for (int i = 0; i < j; i++) {
        Rule earlier = list.get(i);
        if (implies(later.when(), earlier.when())) {
          warnings.add(new RuleWarning("rules[" + j + "] (" + later.id() + ")",
              "can never match: every request it matches is taken first by rules[" + i + "] ("
                  + earlier.id() + ")"));
          break;
        }
      }
    }
    queryInFragment(rules.defaultAction()).ifPresent(w -> warnings.add(new RuleWarning("default.redirect.location", w)));
    return warnings;
  }

  /**
   * A redirect that puts the viewer's query after its location's fragment: right for a page that
   * routes in its fragment, a lost query for any other (found by differential fuzzing, where the
   * emulator and the function agreed on the URL).
   */
  private static Optional<String> queryInFragment(Action action) {
    if (!(action instanceof Action.Redirect redirect)) {
      return Optional.empty();
    }
    return redirect.fragmentBeforeQuery().map(fragment -> "the query string goes after the fragment ('"
        + fragment + "'), which browsers never send: only a page that routes in its fragment (#/login?…)"
        + " reads it there; if the server needs it, put ?${querystring} before the '#'");
  }

  /** True when every request that satisfies {@code b} also satisfies {@code a}. */
  static boolean implies(Condition b, Condition a) {
    if (a instanceof Condition.All all) {
      return all.conditions().stream().allMatch(c -> implies(b, c));
    }
    if (a instanceof Condition.Any any) {
      return any.conditions().stream().anyMatch(c -> implies(b, c));
    }
    if (isTautology(a)) {
      return true;
    }
    if (b instanceof Condition.Any any) {
      return any.conditions().stream().allMatch(c -> implies(c, a));
    }
    return conjuncts(b).stream().anyMatch(atom -> atomImplies(atom, a));
  }

  /** True when no request satisfies {@code c}: the negation of a condition every request meets. */
  static boolean isContradiction(Condition c) {
    if (c instanceof Condition.Not not) {
      return isTautologyTree(not.condition());
    }
    if (c instanceof Condition.All all) {
      return all.conditions().stream().anyMatch(RulesValidator::isContradiction);
    }
    if (c instanceof Condition.Any any) {
      return any.conditions().stream().allMatch(RulesValidator::isContradiction);
    }
    return false;
  }

  /** True when every request satisfies {@code c}: an empty {@code all}, a catch-all, or combinations. */
  private static boolean isTautologyTree(Condition c) {
    if (c instanceof Condition.All all) {
      return all.conditions().stream().allMatch(RulesValidator::isTautologyTree);
    }
    if (c instanceof Condition.Any any) {
      return any.conditions().stream().anyMatch(RulesValidator::isTautologyTree);
    }
    if (c instanceof Condition.Not not) {
      return isContradiction(not.condition());
    }
    return isTautology(c);
  }

  /**
   * A condition every request meets. Not {@code host: "*"}: a host condition fails when the
   * request has no Host, which CloudFront always sends but a log may not record, and the
   * emulator replays such requests, so a warning resting on it could contradict the counts.
   */
  private static boolean isTautology(Condition a) {
    return (a instanceof Condition.Path p && p.patterns().stream().anyMatch(Glob::matchesEverything))
        || (a instanceof Condition.PathPrefix pp && pp.prefixes().contains("/"));
  }

  private static Set<Condition> conjuncts(Condition c) {
    Set<Condition> out = new HashSet<>();
    if (c instanceof Condition.All all) {
      all.conditions().forEach(x -> out.addAll(conjuncts(x)));
    } else {
      out.add(c);
    }
    return out;
  }

  /** One atomic condition implies another: equal, or the same test on a subset of values. */
  private static boolean atomImplies(Condition b, Condition a) {
    if (b.equals(a)) {
      return true;
    }
    if (b instanceof Condition.Country x && a instanceof Condition.Country y) {
      return y.codes().containsAll(x.codes());
    }
    if (b instanceof Condition.CountryRegion x && a instanceof Condition.CountryRegion y) {
      return y.codes().containsAll(x.codes());
    }
    if (b instanceof Condition.DeviceIs x && a instanceof Condition.DeviceIs y) {
      return y.devices().containsAll(x.devices());
    }
    if (b instanceof Condition.Method x && a instanceof Condition.Method y) {
      return y.methods().containsAll(x.methods());
    }
    if (b instanceof Condition.Path x && a instanceof Condition.Path y) {
      return y.patterns().containsAll(x.patterns());
    }
    if (b instanceof Condition.PathPrefix x && a instanceof Condition.PathPrefix y) {
      return x.prefixes().stream().allMatch(p -> y.prefixes().stream().anyMatch(p::startsWith));
    }
    if (b instanceof Condition.Host x && a instanceof Condition.Host y) {
      return y.patterns().containsAll(x.patterns());
    }
    return false;
  }
}
