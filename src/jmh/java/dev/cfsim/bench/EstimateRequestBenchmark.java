package dev.cfsim.bench;

import dev.cfsim.api.EstimateRequestPath;
import dev.cfsim.pricing.CostEngine;
import dev.cfsim.pricing.CostEstimate;
import dev.cfsim.pricing.EstimateOptions;
import dev.cfsim.pricing.PriceBook;
import dev.cfsim.pricing.PriceBooks;
import dev.cfsim.report.EstimateRenderer;
import dev.cfsim.report.Format;
import dev.cfsim.traffic.TrafficProfile;
import dev.cfsim.traffic.TrafficProfileReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What one uncached {@code POST /api/v1/estimates} costs without HTTP (body checks, profile
 * parsing, pricing, JSON rendering), and each stage alone, so a regression points at its stage.
 * Every call gets a different body, as bench/load-api's distinct-profile run sends, so nothing
 * can be cached. Run from the repository root: {@code bench/run EstimateRequest}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EstimateRequestBenchmark {
  private static final int BODIES = 1024;

  private final String[] bodies = new String[BODIES];
  private int next;
  private EstimateRequestPath path;
  private TrafficProfile profile;
  private CostEstimate estimate;
  private PriceBook book;

  @Setup
  public void load() throws IOException {
    String template = Files.readString(Path.of("bench/korea-mall.json"), StandardCharsets.UTF_8);
    for (int i = 0; i < BODIES; i++) {
      bodies[i] = template.replaceFirst("600000", Integer.toString(600000 + i));
    }
    path = new EstimateRequestPath();
    book = PriceBooks.newest();
    profile = TrafficProfileReader.parse("request body", template);
    estimate = CostEngine.estimate(profile, book, EstimateOptions.AS_PROFILED);
  }

  private String body() {
    next = (next + 1) & (BODIES - 1);
    return bodies[next];
  }

  /** The whole uncached request path. */
  @Benchmark
  public String wholeRequest() {
    return path.answer(body());
  }

  @Benchmark
  public void checkBody() {
    path.check(body());
  }

  @Benchmark
  public TrafficProfile parseProfile() {
    return TrafficProfileReader.parse("request body", body());
  }

  @Benchmark
  public CostEstimate price() {
    return CostEngine.estimate(profile, book, EstimateOptions.AS_PROFILED);
  }

  @Benchmark
  public String renderJson() {
    return EstimateRenderer.render(estimate, Format.JSON, null);
  }
}
