package dev.cfsim.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfsim.rules.Decision;
import dev.cfsim.rules.RuleEvaluator;
import dev.cfsim.rules.RuleSet;
import dev.cfsim.rules.RulesReader;
import dev.cfsim.viewer.FieldValue;
import dev.cfsim.viewer.ViewerRequest;
import dev.cfsim.viewer.ViewerRequestEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A relative redirect whose URI makes it start with {@code //} or {@code /\} (a browser would go
 * to another host) is collapsed to one leading slash by the function exactly as by the evaluator.
 */
class RelativeRedirectTest {

  private static final List<String> URIS = List.of("//evil.example", "/\\evil.example", "///evil.example",
      "/\\/\\evil.example", "/\t/evil.example", "/\r\n/evil.example", "/\u2028/evil.example", "/shop//x", "/", "",
      "evil.example", "\\\\evil.example", "/%2F/evil.example");

  @TempDir Path tmp;

  @Test
  void the_function_keeps_every_relative_redirect_on_this_site_as_the_evaluator_does() throws Exception {
    RuleSet rules = RulesReader.parse("""
        rules:
          - id: trailing-slash
            when: { path: "*x" }
            redirect: { location: "${uri}/", keep_query: true }
          - id: under-slash
            when: { path: "*e" }
            redirect: { location: "/${uri}", status: 301 }
        default:
          redirect: { location: "${uri}" }
        """, "relative.yaml").rules();
    Path function = tmp.resolve("relative.js");
    Files.writeString(function, FunctionGenerator.generate(rules, "relative.yaml", FunctionRuntime.CLOUDFRONT_JS_1_0));
    List<ViewerRequestEvent> events = new ArrayList<>();
    for (String uri : URIS) {
      for (String suffix : List.of("", "x", "e")) {
        events.add(new ViewerRequestEvent("d111111abcdef8.cloudfront.net", "EDFDVBD6EXAMPLE", "req", "198.51.100.1",
            new ViewerRequest("GET", uri + suffix, Map.of("a", FieldValue.of("1")), Map.of(), Map.of())));
      }
    }

    FunctionVerifier.Report report = DifferentialTest.verify(rules, function, events);

    assertEquals(events.size(), report.events());
    assertTrue(report.agreed(), DifferentialTest.describe(report));
    assertEquals(3, report.decisions().size(), report.decisions().toString());
    RuleEvaluator evaluator = RuleEvaluator.compile(rules);
    for (ViewerRequestEvent event : events) {
      String location = ((Decision.Response) evaluator.evaluate(event)).location();
      assertTrue(location.startsWith("/"), location);
      assertFalse(location.matches("(?s)/[/\\\\\t\r\n].*"), event.request().uri() + " -> " + location);
    }
  }
}
