package dev.cfsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code cfsim emulate --function}: a hand-written function gets the same report as rules. */
class EmulateFunctionTest {

  private static final String MIXED_LOG = "src/test/resources/function/logs/";

  private final CliRun cli = new CliRun();

  @Test
  void a_function_file_is_replayed_with_the_rules_report_sections_and_cost() throws Exception {
    int code = cli.run("emulate", "--function", "functions-js/examples/shop.js", "--format", "json", MIXED_LOG);
    assertEquals(Main.EXIT_OK, code, cli.err.toString());
    JsonNode report = new ObjectMapper().readTree(cli.out.toString());
    // The mixed log: 4 Korean and 3 phone redirects by the shop function, 24 - 7 = 17 passed on.
    assertEquals(7, report.path("decisions").path("response").asInt());
    assertEquals(17, report.path("decisions").path("pass").asInt());
    assertEquals(24, report.path("function_invocations").asInt());
    assertTrue(report.path("cost").isObject(), cli.out.toString());
  }

  @Test
  void rules_and_function_together_or_neither_is_a_usage_error() {
    assertEquals(Main.EXIT_BAD_INPUT, cli.run("emulate", MIXED_LOG));
    assertEquals(Main.EXIT_BAD_INPUT, cli.run("emulate", "--rules", "examples/rules/shop.yaml",
        "--function", "functions-js/examples/shop.js", MIXED_LOG));
    assertTrue(cli.err.toString().contains("give either --rules FILE or --function FILE"), cli.err.toString());
  }
}
