package dev.cfsim.bench;

import dev.cfsim.emulator.Emulator;
import dev.cfsim.logs.EdgeLocations;
import dev.cfsim.logs.LogReadOptions;
import dev.cfsim.logs.LogSource;
import dev.cfsim.logs.RequestRecord;
import dev.cfsim.rules.RuleEvaluator;
import dev.cfsim.rules.RulesReader;
import dev.cfsim.viewer.ViewerEnricher;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collector;
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
 * emulate} does. {@code oneFile} runs on one thread (the per-core figure); {@code fourFiles}
 * reads four files on as many threads as there are cores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EndToEndEmulationBenchmark {

  static final int LINES = 200_000;

  Path dir;
  List<Path> files = new ArrayList<>();
  Emulator emulator;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("cfsim-e2e-bench");
    for (int f = 0; f < 4; f++) {
      files.add(BenchLogs.write(dir.resolve("E2BENCH.2026-11-02-0" + f + ".gz"), LINES, f));
    }
    emulator = new Emulator(
        RuleEvaluator.compile(RulesReader.read(Path.of("examples/rules/shop.yaml")).rules()),
        ViewerEnricher.builder().build(), EdgeLocations.builtIn());
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    for (Path f : files) {
      Files.deleteIfExists(f);
    }
    Files.deleteIfExists(dir);
  }

  @Benchmark
  @OperationsPerInvocation(LINES)
  public Object oneFile() throws IOException {
    Collector<RequestRecord, Emulator.Tally, Emulator.Tally> c = emulator.collector();
    Emulator.Tally tally = c.supplier().get();
    LogSource.readFile(files.get(0), LogReadOptions.defaults(), r -> c.accumulator().accept(tally, r));
    return tally.counts();
  }

  @Benchmark
  @OperationsPerInvocation(4 * LINES)
  public Object fourFiles() {
    List<String> paths = files.stream().map(Path::toString).toList();
    return emulator.run(LogSource.of(paths, LogReadOptions.defaults())).value().counts();
  }

  /** Writes standard-log lines shaped like the shop's traffic. */
  static final class BenchLogs {
    private static final String FIELDS = "date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem"
        + " sc-status cs(Referer) cs(User-Agent) cs-uri-query cs(Cookie) x-edge-result-type x-edge-request-id"
        + " x-host-header cs-protocol cs-bytes time-taken x-forwarded-for ssl-protocol ssl-cipher"
        + " x-edge-response-result-type cs-protocol-version fle-status fle-encrypted-fields c-port"
        + " time-to-first-byte x-edge-detailed-result-type sc-content-type sc-content-len sc-range-start sc-range-end";
    private static final String[] AGENTS = {
      "Mozilla/5.0%20(iPhone;%20CPU%20iPhone%20OS%2017_5%20like%20Mac%20OS%20X)%20AppleWebKit/605.1.15%20(KHTML,%20like%20Gecko)%20Version/17.5%20Mobile/15E148%20Safari/604.1",
      "Mozilla/5.0%20(Linux;%20Android%2014;%20SM-S928N)%20AppleWebKit/537.36%20(KHTML,%20like%20Gecko)%20Chrome/125.0.0.0%20Mobile%20Safari/537.36",
      "Mozilla/5.0%20(Windows%20NT%2010.0;%20Win64;%20x64)%20AppleWebKit/537.36%20(KHTML,%20like%20Gecko)%20Chrome/125.0.0.0%20Safari/537.36",
      "Mozilla/5.0%20(iPad;%20CPU%20OS%2017_5%20like%20Mac%20OS%20X)%20AppleWebKit/605.1.15%20(KHTML,%20like%20Gecko)%20Version/17.5%20Mobile/15E148%20Safari/604.1",
      "Mozilla/5.0%20(compatible;%20Googlebot/2.1;%20+http://www.google.com/bot.html)"};
    private static final String[] PATHS = {"/products/%d.html", "/images/%d.jpg", "/static/app.%d.js", "/api/cart/%d"};

    static Path write(Path file, int lines, int seed) throws IOException {
      SplittableRandom rnd = new SplittableRandom(seed);
      try (Writer w = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file), 1 << 16),
          StandardCharsets.UTF_8)) {
        w.write("#Version: 1.0\n#Fields: " + FIELDS + "\n");
        for (int i = 0; i < lines; i++) {
          boolean korea = rnd.nextInt(10) < 8;
          String ip = korea ? "211.234." + rnd.nextInt(256) + "." + rnd.nextInt(256)
              : "8.8." + rnd.nextInt(256) + "." + rnd.nextInt(256);
          String uri = String.format(PATHS[rnd.nextInt(PATHS.length)], rnd.nextInt(5000));
          String query = rnd.nextInt(4) == 0 ? "ref=ad&size=" + rnd.nextInt(300) : "-";
          String result = rnd.nextInt(10) < 8 ? "Hit" : "Miss";
          w.write(String.join("\t", "2026-11-02", String.format("0%d:%02d:%02d", seed, i / 3600 % 60, i % 60),
              korea ? "ICN54-C1" : "IAD89-C1", Integer.toString(1000 + rnd.nextInt(90000)), ip, "GET",
              "d1cfsimexample.cloudfront.net", uri, "200", "-", AGENTS[rnd.nextInt(AGENTS.length)], query, "-",
              result, "bench" + seed + "x" + Integer.toHexString(i) + "ABCDEFGHIJKLMNOPQRSTUVWXYZabcd==",
              "www.shop.example", "https", "310", "0.004", "-", "TLSv1.3", "TLS_AES_128_GCM_SHA256", result,
              "HTTP/2.0", "-", "-", Integer.toString(40000 + rnd.nextInt(20000)), "0.003", result, "text/html",
              "4800", "-", "-"));
          w.write('\n');
        }
      }
      return file;
    }
  }
}
