package dev.cfsim.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfsim.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A UTF-8 byte order mark at the start of a log (an editor on Windows saved it) is skipped, in
 * every format, plain or gzip: the file reads exactly as without it. Only that one is: a second
 * is data, as a mark anywhere else is.
 */
class ByteOrderMarkTest {

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {
    "examples/logs/handwritten/E2CFSIMEXAMPLE.2026-11-02-07.edgecases",
    "examples/logs/handwritten/E2CFSIMEXAMPLE.2026-11-02-08.v2.json",
    "examples/logs/handwritten/realtime-all-40-fields.log"
  })
  void a_leading_mark_is_skipped_in_plain_and_gzip_logs(String log) throws IOException {
    byte[] text = Files.readAllBytes(Path.of(log));
    List<String> without = records(Path.of(log));
    assertTrue(!without.isEmpty());
    Path plain = dir.resolve("bom.log");
    Files.write(plain, GzipStreamsTest.concat(BOM, text));
    assertEquals(without, records(plain));
    Path gz = dir.resolve("bom.log.gz");
    Files.write(gz, LogSourceTest.gzip(new String(GzipStreamsTest.concat(BOM, text), "UTF-8")));
    assertEquals(without, records(gz));
  }

  @ParameterizedTest
  @ValueSource(ints = {64, 333, 4096})
  void a_leading_mark_is_skipped_when_one_file_is_read_in_blocks(int block) throws IOException {
    Path log = Path.of("examples/logs/handwritten/E2CFSIMEXAMPLE.2026-11-02-07.edgecases");
    Path bom = dir.resolve("bom.log");
    Files.write(bom, GzipStreamsTest.concat(BOM, Files.readAllBytes(log)));
    LogSource split = LogSource.of(List.of(bom.toString()), LogReadOptions.defaults().withThreads(3));
    split.splitBlockSize = block;
    List<String> got = new ArrayList<>();
    LogReadResult<Void> r = split.forEach(rec -> {
      synchronized (got) {
        got.add(rec.toString());
      }
    });
    assertTrue(r.malformed().isEmpty(), r.malformed().summary().toString());
    assertEquals(records(log).stream().sorted().toList(), got.stream().sorted().toList());
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void only_one_mark_is_skipped(boolean gzip) throws IOException {
    byte[] text = Files.readAllBytes(
        Path.of("examples/logs/handwritten/E2CFSIMEXAMPLE.2026-11-02-07.edgecases"));
    byte[] twice = GzipStreamsTest.concat(BOM, BOM, text);
    Path log = dir.resolve("twice.log");
    Files.write(log, gzip ? LogSourceTest.gzip(new String(twice, "UTF-8")) : twice);
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> LogSource.readFile(log, LogReadOptions.defaults(), r -> {}));
    assertTrue(e.getMessage().contains("line 1: no #Fields header"), e.getMessage());
  }

  private static List<String> records(Path log) throws IOException {
    return LogSourceTest.readAll(log).stream().map(RequestRecord::toString).toList();
  }
}
