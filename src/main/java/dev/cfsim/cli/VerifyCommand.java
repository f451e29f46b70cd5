package dev.cfsim.cli;

import dev.cfsim.emulator.Emulator;
import dev.cfsim.emulator.Replayed;
import dev.cfsim.function.FunctionGenerator;
import dev.cfsim.function.FunctionRuntime;
import dev.cfsim.function.FunctionVerifier;
import dev.cfsim.function.FunctionsJsProject;
import dev.cfsim.function.NodeFunctionRunner;
import dev.cfsim.logs.LogReadResult;
import dev.cfsim.logs.LogSource;
import dev.cfsim.rules.RuleEvaluator;
import dev.cfsim.rules.RuleWarning;
import dev.cfsim.rules.RulesFile;
import dev.cfsim.rules.RulesReader;
import dev.cfsim.viewer.ViewerEnricher;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cfsim verify}: the proof before shipping. Builds the events from the logs exactly as
 * {@code cfsim emulate} does (the same {@link Emulator#replay}), runs the function on each in
 * Node and compares with the rules' decision.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = "Proves on recorded traffic that a CloudFront Function decides exactly as the rules:"
        + " every log record becomes the event cfsim emulate builds, the Java evaluator decides it, the"
        + " function (generated from the rules, or --function FILE) runs on it in Node, and the two"
        + " results are compared. Exit 0 when all agree, 1 with the first differences shown.",
    footer = {
      "",
      "Example:  cfsim verify --rules examples/rules/shop.yaml --function build/shop.js examples/logs/"
    })
final class VerifyCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--rules", required = true, paramLabel = "FILE", description = "Rules file (YAML): the reference.")
  Path rulesFile;

  @Option(names = "--function", paramLabel = "FILE",
      description = "The function to prove (default: the one cfsim generate makes from --rules).")
  Path function;

  @Option(names = "--runtime", paramLabel = "RUNTIME",
      description = "cloudfront-js-2.0 or cloudfront-js-1.0; default: the rules file's runtime.")
  String runtime;

  @Parameters(arity = "1..*", paramLabel = "LOGS", description = "Log files, directories or globs (.gz read as gzip).")
  List<String> logs;

  /** The same geo, header and device switches as {@code cfsim event}: decisions depend on them. */
  @Mixin ViewerOptions viewer;

  /** The log-reading options of emulate, so any log emulate reads can be verified. */
  @Mixin LogReadingOptions logOptions;

  @Option(names = "--show", defaultValue = "5", paramLabel = "N",
      description = "Differences to print in full (default ${DEFAULT-VALUE}); all are counted.")
  int show;

  @Override
  public Integer call() throws IOException {
    RulesFile rules = RulesReader.read(rulesFile);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    for (RuleWarning w : rules.warnings()) {
      err.println("cfsim: warning: " + rules.source() + ": " + w);
    }
    FunctionRuntime target = FunctionRuntime.resolve(runtime, "--runtime", rules);
    Path code = function;
    if (code == null) {
      code = Files.createTempFile("cfsim-verify", ".js");
      code.toFile().deleteOnExit();
      Files.writeString(code, FunctionGenerator.generate(rules.rules(), rules.source(), target), StandardCharsets.UTF_8);
    }
    // One reader thread (verify has no --threads): events reach Node in log order, so "the first
    // differences" are stable.
    LogSource source = LogSource.of(logs, logOptions.readOptions().withThreads(1));
    ViewerEnricher enricher = viewer.enricherBuilder().build();
    Emulator emulator = new Emulator(RuleEvaluator.compile(rules.rules()), enricher, logOptions.edgeLocations());

    FunctionVerifier.Report report;
    LogReadResult<Void> read;
    int bytes;
    try (NodeFunctionRunner node = NodeFunctionRunner.start(FunctionsJsProject.locate(), code, target, true);
        LogProgress progress = LogProgress.replaying(source)) {
      bytes = node.functionBytes();
      FunctionVerifier verifier = new FunctionVerifier(node, Math.max(0, show), n -> { });
      read = source.forEach(record -> {
        long started = System.nanoTime();
        Replayed replayed = emulator.replay(record);
        try {
          verifier.add(replayed.event(), replayed.decision(), System.nanoTime() - started);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      report = verifier.finish();
    }

    LogReadReport.malformed(read.malformed().summary(), err);
    LogReadReport.requireRecords(read.records(), logs);
    out.printf(Locale.ROOT, "verify: %,d events from %,d log file(s)%s%n", report.events(), read.files(),
        read.malformed().total() == 0 ? "" : String.format(Locale.ROOT, read.malformed().total() == 1 ? " (%,d malformed line skipped, listed on stderr)"
            : " (%,d malformed lines skipped, listed on stderr)",
            read.malformed().total()));
    out.printf(Locale.ROOT, "  function: %s (%,d bytes, %s, passes the runtime check)%n",
        function == null ? "generated from " + rules.source() : function, bytes, target);
    // most frequent first, as emulate lists them
    out.println("  decisions: " + report.decisions().entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey(), e.getValue())).collect(Collectors.joining(", ")));
    out.printf(Locale.ROOT, "  Java (event + rules, as emulate replays): %,.0f events/s; Node (function): %,.0f events/s%n",
        report.javaEventsPerSecond(), report.nodeEventsPerSecond());
    if (report.agreed()) {
      out.println("  differences: 0 - the function decides exactly as the rules on every event.");
      out.flush();
      return Main.EXIT_OK;
    }
    out.printf(Locale.ROOT, "  differences: %,d of %,d events; the first %d:%n", report.differenceCount(),
        report.events(), report.differences().size());
    for (FunctionVerifier.Difference d : report.differences()) {
      out.printf(Locale.ROOT, "%n  event #%d, decided by rule %s:%n    event:    %s%n    rules:    %s%n    function: %s%n",
          d.index() + 1, d.ruleId(), d.event(), d.expected(), d.actual());
      for (String problem : d.edgeProblems()) {
        out.println("    CloudFront would refuse: " + problem);
      }
    }
    out.flush();
    return Main.EXIT_CHECK_FAILED;
  }
}
