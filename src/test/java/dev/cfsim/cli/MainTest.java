package dev.cfsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
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
  void node_dying_under_a_command_is_exit_3_saying_so_while_an_io_error_is_exit_2() {
    StringWriter err = new StringWriter();
    int code = Main.failure(new dev.cfsim.function.NodeFailure(
        "Node exited while running a batch (exit code 137: killed by signal 9?)", null), new PrintWriter(err));
    assertEquals(Main.EXIT_INTERNAL, code);
    assertEquals("cfsim: Node exited while running a batch (exit code 137: killed by signal 9?)\n",
        err.toString().replace("\r", ""));
    assertEquals(Main.EXIT_BAD_INPUT, Main.failure(new java.io.IOException("disk"), new PrintWriter(new StringWriter())));
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

  /** A command that fails as no command should, with an Error picocli does not catch. */
  @CommandLine.Command(name = "boom")
  static final class Boom implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new OutOfMemoryError("unable to create native thread");
    }
  }

  @Test
  void an_error_escaping_a_command_is_an_internal_error_in_one_line() {
    StringWriter err = new StringWriter();
    CommandLine cmd = Main.newCommandLine().addSubcommand(new Boom());
    cmd.setErr(new PrintWriter(err));
    int code = Main.execute(cmd, new ByteArrayOutputStream(), "boom");
    assertEquals(Main.EXIT_INTERNAL, code);
    assertEquals("cfsim: internal error: java.lang.OutOfMemoryError: unable to create native thread"
        + " (set CFSIM_DEBUG=1 for the stack trace)\n", err.toString());
  }

  @Test
  void threads_are_capped_so_a_huge_count_is_bad_input_not_an_out_of_memory_crash() {
    for (String command : new String[] {"profile", "emulate"}) {
      CliRun cli = new CliRun();
      int code = command.equals("profile")
          ? cli.run("profile", "--threads", "100000", "examples/logs")
          : cli.run("emulate", "--rules", "examples/rules/shop.yaml", "--threads", "100000", "examples/logs");
      assertEquals(Main.EXIT_BAD_INPUT, code, cli.err.toString());
      assertEquals("cfsim: --threads: must be 1 to 256 (got 100000); more threads than cores only cost memory\n",
          cli.err.toString());
    }
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
