package dev.cfsim.function;

import dev.cfsim.rules.Action;
import dev.cfsim.rules.Condition;
import dev.cfsim.rules.Decision;
import dev.cfsim.rules.Device;
import dev.cfsim.rules.FieldTest;
import dev.cfsim.rules.Glob;
import dev.cfsim.rules.Rule;
import dev.cfsim.rules.RuleEvaluator;
import dev.cfsim.rules.RuleSet;
import dev.cfsim.rules.Template;
import dev.cfsim.viewer.FieldValue;
import dev.cfsim.viewer.ViewerRequest;
import dev.cfsim.viewer.ViewerRequestEvent;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Viewer-request events built from a rule set so that every rule decides and every condition is
 * seen both true and false, mixed with hostile values: quotes, backslashes, line separators,
 * {@code </script>}, {@code ${}, lone surrogates, and names such as {@code __proto__},
 * {@code constructor} or {@code 1} that behave specially as JavaScript object keys.
 */
final class EventCorpus {

  private static final String[] HOSTILE = {
    "\"", "'", "\\", "\u2028", "\u2029", "</script>", "${uri}", "`", "\ud800", "한국어", "%22%3C",
    "\"); return {statusCode: 500}; (\"", "\\u0022", "*", "?", "&", "=", "#",
  };
  private static final String[] SPECIAL_NAMES = {"__proto__", "constructor", "toString", "hasOwnProperty", "1", "10", "a b"};
  private static final String[] REGEX_CANDIDATES = {
    "Googlebot/2.1 (+http://www.google.com/bot.html)", "Mozilla/5.0 (compatible; bingbot/2.0)", "robot",
    "Bot_", "bot", "AhrefsBot", "Yahoo! Slurp", "web-Crawler", "Spider", "facebookexternalhit/1.1",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)", "0123456789abcdefXYZ", "0123456789abcdef",
    "0123456789abcde", "abc\u2028def", "", "x\ny", "\ud83d\ude00", "x\ud83d\ude00y", "\udc00",
  };
  private static final String[] METHODS = {"GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH"};

  private final Random random;
  private final List<String> uris = new ArrayList<>(List.of("/", "/index.html", "/a/b.css"));
  private final List<String> hosts = new ArrayList<>(List.of("example.com", "WWW.EXAMPLE.COM"));
  private final List<String> countries = new ArrayList<>(List.of("US", "ZZ", "kr", ""));
  private final List<String> regions = new ArrayList<>(List.of("CA", "11", ""));
  private final List<Condition.Field> fields = new ArrayList<>();
  private final Map<Condition.Field, List<String>> fieldValues = new LinkedHashMap<>();

  EventCorpus(RuleSet rules, long seed) {
    this.random = new Random(seed);
    for (Rule rule : rules.rules()) {
      collect(rule.when());
    }
    for (String h : HOSTILE) {
      uris.add("/" + h);
      hosts.add("www." + h);
    }
  }

  /** {@code count} events, the same for the same rules and seed. */
  List<ViewerRequestEvent> events(int count) {
    List<ViewerRequestEvent> events = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      events.add(event(i));
    }
    return events;
  }

  private ViewerRequestEvent event(int i) {
    Map<String, FieldValue> headers = new LinkedHashMap<>();
    Map<String, FieldValue> cookies = new LinkedHashMap<>();
    Map<String, FieldValue> query = new LinkedHashMap<>();
    if (chance(85)) {
      headers.put("host", FieldValue.of(pick(hosts)));
    }
    if (chance(80)) {
      headers.put("cloudfront-viewer-country", FieldValue.of(pick(countries)));
    }
    if (chance(60)) {
      headers.put("cloudfront-viewer-country-region", FieldValue.of(pick(regions)));
    }
    for (Device d : Device.values()) {
      int roll = random.nextInt(10);
      if (roll < 9) {
        headers.put(d.header(), FieldValue.of(roll < 4 ? "true" : roll < 8 ? "false" : "TRUE"));
      }
    }
    headers.put("user-agent", FieldValue.of(pick(REGEX_CANDIDATES)));
    for (Condition.Field f : fields) {
      if (chance(70)) {
        Map<String, FieldValue> target = switch (f.source()) {
          case HEADER -> headers;
          case COOKIE -> cookies;
          case QUERY -> query;
        };
        target.put(f.name(), chance(20)
            ? FieldValue.ofAll(List.of(pick(fieldValues.get(f)), pick(fieldValues.get(f))))
            : FieldValue.of(pick(fieldValues.get(f))));
      }
    }
    if (chance(30)) {
      query.put("q" + random.nextInt(3), FieldValue.ofAll(List.of(pick(HOSTILE), "", pick(HOSTILE))));
    }
    if (chance(50)) {
      query.put(pick(SPECIAL_NAMES), FieldValue.of(pick(HOSTILE)));
    }
    if (chance(40)) {
      cookies.put(pick(SPECIAL_NAMES), FieldValue.of(pick(HOSTILE)));
    }
    if (chance(30)) {
      headers.put("x-hostile", FieldValue.of(pick(HOSTILE)));
    }
    if (chance(30)) {
      headers.put("x-debug", FieldValue.of("1"));
    }
    String method = chance(70) ? "GET" : pick(List.of(METHODS));
    ViewerRequest request = new ViewerRequest(method, pick(uris), query, headers, cookies);
    return new ViewerRequestEvent("d111111abcdef8.cloudfront.net", "EDFDVBD6EXAMPLE", "req-" + i,
        "198.51.100." + random.nextInt(256), request);
  }

  private void collect(Condition c) {
    if (c instanceof Condition.All all) {
      all.conditions().forEach(this::collect);
    } else if (c instanceof Condition.Any any) {
      any.conditions().forEach(this::collect);
    } else if (c instanceof Condition.Not not) {
      collect(not.condition());
    } else if (c instanceof Condition.Country country) {
      countries.addAll(country.codes());
    } else if (c instanceof Condition.CountryRegion region) {
      for (String code : region.codes()) {
        countries.add(code.substring(0, 2));
        regions.add(code.substring(3));
      }
    } else if (c instanceof Condition.Path path) {
      path.patterns().forEach(g -> uris.addAll(instances(g.pattern())));
    } else if (c instanceof Condition.PathPrefix prefix) {
      for (String p : prefix.prefixes()) {
        uris.addAll(List.of(p, p + "x/y.html", p.substring(0, p.length() - 1), p + pick(HOSTILE)));
      }
    } else if (c instanceof Condition.Host host) {
      for (Glob g : host.patterns()) {
        for (String h : instances(g.pattern())) {
          hosts.addAll(List.of(h, h.toUpperCase(java.util.Locale.ROOT), h + ":443", h.replace('i', '\u0130')));
        }
      }
    } else if (c instanceof Condition.Field field) {
      fields.add(field);
      fieldValues.put(field, valuesFor(field.test()));
    }
  }

  /** Inputs a glob matches (wildcards filled in) and nearly matches. */
  private List<String> instances(String pattern) {
    List<String> out = new ArrayList<>();
    for (String fill : List.of("", "x", "a/b", "%22" + pick(HOSTILE))) {
      out.add(pattern.replace("*", fill).replace("?", "q"));
    }
    out.add(pattern.replace("*", "") + "x");
    if (pattern.length() > 1) {
      out.add(pattern.substring(0, pattern.length() - 1));
    }
    return out;
  }

  private List<String> valuesFor(FieldTest test) {
    List<String> values = new ArrayList<>(List.of(HOSTILE));
    if (test instanceof FieldTest.Equals e) {
      values.addAll(List.of(e.text(), e.text(), e.text() + "x", ""));
    } else if (test instanceof FieldTest.Contains c) {
      values.addAll(List.of(c.text(), "a" + c.text() + "b", c.text().isEmpty() ? "" : c.text().substring(1)));
    } else if (test instanceof FieldTest.Matches) {
      values.addAll(List.of(REGEX_CANDIDATES));
    }
    return values;
  }

  private boolean chance(int percent) {
    return random.nextInt(100) < percent;
  }

  private String pick(List<String> values) {
    return values.get(random.nextInt(values.size()));
  }

  private String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }

  /**
   * Every condition node of the rules (compound ones included) that the events never saw true,
   * or never saw false, judged by the Java evaluator on a one-rule probe per node.
   */
  static List<String> unreachedBranches(RuleSet rules, List<ViewerRequestEvent> events) {
    List<String> missing = new ArrayList<>();
    for (Rule rule : rules.rules()) {
      List<Condition> nodes = new ArrayList<>();
      flatten(rule.when(), nodes);
      for (Condition c : nodes) {
        RuleEvaluator probe = RuleEvaluator.compile(new RuleSet(rules.runtime(),
            List.of(new Rule("probe", c, new Action.Redirect(302,
                Template.parse("/probe", EnumSet.noneOf(Template.Variable.class)), false))),
            new Action.Pass()));
        boolean seenTrue = false;
        boolean seenFalse = false;
        for (ViewerRequestEvent e : events) {
          Decision d = probe.evaluate(e);
          seenTrue |= d.ruleId().equals("probe");
          seenFalse |= !d.ruleId().equals("probe");
        }
        if (!seenTrue || !seenFalse) {
          missing.add(rule.id() + ": " + c + (seenTrue ? " never false" : " never true"));
        }
      }
    }
    return missing;
  }

  private static void flatten(Condition c, List<Condition> out) {
    out.add(c);
    if (c instanceof Condition.All all) {
      all.conditions().forEach(x -> flatten(x, out));
    } else if (c instanceof Condition.Any any) {
      any.conditions().forEach(x -> flatten(x, out));
    } else if (c instanceof Condition.Not not) {
      flatten(not.condition(), out);
    }
  }
}
