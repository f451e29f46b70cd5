package dev.cfsim.rules;

import dev.cfsim.viewer.Ascii;
import dev.cfsim.viewer.FieldValue;
import dev.cfsim.viewer.ViewerRequest;
import dev.cfsim.viewer.ViewerRequestEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A {@link RuleSet} compiled once into predicates and actions, then applied to any number of
 * viewer-request events. Immutable and safe to share between threads.
 */
public final class RuleEvaluator {
  /** Distinct values each thread remembers per regex condition. */
  static final int MEMO_SIZE = 4_096;

  private final List<String> ids;
  private final List<Predicate<ViewerRequest>> conditions;
  private final List<Function<ViewerRequest, Decision>> actions;
  private final Function<ViewerRequest, Decision> defaultAction;
  private final String defaultId;

  private RuleEvaluator(RuleSet rules) {
    int n = rules.rules().size();
    ids = new ArrayList<>(n);
    conditions = new ArrayList<>(n);
    actions = new ArrayList<>(n);
    for (Rule rule : rules.rules()) {
      ids.add(rule.id());
      conditions.add(condition(rule.when()));
      actions.add(action(rule.id(), rule.action()));
    }
    defaultId = rules.defaultId();
    defaultAction = action(defaultId, rules.defaultAction());
  }

  /** Compiles the rules; the regexes were checked when the rules were read. */
  public static RuleEvaluator compile(RuleSet rules) {
    return new RuleEvaluator(rules);
  }

  /** The decision the function would return for this event. */
  public Decision evaluate(ViewerRequestEvent event) {
    return evaluate(event.request());
  }

  /** The decision for a request: the first rule whose condition holds, else the default. */
  public Decision evaluate(ViewerRequest request) {
    for (int i = 0; i < conditions.size(); i++) {
      if (conditions.get(i).test(request)) {
        return actions.get(i).apply(request);
      }
    }
    return defaultAction.apply(request);
  }

  /** Every id a decision can carry: the rule ids in order, then {@code pass} or {@code default}. */
  public List<String> decisionIds() {
    List<String> all = new ArrayList<>(ids);
    all.add(defaultId);
    return List.copyOf(all);
  }

  // ---- conditions ----

  private static Predicate<ViewerRequest> condition(Condition c) {
    if (c instanceof Condition.All all) {
      List<Predicate<ViewerRequest>> parts = all.conditions().stream().map(RuleEvaluator::condition).toList();
      return parts.size() == 1 ? parts.get(0) : r -> {
        for (Predicate<ViewerRequest> p : parts) {
          if (!p.test(r)) {
            return false;
          }
        }
        return true;
      };
    }
    if (c instanceof Condition.Any any) {
      List<Predicate<ViewerRequest>> parts = any.conditions().stream().map(RuleEvaluator::condition).toList();
      return r -> {
        for (Predicate<ViewerRequest> p : parts) {
          if (p.test(r)) {
            return true;
          }
        }
        return false;
      };
    }
    if (c instanceof Condition.Not not) {
      return condition(not.condition()).negate();
    }
    if (c instanceof Condition.Country country) {
      Set<String> codes = country.codes();
      return r -> {
        String v = first(r.headers(), "cloudfront-viewer-country");
        return v != null && codes.contains(v);
      };
    }
    if (c instanceof Condition.CountryRegion region) {
      Map<String, Set<String>> byCountry = new HashMap<>();
      for (String code : region.codes()) {
        byCountry.computeIfAbsent(code.substring(0, 2), k -> new HashSet<>()).add(code.substring(3));
      }
      return r -> {
        String country = first(r.headers(), "cloudfront-viewer-country");
        String sub = first(r.headers(), "cloudfront-viewer-country-region");
        Set<String> subs = country == null ? null : byCountry.get(country);
        return subs != null && sub != null && subs.contains(sub);
      };
    }
    if (c instanceof Condition.DeviceIs device) {
      List<String> headers = device.devices().stream().map(Device::header).sorted().toList();
      return r -> {
        for (String h : headers) {
          if ("true".equals(first(r.headers(), h))) {
            return true;
          }
        }
        return false;
      };
    }
    if (c instanceof Condition.Path path) {
      Predicate<String> globs = anyOf(path.patterns());
      return r -> globs.test(r.uri());
    }
    if (c instanceof Condition.PathPrefix prefix) {
      List<String> prefixes = prefix.prefixes();
      return r -> {
        for (String p : prefixes) {
          if (r.uri().startsWith(p)) {
            return true;
          }
        }
        return false;
      };
    }
    if (c instanceof Condition.Host host) {
      Predicate<String> globs = anyOf(host.patterns());
      return r -> {
        String v = first(r.headers(), "host");
        return v != null && globs.test(Ascii.lower(v));
      };
    }
    if (c instanceof Condition.Method method) {
      Set<String> methods = method.methods();
      return r -> methods.contains(r.method());
    }
    if (c instanceof Condition.Field field) {
      return field(field);
    }
    throw new IllegalStateException("unknown condition " + c);
  }

