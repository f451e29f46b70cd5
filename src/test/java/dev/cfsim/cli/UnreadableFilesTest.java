package dev.cfsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file cfsim cannot use is named, with what is wrong with it, in one line (exit 2). */
class UnreadableFilesTest {
  private static final String KOREA = "examples/profiles/korea-mall.yaml";

  @TempDir Path tmp;

  private static void assertOneLine(String line, String... args) {
    CliRun cli = new CliRun();
    assertEquals(Main.EXIT_BAD_INPUT, cli.run(args), cli.err.toString());
    assertEquals(line + "\n", cli.err.toString());
  }

  @Test
  void a_file_that_is_not_utf8_is_named_with_the_line_and_the_byte() throws Exception {
    Path profile = tmp.resolve("latin1.yaml");
    Files.write(profile, "name: shop\nregions:\n  ap: {requests: 1}  # caf\u00e9\n".getBytes("ISO-8859-1"));
    assertOneLine("cfsim: " + profile + ": line 3: not UTF-8 text (byte 0xE9); save the file as UTF-8",
        "estimate", "--profile", profile.toString());
    Path rules = tmp.resolve("rules.yaml");
    Files.write(rules, new byte[] {'r', 'u', 'l', 'e', 's', ':', '\n', (byte) 0xFF, '\n'});
    assertOneLine("cfsim: " + rules + ": line 2: not UTF-8 text (byte 0xFF); save the file as UTF-8",
        "generate", "--rules", rules.toString());
  }

  @Test
  void a_directory_where_a_file_belongs_is_named() {
    String dir = tmp.toString();
    String line = "cfsim: " + dir + ": is a directory; give a file";
    assertOneLine(line, "estimate", "--profile", dir);
    assertOneLine(line, "estimate", "--profile", KOREA, "--price-book", dir);
    assertOneLine(line, "generate", "--rules", dir);
    assertOneLine(line, "emulate", "--rules", dir, "examples/logs");
    assertOneLine(line, "pricebook", "import", dir);
    assertOneLine(line, "emulate", "--function", dir, "examples/logs");
    assertOneLine(line, "event", "--ip", "1.2.3.4", "--geoip", dir);
    assertOneLine(line, "loggen", "--requests", "1", "--out", tmp.resolve("out").toString(), "--mix", dir);
  }

  @Test
  void an_empty_log_directory_is_named() {
    assertOneLine("cfsim: " + tmp + ": no log files in this directory (hidden files and .md notes are skipped)",
        "profile", tmp.toString());
  }

  @Test
  void a_file_in_the_way_of_an_output_directory_is_named_with_the_reason() throws Exception {
    Path file = Files.writeString(tmp.resolve("existing-file"), "x");
    assertOneLine("cfsim: --out: " + file + " is a file; give a new or empty directory",
        "loggen", "--requests", "1", "--out", file.toString());
    assertOneLine("cfsim: " + file + ": already exists (and is in the way)",
        "generate", "--rules", "examples/rules/shop.yaml", "--no-check", "--out", file.resolve("g.js").toString());
  }
}
