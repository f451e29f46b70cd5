package dev.cfsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cfsim emulate --function}: a hand-written function gets the same report as rules. */
class EmulateFunctionTest {

  private static final String MIXED_LOG = "src/test/resources/function/logs/";

  private final CliRun cli = new CliRun();

  @TempDir Path tmp;

  @Test
  void a_function_that_reaches_for_nodes_process_through_console_log_gets_an_error_not_the_pid() throws Exception {
    Path function = tmp.resolve("escape.js");
    Files.writeString(function, "function handler(e) {\n"
        + "  var p = console.log.constructor('return pro' + 'cess')();\n"
        + "  return { statusCode: 200, statusDescription: String(p.pid) };\n}\n");
    int code = cli.run("emulate", "--function", function.toString(), "--format", "json", MIXED_LOG);
    assertEquals(Main.EXIT_OK, code, cli.err.toString());
    JsonNode decisions = new ObjectMapper().readTree(cli.out.toString()).path("decisions");
    // Every one of the 24 events fails: the constructor is the function realm's, which refuses strings.
    assertEquals(24, decisions.path("error").asInt(), decisions.toString());
    assertEquals(0, decisions.path("response").asInt(), decisions.toString());
  }

  @Test
  void a_function_that_loops_forever_on_some_events_errs_on_those_and_the_run_goes_on() throws Exception {
    Path function = tmp.resolve("loop.js");
    Files.writeString(function, "function handler(event) {\n"
        + "  if (event.viewer.ip === '211.234.100.5') { for (;;) {} }\n"
        + "  return event.request;\n}\n");
    int code = cli.run("emulate", "--function", function.toString(), "--format", "json", MIXED_LOG);
    assertEquals(Main.EXIT_OK, code, cli.err.toString());
    JsonNode decisions = new ObjectMapper().readTree(cli.out.toString()).path("decisions");
    // 7 of the mixed log's 24 lines come from 211.234.100.5 (grep -c); the other 17 pass.
    assertEquals(7, decisions.path("error").asInt(), decisions.toString());
    assertEquals(17, decisions.path("pass").asInt(), decisions.toString());
    assertTrue(cli.err.toString().lines().noneMatch(l -> l.contains("    at ")), cli.err.toString());
  }

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
  void the_report_names_the_function_as_function_not_as_rules() throws Exception {
    assertEquals(Main.EXIT_OK, cli.run("emulate", "--function", "functions-js/examples/shop.js", MIXED_LOG), cli.err.toString());
    String text = cli.out.toString();
    assertTrue(text.lines().anyMatch(l -> l.matches("\\s*function\\s+functions-js/examples/shop\\.js\\s*")), text);
    assertTrue(text.lines().noneMatch(l -> l.matches("\\s*rules\\s+.*")), text);
    assertTrue(text.contains("Monthly cost of running the function"), text);
    CliRun json = new CliRun();
    assertEquals(Main.EXIT_OK, json.run("emulate", "--function", "functions-js/examples/shop.js", "--format", "json", MIXED_LOG));
    JsonNode report = new ObjectMapper().readTree(json.out.toString());
    assertEquals("functions-js/examples/shop.js", report.path("function").asText());
    assertTrue(report.path("rules").isMissingNode(), report.toString());
  }

  @Test
  void rules_and_function_together_or_neither_is_a_usage_error() {
    assertEquals(Main.EXIT_BAD_INPUT, cli.run("emulate", MIXED_LOG));
    assertEquals(Main.EXIT_BAD_INPUT, cli.run("emulate", "--rules", "examples/rules/shop.yaml",
        "--function", "functions-js/examples/shop.js", MIXED_LOG));
    assertTrue(cli.err.toString().contains("give either --rules FILE or --function FILE"), cli.err.toString());
  }

  @Test
  void a_function_file_that_is_not_utf8_is_refused_naming_file_and_line_by_emulate_and_verify() throws Exception {
    Path function = tmp.resolve("latin1.js");
    byte[] shop = Files.readAllBytes(Path.of("functions-js/examples/shop.js"));
    byte[] bytes = new byte[shop.length + 12];
    System.arraycopy("// caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, bytes, 0, 8);
    System.arraycopy("\n\n\n\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, bytes, 8, 4);
    System.arraycopy(shop, 0, bytes, 12, shop.length);
    Files.write(function, bytes);
    for (String command : new String[] {"emulate", "verify"}) {
      CliRun run = new CliRun();
      String[] args = command.equals("emulate")
          ? new String[] {command, "--function", function.toString(), MIXED_LOG}
          : new String[] {command, "--rules", "examples/rules/shop.yaml", "--function", function.toString(), MIXED_LOG};
      assertEquals(Main.EXIT_BAD_INPUT, run.run(args), command + ": " + run.err);
      assertEquals("cfsim: " + function + ": line 1: not UTF-8 text (byte 0xE9); save the file as UTF-8\n",
          run.err.toString().replace("\r", ""), command);
    }
  }
}
