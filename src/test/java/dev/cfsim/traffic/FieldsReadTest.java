package dev.cfsim.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfsim.logs.EdgeLocations;
import dev.cfsim.logs.LogReadOptions;
import dev.cfsim.logs.LogReadResult;
import dev.cfsim.logs.LogSource;
import dev.cfsim.logs.RequestRecord;
import dev.cfsim.logs.SizeSample;
import dev.cfsim.logs.TrafficTally;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A profile read with only {@link TrafficTally#FIELDS} is the profile read with every field: the
 * tally must not read a field it leaves out, and leaving text out must not change which lines
 * are malformed.
 */
class FieldsReadTest {

  private static final EdgeLocations EDGES = EdgeLocations.builtIn();

  @ParameterizedTest
  @ValueSource(strings = {
    "examples/logs/handwritten/E2CFSIMEXAMPLE.2026-11-02-07.edgecases",
    "examples/logs/handwritten/E2CFSIMEXAMPLE.2026-11-02-08.v2.json",
    "examples/logs/sample"
  })
  void the_traffic_fields_alone_give_the_same_profile_and_the_same_malformed_lines(String logs) {
    LogSource all = LogSource.of(List.of(logs), LogReadOptions.defaults());
    LogSource some = LogSource.of(List.of(logs), LogReadOptions.defaults());
    LogReadResult<TrafficTally> full = all.read(TrafficTally.collector(EDGES));
    LogReadResult<TrafficTally> traffic = some.read(TrafficTally.collector(EDGES), TrafficTally.FIELDS);

    assertEquals(
        ProfileBuilder.build(full.value(), "logs", false),
        ProfileBuilder.build(traffic.value(), "logs", false));
    assertEquals(full.records(), traffic.records());
    assertEquals(full.malformed().summary(), traffic.malformed().summary());
    for (double p : new double[] {50, 90, 99}) {
      assertEquals(full.value().objectSizes().percentile(p), traffic.value().objectSizes().percentile(p));
    }
  }

  @Test
  void the_object_size_sample_picks_the_same_objects_when_it_has_to_choose(@TempDir Path dir)
      throws IOException {
    // 30,000 GETs, 3,000 a second in 20 sizes, each with its own request id and viewer: more
    // than the sample keeps, so it must choose, and it must choose the same objects
    List<String> lines = Files.readAllLines(Path.of(
        "examples/logs/handwritten/E2CFSIMEXAMPLE.2026-11-02-07.edgecases"));
    String[] template = lines.get(2).split("\t", -1);
    StringBuilder log = new StringBuilder(lines.get(0)).append('\n').append(lines.get(1)).append('\n');
    for (int i = 0; i < 30_000; i++) {
      String[] f = template.clone();
      f[1] = String.format("07:%02d:%02d", i / 3000 / 60, i / 3000 % 60);
      f[3] = Integer.toString(1000 * (1 + i % 20)); // sc-bytes
      f[4] = "198.51." + (i >> 8 & 255) + "." + (i & 255);
      f[14] = "cfsimSIZE" + i + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx==";
      f[30] = "-"; // no sc-content-len: the size is sc-bytes
      log.append(String.join("\t", f)).append('\n');
    }
    Path file = dir.resolve("sizes.log");
    Files.writeString(file, log);
    LogSource all = LogSource.of(List.of(file.toString()), LogReadOptions.defaults());
    LogSource some = LogSource.of(List.of(file.toString()), LogReadOptions.defaults());
    SizeSample full = all.read(TrafficTally.collector(EDGES)).value().objectSizes();
    SizeSample traffic =
        some.read(TrafficTally.collector(EDGES), TrafficTally.FIELDS).value().objectSizes();
    assertEquals(30_000, full.seen());
    assertTrue(full.size() < full.seen(), "the sample chose " + full.size());
    for (double p : new double[] {1, 10, 25, 50, 75, 90, 99, 99.9}) {
      assertEquals(full.percentile(p), traffic.percentile(p), "p" + p);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "examples/logs/handwritten/E2CFSIMEXAMPLE.2026-11-02-07.edgecases",
    "examples/logs/sample/E2CFSIMDEMO.2026-11-02-07.a2fb9f83.gz"
  })
  void fields_left_out_are_null_and_the_rest_as_read_in_full(String log) throws IOException {
    List<RequestRecord> full = read(log, LogReadOptions.defaults());
    List<RequestRecord> some = read(log, LogReadOptions.defaults().readingOnly(TrafficTally.FIELDS));
    assertEquals(full.size(), some.size());
    for (int i = 0; i < full.size(); i++) {
      RequestRecord f = full.get(i);
      RequestRecord s = some.get(i);
      assertEquals(f.timestampMillis(), s.timestampMillis());
      assertEquals(f.edgeLocation(), s.edgeLocation());
      assertEquals(f.bytesSent(), s.bytesSent());
      assertEquals(f.bytesReceived(), s.bytesReceived());
      assertEquals(f.method(), s.method());
      assertEquals(f.protocol(), s.protocol());
      assertEquals(f.status(), s.status());
      assertEquals(f.edgeResultType(), s.edgeResultType());
      assertEquals(f.contentLength(), s.contentLength());
      assertEquals(f.country(), s.country());
      assertEquals(f.weight(), s.weight());
      // numbers are always read (they decide whether a line is malformed)
      assertEquals(f.timeTakenMillis(), s.timeTakenMillis());
      assertEquals(f.requestId(), s.requestId());
      assertEquals(f.clientIp(), s.clientIp());
      assertNotNull(f.userAgent());
      assertNull(s.userAgent());
      assertNull(s.uri());
      assertNull(s.tlsCipher());
    }
  }

  private static List<RequestRecord> read(String log, LogReadOptions options) throws IOException {
    List<RequestRecord> out = new ArrayList<>();
    LogSource.readFile(Path.of(log), options, out::add);
    return out;
  }
}
