package dev.cfsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfsim.logs.GzipStreams;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EmulateCommandTest {
  private static final String LOG = "src/test/resources/emulator/shop-sample.log";

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = Main.newCommandLine();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    int code = cmd.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void the_shop_rules_over_a_recorded_log_print_decisions_cost_and_throughput() {
    Run r = run("emulate", "--rules", "examples/rules/shop.yaml", LOG);
    assertEquals(Main.EXIT_OK, r.code(), r.err());
    assertTrue(r.out().contains("korea-to-kr-site"), r.out());
    assertTrue(r.out().contains("Monthly cost of running the rules"), r.out());
    assertTrue(r.err().contains("records/s"), r.err());
    assertTrue(r.err().contains("(gzip: " + GzipStreams.inflater() + ")"), r.err());
  }

  @Test
  void json_output_is_one_json_document() throws Exception {
    Run r = run("emulate", "--rules", "examples/rules/shop.yaml", LOG, "--format", "json", "--scale-to-month");
    assertEquals(Main.EXIT_OK, r.code(), r.err());
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
    assertEquals(8, json.get("records").asLong());
  }

  @Test
  void a_scaled_window_shows_function_and_lambda_edge_counts_alike(@TempDir Path dir) throws Exception {
    // the last record moved to 09:17 makes the window three hours: 8 x 730 / 3 = 1,946.67 requests
    Path log = dir.resolve("three-hours.log");
    Files.writeString(log, Files.readString(Path.of(LOG)).replace("2026-11-02\t07:17:00", "2026-11-02\t09:17:00"));
    Run r = run("emulate", "--rules", "examples/rules/shop.yaml", log.toString(), "--scale-to-month");
    assertEquals(Main.EXIT_OK, r.code(), r.err());
    assertTrue(r.out().matches("(?s).*CloudFront Functions \\(viewer request\\) +1,946\\.67 invocations .*"), r.out());
    assertTrue(r.out().matches("(?s).*Lambda@Edge requests +1,946\\.67 requests .*"), r.out());
  }

  @Test
  void follow_ups_are_https_whatever_the_redirected_requests_used(@TempDir Path dir) throws Exception {
    // two US requests at IAD, one over HTTP, both redirected to an HTTPS site; as 438,000,000 a
    // month each line stands for 219,000,000. Served here too, the month gains 438,000,000 HTTPS
    // requests at $0.010 per 10,000 ($438.00) and as many invocations at $0.10 per million
    // ($43.80): $481.80, the free tiers spent either way. Split like the logged ones (half HTTP at
    // $0.0075) they would have cost $427.05.
    List<String> lines = Files.readAllLines(Path.of(LOG));
    List<String> us = lines.stream().filter(l -> l.contains("IAD89-C1")).toList();
    String[] http = us.get(0).split("\t", -1);
    http[16] = "http";
    Path log = dir.resolve("us.log");
    Files.writeString(log, lines.get(0) + "\n" + lines.get(1) + "\n" + String.join("\t", http) + "\n" + us.get(1) + "\n");
    Path rules = Files.writeString(dir.resolve("all.yaml"),
        "rules:\n  - id: all\n    redirect: { status: 302, location: \"https://other.example${uri}\" }\n");
    Run r = run("emulate", "--rules", rules.toString(), log.toString(), "--format", "json", "--month-requests", "438000000");
    assertEquals(Main.EXIT_OK, r.code(), r.err());
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
    assertEquals(0, new java.math.BigDecimal("481.80").compareTo(json.get("cost_with_follow_ups").get("total_usd")
        .decimalValue().subtract(json.get("cost").get("total_usd").decimalValue())), r.out());
  }

  @Test
  void month_requests_prices_the_logs_as_a_sample_of_that_month() throws Exception {
    Run r = run("emulate", "--rules", "examples/rules/shop.yaml", LOG, "--format", "json", "--month-requests", "438000000");
    assertEquals(Main.EXIT_OK, r.code(), r.err());
    var cost = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out()).get("function_cost");
    assertEquals(438_000_000L, cost.get("invocations").asLong(), cost.toString());
    // (438,000,000 - 2,000,000 free) x $0.10 per million = $43.60, whatever the sample's size
    assertEquals(0, new java.math.BigDecimal("43.60").compareTo(cost.get("cloudfront_functions_usd").decimalValue()),
        cost.toString());
    // written as every other amount in the JSON is: full precision without trailing zeros
    assertTrue(r.out().contains("\"cloudfront_functions_usd\" : 43.6,"), cost.toString());
    assertTrue(r.out().matches("(?s).*\"lambda_edge_usd\" : [0-9]+\\.[0-9]*[1-9],.*"), r.out()); // raw text: no trailing 0
    // Follow-ups, if this distribution also serves kr.shop.example and m.shop.example: of the 8
    // requests, two Korean ones at ICN (ap) and one US phone at IAD (us) are redirected, each
    // standing for 438,000,000 / 8 = 54,750,000: 109,500,000 more HTTPS requests in ap at $0.012
    // per 10,000 ($131.40) and 54,750,000 in us at $0.010 ($54.75), plus 164,250,000 invocations
    // at $0.10 per million ($16.425); the free tier is spent either way. $202.575 more.
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
    assertEquals(164_250_000L, json.get("function_cost").get("follow_ups").asLong());
    assertEquals(0, new java.math.BigDecimal("202.575").compareTo(json.get("cost_with_follow_ups").get("total_usd")
        .decimalValue().subtract(json.get("cost").get("total_usd").decimalValue())), json.get("cost_with_follow_ups").toString());
    // Targets served elsewhere: the three redirected responses' bytes leave this bill. Every line
    // sent 5,120 bytes; as the month, g = 5,120 x 54,750,000 / 2^30 = 261.0683 GB a line. As
    // logged: ap 5g, us 2g, eu 1g; the 1,024 free GB go to ap ($0.120), so data costs
    // 0.120 (5g - 1,024) + 0.085 (3g) = 0.855g - 122.88. Elsewhere: ap 3g (783.2 GB, all free),
    // us 1g, eu 1g less the 1,024 - 3g free left: 0.085 (5g - 1,024) = 0.425g - 87.04. Requests and
    // invocations do not change: 0.43g - 35.84 = $76.42 less.
    java.math.BigDecimal g = new java.math.BigDecimal("280320000000").divide(new java.math.BigDecimal(1L << 30),
        java.math.MathContext.DECIMAL64);
    java.math.BigDecimal less = g.multiply(new java.math.BigDecimal("0.43")).subtract(new java.math.BigDecimal("35.84"));
    java.math.BigDecimal got = json.get("cost").get("total_usd").decimalValue()
        .subtract(json.get("cost_targets_elsewhere").get("total_usd").decimalValue());
    // to a millionth of a dollar: each region's GB is rounded to nine places
    assertTrue(less.subtract(got).abs().compareTo(new java.math.BigDecimal("0.000001")) < 0, less + " vs " + got);
    Run both = run("emulate", "--rules", "examples/rules/shop.yaml", LOG, "--scale-to-month", "--month-requests", "5");
    assertEquals(Main.EXIT_BAD_INPUT, both.code());
    assertTrue(both.err().contains("give --scale-to-month or --month-requests, not both"), both.err());
    assertEquals(Main.EXIT_BAD_INPUT, run("emulate", "--rules", "examples/rules/shop.yaml", LOG, "--month-requests", "0").code());
    // a count no sum could hold exactly was priced at $73 trillion
    Run huge = run("emulate", "--rules", "examples/rules/shop.yaml", LOG, "--month-requests", "9223372036854775807");
    assertEquals(Main.EXIT_BAD_INPUT, huge.code());
    assertTrue(huge.err().contains("--month-requests must be 1 to 10,000,000,000,000 requests"), huge.err());
  }

  @Test
  void the_viewer_switches_of_cfsim_event_shape_emulate_decisions() throws Exception {
    // shop-sample.log has one US phone that phones-to-mobile redirects; a distribution whose
    // policies add only the country header sends no device header, so no phone is seen.
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    Run all = run("emulate", "--rules", "examples/rules/shop.yaml", LOG, "--format", "json");
    Run countryOnly = run("emulate", "--rules", "examples/rules/shop.yaml", LOG, "--format", "json",
        "--headers", "cloudfront-viewer-country", "--geoip", "src/test/resources/maxmind/GeoLite2-Country-Test.mmdb",
        "--asn", "src/test/resources/maxmind/GeoLite2-ASN-Test.mmdb", "--bots", "desktop");
    assertEquals(Main.EXIT_OK, all.code(), all.err());
    assertEquals(Main.EXIT_OK, countryOnly.code(), countryOnly.err());
    assertEquals(1, json.readTree(all.out()).get("decisions").get("phones-to-mobile").asLong());
    assertEquals(0, json.readTree(countryOnly.out()).get("decisions").get("phones-to-mobile").asLong());
    // and says why, for each header the rules read that the policies would not add
    assertTrue(countryOnly.err().contains("shop.yaml: rules: read CloudFront-Is-Mobile-Viewer, which the headers this"
        + " replay adds (--headers) leave out: the rules see it absent on every request"), countryOnly.err());
    assertTrue(countryOnly.err().contains("rules: read CloudFront-Is-Tablet-Viewer, which"), countryOnly.err());
    assertFalse(countryOnly.err().contains("read CloudFront-Viewer-Country"), countryOnly.err());
    assertFalse(all.err().contains("rules: read"), all.err());
    // in the report too, where a reader of the JSON sees it
    assertTrue(json.readTree(countryOnly.out()).get("warnings").toString().contains(
        "rules: read CloudFront-Is-Mobile-Viewer, which the headers this replay adds (--headers) leave out"));
  }

  @Test
  void a_bad_rules_file_exits_2_with_one_line_naming_file_rule_and_field(@TempDir Path dir) throws Exception {
    Path rules = dir.resolve("bad.yaml");
    Files.writeString(rules, "rules:\n  - id: k\n    when: { country: [KX] }\n    pass: true\n");
    Run r = run("emulate", "--rules", rules.toString(), LOG);
    assertEquals(Main.EXIT_BAD_INPUT, r.code());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains("bad.yaml: rules[0] (k).when.country[0]: 'KX' is not"), r.err());
    assertFalse(r.err().contains("\tat "));
  }

  @Test
  void a_gzip_log_cut_short_is_reported_on_stderr_as_well_as_in_the_report(@TempDir Path dir) throws Exception {
    byte[] log = Files.readAllBytes(Path.of("src/test/resources/emulator/shop-sample.log"));
    ByteArrayOutputStream gz = gzip(log);
    Path cut = dir.resolve("cut.log.gz");
    Files.write(cut, Arrays.copyOf(gz.toByteArray(), gz.size() - 12)); // no trailer, part of the data
    Run r = run("emulate", "--rules", "examples/rules/shop.yaml", cut.toString());
    assertEquals(Main.EXIT_OK, r.code(), r.err());
    assertTrue(r.err().contains(cut + ": truncated gzip"), r.err()); // a script watching stderr sees the loss
  }

  @Test
  void plain_lines_after_a_gzip_log_are_reported_and_strict_refuses_them(@TempDir Path dir) throws Exception {
    byte[] log = Files.readAllBytes(Path.of("src/test/resources/emulator/shop-sample.log"));
    ByteArrayOutputStream mixed = gzip(log);
    mixed.write(log); // the same lines again, not compressed
    Path file = dir.resolve("mixed.log.gz");
    Files.write(file, mixed.toByteArray());
    String lost = file + ": " + log.length + " bytes after the gzip data were not read";
    Run r = run("emulate", "--rules", "examples/rules/shop.yaml", file.toString());
    assertEquals(Main.EXIT_OK, r.code(), r.err());
    assertTrue(r.err().contains(lost), r.err());
    assertTrue(r.out().contains(log.length + " bytes after the gzip data were not read"), r.out());

    // the sample has a malformed line, which --strict would stop at first: the hand-written one has none
    byte[] clean = Files.readAllBytes(Path.of("examples/logs/handwritten/E2CFSIMEXAMPLE.2026-11-02-07.edgecases"));
    ByteArrayOutputStream cleanMixed = gzip(clean);
    cleanMixed.write(clean);
    Files.write(file, cleanMixed.toByteArray());
    Run strict = run("profile", "--strict", file.toString());
    assertEquals(Main.EXIT_BAD_INPUT, strict.code(), strict.err());
    assertEquals("cfsim: " + file + ": " + clean.length
        + " bytes after the gzip data were not read (they do not start a gzip member)", strict.err().strip());
  }

  private static ByteArrayOutputStream gzip(byte[] log) throws IOException {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(log);
    }
    return gz;
  }

  @Test
  void a_missing_log_exits_2() {
    Run r = run("emulate", "--rules", "examples/rules/shop.yaml", "no/such/logs");
    assertEquals(Main.EXIT_BAD_INPUT, r.code(), r.err());
  }

  @Test
  void an_unreachable_rule_is_a_warning_on_stderr_and_the_run_goes_on(@TempDir Path dir) throws Exception {
    Path rules = dir.resolve("r.yaml");
    Files.writeString(rules, "rules:\n  - id: all\n    pass: true\n  - id: never\n    when: { country: KR }\n    pass: true\n");
    Run r = run("emulate", "--rules", rules.toString(), LOG);
    assertEquals(Main.EXIT_OK, r.code(), r.err());
    assertTrue(r.err().contains("warning: " + rules + ": rules[1] (never): can never match"), r.err());
  }

  @Test
  void demo_replays_a_generated_log_through_the_shop_rules_and_prices_them_at_the_shops_volume() {
    Run r = run("demo");
    assertEquals(Main.EXIT_OK, r.code(), r.err());
    assertTrue(r.out().contains("through examples/rules/shop.yaml"), r.out());
    assertTrue(r.out().contains("korea-to-kr-site"), r.out());
    // 438,000,000 invocations: CloudFront Functions (438M - 2M free) x $0.10/1M = $43.60; Lambda@Edge
    // 438M x $0.60/1M = $262.80 + 273,750 GB-s x $0.00005001 = $13.69, together $276.49
    assertTrue(r.out().contains("cost $43.60 a month at 438,000,000 requests; the same on Lambda@Edge $276.49"),
        r.out());
    // the whole bill carries the sample's bytes, not the profile's: the demo says so, and the default
    // mix's objects are sized so the two agree (20 TB over 438 M requests = 50,207 bytes a response);
    // a heavy-tailed 50,000-request sample lands within a tenth of it
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("The whole distribution above is the sample's"
        + " traffic scaled to that month: ([0-9.,]+) TB out \\(the generated objects' sizes; the profile: 20.0 TB\\)"
        + " in pricing regions ap, au, eu, in, jp, us \\(the profile: ap\\)").matcher(r.out());
    assertTrue(m.find(), r.out());
    double terabytes = Double.parseDouble(m.group(1).replace(",", ""));
    assertTrue(terabytes > 18 && terabytes < 22, m.group());
    assertTrue(r.out().matches("(?s).*With the redirects in force, the distribution costs \\$[0-9,.]+ if kr.shop.example"
        + " and m.shop.example are served elsewhere \\(their responses leave from there\\), up to \\$[0-9,.]+ if it"
        + " serves them too \\([0-9,]+ follow-up requests more\\)\\..*"), r.out());
  }
}
