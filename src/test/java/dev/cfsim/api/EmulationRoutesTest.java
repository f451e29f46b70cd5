package dev.cfsim.api;

import static dev.cfsim.api.RequestLimitsTest.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class EmulationRoutesTest extends LoopbackServerTest {
  private static final String EMULATIONS = "/api/v1/emulations";
  private static final Path SAMPLE_LOG = Path.of("src/test/resources/emulator/shop-sample.log");
  private static final Path SHOP_RULES = Path.of("examples/rules/shop.yaml");

  private static RunningApi.Answer upload(RunningApi to, byte[] log, String rules) {
    return upload(to, "", log, rules);
  }

  private static RunningApi.Answer upload(RunningApi to, String query, byte[] log, String rules) {
    byte[] body = new Multipart().file("log", "access.log", log).text("rules", rules).bytes();
    return to.send(HttpRequest.newBuilder(URI.create(to.url(EMULATIONS + query)))
        .header("Content-Type", Multipart.CONTENT_TYPE)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  @Test
  void a_replayed_log_reports_what_cfsim_emulate_reports() throws IOException {
    RunningApi.Answer a = upload(server, Files.readAllBytes(SAMPLE_LOG), Files.readString(SHOP_RULES));
    assertEquals(200, a.status(), a.body());
    JsonNode cli = RunningApi.Answer.parse(
        Cli.run("emulate", "--rules", SHOP_RULES.toString(), "--format", "json", SAMPLE_LOG.toString()));
    for (String field : new String[] {"records", "malformed", "function_invocations", "decisions",
        "by_country", "by_device", "redirect_targets"}) {
      assertEquals(cli.get(field), a.json().get(field), field);
    }
  }

  @Test
  void month_requests_prices_the_log_as_a_sample_of_that_month_as_the_cli_does() throws IOException {
    byte[] log = Files.readAllBytes(SAMPLE_LOG);
    String rules = Files.readString(SHOP_RULES);
    RunningApi.Answer a = upload(server, "?month_requests=438000000", log, rules);
    assertEquals(200, a.status(), a.body());
    // (438,000,000 - 2,000,000 free) x $0.10 per million
    assertEquals(0, new java.math.BigDecimal("43.60").compareTo(
        a.json().get("function_cost").get("cloudfront_functions_usd").decimalValue()), a.body());
    for (String bad : new String[] {"?month_requests=0", "?month_requests=1e9", "?month_requests=99999999999999999999",
        "?month_requests=5&scale_to_month=true"}) {
      RunningApi.Answer refused = upload(server, bad, log, rules);
      assertProblem(refused, 400);
      assertTrue(refused.body().contains("month_requests"), bad + " " + refused.body());
    }
  }

  @Test
  void a_real_time_log_is_weighted_by_the_sampling_rate_given_as_the_cli_does() throws IOException {
    Path realtime = Path.of("examples/logs/handwritten/realtime-all-40-fields.log");
    String rules = Files.readString(SHOP_RULES);
    RunningApi.Answer a = upload(server, "?sampling_rate=10", Files.readAllBytes(realtime), rules);
    assertEquals(200, a.status(), a.body());
    // two lines of a 10 % sample: each stands for 100 / 10 requests
    assertEquals(2, a.json().get("records").asLong(), a.body());
    assertEquals(20, a.json().get("function_invocations").asLong(), a.body());
    JsonNode cli = RunningApi.Answer.parse(Cli.run("emulate", "--rules", SHOP_RULES.toString(), "--format", "json",
        "--sampling-rate", "10", realtime.toString()));
    assertEquals(cli.get("decisions"), a.json().get("decisions"));
    // the report's note names the option as this API takes it
    assertTrue(a.json().get("warnings").toString().contains("(?sampling_rate=PERCENT)"), a.body());
    assertTrue(!a.body().contains("--sampling-rate"), a.body());
  }

  @Test
  void log_reading_options_are_checked_and_named_as_query_parameters() throws IOException {
    byte[] log = Files.readAllBytes(SAMPLE_LOG);
    String rules = Files.readString(SHOP_RULES);
    RunningApi.Answer standard = upload(server, "?sampling_rate=10", log, rules);
    assertProblem(standard, 422);
    assertTrue(standard.json().get("detail").asText().contains(
        "?sampling_rate=10 is for real-time logs, and this is a standard log"), standard.body());
    // a log without its #Fields header is read with ?fields, and says so when it is missing
    List<String> lines = Files.readAllLines(SAMPLE_LOG);
    String fields = lines.get(1).substring("#Fields: ".length());
    byte[] headerless = String.join("\n", lines.subList(2, lines.size())).getBytes(StandardCharsets.UTF_8);
    RunningApi.Answer without = upload(server, headerless, rules);
    assertProblem(without, 422);
    assertTrue(without.json().get("detail").asText().endsWith("name the columns with ?fields"), without.body());
    RunningApi.Answer named = upload(server, "?fields=" + fields.replace(' ', ','), headerless, rules);
    assertEquals(200, named.status(), named.body());
    JsonNode withHeader = upload(server, log, rules).json();
    for (String field : new String[] {"records", "malformed", "decisions"}) {
      assertEquals(withHeader.get(field), named.json().get(field), field);
    }
    // a real-time field list naming a field that is not one: a 400 naming the parameter, no JSON path
    RunningApi.Answer bogus = upload(server, "?fields=timestamp,bogus",
        Files.readAllBytes(Path.of("examples/logs/handwritten/realtime-all-40-fields.log")), rules);
    assertProblem(bogus, 400);
    assertEquals("fields", bogus.json().get("parameter").asText(), bogus.body());
    assertTrue(bogus.json().get("detail").asText().endsWith("'bogus' is not a real-time log field"), bogus.body());
    assertTrue(bogus.json().path("path").isMissingNode() || bogus.json().path("path").isNull(), bogus.body());
    for (String[] bad : new String[][] {{"?log_format=csv", "log_format"}, {"?sampling_rate=0", "sampling_rate"},
        {"?sampling_rate=101", "sampling_rate"}, {"?fields=date,,time", "fields"}}) {
      RunningApi.Answer refused = upload(server, bad[0], log, rules);
      assertProblem(refused, 400);
      assertEquals(bad[1], refused.json().get("parameter").asText(), refused.body());
    }
  }

  @Test
  void a_gzip_log_is_read_like_the_plain_one() throws IOException {
    byte[] plain = Files.readAllBytes(SAMPLE_LOG);
    String rules = Files.readString(SHOP_RULES);
    JsonNode fromPlain = upload(server, plain, rules).json();
    JsonNode fromGzip = upload(server, gzip(plain), rules).json();
    assertEquals(fromPlain.get("decisions"), fromGzip.get("decisions"));
    assertEquals(fromPlain.get("records"), fromGzip.get("records"));
  }

  @Test
  void a_log_that_decompresses_past_the_upload_limit_is_413() throws IOException {
    ApiLimits small = new ApiLimits(64 * 1024, 32, 8192, 100_000, 1000, Duration.ofSeconds(10));
    try (RunningApi tight = RunningApi.start(ApiSettings.loopback(0).withLimits(small))) {
      byte[] bomb = gzip(new byte[1_000_000]); // a kilobyte or so that inflates to 1 MB
      assertTrue(bomb.length < 100_000);
      RunningApi.Answer a = upload(tight, bomb, Files.readString(SHOP_RULES));
      assertProblem(a, 413);
      assertTrue(a.json().get("detail").asText().contains("decompressed"), a.body());
    }
  }

  @Test
  void a_damaged_or_cut_short_gzip_log_is_400() throws IOException {
    byte[] gz = gzip(Files.readAllBytes(SAMPLE_LOG));
    byte[] cut = Arrays.copyOf(gz, gz.length / 2);
    byte[] damaged = gz.clone();
    damaged[12] ^= 0x5a;
    for (byte[] log : new byte[][] {cut, damaged}) {
      assertProblem(upload(server, log, Files.readString(SHOP_RULES)), 400);
    }
  }

  @Test
  void plain_text_after_a_gzip_log_is_400_not_dropped() throws IOException {
    byte[] plain = Files.readAllBytes(SAMPLE_LOG);
    byte[] gz = gzip(plain);
    byte[] mixed = Arrays.copyOf(gz, gz.length + plain.length);
    System.arraycopy(plain, 0, mixed, gz.length, plain.length);
    RunningApi.Answer a = upload(server, mixed, Files.readString(SHOP_RULES));
    assertProblem(a, 400);
    assertTrue(a.json().get("detail").asText().contains(
        "followed by " + plain.length + " bytes that do not start a gzip member"), a.body());
  }

  @Test
  void a_log_starting_with_a_byte_order_mark_is_read_like_the_one_without() throws IOException {
    byte[] plain = Files.readAllBytes(SAMPLE_LOG);
    byte[] bom = new byte[plain.length + 3];
    bom[0] = (byte) 0xEF;
    bom[1] = (byte) 0xBB;
    bom[2] = (byte) 0xBF;
    System.arraycopy(plain, 0, bom, 3, plain.length);
    String rules = Files.readString(SHOP_RULES);
    JsonNode fromPlain = upload(server, plain, rules).json();
    for (byte[] log : new byte[][] {bom, gzip(bom)}) {
      RunningApi.Answer a = upload(server, log, rules);
      assertEquals(200, a.status(), a.body());
      for (String field : new String[] {"records", "malformed", "decisions"}) {
        assertEquals(fromPlain.get(field), a.json().get(field), field);
      }
    }
  }

  @Test
  void a_log_without_a_readable_record_is_422_not_a_report_of_zeros() throws IOException {
    List<String> lines = Files.readAllLines(SAMPLE_LOG);
    byte[] onlyBad = (lines.get(0) + "\n" + lines.get(1) + "\nnot\ta\tlog\tline\n").getBytes(StandardCharsets.UTF_8);
    RunningApi.Answer a = upload(server, onlyBad, Files.readString(SHOP_RULES));
    assertProblem(a, 422);
    assertTrue(a.json().get("detail").asText().startsWith("the log part (access.log) holds no records (1 malformed line ("),
        a.body());
    // the whole part is at fault: no JSON path, which a client would take for one into a JSON body
    assertTrue(a.json().path("path").isMissingNode() || a.json().path("path").isNull(), a.body());
  }

  @Test
  void a_log_or_rules_error_names_the_part_it_is_in() throws IOException {
    RunningApi.Answer garbage = upload(server, "garbage\n".getBytes(StandardCharsets.UTF_8), Files.readString(SHOP_RULES));
    assertProblem(garbage, 422);
    assertTrue(garbage.json().get("detail").asText().startsWith("log part (access.log): line 1: "), garbage.body());
    RunningApi.Answer rules = upload(server, Files.readAllBytes(SAMPLE_LOG),
        "rules:\n  - id: a\n    redirect: { status: 303, location: /x }\n");
    assertProblem(rules, 422);
    assertTrue(rules.json().get("detail").asText().startsWith("rules part: rules[0] (a).redirect.status: "), rules.body());
    // the filename is the sender's word: a log sent as "rules.yaml" is still called the log part
    byte[] misnamed = new Multipart().file("log", "rules.yaml", "garbage\n".getBytes(StandardCharsets.UTF_8))
        .text("rules", Files.readString(SHOP_RULES)).bytes();
    RunningApi.Answer named = server.send(HttpRequest.newBuilder(URI.create(server.url(EMULATIONS)))
        .header("Content-Type", Multipart.CONTENT_TYPE)
        .POST(HttpRequest.BodyPublishers.ofByteArray(misnamed)));
    assertProblem(named, 422);
    assertTrue(named.json().get("detail").asText().startsWith("log part (rules.yaml): line 1: "), named.body());
  }

  @Test
  void messages_name_the_log_part_by_its_filename_not_the_servers_temporary_file()
      throws IOException {
    List<String> lines = Files.readAllLines(SAMPLE_LOG);
    byte[] onlyBad = (lines.get(0) + "\n" + lines.get(1) + "\nnot\ta\tlog\tline\n").getBytes(StandardCharsets.UTF_8);
    RunningApi.Answer a = upload(server, onlyBad, Files.readString(SHOP_RULES));
    assertTrue(a.json().get("detail").asText().contains("log part (access.log): line 3"), a.body());
    assertTrue(!a.body().contains("cfsim-api-upload"), a.body());

    byte[] oneBad = (String.join("\n", lines) + "\nnot\ta\tlog\tline\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new Multipart().text("log", new String(oneBad, StandardCharsets.UTF_8))
        .text("rules", Files.readString(SHOP_RULES)).bytes();
    RunningApi.Answer report = server.send(HttpRequest.newBuilder(URI.create(server.url(EMULATIONS)))
        .header("Content-Type", Multipart.CONTENT_TYPE)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    assertEquals(200, report.status(), report.body());
    assertTrue(report.body().contains("log part: line " + (lines.size() + 1)), report.body());
    assertTrue(!report.body().contains("cfsim-api-upload"), report.body());
  }

  @Test
  void an_empty_log_is_422_without_an_empty_list_of_malformed_lines() throws IOException {
    RunningApi.Answer a = upload(server, new byte[0], Files.readString(SHOP_RULES));
    assertProblem(a, 422);
    assertEquals("the log part (access.log) holds no records", a.json().get("detail").asText(), a.body());
  }

  @Test
  void a_log_with_more_records_than_the_limit_is_413() throws IOException {
    ApiLimits fewRecords = new ApiLimits(64 * 1024, 32, 8192, 1024 * 1024, 3, Duration.ofSeconds(10));
    try (RunningApi tight = RunningApi.start(ApiSettings.loopback(0).withLimits(fewRecords))) {
      RunningApi.Answer a = upload(tight, Files.readAllBytes(SAMPLE_LOG), Files.readString(SHOP_RULES));
      assertProblem(a, 413);
      assertTrue(a.json().get("detail").asText().contains("3 records"), a.body());
    }
  }

  @Test
  void an_upload_without_a_length_is_411() throws IOException {
    byte[] body = new Multipart().file("log", "a.log", Files.readAllBytes(SAMPLE_LOG))
        .text("rules", Files.readString(SHOP_RULES)).bytes();
    RunningApi.Answer a = server.send(HttpRequest.newBuilder(URI.create(server.url(EMULATIONS)))
        .header("Content-Type", Multipart.CONTENT_TYPE)
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
    assertProblem(a, 411);
  }

  @Test
  void an_upload_without_a_log_part_is_400() throws IOException {
    byte[] body = new Multipart().text("rules", Files.readString(SHOP_RULES)).bytes();
    RunningApi.Answer a = server.send(HttpRequest.newBuilder(URI.create(server.url(EMULATIONS)))
        .header("Content-Type", Multipart.CONTENT_TYPE)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    assertProblem(a, 400);
  }

  @Test
  void a_repeated_log_or_rules_part_or_an_unknown_part_is_400_naming_it() throws IOException {
    byte[] log = Files.readAllBytes(SAMPLE_LOG);
    String rules = Files.readString(SHOP_RULES);
    Multipart twoLogs = new Multipart().file("log", "a.log", log).file("log", "a.log", log).text("rules", rules);
    Multipart twoRules = new Multipart().file("log", "a.log", log).text("rules", rules).text("rules", rules);
    Multipart extra = new Multipart().file("log", "a.log", log).text("rules", rules).text("x", "1");
    String[][] cases = {{"'log' part is given more than once"}, {"'rules' part is given more than once"},
        {"unknown part 'x'"}};
    Multipart[] bodies = {twoLogs, twoRules, extra};
    for (int i = 0; i < bodies.length; i++) {
      RunningApi.Answer a = server.send(HttpRequest.newBuilder(URI.create(server.url(EMULATIONS)))
          .header("Content-Type", Multipart.CONTENT_TYPE)
          .POST(HttpRequest.BodyPublishers.ofByteArray(bodies[i].bytes())));
      assertProblem(a, 400);
      assertTrue(a.json().get("detail").asText().contains(cases[i][0]), a.body());
    }
  }

  @Test
  void rules_with_an_unknown_condition_are_422_naming_the_field() throws IOException {
    RunningApi.Answer a = upload(server, Files.readAllBytes(SAMPLE_LOG),
        "rules:\n  - id: x\n    when: {colour: red}\n    pass: true\n");
    assertProblem(a, 422);
    assertEquals("$.rules[0].when.colour", a.json().get("path").asText());
  }

  @Test
  void a_json_body_instead_of_an_upload_is_415() {
    assertProblem(server.postJson(EMULATIONS, "{}"), 415);
  }

  static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }
}
