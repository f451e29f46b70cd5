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
