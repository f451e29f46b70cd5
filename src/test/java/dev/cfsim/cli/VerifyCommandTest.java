package dev.cfsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VerifyCommandTest {

  /** Log lines written for these tests so that every shop rule is reached. */
  private static final String MIXED_LOG = "src/test/resources/function/logs/";

  @TempDir Path tmp;

  private final CliRun cli = new CliRun();

  @ParameterizedTest
  @ValueSource(strings = {"shop", "maintenance", "eu-and-california"})
  void the_committed_example_function_agrees_with_its_rules_on_the_example_logs(String name) {
    int code = cli.run("verify", "--rules", "examples/rules/" + name + ".yaml",
        "--function", "functions-js/examples/" + name + ".js", "examples/logs/", MIXED_LOG);
    assertEquals(Main.EXIT_OK, code, cli.out + "\n" + cli.err);
    assertTrue(cli.out.toString().contains("differences: 0 - the function decides exactly as the rules on every event."), cli.out.toString());
    assertTrue(cli.out.toString().matches("(?s)verify: [1-9][0-9,]* events from .*"), cli.out.toString());
    assertTrue(cli.out.toString().contains("events/s; Node (function): "), cli.out.toString());
  }

  @Test
  void verify_takes_the_viewer_switches_of_cfsim_event() {
    // Without device headers no phone is redirected: the three phones-to-mobile requests pass.
    int code = cli.run("verify", "--rules", "examples/rules/shop.yaml", "--headers", "cloudfront-viewer-country",
        "--asn", "src/test/resources/maxmind/GeoLite2-ASN-Test.mmdb", "--tablet-is-mobile", "false", MIXED_LOG);
    assertEquals(Main.EXIT_OK, code, cli.out + "\n" + cli.err);
    assertTrue(cli.out.toString().contains(
        "decisions: pass 16, korea-to-kr-site 4, health-checks 2, bots 2"), cli.out.toString());
  }

  @Test
  void a_log_without_a_fields_line_is_verified_with_the_log_options_of_emulate() throws Exception {
    Path mixed = Path.of(MIXED_LOG, "E2CFSIMFUNCTION.2026-11-02-08.mixed");
    String fields = Files.readAllLines(mixed).get(1).substring("#Fields: ".length()).replace(' ', ',');
    Path bare = tmp.resolve("bare.log");
    Files.write(bare, Files.readAllLines(mixed).stream().filter(l -> !l.startsWith("#")).toList());
    int code = cli.run("verify", "--rules", "examples/rules/shop.yaml", "--fields", fields, bare.toString());
    assertEquals(Main.EXIT_OK, code, cli.out + "\n" + cli.err);
    assertTrue(cli.out.toString().contains(
        "decisions: pass 13, korea-to-kr-site 4, phones-to-mobile 3, health-checks 2, bots 2"), cli.out.toString());
    assertEquals(Main.EXIT_BAD_INPUT, cli.run("verify", "--rules", "examples/rules/shop.yaml", "--threads", "2", MIXED_LOG));
  }

  @Test
  void on_the_mixed_test_log_every_shop_rule_decides_some_request_and_all_agree() {
    int code = cli.run("verify", "--rules", "examples/rules/shop.yaml", MIXED_LOG);
    assertEquals(Main.EXIT_OK, code, cli.out + "\n" + cli.err);
    // 24 hand-made lines: Korean, US, German and Austrian viewers; phones, tablets, bots, probes.
    assertTrue(cli.out.toString().contains(
        "decisions: pass 13, korea-to-kr-site 4, phones-to-mobile 3, health-checks 2, bots 2"), cli.out.toString());
  }

  @Test
  void the_emulators_geoip_option_builds_the_events_from_another_database() {
    int code = cli.run("verify", "--rules", "examples/rules/shop.yaml",
        "--geoip", "src/test/resources/maxmind/GeoLite2-Country-Test.mmdb", MIXED_LOG);
    assertEquals(Main.EXIT_OK, code, cli.out + "\n" + cli.err);
    // MaxMind's test database knows none of the log's addresses: no viewer is Korean, none redirected there.
    assertTrue(cli.out.toString().contains("differences: 0"), cli.out.toString());
    assertTrue(!cli.out.toString().contains("korea-to-kr-site"), cli.out.toString());
  }

  @Test
  void a_function_that_decides_otherwise_exits_1_showing_the_event_and_both_results() throws Exception {
    // A hand-written function that redirects everything, checked against rules that pass everything here.
    Path function = tmp.resolve("everything-to-maintenance.js");
    Files.writeString(function, "function handler(event) {\n"
        + "  return { statusCode: 307, statusDescription: 'Temporary Redirect',\n"
        + "    headers: { location: { value: 'https://www.example.com/maintenance.html' } } };\n}\n");
    int code = cli.run("verify", "--rules", "examples/rules/shop.yaml", "--function", function.toString(),
        "--show", "1", "examples/logs/");
    String printed = cli.out.toString();
    assertEquals(Main.EXIT_CHECK_FAILED, code, printed + cli.err);
    assertTrue(printed.matches("(?s).*differences: [1-9][0-9,]* of [1-9][0-9,]* events; the first 1:.*"), printed);
    assertTrue(printed.contains("    event:    {\"version\":\"1.0\""), printed);
    assertTrue(printed.contains("    rules:    {\"re"), printed);
    assertTrue(printed.contains("    function: {\"response\":{\"statusCode\":307"), printed);
  }

  @Test
  void a_function_the_runtime_would_reject_is_refused_before_any_event() throws Exception {
    Path function = tmp.resolve("let.js");
    Files.writeString(function, "function handler(event) {\n  let r = event.request;\n  return r;\n}\n");
    int code = cli.run("verify", "--rules", "examples/rules/shop.yaml", "--function", function.toString(),
        "--runtime", "cloudfront-js-1.0", "examples/logs/");
    assertEquals(Main.EXIT_BAD_INPUT, code);
    assertTrue(cli.err.toString().contains("line 2: let is not supported in cloudfront-js-1.0"), cli.err.toString());
  }
}
