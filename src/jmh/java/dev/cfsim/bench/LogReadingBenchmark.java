package dev.cfsim.bench;

import dev.cfsim.logs.LogReadOptions;
import dev.cfsim.logs.LogSource;
import dev.cfsim.logs.RequestRecord;
import dev.cfsim.logs.TrafficTally;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Standard-log lines read per second on one thread, from plain and from gzip bytes in memory
 * (so the disk is not measured), full {@link RequestRecord}s built. The log is what {@code cfsim
 * loggen} writes with its default shop mix: 200,000 lines of 33 fields, about 475 bytes each,
 * nearly every viewer IP, request id and cookie distinct, as in a real log. The {@code
 * TrafficFields} pair reads as {@code cfsim profile} does, keeping only what the traffic tally
 * needs (every field still checked).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LogReadingBenchmark {

  static final int LINES = 200_000;

  byte[] plain;
  byte[] gzip;

  @Setup
  public void setUp() throws IOException {
    Path dir = Files.createTempDirectory("cfsim-read-bench");
    ShopLogs.generate(LINES, 1, dir);
    // one stream of all the hourly files: their #Version/#Fields headers repeat inside it,
    // which the reader handles as it does in concatenated files
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
          in.transferTo(all);
        }
        Files.delete(f);
      }
    }
    Files.delete(dir);
    plain = all.toByteArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(plain);
    }
    gzip = out.toByteArray();
  }

  @Benchmark
  @OperationsPerInvocation(LINES)
  public long plainLines(Blackhole bh) throws IOException {
    return read(plain, bh);
  }

  @Benchmark
  @OperationsPerInvocation(LINES)
  public long gzipLines(Blackhole bh) throws IOException {
    return read(gzip, bh);
  }

  /** As {@code cfsim profile} reads: only the fields the traffic tally needs are kept. */
  @Benchmark
  @OperationsPerInvocation(LINES)
  public long plainTrafficFields(Blackhole bh) throws IOException {
    return read(plain, TRAFFIC, bh);
  }

  @Benchmark
  @OperationsPerInvocation(LINES)
  public long gzipTrafficFields(Blackhole bh) throws IOException {
    return read(gzip, TRAFFIC, bh);
  }

  private static final LogReadOptions ALL = LogReadOptions.defaults();
  private static final LogReadOptions TRAFFIC = ALL.readingOnly(TrafficTally.FIELDS);

  private static long read(byte[] bytes, Blackhole bh) throws IOException {
    return read(bytes, ALL, bh);
  }

  private static long read(byte[] bytes, LogReadOptions options, Blackhole bh) throws IOException {
    long records =
        LogSource.readStream(
                "bench", new ByteArrayInputStream(bytes), options, (RequestRecord r) -> bh.consume(r))
            .records();
    if (records != LINES) {
      throw new IllegalStateException(records + " records read, " + LINES + " written");
    }
    return records;
  }
}
