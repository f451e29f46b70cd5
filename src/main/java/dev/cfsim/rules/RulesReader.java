package dev.cfsim.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cfsim.InvalidInputException;
import dev.cfsim.Json;
import dev.cfsim.YamlTree;
import dev.cfsim.UserFiles;
import dev.cfsim.viewer.Ascii;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads a rules file (YAML, or JSON, which is YAML) into a {@link RuleSet}. Every problem is an
 * {@link InvalidInputException} naming the file, the rule (index and id) and the field, e.g.
 * {@code rules.yaml: rules[0] (korea).when.country[1]: 'KX' is not an ISO 3166-1 alpha-2 code}.
 * Unknown keys are errors, so a typo never silently turns a condition off.
 */
public final class RulesReader {

  private static final Set<String> TOP_KEYS = Set.of("runtime", "rules", "default");
  private static final Set<String> ACTION_KEYS =
      Set.of("redirect", "rewrite", "set_headers", "remove_headers", "pass");
  private static final Set<String> RULE_KEYS = union(Set.of("id", "description", "when"), ACTION_KEYS);
  private static final Set<String> CONDITION_KEYS = Set.of("country", "country_region", "device",
      "path", "path_prefix", "host", "method", "header", "cookie", "query", "all", "any", "not");
  private static final Set<String> REDIRECT_KEYS = Set.of("status", "location", "keep_query");
  private static final Set<String> TEST_KEYS = Set.of("equals", "contains", "present", "matches");

  private final String source;

  private RulesReader(String source) {
    this.source = source;
  }

  /** Reads and validates a rules file; warnings (e.g. unreachable rules) come back with it. */
  public static RulesFile read(Path file) throws IOException {
    return parse(UserFiles.readText(file), file.toString());
  }

  /** Parses rules text; {@code source} names it in messages (a file name or {@code request body}). */
  public static RulesFile parse(String text, String source) {
    JsonNode root;
    try {
      root = YamlTree.read(source, text, YamlTree.Decimals.TEXT);
    } catch (JsonProcessingException e) {
      throw Json.ReadProblem.of(e).refusal(source, "YAML", e);
    } catch (IOException e) {
      throw new InvalidInputException(source, "", "not valid YAML: " + e.getMessage(), e);
    }
    RuleSet rules = new RulesReader(source).ruleSet(root);
    return new RulesFile(source, rules, RulesValidator.warnings(rules));
  }

