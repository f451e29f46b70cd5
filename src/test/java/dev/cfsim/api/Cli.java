package dev.cfsim.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cfsim.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs a cfsim command in-process, so API answers can be compared with what the CLI prints. */
final class Cli {
  private Cli() {}

  /** Standard output of a command that must succeed. */
  static String run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = Main.newCommandLine();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    assertEquals(0, cmd.execute(args), err.toString());
    return out.toString();
  }
}
