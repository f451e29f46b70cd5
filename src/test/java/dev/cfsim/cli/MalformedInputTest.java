package dev.cfsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that are not JSON (or YAML) are refused in one line a user can act on. */
class MalformedInputTest {
  @TempDir Path dir;

  private static void assertRefused(String expected, String... args) {
    CliRun cli = new CliRun();
    assertEquals(Main.EXIT_BAD_INPUT, cli.run(args), cli.err.toString());
    String err = cli.err.toString();
    assertEquals(expected + "\n", err);
    for (String internal : new String[] {"com.fasterxml", "REDACTED", "Feature", "`"}) {
      assertFalse(err.contains(internal), err);
    }
  }

  /** Refuses {@code text} as the profile file {@code name} with {@code expected} after the file name. */
  private void assertProfileRefused(String name, String text, String expected) throws IOException {
    Path bad = Files.writeString(dir.resolve(name), text);
    assertRefused("cfsim: " + bad + ": " + expected, "estimate", "--profile", bad.toString());
  }

  @Test
  void a_json_profile_cut_short_names_the_file_line_and_column() throws IOException {
    assertProfileRefused("bad.json", "{\"name\": \"x\", \"regions\": {",
        "line 1, column 27: not valid JSON: the JSON ends early");
  }

  @Test
  void a_json_profile_with_nan_says_nan_is_not_a_number() throws IOException {
    assertProfileRefused("nan.json", "{\"regions\": {\"us\": {\"requests\": NaN}}}",
        "line 1, column 33: not valid JSON: NaN is not a JSON number");
  }

  @Test
  void a_yaml_profile_that_is_not_yaml_names_the_line_and_column() throws IOException {
    assertProfileRefused("bad.yaml", "name: x\n regions: 1\n",
        "line 2, column 9: not valid YAML: mapping values are not allowed here");
  }

  @Test
  void an_edge_locations_file_that_is_not_json_names_the_file_line_and_column() {
    assertRefused("cfsim: examples/profiles/korea-mall.yaml: line 1, column 1: not valid JSON: comments ('#')"
            + " are not allowed in JSON",
        "profile", "examples/logs/sample", "--edge-locations", "examples/profiles/korea-mall.yaml");
  }

  /** {@code profile --name} writes a name that {@code estimate} reads back as the same name. */
  @Test
  void a_profile_named_like_a_yaml_number_is_read_back_by_estimate() throws IOException {
    for (String name : new String[] {".inf", "-.inf", ".NaN", "1e3", ".5"}) {
      CliRun profile = new CliRun();
      assertEquals(Main.EXIT_OK, profile.run("profile", "examples/logs/sample", "--name", name), profile.err.toString());
      Path file = Files.writeString(dir.resolve("named.yaml"), profile.out.toString());
      CliRun estimate = new CliRun();
      assertEquals(Main.EXIT_OK, estimate.run("estimate", "--profile", file.toString(), "--format", "json"),
          estimate.err.toString());
      assertEquals(name, new ObjectMapper().readTree(estimate.out.toString()).get("profile").asText());
    }
  }
}
