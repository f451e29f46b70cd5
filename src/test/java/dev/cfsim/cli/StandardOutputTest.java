package dev.cfsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command whose output cannot be written fails, saying why, rather than exiting 0. */
class StandardOutputTest {
  private static final String NO_SPACE = "cfsim: cannot write to standard output: No space left on device";

  @TempDir Path tmp;

  /** Standard output on a full disk. */
  private static final OutputStream FULL = new OutputStream() {
    @Override
    public void write(int b) throws IOException {
      throw new IOException("No space left on device");
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      throw new IOException("No space left on device");
    }
  };

  @Test
  void every_command_that_prints_exits_2_with_one_line_when_standard_output_fails() {
    String korea = "examples/profiles/korea-mall.yaml";
    String[][] runs = {
      {"estimate", "--profile", korea},
      {"plans", "--profile", korea},
      {"profile", ProfileCommandTest.EDGE_CASES},
      {"event", "--ip", "211.234.1.1"},
      {"pricebook", "--format", "csv"},
      {"emulate", "--rules", "examples/rules/shop.yaml", "--format", "html", ProfileCommandTest.EDGE_CASES},
      {"generate", "--rules", "examples/rules/shop.yaml", "--no-check"},
      {"loggen", "--requests", "5", "--out", tmp.resolve("logs").toString()},
    };
    for (String[] args : runs) {
      PrintStream oldErr = System.err;
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int code;
      try {
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        code = Main.run(FULL, args);
      } finally {
        System.setErr(oldErr);
      }
      String printed = err.toString(StandardCharsets.UTF_8);
      assertEquals(Main.EXIT_BAD_INPUT, code, args[0] + ": " + printed);
      assertEquals(NO_SPACE, printed.lines().reduce((a, b) -> b).orElse(""), args[0] + ": " + printed);
    }
  }

  @Test
  void generate_to_a_full_standard_output_says_only_that() {
    PrintStream oldErr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      code = Main.run(FULL, "generate", "--rules", "examples/rules/shop.yaml");
    } finally {
      System.setErr(oldErr);
    }
    assertEquals(Main.EXIT_BAD_INPUT, code);
    assertEquals(NO_SPACE + "\n", err.toString(StandardCharsets.UTF_8).replace("\r", ""));
  }

  /** The cfsim program, as a process, with {@code args}. */
  private static ProcessBuilder cfsim(String... args) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command);
  }

  private static String finish(Process p) throws Exception {
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(true, p.waitFor(60, TimeUnit.SECONDS), err);
    assertEquals(Main.EXIT_BAD_INPUT, p.exitValue(), err);
    return err.replace("\r", "");
  }

  /** A pipe its reader closed early, as {@code | head} does: on every OS, so this test never skips. */
  @Test
  void the_cfsim_program_exits_2_when_its_output_pipe_is_closed() throws Exception {
    Process p = cfsim("estimate", "--profile", "examples/profiles/korea-mall.yaml").start();
    p.getInputStream().close(); // long before the JVM has started and printed anything
    String err = finish(p);
    assertEquals(1, err.lines().count(), err);
    assertTrue(err.startsWith("cfsim: cannot write to standard output: "), err);
  }

  /** A full disk, where the OS has one to write to (Linux's /dev/full); the closed pipe above runs everywhere. */
  @Test
  void the_cfsim_program_on_a_full_disk_exits_2() throws Exception {
    File full = new File("/dev/full");
    if (!full.canWrite()) {
      return; // covered in process by the closed pipe, and in memory by the failing stream above
    }
    Process p = cfsim("estimate", "--profile", "examples/profiles/korea-mall.yaml").redirectOutput(full).start();
    assertEquals(NO_SPACE + "\n", finish(p));
  }
}
