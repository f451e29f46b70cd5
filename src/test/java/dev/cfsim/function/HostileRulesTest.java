package dev.cfsim.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfsim.rules.Action;
import dev.cfsim.rules.Condition;
import dev.cfsim.rules.EcmaRegex;
import dev.cfsim.rules.FieldTest;
import dev.cfsim.rules.Glob;
import dev.cfsim.rules.Rule;
import dev.cfsim.rules.RuleSet;
import dev.cfsim.rules.Template;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property: whatever strings a rules file holds, the generated function parses, passes the
 * runtime check and decides as the evaluator, on events that carry the same hostile strings.
 */
class HostileRulesTest {

  @TempDir Path tmp;

  private static final List<String> REGEXES = List.of(
      "\\u2028|</script>|\\$\\{", "\"", "\\\\", "^'.*`$", "[\\u0000-\\u001f]", "a{2}|\\x41",
      "^[^a]$|^x.{2}y$");

  @Test
  void functions_from_hostile_rules_parse_and_decide_as_the_rules() throws Exception {
    for (long seed = 1; seed <= 12; seed++) {
      HostileStrings hostile = new HostileStrings(seed);
      Random random = new Random(seed);
      RuleSet rules = hostileRules(hostile, random);
      String code = FunctionGenerator.generate(rules, "hostile.yaml", FunctionRuntime.CLOUDFRONT_JS_1_0);
      assertTrue(code.chars().allMatch(c -> c == '\n' || (c >= 0x20 && c < 0x7f)), "pure printable ASCII");
      Path function = tmp.resolve("hostile-" + seed + ".js");
      Files.writeString(function, code);

      FunctionVerifier.Report report = DifferentialTest.verify(
          rules, function, new EventCorpus(rules, seed).events(400));

      assertEquals(400, report.events());
      assertTrue(report.agreed(), "seed " + seed + ": " + DifferentialTest.describe(report) + "\n" + code);
    }
  }

  private static RuleSet hostileRules(HostileStrings hostile, Random random) {
    List<Rule> rules = new ArrayList<>();
    String cookie = "c" + hostile.next(3);
    String query = hostile.next(3) + "q";
    rules.add(new Rule("cookie-equals", new Condition.Field(
        Condition.Source.COOKIE, cookie, new FieldTest.Equals(hostile.next(4))), redirect(hostile)));
    rules.add(new Rule("query-contains", new Condition.Field(
        Condition.Source.QUERY, query, new FieldTest.Contains(hostile.next(3))), rewrite(hostile)));
    rules.add(new Rule("header-matches", new Condition.Field(Condition.Source.HEADER, "x-h'`|~!",
        new FieldTest.Matches(new EcmaRegex(REGEXES.get(random.nextInt(REGEXES.size()))))), redirect(hostile)));
    rules.add(new Rule("path", new Condition.Any(List.of(
        new Condition.Path(List.of(new Glob("/" + hostile.next(3) + "*" + hostile.next(2)))),
        new Condition.PathPrefix(List.of("/" + hostile.next(3))))), rewrite(hostile)));
    rules.add(new Rule("host", new Condition.Host(List.of(new Glob("www." + hostile.next(3)))), redirect(hostile)));
    rules.add(new Rule("cookie-absent", new Condition.Not(new Condition.Field(
        Condition.Source.COOKIE, "__proto__", new FieldTest.Present(true))), new Action.Pass()));
    return new RuleSet(RuleSet.RUNTIME, rules, rewrite(hostile));
  }

  /** Hostile text a template accepts: printable ASCII without dollar signs (quotes, backslashes, {@code </script>} stay). */
  private static String templateSafe(String s) {
    return s.replaceAll("[^\\x21-\\x7e]|\\$", "");
  }

  /** Hostile text a header value accepts: printable ASCII, inner spaces and tabs (quotes, backslashes, {@code ${} stay). */
  private static String headerSafe(String s) {
    return s.replaceAll("[^\\x20-\\x7e\\t]", "").replaceAll("^[ \\t]+|[ \\t]+$", "");
  }

  private static Action redirect(HostileStrings hostile) {
    return new Action.Redirect(302, Template.parse("https://x.example/" + templateSafe(hostile.next(4)) + "${uri}",
        EnumSet.allOf(Template.Variable.class)), true);
  }

  private static Action rewrite(HostileStrings hostile) {
    Map<String, String> set = new LinkedHashMap<>();
    set.put("x-set", headerSafe(hostile.next(4)));
    String path = templateSafe(hostile.next(3)).replaceAll("[?#]", "");
    return new Action.ModifyRequest(Optional.of(Template.parse("/" + path + "${uri}",
        EnumSet.of(Template.Variable.URI, Template.Variable.HOST))), set, List.of("x-debug"));
  }
}
