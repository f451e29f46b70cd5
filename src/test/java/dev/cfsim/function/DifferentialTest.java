package dev.cfsim.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfsim.rules.RuleEvaluator;
import dev.cfsim.rules.RuleSet;
import dev.cfsim.rules.RulesReader;
import dev.cfsim.viewer.ViewerRequestEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** The generated function and the Java evaluator decide alike on a corpus that reaches every branch. */
class DifferentialTest {

  @TempDir Path tmp;

  static FunctionVerifier.Report verify(RuleSet rules, Path function, List<ViewerRequestEvent> events) throws Exception {
    try (NodeFunctionRunner node = NodeFunctionRunner.start(
        FunctionsJsProject.locate(), function, FunctionRuntime.CLOUDFRONT_JS_1_0, true)) {
      return FunctionVerifier.verify(RuleEvaluator.compile(rules), events.iterator(), node, 5);
    }
  }

  static String describe(FunctionVerifier.Report report) {
    return report.differenceCount() + " differences, first: " + report.differences().stream()
        .map(d -> "\n#" + d.index() + " " + d.event() + "\n  java (" + d.ruleId() + "): " + d.expected()
            + "\n  node: " + d.actual() + " " + d.edgeProblems())
        .collect(Collectors.joining());
  }

  @ParameterizedTest
  @ValueSource(strings = {"shop", "maintenance", "eu-and-california"})
  void the_generated_function_decides_as_the_rules_on_a_corpus_reaching_every_branch(String name) throws Exception {
    RuleSet rules = RulesReader.read(Path.of("examples/rules", name + ".yaml")).rules();
    Path function = tmp.resolve(name + ".js");
    Files.writeString(function, FunctionGenerator.generate(rules, name + ".yaml", FunctionRuntime.CLOUDFRONT_JS_1_0));
    List<ViewerRequestEvent> events = new EventCorpus(rules, name.hashCode()).events(3_000);

    assertEquals(List.of(), EventCorpus.unreachedBranches(rules, events));
    FunctionVerifier.Report report = verify(rules, function, events);

    assertEquals(3_000, report.events());
    assertTrue(report.agreed(), describe(report));
    for (String id : RuleEvaluator.compile(rules).decisionIds()) {
      assertTrue(report.decisions().getOrDefault(id, 0L) > 0, id + " never decided: " + report.decisions());
    }
  }

  @Test
  void a_deliberately_changed_function_is_caught_with_both_results_shown() throws Exception {
    RuleSet rules = RulesReader.read(Path.of("examples/rules/shop.yaml")).rules();
    String generated = FunctionGenerator.generate(rules, "shop.yaml", FunctionRuntime.CLOUDFRONT_JS_2_0);
    // The kind of slip a hand edit makes: mobile viewers now get a permanent redirect.
    String changed = generated.replace(
        "return redirect(302, \"Found\", withQuery(\"https://m.shop.example\"",
        "return redirect(301, \"Moved Permanently\", withQuery(\"https://m.shop.example\"");
    assertTrue(!changed.equals(generated), "the edit applied");
    Path function = tmp.resolve("changed.js");
    Files.writeString(function, changed);
    List<ViewerRequestEvent> events = new EventCorpus(rules, 7).events(1_000);

    FunctionVerifier.Report report = verify(rules, function, events);

    assertEquals(report.decisions().get("phones-to-mobile"), report.differenceCount(),
        "exactly the mobile redirects differ");
    FunctionVerifier.Difference first = report.differences().get(0);
    assertEquals("phones-to-mobile", first.ruleId());
    assertEquals(302, first.expected().path("response").path("statusCode").asInt());
    assertTrue(first.actual().contains("\"statusCode\":301"), first.actual());
  }
}
