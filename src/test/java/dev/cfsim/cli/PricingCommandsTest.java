package dev.cfsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfsim.pricing.PriceBookReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PricingCommandsTest {
  static final String KOREA = "examples/profiles/korea-mall.yaml";

  @TempDir Path tmp;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = Main.newCommandLine();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    int code = cmd.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  static void assertBadInput(Run r, String... mentions) {
    assertEquals(Main.EXIT_BAD_INPUT, r.code(), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("cfsim: "), r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace");
    for (String m : mentions) {
      assertTrue(r.err().contains(m), "'" + m + "' not in: " + r.err());
    }
  }

  @Test
  void estimate_prints_the_korea_mall_breakdown() {
    Run r = run("estimate", "--profile", KOREA);
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("CloudFront Functions invocations"), r.out());
    assertTrue(r.out().contains("43.60"), r.out()); // (438,000,000 − 2,000,000) × $0.10 / 1 M
  }

  @Test
  void log_options_beside_a_profile_are_refused_rather_than_ignored() {
    // --scale-to-month on a day's profile priced the day as the month, and exited 0
    assertBadInput(run("estimate", "--profile", KOREA, "--scale-to-month"), "--scale-to-month", "--logs only");
    assertBadInput(run("estimate", "--profile", KOREA, "--sampling-rate", "1"), "--sampling-rate");
    assertBadInput(run("estimate", "--profile", KOREA, "--edge-locations", "x.json"), "--edge-locations");
    assertBadInput(run("estimate", "--profile", KOREA, "--threads", "2"), "--threads");
    assertEquals(0, run("estimate", "--profile", KOREA).code()); // the defaults are not "given"
  }

  @Test
  void estimate_json_with_krw_prints_one_object() {
    Run r = run("estimate", "--profile", KOREA, "--format", "json", "--currency", "KRW", "--fx", "1400");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("{") && r.out().contains("\"converted\""), r.out());
  }

  @Test
  void a_table_whose_rounded_lines_miss_its_total_says_so(@TempDir Path dir) throws Exception {
    // 1 invalidation path past the free 1,000 at $0.005, 500,000 real-time log lines at $0.01 per
    // million and 5 KeyValueStore API calls at $1.00 per 1,000: $0.005 each, $0.015 in all.
    // Shown to the cent: 0.01 three times, and a total of 0.02. (The 500,000 requests the log lines
    // come from are in the free tier.)
    Path profile = Files.writeString(dir.resolve("cents.yaml"), "name: cents\nregions:\n  us: {requests: 500000, data_out: 0 GB}\n"
        + "invalidation_paths: 1001\nrealtime_log_lines: 500000\nkvs_api_calls: 5\n");
    Run r = run("estimate", "--profile", profile.toString());
    assertEquals(Main.EXIT_OK, r.code(), r.err());
    assertTrue(r.out().contains("The lines as shown add up to $0.03, not the total's $0.02: each line is rounded"
        + " on its own, the total is their exact sum, $0.015, rounded once."), r.out());
    Run md = run("estimate", "--profile", profile.toString(), "--format", "markdown");
    assertTrue(md.out().contains("exact sum, \\$0.015, rounded once"), md.out());
    // a line under half a cent is shown to eight places, and so counted
    Path tiny = Files.writeString(dir.resolve("tiny.yaml"), "name: tiny\nregions:\n  us: {requests: 500000, data_out: 0 GB}\n"
        + "invalidation_paths: 1001\nrealtime_log_lines: 500000\nkvs_api_calls: 2\n");
    // $0.005 + $0.005 + $0.002: shown 0.01, 0.01 and 0.002 (under half a cent), 0.022; total $0.012 shown 0.01
    assertTrue(run("estimate", "--profile", tiny.toString()).out().contains(
        "The lines as shown add up to $0.022, not the total's $0.01:"), run("estimate", "--profile", tiny.toString()).out());
    // lines that add up as shown need no such note
    assertFalse(run("estimate", "--profile", KOREA).out().contains("rounded to the cent"));
  }

  @Test
  void a_negative_amount_exits_2_naming_the_file_and_field() throws Exception {
    Path bad = tmp.resolve("bad.yaml");
    Files.writeString(bad, "regions:\n  ap:\n    requests: -1\n");
    assertBadInput(run("estimate", "--profile", bad.toString()), "bad.yaml", "regions.ap.requests", "negative");
  }

  @Test
  void an_unknown_region_exits_2() throws Exception {
    Path bad = tmp.resolve("bad.json");
    Files.writeString(bad, "{\"regions\": {\"kr\": {\"requests\": 1}}}");
    assertBadInput(run("estimate", "--profile", bad.toString()), "bad.json", "regions.kr", "unknown pricing region");
  }

  @Test
  void a_missing_profile_exits_2() {
    assertBadInput(run("estimate", "--profile", tmp.resolve("nope.yaml").toString()), "nope.yaml", "no such file");
  }

  @Test
  void bad_flags_exit_2() {
    assertBadInput(run("estimate", "--profile", KOREA, "--price-class", "300"), "--price-class", "unknown price class");
    assertBadInput(run("estimate", "--profile", KOREA, "--free-tier", "maybe"), "--free-tier");
    assertBadInput(run("estimate", "--profile", KOREA, "--currency", "KRW"), "--fx");
    assertBadInput(run("estimate", "--profile", KOREA, "--currency", "KRW", "--fx", "0"), "--fx", "must be a positive number");
    assertBadInput(run("estimate", "--profile", KOREA, "--format", "xml"), "--format");
    assertBadInput(run("estimate", "--profile", KOREA, "--fx", "lots"), "--fx");
  }

  @Test
  void an_extreme_rate_is_refused_at_once_by_the_rule_the_api_uses() {
    // 1e99999999 used to spin a core for minutes, and 1e400 printed a 500-digit column
    for (String fx : new String[] {"1e99999999", "1e400", "1e12", "0.0000000000001", "9".repeat(100_000)}) {
      Run r = assertTimeoutPreemptively(Duration.ofSeconds(20),
          () -> run("estimate", "--profile", KOREA, "--currency", "KRW", "--fx", fx));
      assertBadInput(r, "--fx", "below 10^12, at most 12 decimals");
    }
    assertEquals(0, run("estimate", "--profile", KOREA, "--currency", "KRW", "--fx", "999999999999.5").code());
  }

  @Test
  void a_malformed_price_book_exits_2_naming_the_file_and_field() throws Exception {
    Path book = tmp.resolve("book.json");
    Files.writeString(book, Files.readString(Path.of("pricing/2025-11-18.json")).replace("\"usd\": 0.0075,", "\"usd\": -0.0075,"));
    assertBadInput(run("estimate", "--profile", KOREA, "--price-book", book.toString()), "book.json",
        "origin_shield_requests.us-east-1.usd", "negative price"); // every $0.0075 made negative; the first read is named
  }

  @Test
  void the_price_class_flag_changes_the_bill() {
    Run all = run("estimate", "--profile", "examples/profiles/saas-multi-region.yaml", "--format", "csv");
    Run pc100 = run("estimate", "--profile", "examples/profiles/saas-multi-region.yaml", "--format", "csv", "--price-class", "100");
    assertEquals(0, pc100.code(), pc100.err());
    assertTrue(all.out().contains("data_transfer_out,jp,"), all.out());
    assertFalse(pc100.out().contains("data_transfer_out,jp,"), pc100.out()); // jp billed at us rates under PriceClass_100
  }

  @Test
  void plans_name_the_cheapest_option() {
    Run r = run("plans", "--profile", KOREA, "--format", "json");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("\"cheapest\" : \"Premium\""), r.out());
  }

  @Test
  void pricebook_prints_the_shipped_book() {
    Run r = run("pricebook", "--format", "json");
    assertEquals(0, r.code(), r.err());
    assertEquals("2025-11-18", PriceBookReader.parse("out", r.out()).id());
  }

  @Test
  void pricebook_import_writes_a_book_that_estimate_can_use() throws Exception {
    Path out = tmp.resolve("2026-11-01.json");
    Run r = run("pricebook", "import", "src/test/resources/offer/amazoncloudfront-excerpt.json", "--output", out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("2 free-tier SKUs used as allowances"), r.err());
    Run estimate = run("estimate", "--profile", KOREA, "--price-book", out.toString(), "--format", "csv");
    assertTrue(estimate.out().contains("total,,,,,2613.6"), estimate.out()); // see OfferFileImporterTest
  }

  @Test
  void pricebook_import_never_writes_over_its_offer_file_and_names_a_file_it_cannot_write() throws Exception {
    Path offer = Files.copy(Path.of("src/test/resources/offer/amazoncloudfront-excerpt.json"), tmp.resolve("o1.json"));
    String before = Files.readString(offer);
    Path link = Files.createSymbolicLink(tmp.resolve("link.json"), offer.getFileName());
    assertBadInput(run("pricebook", "import", offer.toString(), "--output", offer.toString()),
        "OFFER and --output: both name " + offer);
    assertBadInput(run("pricebook", "import", offer.toString(), "--output", link.toString()), "OFFER and --output");
    assertEquals(before, Files.readString(offer));
    Path bad = GenerateCommandTest.unwritable(tmp);
    assertBadInput(run("pricebook", "import", offer.toString(), "--output", bad.toString()), bad + ": cannot write: ");
  }

  @Test
  void pricebook_import_refuses_an_output_named_for_another_date_than_the_books_id() throws Exception {
    // the excerpt's publicationDate is 2026-11-01; cfsim chooses books in pricing/ by file name
    String offer = "src/test/resources/offer/amazoncloudfront-excerpt.json";
    Path misnamed = tmp.resolve("2026-12-01.json");
    assertBadInput(run("pricebook", "import", offer, "--output", misnamed.toString()),
        "cfsim: --output: the file is named 2026-12-01.json but the book's id is 2026-11-01 (the offer's"
            + " publicationDate); pass --id 2026-12-01 or name the file 2026-11-01.json");
    assertFalse(Files.exists(misnamed));
    Run r = run("pricebook", "import", offer, "--id", "2026-12-01", "--output", misnamed.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("2026-12-01", PriceBookReader.read(misnamed).id());
    // any other name is the user's own
    assertEquals(0, run("pricebook", "import", offer, "--output", tmp.resolve("candidate.json").toString()).code());
  }

  @Test
  void a_shipped_book_named_for_another_date_than_its_id_exits_2_naming_it() throws Exception {
    // a user's rebuilt jar with a misnamed book: it is the newest, and every command refuses it
    Path pricing = Files.createDirectories(tmp.resolve("classpath/pricing"));
    Files.copy(Path.of("pricing/2025-11-18.json"), pricing.resolve("2099-01-01.json"));
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        tmp.resolve("classpath") + java.io.File.pathSeparator + System.getProperty("java.class.path"),
        Main.class.getName(), "estimate", "--profile", KOREA).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), err);
    assertEquals(Main.EXIT_BAD_INPUT, p.exitValue(), err);
    assertEquals("cfsim: classpath:pricing/2099-01-01.json: id: is '2025-11-18' but the file is named 2099-01-01.json;"
        + " shipped books are chosen by file name, so name the file 2025-11-18.json or change the id\n", err);
  }

  @Test
  void pricebook_import_refuses_a_file_that_is_not_an_offer() throws Exception {
    Path notOffer = tmp.resolve("x.json");
    Files.writeString(notOffer, "{\"offerCode\": \"AmazonEC2\"}");
    assertBadInput(run("pricebook", "import", notOffer.toString()), "x.json", "offerCode");
  }

  @Test
  void demo_runs_the_korea_mall_estimate_from_the_jar() {
    Run r = run("demo");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("43.60"), r.out());
    assertTrue(r.out().contains("cheapest that fits is Premium"), r.out());
  }

  @Test
  void the_embedded_demo_profile_is_the_example_file() throws Exception {
    assertEquals(Files.readString(Path.of(KOREA)), DemoCommand.embeddedProfile());
  }

  @Test
  void the_import_subcommand_has_help_with_an_example() {
    String usage = Main.newCommandLine().getSubcommands().get("pricebook").getSubcommands().get("import").getUsageMessage();
    assertTrue(usage.contains("Example"), usage);
  }
}
