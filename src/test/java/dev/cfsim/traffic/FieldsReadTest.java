package dev.cfsim.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.cfsim.logs.EdgeLocations;
import dev.cfsim.logs.LogReadOptions;
import dev.cfsim.logs.LogReadResult;
import dev.cfsim.logs.LogSource;
import dev.cfsim.logs.RequestRecord;
import dev.cfsim.logs.TrafficTally;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
      assertNotNull(f.requestId());
      assertNull(s.userAgent());
      assertNull(s.requestId());
      assertNull(s.uri());
    }
  }

  private static List<RequestRecord> read(String log, LogReadOptions options) throws IOException {
    List<RequestRecord> out = new ArrayList<>();
    LogSource.readFile(Path.of(log), options, out::add);
    return out;
  }
}
