package dev.cfsim.bench;

import dev.cfsim.emulator.Emulator;
import dev.cfsim.logs.EdgeLocations;
import dev.cfsim.logs.LogReadOptions;
import dev.cfsim.logs.LogSource;
import dev.cfsim.rules.RuleEvaluator;
import dev.cfsim.rules.RulesReader;
import dev.cfsim.viewer.ViewerEnricher;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Log records replayed per second end to end: gunzip, parse, enrich (geo from the embedded
 * database, device from the User-Agent), evaluate the shop rules and tally, as {@code cfsim
 * emulate} does, on a log written by the generator ({@code cfsim loggen}'s default shop mix:
 * 200,000 requests over 24 hourly files). {@code oneThread} reads the files one after another
 * (the per-core figure); {@code allCores} reads them on one thread per core; {@code
 * oneFileAllCores} reads the same lines from one gzip file, cut into blocks for every core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EndToEndEmulationBenchmark {

  static final int LINES = 200_000;

  Path dir;
  Path oneFile;
  Emulator emulator;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("cfsim-e2e-bench");
    ShopLogs.generate(LINES, 1, dir);
    // the same day as one gzip file, to measure one large log read on every core
    oneFile = Files.createTempFile("cfsim-e2e-bench", ".log.gz");
    try (Stream<Path> files = Files.list(dir);
        OutputStream out = new GZIPOutputStream(Files.newOutputStream(oneFile), 1 << 16)) {
      for (Path f : files.sorted().toList()) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
          in.transferTo(out);
        }
      }
    }
    emulator = new Emulator(
        RuleEvaluator.compile(RulesReader.read(Path.of("examples/rules/shop.yaml")).rules()),
        ViewerEnricher.builder().build(), EdgeLocations.builtIn());
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.delete(oneFile);
    ShopLogs.delete(dir);
  }

  @Benchmark
  @OperationsPerInvocation(LINES)
  public Object oneThread() {
    return emulator.run(LogSource.of(List.of(dir.toString()), LogReadOptions.defaults().withThreads(1)))
        .value().counts();
  }

  /** One file holding all 200,000 lines: cut into blocks that every core parses. */
  @Benchmark
  @OperationsPerInvocation(LINES)
  public Object oneFileAllCores() {
    return emulator.run(LogSource.of(List.of(oneFile.toString()), LogReadOptions.defaults()))
        .value().counts();
  }

  @Benchmark
  @OperationsPerInvocation(LINES)
  public Object allCores() {
    return emulator.run(LogSource.of(List.of(dir.toString()), LogReadOptions.defaults())).value().counts();
  }
}
