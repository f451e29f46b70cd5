package dev.cfsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A profile or rules file is one YAML document, written out: what cfsim would not read is refused. */
class YamlDocumentsTest {
  @TempDir Path tmp;

  private static String err(String... args) {
    CliRun run = new CliRun();
    assertEquals(Main.EXIT_BAD_INPUT, run.run(args), run.err.toString());
    return run.err.toString().replace("\r", "");
  }

  @Test
  void a_second_document_in_a_profile_or_rules_file_is_refused_naming_its_line() throws Exception {
    String profile = Files.readString(Path.of("examples/profiles/korea-mall.yaml"));
    long lines = profile.lines().count();
    Path two = Files.writeString(tmp.resolve("two.yaml"), profile + "---\nname: other\n");
    assertEquals("cfsim: " + two + ": line " + (lines + 1) + ": a second YAML document (---); one document per file\n",
        err("estimate", "--profile", two.toString()));
    Path trailing = Files.writeString(tmp.resolve("trailing.yaml"), profile + "---\n");
    assertEquals("cfsim: " + trailing + ": line " + (lines + 1) + ": a second YAML document (---); one document per file\n",
        err("estimate", "--profile", trailing.toString()));

    String rules = Files.readString(Path.of("examples/rules/shop.yaml"));
    Path rulesTwo = Files.writeString(tmp.resolve("rules.yaml"), rules + "---\nrules: []\n");
    assertEquals("cfsim: " + rulesTwo + ": line " + (rules.lines().count() + 1)
        + ": a second YAML document (---); one document per file\n",
        err("generate", "--no-check", "--rules", rulesTwo.toString()));
  }

  @Test
  void a_leading_document_marker_is_fine() throws Exception {
    Path one = Files.writeString(tmp.resolve("one.yaml"),
        "---\nname: x\nhours: 1\nregions:\n  us:\n    requests_per_hour: 1\n    data_out: 1 GB\n...\n");
    CliRun run = new CliRun();
    assertEquals(Main.EXIT_OK, run.run("estimate", "--profile", one.toString()), run.err.toString());
  }

  @Test
  void an_alias_is_refused_naming_its_line_not_read_as_its_name() throws Exception {
    Path aliased = Files.writeString(tmp.resolve("aliased.yaml"), "name: al\nhours: 730\nregions:\n"
        + "  ap:\n    requests_per_hour: &a 600000\n    data_out: 1 TB\n"
        + "  us:\n    requests_per_hour: *a\n    data_out: 1 TB\n");
    assertEquals("cfsim: " + aliased + ": line 8: YAML aliases (*a) are not supported; write the value out\n",
        err("estimate", "--profile", aliased.toString()));
  }

  @Test
  void a_tagged_value_is_refused_naming_its_line_not_read_as_if_untagged() throws Exception {
    // Jackson ignores a tag: 'hours: !foo 5' was priced as 5 hours, '!!binary' came back as base64
    Path tagged = Files.writeString(tmp.resolve("tagged.yaml"),
        "name: t\nhours: !foo 5\nregions:\n  us:\n    requests_per_hour: 1\n    data_out: 1 GB\n");
    assertEquals("cfsim: " + tagged + ": line 2: YAML tags (!foo) are not supported; write the value without one\n",
        err("estimate", "--profile", tagged.toString()));
    Path binary = Files.writeString(tmp.resolve("binary.yaml"),
        "name: !!binary aGk=\nregions:\n  us:\n    requests_per_hour: 1\n    data_out: 1 GB\n");
    assertTrue(err("estimate", "--profile", binary.toString()).contains(": line 1: YAML tags ("), binary.toString());
    Path rules = Files.writeString(tmp.resolve("rules.yaml"), "rules:\n  - id: a\n    pass: !!bool true\n");
    assertEquals("cfsim: " + rules + ": line 3: YAML tags (!!bool) are not supported; write the value without one\n",
        err("generate", "--no-check", "--rules", rules.toString()));
  }

  @Test
  void a_tagged_key_is_refused_too_not_read_as_its_text() throws Exception {
    // Jackson never reports a key's tag: '!!binary eC1mb28' named the header x-foo (its base64)
    Path rules = Files.writeString(tmp.resolve("key.yaml"), "rules:\n  - id: a\n    when:\n      header:\n"
        + "        !!binary eC1mb28: { equals: \"1\" }\n    pass: true\n");
    assertEquals("cfsim: " + rules + ": line 5: YAML tags (!!binary) are not supported; write the key without one\n",
        err("generate", "--no-check", "--rules", rules.toString()));
    Path profile = Files.writeString(tmp.resolve("profile.yaml"),
        "name: t\n!foo hours: 5\nregions:\n  us:\n    requests_per_hour: 1\n    data_out: 1 GB\n");
    assertEquals("cfsim: " + profile + ": line 2: YAML tags (!foo) are not supported; write the key without one\n",
        err("estimate", "--profile", profile.toString()));
    // a tag on a whole mapping, and a verbatim one, are named as written
    Path mapping = Files.writeString(tmp.resolve("mapping.yaml"), "name: t\nregions: !!map\n  us: { requests_per_hour: 1 }\n");
    assertTrue(err("estimate", "--profile", mapping.toString()).endsWith(": line 2: YAML tags (!!map) are not supported;"
        + " write the value without one\n"));
    Path verbatim = Files.writeString(tmp.resolve("verbatim.yaml"), "name: !<tag:example.com,2026:x> t\n");
    assertTrue(err("estimate", "--profile", verbatim.toString()).contains(": line 1: YAML tags (!<tag:example.com,2026:x>)"));
  }

  @Test
  void text_that_is_not_yaml_is_still_named_by_the_yaml_reader() throws Exception {
    Path broken = Files.writeString(tmp.resolve("broken.yaml"), "name: t\nregions: [us\n");
    String e = err("estimate", "--profile", broken.toString());
    assertTrue(e.startsWith("cfsim: " + broken + ": "), e);
    assertEquals(1, e.lines().count(), e);
  }
}
