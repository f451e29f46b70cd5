package dev.cfsim.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfsim.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One file read on several threads in blocks must read exactly as one thread does: the same
 * records, line count, malformed lines (with their line numbers) and truncation report; only
 * the order of records may differ. Small blocks cut the files in many places, inside headers
 * and long lines too.
 */
class SplitFileReaderTest {

  @TempDir Path dir;

  private static final String EDGE_CASES =
      "examples/logs/handwritten/E2CFSIMEXAMPLE.2026-11-02-07.edgecases";

  /** What a read found, comparable across thread counts. */
  private record Outcome(long lines, long records, List<String> recordsSorted, List<String> malformed) {}

  private static Outcome read(Path file, int threads, int blockSize, LogReadOptions options) {
    LogSource source = LogSource.of(List.of(file.toString()), options.withThreads(threads));
    source.splitBlockSize = blockSize;
    LogReadResult<List<RequestRecord>> r = source.read(Collectors.toList());
    List<String> sorted =
        r.value().stream().map(RequestRecord::toString).sorted(Comparator.naturalOrder()).toList();
    return new Outcome(r.lines(), r.records(), sorted, r.malformed().summary());
  }

  private static void assertSameAsOneThread(Path file, LogReadOptions options) {
    Outcome one = read(file, 1, SplitFileReader.DEFAULT_BLOCK, options);
    assertTrue(one.records() > 0, "the file has records");
    for (int block : new int[] {64, 333, 4096}) {
      assertEquals(one, read(file, 3, block, options), "blocks of " + block + " bytes");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
    EDGE_CASES,
    "examples/logs/handwritten/E2CFSIMEXAMPLE.2026-11-02-08.v2.json",
    "examples/logs/sample/E2CFSIMDEMO.2026-11-02-07.a2fb9f83.gz"
  })
  void example_logs_read_in_blocks_as_in_one_pass(String log) {
    assertSameAsOneThread(Path.of(log), LogReadOptions.defaults());
  }

  @Test
  void a_real_time_log_read_in_blocks_as_in_one_pass() {
    assertSameAsOneThread(
        Path.of("examples/logs/handwritten/realtime-all-40-fields.log"),
        LogReadOptions.defaults().withFormat(LogFormat.REALTIME).withSamplingRate(10));
  }

  @Test
  void a_fields_header_halfway_changes_the_columns_for_the_blocks_after_it() throws IOException {
    List<String> lines = Files.readAllLines(Path.of(EDGE_CASES));
    String header = lines.get(1);
    // the second part names the same columns in reverse order, its lines reversed to match
    String[] names = header.substring("#Fields: ".length()).split(" ");
    List<String> reversedNames = Arrays.asList(names.clone());
    java.util.Collections.reverse(reversedNames);
    StringBuilder sb = new StringBuilder(String.join("\n", lines)).append('\n');
    sb.append("#Version: 1.0\n#Fields: ").append(String.join(" ", reversedNames)).append('\n');
    for (String line : lines.subList(2, lines.size())) {
      if (line.startsWith("#")) {
        continue;
      }
      List<String> values = Arrays.asList(line.split("\t", -1));
      java.util.Collections.reverse(values);
      sb.append(String.join("\t", values)).append('\n');
    }
    Path file = dir.resolve("two-headers.log");
    Files.writeString(file, sb, StandardCharsets.UTF_8);
    assertSameAsOneThread(file, LogReadOptions.defaults());
  }

  @Test
  void a_truncated_gzip_reports_the_same_lines_read() throws IOException {
    byte[] whole = Files.readAllBytes(Path.of("examples/logs/sample/E2CFSIMDEMO.2026-11-02-07.a2fb9f83.gz"));
    Path file = dir.resolve("cut.gz");
    Files.write(file, Arrays.copyOf(whole, whole.length * 2 / 3));
    Outcome one = read(file, 1, SplitFileReader.DEFAULT_BLOCK, LogReadOptions.defaults());
    assertTrue(one.malformed().stream().anyMatch(l -> l.contains("truncated gzip")), one.toString());
    assertEquals(one, read(file, 3, 333, LogReadOptions.defaults()));
  }

  @Test
  void plain_lines_after_the_gzip_data_are_reported_as_in_one_pass() throws IOException {
    byte[] whole = Files.readAllBytes(Path.of("examples/logs/sample/E2CFSIMDEMO.2026-11-02-07.a2fb9f83.gz"));
    byte[] plain = Files.readAllBytes(Path.of(EDGE_CASES));
    Path file = dir.resolve("mixed.gz");
    Files.write(file, GzipStreamsTest.concat(whole, plain));
    Outcome one = read(file, 1, SplitFileReader.DEFAULT_BLOCK, LogReadOptions.defaults());
    assertTrue(one.malformed().contains("  " + file + ": " + plain.length
        + " bytes after the gzip data were not read (they do not start a gzip member)"), one.toString());
    assertEquals(one, read(file, 3, 333, LogReadOptions.defaults()));
  }

  @Test
  void a_last_line_without_a_line_end_is_read() throws IOException {
    String text = Files.readString(Path.of(EDGE_CASES)).stripTrailing();
    Path file = dir.resolve("no-final-newline.log");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    assertSameAsOneThread(file, LogReadOptions.defaults());
  }

