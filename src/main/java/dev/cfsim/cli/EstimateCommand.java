package dev.cfsim.cli;

import dev.cfsim.InvalidInputException;
import dev.cfsim.pricing.CostEngine;
import dev.cfsim.pricing.CostEstimate;
import dev.cfsim.report.Conversion;
import dev.cfsim.report.EstimateRenderer;
import dev.cfsim.traffic.TrafficProfile;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/** {@code cfsim estimate}: a profile's monthly pay-as-you-go CloudFront bill, line by line. */
@Command(
    name = "estimate",
    mixinStandardHelpOptions = true,
    description = "Prices a traffic profile against CloudFront's published prices: every line of the"
        + " monthly bill per component and region, the free tier used, the total, and the assumptions made.",
    footer = {"", "Examples:",
        "  cfsim estimate --profile examples/profiles/korea-mall.yaml",
        "  cfsim estimate --profile examples/profiles/korea-mall.yaml --format json",
        "  cfsim estimate --profile my.yaml --currency KRW --fx 1400",
        "  cfsim estimate --profile my.yaml --price-class 200 --free-tier none",
        "  cfsim estimate --logs /tmp/cf-logs --scale-to-month"})
final class EstimateCommand implements Callable<Integer> {
  @Mixin PricingOptions options;

  @Option(names = "--logs", arity = "1..*", paramLabel = "LOGS",
      description = "Price recorded CloudFront logs instead of --profile: files, directories or globs"
          + " (read as `cfsim profile` reads them).")
  List<String> logs;

  @Option(names = "--scale-to-month",
      description = "With --logs: extrapolate the hours the logs cover to a 730-hour month.")
  boolean scaleToMonth;

  @Mixin LogOptions logOptions;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (logs != null && options.profile != null) {
      throw new InvalidInputException("--logs", "", "give either --profile or --logs, not both");
    }
    if (logs == null) {
      requireNoLogOption();
    }
    Conversion conversion = options.conversion();
    ProfileCommand.Profiled fromLogs = logs == null ? null
        : ProfileCommand.profile(logOptions, logs, "from-logs", scaleToMonth, spec.commandLine().getErr());
    TrafficProfile profile = fromLogs == null ? options.readProfile() : fromLogs.profile();
    CostEstimate estimate = CostEngine.estimate(profile, options.readPriceBook(), options.estimateOptions());
    if (fromLogs != null) {
      estimate = estimate.withAssumption(fromLogs.window());
      String protocol = fromLogs.tally().protocolAssumption();
      if (protocol != null) {
        estimate = estimate.withAssumption(protocol + ".");
      }
      String unpriced = fromLogs.tally().unpricedTraffic();
      if (unpriced != null) {
        estimate = estimate.withAssumption(unpriced + ".");
      }
    }
    spec.commandLine().getOut().print(EstimateRenderer.render(estimate, options.format, conversion));
    spec.commandLine().getOut().flush();
    return Main.EXIT_OK;
  }

  /**
   * A log option beside a profile would be ignored, and {@code --scale-to-month} on a day's
   * profile would price a day as if it were the month: refused instead.
   */
  private void requireNoLogOption() {
    ParseResult parsed = spec.commandLine().getParseResult();
    Stream.concat(Stream.of(spec.findOption("--scale-to-month")), spec.mixins().get("logOptions").options().stream())
        .filter(parsed::hasMatchedOption)
        .findFirst()
        .ifPresent(o -> {
          throw new InvalidInputException(o.longestName(), "", "applies to --logs only; a --profile is"
              + " priced as written (scale logs with `cfsim profile --scale-to-month` or use --logs)");
        });
  }
}