  private RuleSet ruleSet(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw fail("", "the file must be a mapping with 'rules' (and optionally 'runtime', 'default')");
    }
    keys(root, "", TOP_KEYS);
    String runtime = root.has("runtime") ? text(root.get("runtime"), "runtime") : null;
    JsonNode list = root.get("rules");
    if (list == null || !list.isArray()) {
      throw fail("rules", "must be a list of rules");
    }
    List<Rule> rules = new ArrayList<>();
    Set<String> ids = new LinkedHashSet<>();
    for (int i = 0; i < list.size(); i++) {
      Rule rule = rule(list.get(i), "rules[" + i + "]");
      if (!ids.add(rule.id())) {
        throw fail("rules[" + i + "] (" + rule.id() + ").id", "another rule already has the id '" + rule.id() + "'");
      }
      rules.add(rule);
    }
    Action defaultAction = root.has("default") ? defaultAction(root.get("default")) : new Action.Pass();
    return build("", () -> new RuleSet(runtime, rules, defaultAction));
  }

  private Rule rule(JsonNode node, String at) {
    if (!node.isObject()) {
      throw fail(at, "a rule must be a mapping with 'id', 'when' and an action");
    }
    if (!node.has("id")) {
      throw fail(at, "has no 'id'");
    }
    String id = text(node.get("id"), at + ".id");
    String where = at + " (" + id + ")";
    keys(node, where, RULE_KEYS);
    if (node.has("description")) {
      text(node.get("description"), where + ".description");
    }
    Condition when = node.has("when") ? condition(node.get("when"), where + ".when", 1) : new Condition.All(List.of());
    Action action = action(node, where);
    return build(where + ".id", () -> new Rule(id, when, action));
  }

  private Action defaultAction(JsonNode node) {
    if (node.isTextual() && node.asText().equals("pass")) {
      return new Action.Pass();
    }
    if (!node.isObject()) {
      throw fail("default", "must be 'pass' or an action mapping (redirect, rewrite, set_headers, remove_headers)");
    }
    keys(node, "default", ACTION_KEYS);
    return action(node, "default");
  }

  private Action action(JsonNode node, String at) {
    Set<String> given = new LinkedHashSet<>();
    node.fieldNames().forEachRemaining(k -> {
      if (ACTION_KEYS.contains(k)) {
        given.add(k);
      }
    });
    if (given.isEmpty()) {
      throw fail(at, "has no action: give one of redirect, rewrite, set_headers, remove_headers, pass");
    }
    if (given.contains("pass")) {
      JsonNode pass = node.get("pass");
      if (!pass.isBoolean() || !pass.booleanValue()) {
        throw fail(at + ".pass", "must be true");
      }
      if (given.size() > 1) {
        throw fail(at, "'pass' cannot be combined with another action");
      }
      return new Action.Pass();
    }
    if (given.contains("redirect")) {
      if (given.size() > 1) {
        throw fail(at, "'redirect' answers the viewer, so it cannot be combined with " + without(given, "redirect"));
      }
      return redirect(node.get("redirect"), at + ".redirect");
    }
    Optional<Template> uri = Optional.empty();
    if (node.has("rewrite")) {
      JsonNode rewrite = node.get("rewrite");
      String rat = at + ".rewrite";
      object(rewrite, rat);
      keys(rewrite, rat, Set.of("uri"));
      if (!rewrite.has("uri")) {
        throw fail(rat, "needs 'uri'");
      }
      uri = Optional.of(template(rewrite.get("uri"), rat + ".uri",
          EnumSet.of(Template.Variable.URI, Template.Variable.HOST)));
    }
    Map<String, String> set = new LinkedHashMap<>();
    if (node.has("set_headers")) {
      JsonNode headers = node.get("set_headers");
      object(headers, at + ".set_headers");
      for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext(); ) {
        var e = it.next();
        String fat = at + ".set_headers." + e.getKey();
        String name = Ascii.lower(e.getKey());
        String value = text(e.getValue(), fat);
        build(fat, () -> {
          Headers.requireSettable(name);
          Headers.requireValue(name, value);
          return name;
        });
        if (set.put(name, value) != null) {
          throw fail(fat, "header set twice (names are case-insensitive)");
        }
      }
    }
    List<String> remove = new ArrayList<>();
    if (node.has("remove_headers")) {
      remove = strings(node.get("remove_headers"), at + ".remove_headers", Ascii::lower);
      for (int k = 0; k < remove.size(); k++) {
        String name = remove.get(k);
        String rat = at + ".remove_headers[" + k + "]";
        build(rat, () -> {
          Headers.requireWritable(name);
          return name;
        });
        if (set.containsKey(name)) {
          throw fail(rat, "'" + name + "' is also in set_headers: setting it replaces it already");
        }
      }
    }
    Optional<Template> finalUri = uri;
    List<String> finalRemove = remove;
    return build(at, () -> new Action.ModifyRequest(finalUri, set, finalRemove));
  }

  private Action redirect(JsonNode node, String at) {
    object(node, at);
    keys(node, at, REDIRECT_KEYS);
    if (!node.has("location")) {
      throw fail(at, "needs 'location'");
    }
    int status = 302;
    if (node.has("status")) {
      JsonNode s = node.get("status");
      if (!s.isInt()) {
        throw fail(at + ".status", "must be a number: 301, 302, 307 or 308");
      }
      status = s.intValue();
      if (!Action.Redirect.STATUS_DESCRIPTIONS.containsKey(status)) {
        throw fail(at + ".status", status + " is not a redirect status: use 301, 302, 307 or 308");
      }
    }
    boolean keepQuery = false;
    if (node.has("keep_query")) {
      JsonNode k = node.get("keep_query");
      if (!k.isBoolean()) {
        throw fail(at + ".keep_query", "must be true or false");
      }
      keepQuery = k.booleanValue();
    }
    Template location = template(node.get("location"), at + ".location", EnumSet.allOf(Template.Variable.class));
    int finalStatus = status;
    boolean finalKeep = keepQuery;
    return build(at + ".location", () -> new Action.Redirect(finalStatus, location, finalKeep));
  }

  private Template template(JsonNode node, String at, Set<Template.Variable> allowed) {
    String text = text(node, at);
    return build(at, () -> Template.parse(text, allowed));
  }

  /**
   * Deepest nesting of all/any/not: far past any rule a person writes, far short of where the
   * runtime check's JavaScript parser runs out of stack on the generated function (about 580
   * nested {@code not}s), which would make a rules file the reader accepts fail at generate.
   */
  static final int MAX_CONDITION_DEPTH = 64;

  private Condition condition(JsonNode node, String at, int depth) {
    if (depth > MAX_CONDITION_DEPTH) {
      throw fail(at, "conditions nest more than " + MAX_CONDITION_DEPTH + " levels deep (all, any, not); flatten them");
    }
    object(node, at);
    keys(node, at, CONDITION_KEYS);
    List<Condition> all = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      var e = it.next();
      all.addAll(conditions(e.getKey(), e.getValue(), at + "." + e.getKey(), depth));
    }
    return all.size() == 1 ? all.get(0) : new Condition.All(all);
  }

  private List<Condition> conditions(String key, JsonNode v, String at, int depth) {
    return switch (key) {
      case "country" -> List.of(build(at, () -> new Condition.Country(Set.copyOf(strings(v, at, Condition.Country::requireCode)))));
      case "country_region" -> List.of(build(at, () -> new Condition.CountryRegion(Set.copyOf(strings(v, at, Condition.CountryRegion::requireCode)))));
      case "device" -> List.of(new Condition.DeviceIs(Set.copyOf(strings(v, at, s -> Device.fromId(s).orElseThrow(
          () -> new IllegalArgumentException("'" + s + "' is not a device: one of mobile, tablet, desktop, smarttv, ios, android"))))));
      case "path" -> List.of(build(at, () -> new Condition.Path(strings(v, at, Glob::new))));
      case "path_prefix" -> List.of(build(at, () -> new Condition.PathPrefix(strings(v, at, s -> s))));
      case "host" -> List.of(build(at, () -> new Condition.Host(strings(v, at, Glob::new))));
      case "method" -> List.of(build(at, () -> new Condition.Method(Set.copyOf(strings(v, at, s -> s)))));
      case "header" -> fields(Condition.Source.HEADER, v, at);
      case "cookie" -> fields(Condition.Source.COOKIE, v, at);
      case "query" -> fields(Condition.Source.QUERY, v, at);
      case "all", "any" -> {
        if (!v.isArray() || v.isEmpty()) {
          throw fail(at, "must be a non-empty list of conditions");
        }
        List<Condition> list = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
          list.add(condition(v.get(i), at + "[" + i + "]", depth + 1));
        }
        yield List.of(key.equals("all") ? new Condition.All(list) : new Condition.Any(list));
      }
      case "not" -> List.of(new Condition.Not(condition(v, at, depth + 1)));
      default -> throw fail(at, "unknown condition");
    };
  }

  private List<Condition> fields(Condition.Source source, JsonNode v, String at) {
    object(v, at);
    if (v.isEmpty()) {
      throw fail(at, "names no " + source.id());
    }
    List<Condition> list = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
      var e = it.next();
      String fat = at + "." + e.getKey();
      JsonNode tests = e.getValue();
      object(tests, fat);
      keys(tests, fat, TEST_KEYS);
      if (tests.isEmpty()) {
        throw fail(fat, "needs one of equals, contains, present, matches");
      }
      for (Iterator<Map.Entry<String, JsonNode>> t = tests.fields(); t.hasNext(); ) {
        var test = t.next();
        String tat = fat + "." + test.getKey();
        FieldTest fieldTest = switch (test.getKey()) {
          case "present" -> {
            if (!test.getValue().isBoolean()) {
              throw fail(tat, "must be true or false");
            }
            yield new FieldTest.Present(test.getValue().booleanValue());
          }
          case "equals" -> new FieldTest.Equals(text(test.getValue(), tat));
          case "contains" -> new FieldTest.Contains(text(test.getValue(), tat));
          default -> {
            String regex = text(test.getValue(), tat);
            yield build(tat, () -> new FieldTest.Matches(new EcmaRegex(regex)));
          }
        };
        list.add(build(fat, () -> new Condition.Field(source, e.getKey(), fieldTest)));
      }
    }
    return list;
  }

  /** A string or a list of strings, each converted; the conversion's message names the item. */
  private <T> List<T> strings(JsonNode v, String at, Function<String, T> convert) {
    List<T> out = new ArrayList<>();
    if (v.isArray()) {
      if (v.isEmpty()) {
        throw fail(at, "the list is empty");
      }
      for (int i = 0; i < v.size(); i++) {
        String s = text(v.get(i), at + "[" + i + "]");
        String iat = at + "[" + i + "]";
        out.add(build(iat, () -> convert.apply(s)));
      }
    } else {
      String s = text(v, at);
      out.add(build(at, () -> convert.apply(s)));
    }
    return out;
  }

  private String text(JsonNode v, String at) {
    if (v == null || v.isNull()) {
      throw fail(at, "has no value");
    }
    if (v.isBoolean()) {
      throw fail(at, "is read as " + v.asText() + "; quote it (YAML reads NO, yes, on, off as booleans)");
    }
    if (!v.isValueNode()) {
      throw fail(at, "must be a single value, not a " + (v.isArray() ? "list" : "mapping"));
    }
    if (!v.isTextual() && !v.isNumber()) {
      throw fail(at, "must be text");
    }
    return v.asText();
  }

  private void object(JsonNode v, String at) {
    if (v == null || !v.isObject()) {
      throw fail(at, "must be a mapping");
    }
  }

  private void keys(JsonNode node, String at, Set<String> allowed) {
    node.fieldNames().forEachRemaining(k -> {
      if (!allowed.contains(k)) {
        throw fail(at.isEmpty() ? k : at + "." + k,
            "unknown key; expected one of " + String.join(", ", allowed.stream().sorted().toList()));
      }
    });
  }

  /** Runs a model constructor, turning its complaint into a message that says where. */
  private <T> T build(String at, Supplier<T> make) {
    try {
      return make.get();
    } catch (IllegalArgumentException e) {
      throw fail(at, e.getMessage());
    }
  }

  private InvalidInputException fail(String at, String problem) {
    return new InvalidInputException(source, at, problem);
  }

  private static String without(Set<String> set, String drop) {
    return String.join(", ", set.stream().filter(s -> !s.equals(drop)).toList());
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> u = new LinkedHashSet<>(a);
    u.addAll(b);
    return Set.copyOf(u);
  }
}