  @Test
  void a_log_without_a_field_list_fails_at_the_same_line_as_in_one_pass() throws IOException {
    List<String> lines = Files.readAllLines(Path.of(EDGE_CASES));
    Path file = dir.resolve("headless.log");
    Files.write(file, lines.stream().filter(l -> !l.startsWith("#")).toList());
    InvalidInputException one = assertThrows(InvalidInputException.class,
        () -> read(file, 1, SplitFileReader.DEFAULT_BLOCK, LogReadOptions.defaults()));
    InvalidInputException split = assertThrows(InvalidInputException.class,
        () -> read(file, 3, 64, LogReadOptions.defaults()));
    assertEquals(one.getMessage(), split.getMessage());
  }

  @Test
  void a_malformed_line_where_a_block_starts_is_counted_not_taken_for_the_format()
      throws IOException {
    // a real-time log is known by its first line; a later short line is only malformed, even
    // when a block, and so a worker, starts with it
    String good = Files.readAllLines(Path.of("examples/logs/handwritten/realtime-all-40-fields.log")).get(0);
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i <= 400; i++) {
      sb.append(i % 7 == 4 ? "1762069503.087\t203.0.113.10\t0.002" : good).append('\n');
    }
    Path file = dir.resolve("realtime.log");
    Files.writeString(file, sb, StandardCharsets.UTF_8);
    LogReadOptions realtime = LogReadOptions.defaults().withFormat(LogFormat.REALTIME);
    Outcome one = read(file, 1, SplitFileReader.DEFAULT_BLOCK, realtime);
    assertTrue(one.malformed().get(0).startsWith("57 malformed lines"), one.malformed().get(0));
    int lineLength = good.length() + 1;
    for (int block : new int[] {lineLength * 3, lineLength * 4 + 40, 1000}) {
      assertEquals(one, read(file, 3, block, realtime), "blocks of " + block + " bytes");
    }
  }

  @Test
  @Timeout(60) // a guard against a deadlock, not a speed check
  void an_error_in_every_worker_ends_the_read_instead_of_leaving_it_waiting() throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    try (InputStream in = new GZIPInputStream(Files.newInputStream(
        Path.of("examples/logs/sample/E2CFSIMDEMO.2026-11-02-07.a2fb9f83.gz")))) {
      in.transferTo(all);
    }
    Path file = dir.resolve("hour.log");
    Files.write(file, all.toByteArray());
    LogSource source = LogSource.of(List.of(file.toString()), LogReadOptions.defaults().withThreads(2));
    source.splitBlockSize = 4096;
    java.util.concurrent.atomic.AtomicInteger seen = new java.util.concurrent.atomic.AtomicInteger();
    java.util.stream.Collector<RequestRecord, Object, Object> failing = java.util.stream.Collector.of(
        Object::new,
        (a, r) -> {
          if (seen.incrementAndGet() > 10) {
            throw new AssertionError("collector broke");
          }
        },
        (a, b) -> a);
    AssertionError e = assertThrows(AssertionError.class, () -> source.read(failing));
    assertEquals("collector broke", e.getMessage());
  }

  @Test
  void the_reading_thread_parses_blocks_itself_when_the_workers_are_behind() throws IOException {
    Path file = wholeDay();
    Thread reading = Thread.currentThread();
    java.util.concurrent.atomic.AtomicLong byReadingThread = new java.util.concurrent.atomic.AtomicLong();
    // the pool's worker holds its first record until the reading thread has parsed one, so
    // blocks queue up and the reading thread must take some (the wait is bounded: without
    // that, the first assertion below fails instead of the read hanging)
    java.util.concurrent.CountDownLatch readingThreadParsed = new java.util.concurrent.CountDownLatch(1);
    java.util.stream.Collector<RequestRecord, List<String>, List<String>> slowPool =
        java.util.stream.Collector.of(java.util.ArrayList::new, (list, r) -> {
          if (Thread.currentThread() == reading) {
            byReadingThread.incrementAndGet();
            readingThreadParsed.countDown();
          } else if (list.isEmpty()) {
            try {
              readingThreadParsed.await(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          list.add(r.toString());
        }, (a, b) -> {
          a.addAll(b);
          return a;
        });
    LogSource source = LogSource.of(List.of(file.toString()), LogReadOptions.defaults().withThreads(2));
    source.splitBlockSize = 4096;
    LogReadResult<List<String>> r = source.read(slowPool);
    assertTrue(byReadingThread.get() > 0, "the reading thread parsed no block");
    assertTrue(byReadingThread.get() < r.records(), "the pool's worker parsed no block");
    Outcome one = read(file, 1, SplitFileReader.DEFAULT_BLOCK, LogReadOptions.defaults());
    assertEquals(one.recordsSorted(), r.value().stream().sorted().toList());
    assertEquals(one.lines(), r.lines());
  }

  @Test
  void a_large_generated_log_reads_the_same_on_four_threads() throws IOException {
    Path file = wholeDay();
    Outcome one = read(file, 1, SplitFileReader.DEFAULT_BLOCK, LogReadOptions.defaults());
    assertEquals(one, read(file, 4, 1 << 16, LogReadOptions.defaults()));
  }

  /** All 24 sample hours as one plain file of several default-size blocks. */
  private Path wholeDay() throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    try (var files = Files.list(Path.of("examples/logs/sample"))) {
      for (Path f : files.sorted().toList()) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
          in.transferTo(all);
        }
      }
    }
    Path file = dir.resolve("day.log");
    Files.write(file, all.toByteArray());
    return file;
  }
}
