package dev.cfsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logs without a record are bad input for every command that reads logs, as for profile: a
 * replay over nothing must not pass for a clean one. Malformed lines are listed as profile lists
 * them.
 */
class NoRecordsTest {
  @TempDir Path tmp;

  /** The edge-case log's header, then only lines that are not records. */
  private Path garbage() throws Exception {
    List<String> header = Files.readAllLines(Path.of(ProfileCommandTest.EDGE_CASES)).subList(0, 2);
    Path log = tmp.resolve("garbage.log");
    Files.writeString(log, String.join("\n", header) + "\ngarbage one\ngarbage two\n");
    return log;
  }

  private static String[][] commands(String log) {
    return new String[][] {
      {"profile", log},
      {"estimate", "--logs", log},
      {"emulate", "--rules", "examples/rules/shop.yaml", log},
      {"emulate", "--function", "functions-js/examples/shop.js", log},
      {"verify", "--rules", "examples/rules/shop.yaml", log},
    };
  }

  @Test
  void only_malformed_lines_exit_2_listing_them_then_no_log_records_found() throws Exception {
    Path log = garbage();
    for (String[] args : commands(log.toString())) {
      CliRun cli = new CliRun();
      int code = cli.run(args);
      String err = cli.err.toString();
      assertEquals(Main.EXIT_BAD_INPUT, code, String.join(" ", args) + "\n" + cli.out + err);
      assertEquals("", cli.out.toString(), String.join(" ", args));
      assertEquals(List.of(
          "cfsim: 2 malformed lines (wrong field count: 2)",
          "cfsim:   " + log + ": line 3: wrong field count: 1 fields where the field list has 33",
          "cfsim:   " + log + ": line 4: wrong field count: 1 fields where the field list has 33",
          "cfsim: " + log + ": no log records found"), err.lines().toList(), String.join(" ", args));
    }
  }

  @Test
  void an_empty_log_exits_2() throws Exception {
    Path empty = Files.writeString(tmp.resolve("empty.log"), "");
    for (String[] args : commands(empty.toString())) {
      CliRun cli = new CliRun();
      assertEquals(Main.EXIT_BAD_INPUT, cli.run(args), String.join(" ", args) + "\n" + cli.out + cli.err);
      assertEquals("cfsim: " + empty + ": no log records found\n", cli.err.toString(), String.join(" ", args));
    }
  }

  @Test
  void verify_lists_malformed_lines_on_stderr_as_profile_does_not_as_a_java_list() throws Exception {
    Path log = tmp.resolve("some-garbage.log");
    String edgeCases = Files.readString(Path.of(ProfileCommandTest.EDGE_CASES));
    // its complete lines (its last is cut short, which only a file's last line may be), then garbage
    Files.writeString(log, edgeCases.substring(0, edgeCases.lastIndexOf('\n') + 1) + "garbage\n");
    CliRun cli = new CliRun();
    int code = cli.run("verify", "--rules", "examples/rules/shop.yaml", log.toString());
    String out = cli.out.toString();
    String err = cli.err.toString();
    assertEquals(Main.EXIT_OK, code, out + err);
    assertTrue(out.matches("(?s)verify: \\d+ events from 1 log file\\(s\\) \\(1 malformed line skipped, listed on stderr\\)\n.*"), out);
    assertFalse(out.contains("["), out);
    assertTrue(err.contains("cfsim: 1 malformed line (wrong field count: 1)\ncfsim:   " + log + ": line "), err);
  }
}
