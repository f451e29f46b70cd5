package dev.cfsim.cli;

import dev.cfsim.emulator.Emulation;
import dev.cfsim.emulator.EmulationFormat;
import dev.cfsim.emulator.EmulationReport;
import dev.cfsim.emulator.LoggedHeaders;
import dev.cfsim.emulator.MonthScale;
import dev.cfsim.function.FunctionEmulation;
import dev.cfsim.function.FunctionRuntime;
import dev.cfsim.function.FunctionsJsProject;
import dev.cfsim.function.NodeFunctionRunner;
import dev.cfsim.logs.EdgeLocations;
import dev.cfsim.logs.LogSource;
import dev.cfsim.logs.TrafficTally;
import dev.cfsim.pricing.PriceBook;
import dev.cfsim.pricing.PriceBooks;
import dev.cfsim.rules.RuleWarning;
import dev.cfsim.rules.RulesFile;
import dev.cfsim.rules.RulesReader;
import dev.cfsim.viewer.ViewerEnricher;
import java.io.IOException;
import java.math.BigDecimal;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cfsim emulate}: replays recorded logs through a rules file and reports what it does and costs. */
@Command(
    name = "emulate",
    mixinStandardHelpOptions = true,
    description = "Replays CloudFront access logs through geo/device rules, as a viewer-request CloudFront"
        + " Function would run them, and reports the decisions per rule, country and device, sample"
        + " requests, and the monthly cost of the function compared with Lambda@Edge.",
    footer = {"", "Example:  cfsim emulate --rules examples/rules/shop.yaml logs/ --format html > report.html",
      "          cfsim emulate --function my-function.js logs/   (a hand-written function, run in Node)"})
final class EmulateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--rules", paramLabel = "FILE", description = "Rules file (YAML).")
  Path rulesFile;

  @Option(names = "--function", paramLabel = "FILE",
      description = "A CloudFront Function (JavaScript, run in Node) to replay instead of rules.")
  Path function;

  @Option(names = "--runtime", defaultValue = "cloudfront-js-2.0", paramLabel = "RUNTIME",
      description = "With --function: cloudfront-js-2.0 or cloudfront-js-1.0 (default ${DEFAULT-VALUE}).")
  String runtime;

  @Parameters(arity = "1..*", paramLabel = "LOGS", description = "Log files, directories or globs (.gz read as gzip).")
  List<String> logs;

  /** The same geo, header and device switches as {@code cfsim event}: decisions depend on them. */
  @Mixin ViewerOptions viewer;

  @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
      description = "table, json, markdown or html (default ${DEFAULT-VALUE}).")
  EmulationFormat format;

  @Option(names = "--scale-to-month", description = "Price the logs' window as a 730-hour month.")
  boolean scaleToMonth;

  @Option(names = "--month-requests", paramLabel = "N",
      description = "Price the logs as a sample of a month of N requests, e.g. 438000000 for 600,000 an hour"
          + " (instead of --scale-to-month).")
  Long monthRequests;

  @Option(names = "--price-book", paramLabel = "FILE", description = "Price book JSON (default: the newest shipped).")
  Path priceBook;

  /** How the logs are read: the same options as {@code cfsim profile} (format, --strict, threads, …). */
  @Mixin LogOptions logOptions;

  @Override
  public Integer call() throws IOException {
    if ((rulesFile == null) == (function == null)) {
      throw new ParameterException(spec.commandLine(), "give either --rules FILE or --function FILE");
    }
    PrintWriter err = spec.commandLine().getErr();
    Function<TrafficTally, MonthScale> monthScale = monthScale(); // a usage error before any file is opened
    LogSource source = logOptions.source(logs);
    EdgeLocations edgeLocations = logOptions.edgeLocations();
    ViewerEnricher enricher = viewer.enricherBuilder().build();
    PriceBook book = PriceBooks.load(priceBook);
    EmulationReport report;
    if (function != null) {
      try (NodeFunctionRunner node = NodeFunctionRunner.start(
              FunctionsJsProject.locate(), function, FunctionRuntime.fromId(runtime, "--runtime"), true);
          LogProgress progress = LogProgress.replaying(source)) {
        report = new FunctionEmulation(node, function.toString(), enricher, edgeLocations, book, monthScale)
            .run(source);
      }
    } else {
      RulesFile rules = RulesReader.read(rulesFile);
      List<RuleWarning> warnings = new ArrayList<>(rules.warnings());
      warnings.addAll(LoggedHeaders.warnings(rules.rules(), enricher.headers()));
      for (RuleWarning w : warnings) {
        err.println("cfsim: warning: " + rules.source() + ": " + w);
      }
      Emulation emulation = new Emulation(rules, enricher, edgeLocations, book, monthScale);
      try (LogProgress progress = LogProgress.replaying(source)) {
        report = emulation.run(source);
      }
    }
    // on stderr too, as profile puts them: a script watching stderr sees lines lost or files cut short
    LogReadReport.malformed(report.malformedSummary(), err);
    logOptions.noteSampling(source, err);
    LogReadReport.requireRecords(report.counts().records(), logs);
    PrintWriter out = spec.commandLine().getOut();
    out.print(format.render(report));
    out.flush();
    LogReadReport.throughput(report.counts().records(), report.elapsedSeconds(), err);
    return Main.EXIT_OK;
  }

  /** How the logs become the month priced: as recorded, stretched to 730 hours, or as a sample of N requests. */
  private Function<TrafficTally, MonthScale> monthScale() {
    if (monthRequests == null) {
      return MonthScale.of(scaleToMonth);
    }
    if (scaleToMonth) {
      throw new ParameterException(spec.commandLine(), "give --scale-to-month or --month-requests, not both");
    }
    if (monthRequests <= 0 || monthRequests > MonthScale.MAX_MONTHLY_REQUESTS) {
      throw new ParameterException(spec.commandLine(), "--month-requests must be 1 to 10,000,000,000,000 requests");
    }
    return MonthScale.toRequests(BigDecimal.valueOf(monthRequests));
  }
}
