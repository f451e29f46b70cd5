package dev.cfsim.bench;

import dev.cfsim.viewer.DeviceDetector;
import dev.cfsim.viewer.DeviceFlags;
import dev.cfsim.viewer.DeviceRules;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** One uncached User-Agent classification, over the 376 strings of the labelled corpus. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DeviceDetectionBenchmark {
  private DeviceDetector detector;
  private String[] agents;
  private int next;

  @Setup
  public void setUp() {
    detector = new DeviceDetector(DeviceRules.DEFAULT);
    List<String> all = ViewerTraffic.userAgents();
    agents = all.toArray(new String[0]);
  }

  @Benchmark
  public DeviceFlags uncachedDetection() {
    next = next + 1 == agents.length ? 0 : next + 1;
    return detector.detect(agents[next]);
  }
}
