package dev.cfsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
  void a_missing_geoip_file_or_a_zero_count_is_bad_input() throws Exception {
    assertEquals(Main.EXIT_BAD_INPUT,
        Main.run("loggen", "--requests", "10", "--out", dir.toString(), "--mix", testMix().toString(),
            "--geoip", dir.resolve("none.mmdb").toString()));
    assertEquals(Main.EXIT_BAD_INPUT,
        Main.run("loggen", "--requests", "0", "--out", dir.toString()));
  }
}
