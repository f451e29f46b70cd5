package dev.cfsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoggenCommandTest {

  @TempDir Path dir;

  static Path testDb(Path dir) throws Exception {
    Path db = dir.resolve("GeoIP2-Country-Test.mmdb");
    try (InputStream in = LoggenCommandTest.class.getResourceAsStream("/logs/geoip/GeoIP2-Country-Test.mmdb")) {
      Files.copy(in, db);
    }
    return db;
  }

  static Path testMix() throws Exception {
    return Path.of(LoggenCommandTest.class.getResource("/logs/test-db-mix.yaml").toURI());
  }

  @Test
  void loggen_writes_gzip_files_for_the_requested_count() throws Exception {
    Path out = dir.resolve("logs");
    int code =
        Main.run("loggen", "--requests", "800", "--out", out.toString(), "--seed", "5",
            "--mix", testMix().toString(), "--geoip", testDb(dir).toString());
    assertEquals(Main.EXIT_OK, code);
    try (var files = Files.list(out)) {
      assertTrue(files.allMatch(f -> f.toString().endsWith(".gz")));
    }
  }

  @Test
  void a_directory_holding_files_is_refused_unless_replace_deletes_its_old_logs() throws Exception {
    Path out = dir.resolve("logs");
    String[] args = {"loggen", "--requests", "1", "--out", out.toString(), "--mix", testMix().toString(),
        "--geoip", testDb(dir).toString()};
    assertEquals(Main.EXIT_OK, ProfileCommandTest.run(args).code());
    List<Path> first = list(out);

    ProfileCommandTest.Run again = ProfileCommandTest.run(args);
    assertEquals(Main.EXIT_BAD_INPUT, again.code());
    assertEquals("cfsim: --out: " + out + " already holds " + first.size() + (first.size() == 1 ? " entry" : " entries")
        + ", which a profile of it would"
        + " read with the new logs; give a new or empty directory, or add --replace to delete its .gz files first\n",
        again.err());
    assertEquals(first, list(out));

    String[] replacing = Arrays.copyOf(args, args.length + 1);
    replacing[args.length] = "--replace";
    replacing[2] = "50";
    assertEquals(Main.EXIT_OK, ProfileCommandTest.run(replacing).code());
    List<Path> second = list(out);
    assertTrue(second.stream().noneMatch(first::contains), second + " still holds " + first);

    Path note = Files.writeString(out.resolve("NOTES.txt"), "mine");
    ProfileCommandTest.Run kept = ProfileCommandTest.run(replacing);
    assertEquals(Main.EXIT_BAD_INPUT, kept.code());
    assertTrue(kept.err().endsWith("give a new or empty directory\n"), kept.err());
    assertTrue(Files.exists(note));
    assertEquals(second.size() + 1, list(out).size());
  }

  private static List<Path> list(Path dir) throws Exception {
    try (var files = Files.list(dir)) {
      return files.sorted().toList();
    }
  }

  @Test
  void a_missing_geoip_file_or_a_zero_count_is_bad_input() throws Exception {
    assertEquals(Main.EXIT_BAD_INPUT,
        Main.run("loggen", "--requests", "10", "--out", dir.toString(), "--mix", testMix().toString(),
            "--geoip", dir.resolve("none.mmdb").toString()));
    assertEquals(Main.EXIT_BAD_INPUT,
        Main.run("loggen", "--requests", "0", "--out", dir.toString()));
  }

  @Test
  void one_entry_in_the_way_is_said_in_the_singular() throws Exception {
    Path out = Files.createDirectories(dir.resolve("one"));
    Files.writeString(out.resolve("NOTES.txt"), "mine");
    ProfileCommandTest.Run r = ProfileCommandTest.run("loggen", "--requests", "1", "--out", out.toString());
    assertEquals(Main.EXIT_BAD_INPUT, r.code());
    assertTrue(r.err().startsWith("cfsim: --out: " + out + " already holds 1 entry, which"), r.err());
  }
}
