package dev.cfsim.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfsim.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogSourceTest {

  static final Path EDGE_CASES =
      Path.of("examples/logs/handwritten/E2CFSIMEXAMPLE.2026-11-02-07.edgecases");

  @TempDir Path dir;

  /**
   * A log's lines up to its last line end: the edge cases' last line is cut short, which only a
   * file's last line may be, so a test that adds lines after it starts from these.
   */
  static String completeLines(Path log) throws IOException {
    String text = Files.readString(log);
    return text.substring(0, text.lastIndexOf('\n') + 1);
  }

  static List<RequestRecord> readAll(Path file, LogReadOptions options) throws IOException {
    List<RequestRecord> out = new ArrayList<>();
    LogReadResult<Void> r = LogSource.readFile(file, options, out::add);
    assertTrue(r.malformed().isEmpty(), () -> String.join("\n", r.malformed().summary()));
    return out;
  }

  static List<RequestRecord> readAll(Path file) throws IOException {
    return readAll(file, LogReadOptions.defaults());
  }

  Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  Path writeGzip(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, gzip(text));
    return p;
  }

  static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  @Test
  void reading_stops_on_an_interrupted_thread() {
    // the API interrupts work past its deadline; a read never waits, so it must look itself
    Thread.currentThread().interrupt();
    try {
      List<RequestRecord> read = new ArrayList<>();
      assertThrows(CancellationException.class, () -> LogSource.readFile(EDGE_CASES, LogReadOptions.defaults(), read::add));
      assertTrue(read.isEmpty(), "records after the interrupt: " + read.size());
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void every_hand_written_edge_case_line_reads_without_a_malformed_line() throws IOException {
    List<RequestRecord> r = readAll(EDGE_CASES);
    assertEquals(7, r.size());
    RequestRecord first = r.get(0);
    assertEquals(Instant.parse("2026-11-02T07:15:01Z"), first.timestamp());
    assertEquals("ICN54-C1", first.edgeLocation());
    assertEquals(5120, first.bytesSent());
    assertEquals(310, first.bytesReceived());
    assertEquals("203.0.113.10", first.clientIp());
    assertEquals("d1cfsimexample.cloudfront.net", first.distributionHost());
    assertEquals("www.shop.example", first.hostHeader());
    assertTrue(first.userAgent().startsWith("Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like"));
    assertNull(first.query());
    assertNull(first.referer());
    assertEquals(4, first.timeTakenMillis());
    assertEquals(3, first.timeToFirstByteMillis());
    assertEquals(52144, first.clientPort());
    assertEquals("TLSv1.3", first.tlsProtocol());
    assertEquals("HTTP/2.0", first.httpVersion());
    assertEquals(4800, first.contentLength());
    assertEquals(-1, first.rangeStart());
    assertTrue(first.isHttps());
  }

  @Test
  void a_user_agent_encoded_twice_is_decoded_twice_but_a_query_only_once() throws IOException {
    RequestRecord r = readAll(EDGE_CASES).get(1);
    assertEquals(
        "Mozilla/5.0 (Linux; Android 14; SM-S918N) AppleWebKit/537.36", r.userAgent());
    // %25EC%2588%2598 is the viewer's own %EC%88%98 (수); a%253Db is the viewer's a%3Db
    assertEquals("q=%EC%88%98%EB%B0%94&ref=a%3Db", r.query());
    assertEquals("session=abc123; lang=ko", r.cookie());
    assertEquals("https://www.google.co.kr/", r.referer());
    assertEquals("Miss", r.edgeResultType());
  }

  @Test
  void status_000_ipv6_viewers_and_forwarded_for_lists_are_kept() throws IOException {
    RequestRecord r = readAll(EDGE_CASES).get(2);
    assertEquals(0, r.status());
    assertEquals("2001:db8::1f", r.clientIp());
    assertEquals("198.51.100.7,%20203.0.113.9,%20localhost:8080", r.forwardedFor());
    assertEquals("ClientHungUpRequest", r.edgeDetailedResultType());
    assertNull(r.contentType());
    assertEquals(-1, r.contentLength());
  }

  @Test
  void raw_utf8_path_bytes_plain_http_and_ranges_are_read() throws IOException {
    RequestRecord r = readAll(EDGE_CASES).get(3);
    assertEquals("/video/영상.mp4", r.uri());
    assertEquals("http", r.protocol());
    assertEquals(false, r.isHttps());
    assertNull(r.tlsProtocol());
    assertEquals(0, r.rangeStart());
    assertEquals(1023, r.rangeEnd());
    assertEquals(206, r.status());
  }

  @Test
  void content_type_spaces_and_a_literal_user_agent_prefix_are_decoded() throws IOException {
    RequestRecord r = readAll(EDGE_CASES).get(4);
    assertEquals("application/json; charset=utf-8", r.contentType());
    assertEquals("User-Agent: curl/8.4.0", r.userAgent());
    assertEquals("POST", r.method());
  }

  @Test
  void a_trailing_tab_and_a_truncated_last_line_are_read() throws IOException {
    List<RequestRecord> r = readAll(EDGE_CASES);
    assertEquals("cfsimREQ0006", r.get(5).requestId());
    assertEquals("cfsimREQ0007", r.get(6).requestId());
    assertEquals("text/html", r.get(6).contentType());
    assertEquals(-1, r.get(6).rangeEnd());
  }

  @Test
  void older_field_lists_of_12_19_24_and_26_fields_are_read_by_name() throws IOException {
    List<String> all = LogField.STANDARD_33;
    String[] values =
        "2014-05-23\t01:13:11\tFRA2\t182\t192.0.2.10\tGET\td111111abcdef8.cloudfront.net\t/view/my/file.html\t200\twww.displaymyfiles.com\tMozilla/4.0%2520(compatible;%2520MSIE%25205.0b1;%2520Mac_PowerPC)\t-\tzip=98101\tRefreshHit\tMRVMF7KydIvxMWfJIglgwHQwZsbG2IhRJ07sn9AkKUFSHS9EXAMPLE==\td111111abcdef8.cloudfront.net\thttp\t-\t0.001\t-\t-\t-\tRefreshHit\tHTTP/1.1\tProcessed\t12"
            .split("\t");
    for (int n : new int[] {12, 19, 24, 26}) {
      String header = "#Version:\t1.0\n#Fields:\t" + String.join("\t", all.subList(0, n)) + "\n";
      String line = String.join("\t", List.of(values).subList(0, n));
      Path p = write("v" + n + ".log", header + line + "\n");
      RequestRecord r = readAll(p).get(0);
      assertEquals("FRA2", r.edgeLocation(), "fields " + n);
      assertEquals(182, r.bytesSent());
      assertEquals("Mozilla/4.0 (compatible; MSIE 5.0b1; Mac_PowerPC)", r.userAgent());
      assertEquals(n > 12 ? "zip=98101" : null, r.cookie(), "fields " + n);
      assertEquals(n >= 19 ? 1 : -1, r.timeTakenMillis(), "fields " + n);
      assertEquals(n >= 24 ? "HTTP/1.1" : null, r.httpVersion(), "fields " + n);
    }
  }

  @Test
  void columns_are_found_by_name_not_position() throws IOException {
    Path p =
        write(
            "reordered.log",
            "#Fields: sc-status c-ip date time x-edge-location sc-bytes cs-method cs-uri-stem\n"
                + "404\t192.0.2.1\t2026-01-02\t03:04:05\tLHR5\t99\tHEAD\t/missing\n");
    RequestRecord r = readAll(p).get(0);
    assertEquals(404, r.status());
    assertEquals("LHR5", r.edgeLocation());
    assertEquals("HEAD", r.method());
    assertEquals(99, r.bytesSent());
  }

  @Test
  void each_kind_of_malformed_line_is_counted_with_file_line_and_reason() throws IOException {
    String good = Files.readAllLines(EDGE_CASES).get(2);
    String[] f = good.split("\t", -1);
    List<String> lines = new ArrayList<>();
    lines.add("#Fields: " + String.join(" ", LogField.STANDARD_33));
    lines.add(good);
    lines.add(with(f, 0, "2026-13-02")); // line 3: bad date
    lines.add(with(f, 3, "12x")); // line 4: bad number
    lines.add(with(f, 4, "300.1.2.3")); // line 5: bad IP
    lines.add(good + "\tsurplus"); // line 6: a non-empty extra column
    lines.add(String.join("\t", List.of(f).subList(0, 5))); // line 7: cut before cs-method
    lines.add(with(f, 1, "7:15")); // line 8: bad time
    lines.add(good);
    Path p = write("bad.log", String.join("\n", lines) + "\n");
    MalformedLines m = LogSource.readFile(p, LogReadOptions.defaults(), r -> {}).malformed();
    assertEquals(6, m.total());
    assertEquals(
        Map.of(
            MalformedLines.Reason.BAD_DATE, 2L,
            MalformedLines.Reason.BAD_NUMBER, 1L,
            MalformedLines.Reason.BAD_IP, 1L,
            MalformedLines.Reason.WRONG_FIELD_COUNT, 2L),
        m.counts());
    // in the reasons' own order, so a JSON report lists them alike on every run
    assertEquals(m.counts().keySet().stream().sorted().toList(), List.copyOf(m.counts().keySet()));
    List<Long> lineNumbers = m.examples().stream().map(MalformedLines.Example::line).toList();
    assertEquals(List.of(3L, 4L, 5L, 6L, 7L, 8L), lineNumbers);
    assertTrue(m.examples().get(2).toString().startsWith(p + ": line 5: bad IP: c-ip '300.1.2.3'"));
  }

  @Test
  void a_path_not_starting_with_a_slash_is_malformed_whether_or_not_the_job_reads_the_uri() throws IOException {
    String good = Files.readAllLines(EDGE_CASES).get(2);
    String[] f = good.split("\t", -1);
    Path p = write("uri.log", "#Fields: " + String.join(" ", LogField.STANDARD_33) + "\n"
        + good + "\n"
        + with(f, 7, "index.html") + "\n" // line 3: CloudFront always logs the path from its /
        + with(f, 7, "%2Findex.html") + "\n" // line 4: nor does it encode that slash
        + with(f, 7, "/") + "\n"
        + String.join("\t", List.of(with(f, 7, "x").split("\t")).subList(0, 12)) + "\n"); // line 6: cut short
    for (LogReadOptions options : List.of(LogReadOptions.defaults(),
        LogReadOptions.defaults().readingOnly(TrafficTally.FIELDS))) {
      List<RequestRecord> read = new ArrayList<>();
      MalformedLines m = LogSource.readFile(p, options, read::add).malformed();
      assertEquals(2, read.size());
      assertEquals(Map.of(MalformedLines.Reason.BAD_URI, 2L, MalformedLines.Reason.WRONG_FIELD_COUNT, 1L),
          m.counts());
      assertEquals(p + ": line 3: bad URI: cs-uri-stem 'index.html' does not start with /",
          m.examples().get(0).toString());
      assertEquals(4L, m.examples().get(1).line());
    }
  }

  @Test
  void a_line_that_is_not_utf8_is_malformed_naming_the_field_not_replayed_with_a_replacement_character()
      throws IOException {
    String good = Files.readAllLines(EDGE_CASES).get(2);
    String[] f = good.split("\t", -1);
    byte[] header = ("#Fields: " + String.join(" ", LogField.STANDARD_33) + "\n").getBytes(StandardCharsets.UTF_8);
    // line 3: a Latin-1 é in the User-Agent (field 11); line 4: a lone continuation byte in an
    // extra column; line 5: an overlong encoding of '/' in the path; line 6: the UTF-8 é, which is text
    byte[] latin1 = (with(f, 10, "Moz\u00e9illa/5.0") + "\n").getBytes(StandardCharsets.ISO_8859_1);
    byte[] stray = (good + "\t\u0080\n").getBytes(StandardCharsets.ISO_8859_1);
    byte[] overlong = (with(f, 7, "/a\u00c0\u00afb") + "\n").getBytes(StandardCharsets.ISO_8859_1);
    byte[] utf8 = (with(f, 10, "Moz\u00e9illa/5.0") + "\n").getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    for (byte[] part : List.of(header, (good + "\n").getBytes(StandardCharsets.UTF_8), latin1, stray, overlong, utf8)) {
      text.write(part);
    }
    Path p = dir.resolve("latin1.log");
    Files.write(p, text.toByteArray());
    for (LogReadOptions options : List.of(LogReadOptions.defaults(),
        LogReadOptions.defaults().readingOnly(TrafficTally.FIELDS))) {
      List<RequestRecord> read = new ArrayList<>();
      MalformedLines m = LogSource.readFile(p, options, read::add).malformed();
      assertEquals(2, read.size());
      assertEquals(Map.of(MalformedLines.Reason.NOT_UTF8, 3L), m.counts());
      assertEquals(p + ": line 3: not UTF-8: byte 0xE9 in field 11 (cs(User-Agent)) is not UTF-8 text",
          m.examples().get(0).toString());
      assertEquals(p + ": line 4: not UTF-8: byte 0x80 in field 34 (past the field list) is not UTF-8 text",
          m.examples().get(1).toString());
      assertEquals(p + ": line 5: not UTF-8: byte 0xC0 in field 8 (cs-uri-stem) is not UTF-8 text",
          m.examples().get(2).toString());
    }
    List<RequestRecord> read = new ArrayList<>();
    LogSource.readFile(p, LogReadOptions.defaults(), read::add);
    assertEquals("Mozéilla/5.0", read.get(1).userAgent());
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> LogSource.readFile(p, LogReadOptions.defaults().withStrict(true), r -> {}));
    assertEquals("line 3", e.location());
    assertEquals("not UTF-8: byte 0xE9 in field 11 (cs(User-Agent)) is not UTF-8 text", e.problem());

    // JSON logs alike, including what Jackson lets through: an overlong NUL (C0 80) and an overlong '/'
    String json = Files.readAllLines(Path.of("examples/logs/handwritten/E2CFSIMEXAMPLE.2026-11-02-08.v2.json")).get(0);
    int at = json.indexOf("/products/") + 1;
    Path j = dir.resolve("latin1.json");
    Files.write(j, (json + "\n" + json.replace("/products/", "/produ\u00e9cts/") + "\n"
        + json.replace("/products/", "/p\u00c0\u0080roducts/") + "\n"
        + json.replace("/products/", "/p\u00e0\u0080\u00afroducts/") + "\n"
        + json.replace("/products/", "/pr\u00f0\u009f\u0098\u0080oducts/") + "\n").getBytes(StandardCharsets.ISO_8859_1));
    List<RequestRecord> jsonRead = new ArrayList<>();
    MalformedLines jm = LogSource.readFile(j, LogReadOptions.defaults(), jsonRead::add).malformed();
    assertEquals(Map.of(MalformedLines.Reason.NOT_UTF8, 3L), jm.counts(), () -> jm.examples().toString());
    assertEquals(j + ": line 2: not UTF-8: byte 0xE9 at byte " + (at + 6) + " of the line is not UTF-8 text",
        jm.examples().get(0).toString());
    assertEquals(j + ": line 3: not UTF-8: byte 0xC0 at byte " + (at + 2) + " of the line is not UTF-8 text",
        jm.examples().get(1).toString());
    assertEquals(2, jsonRead.size());
    assertEquals("/pr\uD83D\uDE00oducts/1204.html", jsonRead.get(1).uri()); // a 4-byte character is text
  }

  @Test
  void a_fields_line_that_is_not_utf8_stops_the_file_naming_the_line_as_its_columns_cannot_be_known()
      throws IOException {
    String good = Files.readAllLines(EDGE_CASES).get(2);
    String fields = "#Fields: " + String.join(" ", LogField.STANDARD_33).replace("cs(User-Agent)", "cs(User-Ag\u00ffent)");
    Path p = dir.resolve("header.log");
    Files.write(p, ("#Version: 1.0 \u00ff\n" + fields + "\n" + good + "\n").getBytes(StandardCharsets.ISO_8859_1));
    for (LogReadOptions options : List.of(LogReadOptions.defaults(), LogReadOptions.defaults().withThreads(2))) {
      InvalidInputException e = assertThrows(InvalidInputException.class, () -> LogSource.readFile(p, options, r -> {}));
      assertEquals(p.toString(), e.source());
      assertEquals("line 2", e.location());
      assertEquals("byte 0xFF of the #Fields line is not UTF-8 text, so its columns cannot be known", e.problem());
    }
  }

  @Test
  void a_json_line_whose_path_does_not_start_with_a_slash_is_malformed() throws IOException {
    String good = Files.readAllLines(Path.of("examples/logs/handwritten/E2CFSIMEXAMPLE.2026-11-02-08.v2.json")).get(0);
    Path p = write("uri.json", good + "\n"
        + good.replace("\"cs-uri-stem\": \"/products/", "\"cs-uri-stem\": \"products/") + "\n"
        // as logged, before decoding, as tab-separated logs are checked: %2F is not a path's /
        + good.replace("\"cs-uri-stem\": \"/products/", "\"cs-uri-stem\": \"%2Fproducts/") + "\n");
    List<RequestRecord> read = new ArrayList<>();
    MalformedLines m = LogSource.readFile(p, LogReadOptions.defaults(), read::add).malformed();
    assertEquals(1, read.size());
    assertEquals(p + ": line 2: bad URI: cs-uri-stem 'products/1204.html' does not start with /",
        m.examples().get(0).toString());
    assertEquals(p + ": line 3: bad URI: cs-uri-stem '%2Fproducts/1204.html' does not start with /",
        m.examples().get(1).toString());
  }

  @Test
  void strict_mode_stops_at_the_first_malformed_line_naming_file_and_line() throws IOException {
    String good = Files.readAllLines(EDGE_CASES).get(2);
    Path p =
        write(
            "strict.log",
            "#Fields: " + String.join(" ", LogField.STANDARD_33) + "\n" + good + "\n"
                + with(good.split("\t", -1), 3, "-5") + "\n");
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> LogSource.readFile(p, LogReadOptions.defaults().withStrict(true), r -> {}));
    assertEquals(p.toString(), e.source());
    assertEquals("line 3", e.location());
    assertEquals("bad number: sc-bytes '-5'", e.problem());
  }

  @Test
  void a_bad_status_date_or_time_is_reported_with_the_fields_name_as_other_bad_numbers_are() throws IOException {
    String good = Files.readAllLines(EDGE_CASES).get(2);
    String[] f = good.split("\t", -1);
    String[][] cases = {
      {"8", "abc", "bad number: sc-status 'abc'"},
      {"0", "2026-1x-02", "bad date: date '2026-1x-02'"},
      {"1", "07:1x:00", "bad date: time '07:1x:00'"},
    };
    for (String[] c : cases) {
      Path p = write("bad-field.log", "#Fields: " + String.join(" ", LogField.STANDARD_33) + "\n"
          + with(f, Integer.parseInt(c[0]), c[1]) + "\n");
      InvalidInputException e = assertThrows(InvalidInputException.class,
          () -> LogSource.readFile(p, LogReadOptions.defaults().withStrict(true), r -> {}));
      assertEquals(c[2], e.problem());
    }
  }

  @Test
  void gzip_files_are_recognised_by_content_and_a_truncated_one_says_how_far_it_got()
      throws IOException {
    StringBuilder big = new StringBuilder(completeLines(EDGE_CASES));
    String body = Files.readAllLines(EDGE_CASES).get(2) + "\n";
    for (int i = 0; i < 5000; i++) {
      big.append(body);
    }
    byte[] whole = gzip(big.toString());
    Path ok = dir.resolve("E1.2026-11-02-07.abc.gz");
    Files.write(ok, whole);
    assertEquals(5006, readAll(ok).size());

    Path cut = dir.resolve("E1.2026-11-02-08.abc.gz");
    Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
    List<RequestRecord> got = new ArrayList<>();
    MalformedLines m = LogSource.readFile(cut, LogReadOptions.defaults(), got::add).malformed();
    assertEquals(1, m.truncatedFiles().size());
    MalformedLines.TruncatedFile t = m.truncatedFiles().get(0);
    assertEquals(cut.toString(), t.file());
    assertTrue(t.linesRead() > 100 && t.linesRead() < 5009, "lines read " + t.linesRead());
    assertEquals(t.linesRead() - 2 - m.total(), got.size(), "every line is a record or counted");

    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> LogSource.readFile(cut, LogReadOptions.defaults().withStrict(true), r -> {}));
    assertTrue(e.getMessage().contains("truncated gzip"), e.getMessage());
  }

  @Test
  void a_gzip_file_cut_inside_its_header_is_a_truncated_file_not_a_crash() throws IOException {
    Path cut = dir.resolve("E1.2026-11-02-09.abc.gz");
    Files.write(cut, java.util.Arrays.copyOf(gzip("x"), 5));
    MalformedLines m = LogSource.readFile(cut, LogReadOptions.defaults(), r -> {}).malformed();
    assertEquals(0, m.truncatedFiles().get(0).linesRead());
  }

  @Test
  void a_gzip_file_with_a_bad_checksum_is_damaged_not_truncated_and_every_line_is_read() throws IOException {
    byte[] gz = gzip(completeLines(EDGE_CASES));
    gz[gz.length - 8] ^= 0x10; // the trailer's CRC-32
    Path bad = dir.resolve("E1.2026-11-02-16.crc.gz");
    Files.write(bad, gz);
    List<RequestRecord> got = new ArrayList<>();
    MalformedLines m = LogSource.readFile(bad, LogReadOptions.defaults(), got::add).malformed();
    assertEquals(6, got.size(), "the inflater hands over every line before the checksum fails");
    MalformedLines.TruncatedFile t = m.truncatedFiles().get(0);
    assertTrue(t.damaged());
    assertTrue(t.toString().startsWith(bad + ": damaged gzip ("), t.toString());
    assertTrue(t.toString().endsWith(") after 8 lines"), t.toString());
  }

  @Test
  void plain_lines_after_a_gzip_member_are_counted_not_dropped() throws IOException {
    String text = Files.readString(EDGE_CASES);
    byte[] plain = Files.readAllLines(EDGE_CASES).stream().filter(l -> !l.startsWith("#"))
        .collect(Collectors.joining("\n", "", "\n")).getBytes(StandardCharsets.UTF_8);
    Path mixed = dir.resolve("E1.2026-11-02-10.abc.gz");
    Files.write(mixed, GzipStreamsTest.concat(gzip(text), plain));
    List<RequestRecord> got = new ArrayList<>();
    MalformedLines m = LogSource.readFile(mixed, LogReadOptions.defaults(), got::add).malformed();
    assertEquals(7, got.size(), "the gzip member's records");
    assertEquals(List.of(new MalformedLines.TrailingBytes(mixed.toString(), plain.length)), m.trailingBytes());
    assertTrue(m.summary().contains("  " + mixed + ": " + plain.length
        + " bytes after the gzip data were not read (they do not start a gzip member)"), m.summary().toString());
    // headed by what it is about, not "0 malformed lines"
    assertEquals("1 gzip file not read to the end", m.summary().get(0));
    assertTrue(m.truncatedFiles().isEmpty());

    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> LogSource.readFile(mixed, LogReadOptions.defaults().withStrict(true), r -> {}));
    assertEquals(mixed + ": " + plain.length
        + " bytes after the gzip data were not read (they do not start a gzip member)", e.getMessage());
  }

  @Test
  void a_line_cut_short_is_read_only_as_the_file_s_last_line_without_a_line_end() throws IOException {
    String text = Files.readString(EDGE_CASES); // 7 records, the last cut before its range fields
    assertEquals(7, readAll(write("E1.2026-11-02-12.cut.log", text)).size());
    // the same cut line followed by others is damage: read, its missing cs-protocol would bill it as HTTPS
    Path inside = write("E1.2026-11-02-13.mid.log", text + "\n" + Files.readAllLines(EDGE_CASES).get(2) + "\n");
    List<RequestRecord> got = new ArrayList<>();
    MalformedLines m = LogSource.readFile(inside, LogReadOptions.defaults(), got::add).malformed();
    assertEquals(7, got.size());
    assertEquals(java.util.Map.of(MalformedLines.Reason.WRONG_FIELD_COUNT, 1L), m.counts());
    assertTrue(m.examples().get(0).toString().contains(": line 9: wrong field count: 31 fields where the field list has 33"),
        m.examples().get(0).toString());
    // and so is a cut line that ends with a line end: the file did not stop in it
    assertEquals(1, LogSource.readFile(write("E1.2026-11-02-14.nl.log", text + "\n"), LogReadOptions.defaults(), r -> {})
        .malformed().total());
  }

  @Test
  void a_field_list_naming_a_field_twice_is_refused_naming_both_columns() throws IOException {
    Path twice = write("E1.2026-11-02-15.twice.log",
        "#Version: 1.0\n#Fields: date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status c_ip\n"
            + "2026-11-02\t07:00:00\tICN54-C1\t10\t203.0.113.1\tGET\td.example\t/\t200\t198.51.100.2\n");
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> LogSource.readFile(twice, LogReadOptions.defaults(), r -> {}));
    assertEquals("the field list names c-ip twice (columns 5 and 10), so which holds its value cannot be known",
        e.problem());
  }

  @Test
  void concatenated_gzip_members_are_read_whole_without_a_warning() throws IOException {
    String text = completeLines(EDGE_CASES);
    Path joined = dir.resolve("E1.2026-11-02-11.abc.gz");
    Files.write(joined, GzipStreamsTest.concat(gzip(text), gzip(""), gzip(text)));
    assertEquals(12, readAll(joined).size()); // readAll: nothing malformed, nothing left over
    assertEquals(12, readAll(joined, LogReadOptions.defaults().withStrict(true)).size());
  }

  @Test
  void directories_and_globs_are_expanded_and_files_are_read_in_parallel() throws IOException {
    String text = Files.readString(EDGE_CASES);
    for (int h = 0; h < 6; h++) {
      writeGzip("E2.2026-11-02-0" + h + ".x" + h + ".gz", text);
    }
    write("sub/E2.2026-11-03-00.y.log", text);
    write(".hidden", "not a log");
    LogReadOptions two = LogReadOptions.defaults().withThreads(2);

    LogSource all = LogSource.of(List.of(dir.toString()), two);
    assertEquals(7, all.files().size());
    LogReadResult<Long> r = all.read(Collectors.counting());
    assertEquals(49L, r.value());
    assertEquals(49L, r.records());
    assertTrue(r.malformed().isEmpty());

    LogSource glob = LogSource.of(List.of(dir + "/E2.2026-11-02-0[0-2]*.gz"), two);
    assertEquals(3, glob.files().size());
    List<RequestRecord> seen = Collections.synchronizedList(new ArrayList<>());
    assertEquals(21L, glob.forEach(seen::add).records());
    assertEquals(21, seen.size());
  }

  @Test
  void every_example_log_of_every_format_reads_without_a_malformed_line() {
    LogReadResult<Long> r =
        LogSource.of(List.of("examples/logs"), LogReadOptions.defaults()).read(Collectors.counting());
    assertTrue(r.malformed().isEmpty(), () -> String.join("\n", r.malformed().summary()));
    // 3000 generated, 7 standard, 2 v2 JSON and 2 real-time hand-written records
    assertEquals(3011L, r.value());
  }

  @Test
  void a_missing_path_or_an_empty_glob_is_bad_input() {
    assertThrows(
        InvalidInputException.class,
        () -> LogSource.of(List.of(dir.resolve("nope").toString()), LogReadOptions.defaults()));
    assertThrows(
        InvalidInputException.class,
        () -> LogSource.of(List.of(dir + "/*.gz"), LogReadOptions.defaults()));
  }

  @Test
  void a_headerless_standard_file_needs_a_field_list() throws IOException {
    String line = Files.readAllLines(EDGE_CASES).get(2);
    Path p = write("noheader.log", line + "\n");
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> LogSource.readFile(p, LogReadOptions.defaults(), r -> {}));
    assertTrue(e.getMessage().contains("--fields"), e.getMessage());
    assertEquals(1, readAll(p, LogReadOptions.defaults().withFields(LogField.STANDARD_33)).size());
  }

  static String with(String[] fields, int index, String value) {
    String[] copy = fields.clone();
    copy[index] = value;
    return String.join("\t", copy);
  }
}
