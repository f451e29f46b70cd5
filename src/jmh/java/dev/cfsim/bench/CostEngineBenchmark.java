package dev.cfsim.bench;

import dev.cfsim.pricing.CostEngine;
import dev.cfsim.pricing.CostEstimate;
import dev.cfsim.pricing.EstimateOptions;
import dev.cfsim.pricing.PriceBook;
import dev.cfsim.pricing.PriceBooks;
import dev.cfsim.traffic.TrafficProfile;
import dev.cfsim.traffic.TrafficProfileReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * How long one monthly estimate takes: the cost engine alone, profile and price book already
 * loaded (the API prices a profile per request; the emulator prices each run). Run from the
 * repository root: {@code bench/run CostEngine}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CostEngineBenchmark {

  /** One region with a function (korea-mall), or four regions with every charge type. */
  @Param({"korea-mall", "saas-multi-region"})
  public String profile;

  private TrafficProfile traffic;
  private PriceBook book;

  @Setup
  public void load() throws IOException {
    traffic = TrafficProfileReader.read(Path.of("examples/profiles", profile + ".yaml"));
    book = PriceBooks.newest();
  }

  @Benchmark
  public CostEstimate estimate() {
    return CostEngine.estimate(traffic, book, EstimateOptions.AS_PROFILED);
  }
}
