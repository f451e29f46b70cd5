package dev.cfsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {

  @Test
  void unknown_option_exits_2_with_one_line_and_no_stack_trace() {
    StringWriter err = new StringWriter();
    CommandLine cmd = Main.newCommandLine();
    cmd.setErr(new PrintWriter(err));
    int code = cmd.execute("--no-such-option");
    assertEquals(Main.EXIT_BAD_INPUT, code);
    assertTrue(err.toString().startsWith("cfsim: Unknown option: '--no-such-option'"), err.toString());
    assertFalse(err.toString().contains("\tat "), "no stack trace");
  }

  @Test
  void a_usage_error_is_one_line_naming_the_option_and_its_help() {
    assertUsageError("cfsim: --fx: not a number: 'abc' (see cfsim estimate --help)",
        "estimate", "--profile", "examples/profiles/korea-mall.yaml", "--currency", "KRW", "--fx", "abc");
    assertUsageError("cfsim: --threads: not a whole number: 'many' (see cfsim profile --help)",
        "profile", "--threads", "many", "examples/logs");
    assertUsageError("cfsim: --threads: out of range: '99999999999' (see cfsim profile --help)",
        "profile", "--threads", "99999999999", "examples/logs");
    assertUsageError("cfsim: --format: expected one of [yaml, json, table] (case-insensitive) but was 'xml'"
        + " (see cfsim profile --help)", "profile", "--format", "xml", "examples/logs");
    assertUsageError("cfsim: Missing required options and parameters: '--rules=FILE', 'LOGS'"
        + " (see cfsim verify --help)", "verify");
    assertUsageError("cfsim: give either --rules FILE or --function FILE (see cfsim emulate --help)",
        "emulate", "examples/logs");
  }

  private static void assertUsageError(String line, String... args) {
    CliRun cli = new CliRun();
    assertEquals(Main.EXIT_BAD_INPUT, cli.run(args), cli.err.toString());
    assertEquals(line + "\n", cli.err.toString());
  }

  @Test
  void every_subcommand_has_help_with_an_example() {
    CommandLine cmd = Main.newCommandLine();
    for (var entry : cmd.getSubcommands().entrySet()) {
      if (entry.getKey().equals("help")) {
        continue;
      }
      String usage = entry.getValue().getUsageMessage();
      assertTrue(usage.contains("Example"), entry.getKey() + " help has no example:\n" + usage);
    }
  }
}
