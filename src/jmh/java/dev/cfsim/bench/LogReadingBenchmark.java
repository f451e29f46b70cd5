package dev.cfsim.bench;

import dev.cfsim.logs.LogReadOptions;
import dev.cfsim.logs.LogSource;
import dev.cfsim.logs.RequestRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * (so the disk is not measured). The log is the hand-written example's lines with varied
 * viewer IPs and request ids, 33 fields and about 450 bytes a line, like a real one.
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
    List<String> all =
        Files.readAllLines(Path.of("examples/logs/handwritten/E2CFSIMEXAMPLE.2026-11-02-07.edgecases"));
    StringBuilder sb = new StringBuilder();
    sb.append(all.get(0)).append('\n').append(all.get(1)).append('\n');
    List<String> body = all.subList(2, 8);
    for (int i = 0; i < LINES; i++) {
      String[] f = body.get(i % body.size()).split("\t", -1);
      f[4] = "203.0." + (i >> 8 & 255) + "." + (i & 255);
      f[14] = "bench" + Integer.toHexString(i * 0x9E3779B9) + "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnop==";
      sb.append(String.join("\t", f)).append('\n');
    }
    plain = sb.toString().getBytes(StandardCharsets.UTF_8);
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

  private static long read(byte[] bytes, Blackhole bh) throws IOException {
    return LogSource.readStream(
            "bench", new ByteArrayInputStream(bytes), LogReadOptions.defaults(),
            (RequestRecord r) -> bh.consume(r))
        .records();
  }
}
