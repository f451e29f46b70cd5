package dev.cfsim.bench;

import dev.cfsim.emulator.Emulator;
import dev.cfsim.function.FunctionGenerator;
import dev.cfsim.function.FunctionRuntime;
import dev.cfsim.function.FunctionVerifier;
import dev.cfsim.function.FunctionsJsProject;
import dev.cfsim.function.NodeFunctionRunner;
import dev.cfsim.logs.EdgeLocations;
import dev.cfsim.logs.LogReadOptions;
import dev.cfsim.logs.LogSource;
import dev.cfsim.rules.RuleEvaluator;
import dev.cfsim.rules.RuleSet;
import dev.cfsim.rules.RulesReader;
import dev.cfsim.viewer.ViewerEnricher;
import dev.cfsim.viewer.ViewerRequestEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * Events proven per second by {@code cfsim verify}'s core: each event decided by the compiled
 * shop rules in Java and by the function generated from them in one Node process (batches of
 * 500, one sent ahead), and the two results compared. Events are replayed once, in set-up, from
 * a generated shop log, so the figure leaves out log reading and event building (see
 * EndToEndEmulation for those). Needs Node 20 and {@code functions-js/node_modules} (the build's
 * {@code npm ci}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FunctionVerificationBenchmark {

  static final int EVENTS = 20_000;

  Path dir;
  RuleEvaluator rules;
  NodeFunctionRunner node;
  List<ViewerRequestEvent> events;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("cfsim-verify-bench");
    ShopLogs.generate(EVENTS, 3, dir.resolve("logs"));
    RuleSet shop = RulesReader.read(Path.of("examples/rules/shop.yaml")).rules();
    rules = RuleEvaluator.compile(shop);
    Emulator replay = new Emulator(rules, ViewerEnricher.builder().build(), EdgeLocations.builtIn());
    List<ViewerRequestEvent> built = Collections.synchronizedList(new ArrayList<>());
    LogSource.of(List.of(dir.resolve("logs").toString()), LogReadOptions.defaults())
        .forEach(record -> built.add(replay.replay(record).event()));
    events = List.copyOf(built);
    Path function = Files.writeString(dir.resolve("shop.js"),
        FunctionGenerator.generate(shop, "shop.yaml", FunctionRuntime.CLOUDFRONT_JS_2_0));
    node = NodeFunctionRunner.start(FunctionsJsProject.locate(), function, FunctionRuntime.CLOUDFRONT_JS_2_0, true);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    node.close();
    ShopLogs.delete(dir);
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public FunctionVerifier.Report verify() throws IOException {
    FunctionVerifier.Report report = FunctionVerifier.verify(rules, events.iterator(), node, 5);
    if (!report.agreed() || report.events() != EVENTS) {
      throw new IllegalStateException("the function and the rules disagree: " + report.differenceCount());
    }
    return report;
  }
}
