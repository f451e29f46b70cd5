package dev.cfsim.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfsim.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OtherFormatsTest {

  @TempDir Path dir;

  /** A real-time record with all 40 canonical fields, in canonical order. */
  static final String REALTIME_40 =
      String.join(
          "\t",
          "1764054901.087", "203.0.113.10", "0.002", "200", "3100", "GET", "https",
          "www.shop.example", "/item/42?color=red", "390", "ICN57-P1",
          "cfsimRT0001", "d1cfsimexample.cloudfront.net", "0.003", "HTTP/2.0", "IPv4",
          "Mozilla/5.0%20(iPad;%20CPU%20OS%2017_0%20like%20Mac%20OS%20X)", "-", "-", "-",
          "Hit", "-", "TLSv1.3", "TLS_AES_128_GCM_SHA256", "Hit", "-", "-", "text/html", "2900",
          "-", "-", "49152", "Hit", "KR", "gzip", "*/*", "*", "-", "-", "-");

  @Test
  void a_realtime_record_is_detected_and_its_host_names_mean_what_they_mean_elsewhere()
      throws IOException {
    Path p = dir.resolve("rt.log");
    Files.writeString(p, REALTIME_40 + "\n");
    RequestRecord r = LogSourceTest.readAll(p).get(0);
    assertEquals(Instant.parse("2025-11-25T07:15:01.087Z"), r.timestamp());
    assertEquals("www.shop.example", r.hostHeader());
    assertEquals("d1cfsimexample.cloudfront.net", r.distributionHost());
    assertEquals("/item/42", r.uri());
    assertEquals("color=red", r.query());
    assertEquals("KR", r.country());
    assertEquals("Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X)", r.userAgent());
    assertEquals(1.0, r.weight());
  }

  @Test
  void an_epoch_timestamp_in_the_wrong_unit_or_a_port_past_65535_is_a_malformed_line() throws IOException {
    String[] f = REALTIME_40.split("\t", -1);
    List<String> lines = new ArrayList<>();
    lines.add(REALTIME_40);
    f[0] = "1764054901087"; // milliseconds in a field of seconds: 1.764e12 s / 31,556,952 s a year = 55,900 years after 1970
    lines.add(String.join("\t", f));
    f[0] = "1764054.901"; // 1970-01-21
    lines.add(String.join("\t", f));
    f[0] = "1764054901.087";
    f[31] = "70000"; // c-port: it stopped emulate with an internal error (exit 3)
    lines.add(String.join("\t", f));
    f[31] = "65535";
    lines.add(String.join("\t", f));
    Path p = dir.resolve("units.log");
    Files.writeString(p, String.join("\n", lines) + "\n");
    List<RequestRecord> read = new ArrayList<>();
    MalformedLines m = LogSource.readFile(p, LogReadOptions.defaults(), read::add).malformed();
    assertEquals(2, read.size());
    assertEquals(65535, read.get(1).clientPort());
    assertEquals(java.util.Map.of(MalformedLines.Reason.BAD_DATE, 2L, MalformedLines.Reason.BAD_NUMBER, 1L), m.counts());
    assertTrue(m.examples().get(0).toString().contains(
        "line 2: bad date: timestamp '1764054901087' would be +57870-"), m.examples().get(0).toString());
    assertTrue(m.examples().get(0).toString().endsWith("outside 2008-2099; the field holds seconds"),
        m.examples().get(0).toString());
    assertTrue(m.examples().get(1).toString().contains("line 3: bad date: timestamp '1764054.901' would be 1970-01-21"),
        m.examples().get(1).toString());
    assertTrue(m.examples().get(2).toString().contains("line 4: bad number: c-port '70000' is not a port (0 to 65535)"),
        m.examples().get(2).toString());
  }

  @Test
  void a_date_outside_2008_2099_and_a_timestamp_past_a_long_are_malformed_not_read() throws IOException {
    String header = "#Version: 1.0\n#Fields: date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status\n";
    String rest = "\tICN54-C1\t10\t203.0.113.1\tGET\td.example\t/\t200\n";
    Path p = dir.resolve("dates.log");
    Files.writeString(p, header + "1970-01-01\t00:00:01" + rest + "2207-11-02\t07:00:00" + rest
        + "2008-01-01\t00:00:00" + rest);
    List<RequestRecord> read = new ArrayList<>();
    MalformedLines m = LogSource.readFile(p, LogReadOptions.defaults(), read::add).malformed();
    assertEquals(1, read.size());
    assertEquals(java.util.Map.of(MalformedLines.Reason.BAD_DATE, 2L), m.counts());
    assertTrue(m.examples().get(0).toString().endsWith(
        "line 3: bad date: date '1970-01-01' would be 1970-01-01T00:00:00Z, outside 2008-2099, when CloudFront has written logs"),
        m.examples().get(0).toString());

    String[] f = REALTIME_40.split("\t", -1);
    f[0] = "18446745773709552.000"; // times 1000 wrapped past Long.MAX_VALUE to a day in 2023
    Path big = dir.resolve("big.log");
    Files.writeString(big, String.join("\t", f) + "\n");
    MalformedLines wrapped = LogSource.readFile(big, LogReadOptions.defaults(), r -> {}).malformed();
    assertEquals(java.util.Map.of(MalformedLines.Reason.BAD_NUMBER, 1L), wrapped.counts());
  }

  @Test
  void realtime_fields_given_in_any_order_are_read_in_canonical_order_and_scaled()
      throws IOException {
    // configured fields, listed out of order; the record carries them in canonical order
    List<String> configured =
        List.of("x-edge-location", "sc-status", "timestamp", "c-ip", "cs-uri-stem", "cs-method",
            "sc-bytes");
    String line = String.join("\t", "1764054901.087", "203.0.113.10", "304", "120", "GET", "/a",
        "ICN57-P1");
    Path p = dir.resolve("rt.log");
    Files.writeString(p, line + "\n");
    LogReadOptions o =
        LogReadOptions.defaults().withFormat(LogFormat.REALTIME).withFields(configured)
            .withSamplingRate(25);
    RequestRecord r = LogSourceTest.readAll(p, o).get(0);
    assertEquals(304, r.status());
    assertEquals(120, r.bytesSent());
    assertEquals("ICN57-P1", r.edgeLocation());
    assertEquals(4.0, r.weight(), "100 / 25 percent sampling");
  }

  @Test
  void a_realtime_file_of_unknown_width_without_fields_is_bad_input() throws IOException {
    Path p = dir.resolve("rt.log");
    Files.writeString(p, "1764054901.087\t203.0.113.10\t200\n");
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> LogSource.readFile(p, LogReadOptions.defaults(), r -> {}));
    assertTrue(e.getMessage().contains("--fields"), e.getMessage());
  }

  @Test
  void v2_json_lines_are_detected_and_read_by_key() throws IOException {
    String json =
        "{\"timestamp\":\"1764054901\",\"DistributionId\":\"E2CFSIM\",\"date\":\"2026-11-02\","
            + "\"time\":\"07:15:01\",\"x-edge-location\":\"SIN2-C1\",\"sc-bytes\":\"777\","
            + "\"c-ip\":\"203.0.113.10\",\"cs-method\":\"GET\",\"cs(Host)\":\"d1.cloudfront.net\","
            + "\"cs-uri-stem\":\"/\",\"sc-status\":\"200\",\"cs(User-Agent)\":\"curl/8.4.0\","
            + "\"cs-uri-query\":\"-\",\"x-edge-result-type\":\"Miss\",\"cs-protocol\":\"https\","
            + "\"cs-bytes\":\"88\",\"c-country\":\"SG\",\"asn\":\"16509\",\"origin-fbl\":\"0.010\"}";
    Path p = dir.resolve("v2.json");
    Files.writeString(p, json + "\n" + "{\"date\": oops\n");
    List<RequestRecord> got = new ArrayList<>();
    MalformedLines m = LogSource.readFile(p, LogReadOptions.defaults(), got::add).malformed();
    RequestRecord r = got.get(0);
    assertEquals(Instant.parse("2026-11-02T07:15:01Z"), r.timestamp());
    assertEquals("SIN2-C1", r.edgeLocation());
    assertEquals(777, r.bytesSent());
    assertEquals(88, r.bytesReceived());
    assertEquals("SG", r.country());
    assertNull(r.query());
    assertEquals(1, m.counts().get(MalformedLines.Reason.BAD_JSON));
  }

  @Test
  void v2_w3c_files_with_extra_fields_and_parquet_style_names_are_read() throws IOException {
    String header =
        "#Version: 1.0\n#Fields: timestamp DistributionId date time x_edge_location sc_bytes c_ip"
            + " cs_method cs_host cs_uri_stem sc_status cs_user_agent timestamp(ms) origin-fbl asn"
            + " c_country\n";
    String line =
        String.join("\t", "1764054901", "E2CFSIM", "2026-11-02", "07:15:01", "HEL50-C2", "64",
            "2a02:cf40::1", "GET", "d1.cloudfront.net", "/x", "200", "curl/8.4.0",
            "1764054901234", "0.010", "16509", "NO");
    Path p = dir.resolve("v2.log");
    Files.writeString(p, header + line + "\n");
    RequestRecord r = LogSourceTest.readAll(p).get(0);
    assertEquals(1764054901234L, r.timestampMillis(), "timestamp(ms) is the most precise");
    assertEquals("HEL50-C2", r.edgeLocation());
    assertEquals("NO", r.country());
    assertEquals("curl/8.4.0", r.userAgent());
  }

  @Test
  void a_v2_plain_file_with_another_delimiter_is_read_when_told() throws IOException {
    Path p = dir.resolve("v2.txt");
    Files.writeString(p, "#Fields: date time x-edge-location sc-bytes c-ip cs-method cs-uri-stem sc-status\n"
        + "2026-11-02|07:15:01|ICN54-C1|10|203.0.113.1|GET|/|200\n");
    RequestRecord r =
        LogSourceTest.readAll(p, LogReadOptions.defaults().withDelimiter((byte) '|')).get(0);
    assertEquals("ICN54-C1", r.edgeLocation());
    assertEquals(10, r.bytesSent());
  }

  @Test
  void format_names_include_the_v2_output_names() {
    assertEquals(LogFormat.STANDARD, LogFormat.fromId("w3c").orElseThrow());
    assertEquals(LogFormat.STANDARD, LogFormat.fromId("plain").orElseThrow());
    assertEquals(LogFormat.REALTIME, LogFormat.fromId("real-time").orElseThrow());
    assertEquals(LogFormat.JSON, LogFormat.fromId("JSON").orElseThrow());
    assertTrue(LogFormat.fromId("parquet").isEmpty());
  }
}
