package dev.cfsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfsim.pricing.PricingRegion;
import dev.cfsim.traffic.TrafficProfile;
import dev.cfsim.traffic.TrafficProfileReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileCommandTest {

  static final String EDGE_CASES = "examples/logs/handwritten/E2CFSIMEXAMPLE.2026-11-02-07.edgecases";

  @TempDir Path dir;

  /** Exit code, stdout and stderr of one cfsim run. */
  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = Main.run(args);
      return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void the_yaml_profile_is_one_estimate_reads_as_it_is() {
    Run r = run("profile", EDGE_CASES);
    assertEquals(Main.EXIT_OK, r.code(), r.err());
    assertTrue(r.out().startsWith("# Traffic profile from CloudFront logs"), r.out());
    TrafficProfile p = TrafficProfileReader.parse("stdout", r.out());
    assertEquals(new BigDecimal("6"), p.regions().get(PricingRegion.AP).requests());
    assertEquals(new BigDecimal("1"), p.regions().get(PricingRegion.JP).requests());
    // long reads end with their speed on stderr, as emulate's do (the edge-case log: 7 records)
    assertTrue(r.err().matches("(?s).*cfsim: 7 records in [0-9.]+ s: [0-9,]+ records/s \\(gzip: .*"), r.err());
  }

  @Test
  void json_output_carries_the_profile_and_the_stats() throws Exception {
    Run r = run("profile", "--format", "json", EDGE_CASES);
    JsonNode doc = new ObjectMapper().readTree(r.out());
    assertEquals(6, doc.path("profile").path("regions").path("ap").path("requests").asInt());
    JsonNode stats = doc.path("stats");
    assertEquals(7, stats.path("records").asInt());
    assertEquals(0, stats.path("malformed").asInt());
    assertEquals("2026-11-02T07:15:01Z", stats.path("first_timestamp").asText());
    assertEquals(3.0 / 7, stats.path("result_types").path("Hit").asDouble(), 1e-6);
    assertEquals(4800, stats.path("object_size_bytes").path("p50").asInt());
    JsonNode ap = stats.path("regions").path("ap");
    assertEquals(1, ap.path("proxy_requests").asInt()); // the POST
    assertEquals(5 * 310 + 2210, ap.path("bytes_from_viewers").asInt());
    assertEquals(1, stats.path("regions").path("jp").path("http_requests").asInt());
  }

  @Test
  void malformed_lines_are_summarised_on_stderr_and_strict_stops_with_exit_2() throws Exception {
    Path bad = dir.resolve("bad.log");
    String edgeCases = Files.readString(Path.of(EDGE_CASES));
    // its complete lines (the last is cut short, which only a file's last line may be), then a bad one
    String text = edgeCases.substring(0, edgeCases.lastIndexOf('\n') + 1) + "2026-11-02\t07:15:09\tICN54-C1\tlots\n";
    Files.writeString(bad, text);
    Run lenient = run("profile", bad.toString());
    assertEquals(Main.EXIT_OK, lenient.code());
    assertTrue(lenient.err().contains("cfsim: 1 malformed line (wrong field count: 1)"), lenient.err());
    assertTrue(lenient.err().contains(bad + ": line 9: wrong field count"), lenient.err());

    Run strict = run("profile", "--strict", bad.toString());
    assertEquals(Main.EXIT_BAD_INPUT, strict.code());
    assertEquals("cfsim: " + bad + ": line 9: wrong field count: 4 fields where the field list has 33\n",
        strict.err());
  }

  @Test
  void bad_reading_options_and_empty_logs_exit_2_with_one_line() throws Exception {
    for (String[] args : new String[][] {
        {"profile", "--log-format", "parquet", EDGE_CASES},
        {"profile", "--sampling-rate", "0", EDGE_CASES},
        {"profile", "--field-delimiter", "ab", EDGE_CASES},
        {"profile", dir.resolve("missing").toString()}}) {
      Run r = run(args);
      assertEquals(Main.EXIT_BAD_INPUT, r.code(), String.join(" ", args));
      assertEquals(1, r.err().lines().count(), r.err());
    }
    Path empty = dir.resolve("empty.log");
    Files.writeString(empty, "#Version: 1.0\n");
    Run r = run("profile", empty.toString());
    assertEquals(Main.EXIT_BAD_INPUT, r.code());
    assertEquals("cfsim: " + empty + ": no log records found\n", r.err());
  }

  @Test
  void a_sampling_rate_for_a_log_that_is_not_real_time_is_refused_naming_the_file() {
    String v2Json = "examples/logs/handwritten/E2CFSIMEXAMPLE.2026-11-02-08.v2.json";
    for (String log : new String[] {EDGE_CASES, v2Json}) {
      for (String threads : new String[] {"1", "2"}) {
        Run r = run("profile", "--sampling-rate", "10", "--threads", threads, log);
        assertEquals(Main.EXIT_BAD_INPUT, r.code(), r.err());
        assertEquals("cfsim: " + log + ": --sampling-rate 10 is for real-time logs, and this is a standard log,"
            + " which holds every request; leave --sampling-rate out\n", r.err());
      }
    }
    Run realtime = run("profile", "--sampling-rate", "10", "examples/logs/handwritten/realtime-all-40-fields.log");
    assertEquals(Main.EXIT_OK, realtime.code(), realtime.err());
    assertEquals(Main.EXIT_OK, run("profile", "--sampling-rate", "100", EDGE_CASES).code());
  }

  @Test
  void real_time_logs_read_without_a_sampling_rate_get_a_note_since_their_lines_do_not_say_it() {
    String realtime = "examples/logs/handwritten/realtime-all-40-fields.log";
    String note = "cfsim: note: real-time logs were read as holding every request (no --sampling-rate): if your"
        + " real-time log configuration samples, give its rate, e.g. --sampling-rate 10\n";
    for (String threads : new String[] {"1", "2"}) {
      Run r = run("profile", "--threads", threads, realtime);
      assertEquals(Main.EXIT_OK, r.code(), r.err());
      assertTrue(r.err().contains(note), r.err());
    }
    assertFalse(run("profile", "--sampling-rate", "100", realtime).err().contains("cfsim: note:"));
    assertFalse(run("profile", EDGE_CASES).err().contains("cfsim: note:"));
    Run emulate = run("emulate", "--rules", "examples/rules/shop.yaml", realtime);
    assertTrue(emulate.err().contains(note), emulate.err());
    // the report says which rate its counts assume, given or not (the API has no option for it)
    assertTrue(emulate.out().contains("logs: real-time logs were counted at a sampling rate of 100 % (each line as"
        + " 1 request): if the real-time log configuration samples at another rate, every count and the bill"
        + " scale with it (--sampling-rate PERCENT)"), emulate.out());
    assertTrue(run("emulate", "--rules", "examples/rules/shop.yaml", "--sampling-rate", "25", realtime).out()
        .contains("counted at a sampling rate of 25 % (each line as 4 requests)"));
    assertFalse(run("emulate", "--rules", "examples/rules/shop.yaml", EDGE_CASES).out().contains("sampling rate"));
  }

  @Test
  void a_truncated_gzip_is_reported_with_the_lines_read() throws Exception {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (var gz = new java.util.zip.GZIPOutputStream(bytes)) {
      gz.write(Files.readAllBytes(Path.of(EDGE_CASES)));
    }
    byte[] whole = bytes.toByteArray();
    Path cut = dir.resolve("E2.2026-11-02-07.cut.gz");
    Files.write(cut, java.util.Arrays.copyOf(whole, whole.length - 12));
    Run r = run("profile", cut.toString());
    assertTrue(r.err().contains(cut + ": truncated gzip ("), r.err());
    assertTrue(r.err().contains("lines"), r.err());
  }

  @Test
  void logs_without_cs_protocol_are_priced_as_https_and_the_reports_say_so() throws Exception {
    // the first six records of the edge cases cut to the 12 fields of the oldest standard logs:
    // five at ICN54-C1 (ap), one at NRT57-P2 (jp); before, all six were billed as HTTP, unsaid
    Path log = dir.resolve("twelve-fields.log");
    List<String> lines = new ArrayList<>(List.of("#Version: 1.0", "#Fields: date time x-edge-location sc-bytes"
        + " c-ip cs-method cs(Host) cs-uri-stem sc-status cs(Referer) cs(User-Agent) cs-uri-query"));
    Files.readAllLines(Path.of(EDGE_CASES)).stream().filter(l -> !l.startsWith("#")).limit(6)
        .map(l -> String.join("\t", Arrays.asList(l.split("\t")).subList(0, 12))).forEach(lines::add);
    Files.write(log, lines);
    String assumed = "6 of 6 requests had no cs-protocol in the logs; they are priced as HTTPS";
    JsonNode estimate = new ObjectMapper().readTree(
        run("estimate", "--logs", log.toString(), "--free-tier", "none", "--format", "json").out());
    Map<String, String> requests = new TreeMap<>();
    for (JsonNode line : estimate.path("lines")) {
      if (line.path("component").asText().startsWith("requests_")) {
        requests.put(line.path("component").asText() + " " + line.path("region").asText(),
            new BigDecimal(line.path("usd").asText()).stripTrailingZeros().toPlainString());
      }
    }
    // HTTPS in ap and jp: $0.012 per 10,000 (pricing/2025-11-18.json); 5 × 0.012 / 10,000 = 0.000006
    assertEquals(Map.of("requests_https ap", "0.000006", "requests_https jp", "0.0000012"), requests);
    assertTrue(estimate.path("assumptions").toString().contains(assumed), estimate.toString());
    assertTrue(run("profile", log.toString()).out().contains("# " + assumed));
    String emulated = run("emulate", "--rules", "examples/rules/shop.yaml", "--format", "json", log.toString()).out();
    assertTrue(emulated.contains(assumed), emulated);
    // logs that record the protocol carry no such assumption
    assertFalse(run("estimate", "--logs", EDGE_CASES, "--format", "json").out().contains("cs-protocol"));
  }

  @Test
  void bytes_after_the_gzip_data_are_counted_in_the_profile_header_and_its_stats() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(bytes)) {
      gz.write(Files.readAllBytes(Path.of(EDGE_CASES)));
    }
    bytes.write("not gzip\n".getBytes(StandardCharsets.US_ASCII));
    Path mixed = dir.resolve("E2.2026-11-02-07.mixed.gz");
    Files.write(mixed, bytes.toByteArray());
    assertTrue(run("profile", mixed.toString()).out().contains(", 1 gzip files with bytes after the gzip data"));
    JsonNode stats = new ObjectMapper().readTree(run("profile", "--format", "json", mixed.toString()).out()).path("stats");
    assertEquals("[\"" + mixed + ": 9 bytes after the gzip data were not read (they do not start a gzip member)\"]",
        stats.path("bytes_after_gzip_data").toString());
  }

  @Test
  void unknown_edge_codes_are_reported_and_an_override_file_prices_them() throws Exception {
    Path log = dir.resolve("unknown.log");
    Files.writeString(log, Files.readString(Path.of(EDGE_CASES)).replace("NRT57-P2", "QQQ5-C1"));
    Run r = run("profile", log.toString());
    assertTrue(r.out().contains("# UNKNOWN edge codes (not priced; add them with --edge-locations): {QQQ=1}"), r.out());
    // the bill says what it left out, rather than reading as a cheaper month
    JsonNode estimate = new ObjectMapper().readTree(run("estimate", "--logs", log.toString(), "--format", "json").out());
    assertTrue(estimate.path("assumptions").toString().contains(
        "1 request came through edge locations outside the price book ({QQQ=1}"), estimate.toString());
    Path extra = dir.resolve("extra.json");
    Files.writeString(extra, "{\"locations\": {\"QQQ\": {\"city\": \"Q\", \"country\": \"IN\", \"region\": \"in\"}}}");
    TrafficProfile p = TrafficProfileReader.parse("stdout",
        run("profile", "--edge-locations", extra.toString(), log.toString()).out());
    assertEquals(new BigDecimal("1"), p.regions().get(PricingRegion.IN).requests());
  }

  @Test
  void counts_split_by_the_https_share_and_scaled_to_a_month_stay_whole() throws Exception {
    // examples/logs/sample: 3,000 records over 24 hours; over plain http (cs-protocol), counted
    // by hand (python over the files, edge code to region): ap 46, jp 5, us 4, au 1, eu 1. A share
    // with no exact decimal made ap 46.000000000000114.
    ObjectMapper json = new ObjectMapper();
    JsonNode estimate = json.readTree(run("estimate", "--logs", "examples/logs/sample", "--format", "json").out());
    Map<String, String> http = new TreeMap<>();
    for (JsonNode line : estimate.path("lines")) {
      if (line.path("component").asText().equals("requests_http")) {
        http.put(line.path("region").asText(), line.path("quantity").asText());
      }
    }
    assertEquals(Map.of("ap", "46", "jp", "5", "us", "4", "au", "1", "eu", "1"), http);
    // 3,000 invocations x 730 h / 24 h = 91,250 exactly (730/24 as a 16-digit factor gave 91,250.00000000001)
    JsonNode emulated = json.readTree(run("emulate", "--rules", "examples/rules/shop.yaml", "--scale-to-month",
        "--format", "json", "examples/logs/sample").out());
    JsonNode functions = null;
    for (JsonNode line : emulated.path("cost").path("lines")) {
      if (line.path("component").asText().equals("functions")) {
        functions = line;
      }
    }
    assertEquals(0, new BigDecimal(functions.path("quantity").asText()).compareTo(new BigDecimal("91250")),
        functions.toString());
  }

  @Test
  void logs_spanning_more_than_a_month_are_scaled_down_and_say_so() throws Exception {
    Path log = dir.resolve("year.log");
    // one line a year early: 2025-11-02 07:15 to 2026-11-02 07:xx covers 8,761 clock hours
    Files.writeString(log, Files.readString(Path.of(EDGE_CASES)).replaceFirst("2026-11-02\t07:15:01", "2025-11-02\t07:15:01"));
    Run profile = run("profile", "--scale-to-month", log.toString());
    assertTrue(profile.out().contains("(the logs cover more than a month: scaled DOWN)"), profile.out());
    Run emulate = run("emulate", "--rules", "examples/rules/shop.yaml", "--scale-to-month", log.toString());
    assertTrue(emulate.out().contains("(more than a month: the counts are scaled DOWN)"), emulate.out());
  }

  @Test
  void estimate_prices_logs_directly_as_it_prices_their_profile() throws Exception {
    Path profile = dir.resolve("profile.yaml");
    Files.writeString(profile, run("profile", "--scale-to-month", EDGE_CASES).out());
    Run fromProfile = run("estimate", "--profile", profile.toString(), "--format", "json");
    Run fromLogs = run("estimate", "--logs", EDGE_CASES, "--scale-to-month", "--format", "json");
    assertEquals(Main.EXIT_OK, fromLogs.code(), fromLogs.err());
    ObjectMapper json = new ObjectMapper();
    JsonNode a = json.readTree(fromProfile.out());
    JsonNode b = json.readTree(fromLogs.out());
    assertEquals(a.path("lines"), b.path("lines"));
    assertEquals(a.path("total_usd"), b.path("total_usd"));
    // the bill says which window it priced and how it became a month
    assertTrue(b.path("assumptions").toString().contains("The logs cover 1 clock hour(s), 2026-11-02T07:"), b.toString());
    assertTrue(b.path("assumptions").toString().contains("every amount is multiplied by 730"), b.toString());
    JsonNode unscaled = json.readTree(run("estimate", "--logs", EDGE_CASES, "--format", "json").out());
    assertTrue(unscaled.path("assumptions").toString().contains("priced as the month, not scaled"), unscaled.toString());
    assertEquals(Main.EXIT_BAD_INPUT, run("estimate").code());
    assertEquals(Main.EXIT_BAD_INPUT, run("estimate", "--profile", profile.toString(), "--logs", EDGE_CASES).code());
  }

  @Test
  void a_generated_log_profiles_to_what_the_generator_was_asked_for() throws Exception {
    Path logs = dir.resolve("logs");
    assertEquals(Main.EXIT_OK, run("loggen", "--requests", "2400", "--out", logs.toString(), "--seed", "9",
        "--mix", LoggenCommandTest.testMix().toString(), "--geoip", LoggenCommandTest.testDb(dir).toString()).code());
    Run r = run("profile", "--scale-to-month", logs.toString());
    TrafficProfile p = TrafficProfileReader.parse("stdout", r.out());
    // the mix: KR 70% (ICN, ap), JP 10% (NRT, jp), US 10% (SEA, us), GB + SE 10% (eu), over 6 hours;
    // scaled: 2400 * 0.7 = 1680 requests * 730 / 6 = 204400
    assertEquals(new BigDecimal("204400"), p.regions().get(PricingRegion.AP).requests());
    assertEquals(new BigDecimal("29200"), p.regions().get(PricingRegion.JP).requests()); // 240 * 730 / 6
    assertEquals(new BigDecimal("29200"), p.regions().get(PricingRegion.US).requests());
    assertEquals(new BigDecimal("29200"), p.regions().get(PricingRegion.EU).requests());
    double https = p.regions().get(PricingRegion.AP).httpsShare().doubleValue();
    assertTrue(Math.abs(https - 0.9) < 0.03, "https share " + https);
    assertTrue(r.out().contains("# SCALED TO A MONTH: amounts multiplied by 121.666667 = 730 h / 6 h"), r.out());
  }

  @Test
  void logs_named_twice_are_read_once() throws Exception {
    Path link = dir.resolve("edge.log");
    Files.createSymbolicLink(link, Path.of(EDGE_CASES).toAbsolutePath());
    String hw = "examples/logs/handwritten";
    Run r = run("profile", hw, "./" + hw, hw + "/*.edgecases", link.toString());
    assertEquals(Main.EXIT_OK, r.code(), r.err());
    assertTrue(r.out().contains("# 3 files, 11 records (11 requests)"), r.out());
  }

  @Test
  void a_symlink_to_a_log_directory_is_followed() throws Exception {
    Path link = dir.resolve("logs");
    Files.createSymbolicLink(link, Path.of("examples/logs/handwritten").toAbsolutePath());
    Run r = run("profile", link.toString());
    assertEquals(Main.EXIT_OK, r.code(), r.err());
    assertTrue(r.out().contains("# 3 files, 11 records (11 requests)"), r.out());
  }

  @Test
  void log_format_realtime_on_a_standard_log_is_refused_not_ignored() {
    for (String threads : new String[] {"1", "4"}) {
      Run r = run("profile", "--threads", threads, "--log-format", "realtime", EDGE_CASES);
      assertEquals(Main.EXIT_BAD_INPUT, r.code(), r.out());
      assertEquals("cfsim: " + EDGE_CASES + ": --log-format realtime, but this log has a #Fields header, as"
          + " standard logs do and real-time logs never do; leave --log-format out or give standard",
          r.err().strip());
    }
    assertEquals(Main.EXIT_OK, run("profile", "--log-format", "realtime",
        "examples/logs/handwritten/realtime-all-40-fields.log").code());
  }
}