  private static Predicate<ViewerRequest> field(Condition.Field field) {
    String name = field.name();
    Function<ViewerRequest, Map<String, FieldValue>> map = switch (field.source()) {
      case HEADER -> ViewerRequest::headers;
      case COOKIE -> ViewerRequest::cookies;
      case QUERY -> ViewerRequest::querystring;
    };
    FieldTest test = field.test();
    if (test instanceof FieldTest.Present present) {
      boolean wanted = present.present();
      return r -> map.apply(r).containsKey(name) == wanted;
    }
    Predicate<String> value;
    if (test instanceof FieldTest.Equals eq) {
      value = eq.text()::equals;
    } else if (test instanceof FieldTest.Contains contains) {
      String text = contains.text();
      value = v -> v.contains(text);
    } else {
      value = memoized(((FieldTest.Matches) test).regex().compile());
    }
    return r -> {
      String v = first(map.apply(r), name);
      return v != null && value.test(v);
    };
  }

  /**
   * A regex search remembered per value, one memo per thread: User-Agents repeat heavily in real
   * traffic and a search over one costs microseconds, a lookup nanoseconds. The memo is emptied
   * when it reaches {@link #MEMO_SIZE} values, so memory stays bounded.
   */
  private static Predicate<String> memoized(Utf16Pattern pattern) {
    ThreadLocal<Map<String, Boolean>> memo = ThreadLocal.withInitial(HashMap::new);
    return v -> {
      Map<String, Boolean> seen = memo.get();
      Boolean known = seen.get(v);
      if (known != null) {
        return known;
      }
      boolean found = pattern.test(v);
      if (seen.size() >= MEMO_SIZE) {
        seen.clear();
      }
      seen.put(v, found);
      return found;
    };
  }

  private static String first(Map<String, FieldValue> map, String name) {
    FieldValue v = map.get(name);
    return v == null ? null : v.value();
  }

  /** True when any of the globs matches. */
  private static Predicate<String> anyOf(List<Glob> globs) {
    List<Predicate<String>> tests = globs.stream().map(RuleEvaluator::matcher).toList();
    return tests.size() == 1 ? tests.get(0) : v -> {
      for (Predicate<String> t : tests) {
        if (t.test(v)) {
          return true;
        }
      }
      return false;
    };
  }

  /**
   * A glob as a test. Most patterns are a literal, or a literal and one trailing {@code *}; for
   * those equals and startsWith decide what {@link Glob#matches} would, without its
   * character-by-character walk, which was the rules' largest cost per request.
   */
  static Predicate<String> matcher(Glob glob) {
    String pattern = glob.pattern();
    if (glob.isExact()) {
      return pattern::equals;
    }
    int star = pattern.indexOf('*');
    if (star == pattern.length() - 1 && pattern.indexOf('?') < 0) {
      String prefix = pattern.substring(0, star);
      return v -> v.startsWith(prefix);
    }
    return glob::matches;
  }

  // ---- actions ----

  private static Function<ViewerRequest, Decision> action(String id, Action action) {
    if (action instanceof Action.Pass) {
      return r -> new Decision.Request(id, r, false);
    }
    if (action instanceof Action.Redirect redirect) {
      String description = redirect.statusDescription();
      return r -> new Decision.Response(id, redirect.status(), description,
          Map.of("location", location(redirect, r)));
    }
    Action.ModifyRequest modify = (Action.ModifyRequest) action;
    return r -> {
      ViewerRequest changed = modified(modify, r);
      return new Decision.Request(id, changed, !changed.equals(r));
    };
  }

  /**
   * The expanded location, kept on this site when relative, with the query string appended when
   * {@code keep_query} is set.
   */
  static String location(Action.Redirect redirect, ViewerRequest r) {
    String expanded = redirect.location().expand(r);
    String location = redirect.absolute() ? expanded : RelativeLocation.onThisSite(expanded);
    if (!redirect.keepQuery()) {
      return location;
    }
    String query = QueryStrings.serialise(r.querystring());
    if (query.isEmpty()) {
      return location;
    }
    return location + (location.indexOf('?') >= 0 ? '&' : '?') + query;
  }

  private static ViewerRequest modified(Action.ModifyRequest modify, ViewerRequest r) {
    String uri = modify.uri().map(t -> t.expand(r)).orElse(r.uri());
    Map<String, FieldValue> headers = r.headers();
    if (!modify.removeHeaders().isEmpty() || !modify.setHeaders().isEmpty()) {
      headers = new LinkedHashMap<>(r.headers());
      for (String name : modify.removeHeaders()) {
        headers.remove(name);
      }
      for (var e : modify.setHeaders().entrySet()) {
        headers.put(e.getKey(), FieldValue.of(e.getValue()));
      }
    }
    return new ViewerRequest(r.method(), uri, r.querystring(), headers, r.cookies());
  }
}
