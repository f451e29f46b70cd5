package dev.cfsim.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cfsim.emulator.Emulation;
import dev.cfsim.emulator.EmulationReport;
import dev.cfsim.emulator.MonthScale;
import dev.cfsim.logs.EdgeLocations;
import dev.cfsim.logs.LogReadOptions;
import dev.cfsim.logs.LogSource;
import dev.cfsim.pricing.PriceBooks;
import dev.cfsim.rules.RulesFile;
import dev.cfsim.rules.RulesReader;
import dev.cfsim.viewer.GeoDatabases;
import dev.cfsim.viewer.ViewerEnricher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionEmulationTest {

  private static final String MIXED_LOG = "src/test/resources/function/logs/";

  @TempDir Path tmp;

  private EmulationReport emulate(String source) throws Exception {
    Path file = tmp.resolve("function.js");
    Files.writeString(file, source);
    try (NodeFunctionRunner node = NodeFunctionRunner.start(
        FunctionsJsProject.locate(), file, FunctionRuntime.CLOUDFRONT_JS_2_0, true)) {
      return new FunctionEmulation(node, "function.js", enricher(), EdgeLocations.builtIn(),
          PriceBooks.newest(), MonthScale.asRecorded()).run(LogSource.of(List.of(MIXED_LOG), LogReadOptions.defaults()));
    }
  }

  private static ViewerEnricher enricher() {
    return ViewerEnricher.builder().geo(GeoDatabases.embedded()).build();
  }

  @Test
  void the_generated_shop_function_replayed_as_a_function_gives_the_rules_report_totals_and_cost() throws Exception {
    RulesFile rules = RulesReader.read(Path.of("examples/rules/shop.yaml"));
    EmulationReport asRules = new Emulation(rules, enricher(), EdgeLocations.builtIn(), PriceBooks.newest(), MonthScale.asRecorded())
        .run(LogSource.of(List.of(MIXED_LOG), LogReadOptions.defaults()));

    EmulationReport asFunction = emulate(Files.readString(Path.of("functions-js/examples/shop.js")));

    // Rules: korea-to-kr-site 4 + phones-to-mobile 3 = 7 redirects; 24 - 7 = 17 requests pass.
    assertEquals(Map.of("response", 7.0, "changed", 0.0, "pass", 17.0, "error", 0.0), asFunction.counts().decisions());
    assertEquals(asRules.counts().redirectTargets(), asFunction.counts().redirectTargets());
    assertEquals(asRules.counts().byCountry().keySet(), asFunction.counts().byCountry().keySet());
    assertEquals(asRules.cost().functionsLine(), asFunction.cost().functionsLine());
    // the same redirects, priced both ways they can be deployed
    assertEquals(0, asRules.cost().targetsElsewhere().totalUsd().compareTo(asFunction.cost().targetsElsewhere().totalUsd()));
    assertEquals(0, asRules.cost().withFollowUps().totalUsd().compareTo(asFunction.cost().withFollowUps().totalUsd()));
    assertEquals(0, asFunction.cost().monthlyFollowUps().compareTo(java.math.BigDecimal.valueOf(7)));
  }

  @Test
  void changed_requests_errors_and_query_strings_set_as_text_are_told_apart() throws Exception {
    EmulationReport report = emulate("function handler(event) {\n"
        + "  var r = event.request;\n"
        + "  if (r.uri === '/health') { throw new Error('no'); }\n"
        + "  if (r.uri.indexOf('/products/') === 0) { r.querystring = 'b=1&a=2&a=3'; return r; }\n"
        + "  if (r.uri === '/') { r.uri = '/index.html'; }\n"
        + "  return r;\n}\n");
    // The mixed log has 1 /health line, 4 /products/... lines and 2 lines for /:
    // error 1, changed 4 + 2 = 6, pass 24 - 1 - 6 = 17.
    assertEquals(Map.of("response", 0.0, "changed", 6.0, "pass", 17.0, "error", 1.0), report.counts().decisions());
  }

  @Test
  void results_cloudfront_would_refuse_are_errors_not_traffic() throws Exception {
    EmulationReport report = emulate("function handler(event) {\n"
        + "  var r = event.request;\n"
        + "  if (r.uri === '/health') { r.method = 'POST'; return r; }\n"
        + "  if (r.uri.indexOf('/products/') === 0) { r.headers.host = {value: 'other.example'}; return r; }\n"
        + "  if (r.uri === '/') { return {statusCode: 'abc'}; }\n"
        + "  return r;\n}\n");
    // A changed method (1 /health line), a changed Host (4 /products/... lines) and a status that
    // is not one (2 lines for /) are all refused at the edge: 502, 7 errors; 24 - 7 = 17 pass.
    assertEquals(Map.of("response", 0.0, "changed", 0.0, "pass", 17.0, "error", 7.0), report.counts().decisions());
  }
}
