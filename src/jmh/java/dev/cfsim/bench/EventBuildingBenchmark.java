package dev.cfsim.bench;

import dev.cfsim.viewer.RecordedRequest;
import dev.cfsim.viewer.ViewerEnricher;
import dev.cfsim.viewer.ViewerEventJson;
import dev.cfsim.viewer.ViewerRequestEvent;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A whole viewer-request event per request (headers, cookies, query string, every CloudFront
 * header) with the IP and User-Agent caches warm, on the realistic mix: the target is 3 million
 * events per second per core. {@code enrichWarm} leaves the header map to be built on first
 * iteration, as replay does (no header is looked up: the rules pay for their lookups, see
 * RuleEvaluationBenchmark); {@code enrichWarmWholeMap} builds it. Serialising to JSON, which
 * only the Node harness needs, is measured apart, on events whose maps are built by then.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EventBuildingBenchmark {
  private ViewerEnricher enricher;
  private RecordedRequest[] requests;
  private ViewerRequestEvent[] events;
  private int next;

  @Setup
  public void setUp() {
    enricher = ViewerEnricher.builder().build();
    requests = ViewerTraffic.requests();
    events = new ViewerRequestEvent[requests.length];
    for (int i = 0; i < requests.length; i++) {
      events[i] = enricher.enrich(requests[i]);
    }
  }

  /** The event as replay uses it: header lookups answered without building the map. */
  @Benchmark
  public ViewerRequestEvent enrichWarm() {
    next = (next + 1) & (requests.length - 1);
    return enricher.enrich(requests[next]);
  }

  /** The event with its whole header map built, as the JSON for the Node harness needs it. */
  @Benchmark
  public int enrichWarmWholeMap() {
    next = (next + 1) & (requests.length - 1);
    return enricher.enrich(requests[next]).request().headers().size();
  }

  @Benchmark
  public String eventToJson() {
    next = (next + 1) & (events.length - 1);
    return ViewerEventJson.write(events[next]);
  }
}
