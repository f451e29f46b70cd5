package dev.cfsim.bench;

import dev.cfsim.rules.RuleEvaluator;
import dev.cfsim.rules.RulesReader;
import dev.cfsim.viewer.RecordedRequest;
import dev.cfsim.viewer.ViewerEnricher;
import dev.cfsim.viewer.ViewerRequestEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
 * Viewer-request events decided per second on one thread by the compiled shop rules
 * (examples/rules/shop.yaml), over a mix of Korean and other viewers, phones, tablets,
 * desktops, bots and health checks. Events are built once, as replay builds them: their header
 * maps are left unbuilt, so the rules' header lookups (answered from the geo and device answers
 * and the logged headers) are measured with the evaluation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RuleEvaluationBenchmark {

  static final int EVENTS = 4_096;

  private static final String[] IPS = {"211.234.1.1", "2001:220::1", "8.8.8.8", "81.2.69.142", "10.0.0.1"};
  private static final String[] AGENTS = {
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 14; SM-S918N) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36",
    "Mozilla/5.0 (iPad; CPU OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"};
  private static final String[] URIS = {"/", "/shoes/run", "/api/cart", "/health", "/p/12345"};

  RuleEvaluator shop;
  ViewerRequestEvent[] events;

  @Setup
  public void setUp() throws IOException {
    shop = RuleEvaluator.compile(RulesReader.read(Path.of("examples/rules/shop.yaml")).rules());
    ViewerEnricher enricher = ViewerEnricher.builder().build();
    events = new ViewerRequestEvent[EVENTS];
    for (int i = 0; i < EVENTS; i++) {
      events[i] = enricher.enrich(RecordedRequest.from(IPS[i % IPS.length])
          .uri(URIS[(i / 5) % URIS.length])
          .querystring(i % 3 == 0 ? "size=270&color=red" : "")
          .host(i % 7 == 0 ? "kr.shop.example" : "www.shop.example")
          .userAgent(AGENTS[(i / 25) % AGENTS.length])
          .build());
    }
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public void decide(Blackhole bh) {
    for (ViewerRequestEvent e : events) {
      bh.consume(shop.evaluate(e));
    }
  }
}
