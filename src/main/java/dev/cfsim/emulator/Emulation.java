package dev.cfsim.emulator;

import dev.cfsim.logs.EdgeLocations;
import dev.cfsim.logs.LogReadOptions;
import dev.cfsim.logs.LogReadResult;
import dev.cfsim.logs.LogSource;
import dev.cfsim.logs.TrafficTally;
import dev.cfsim.pricing.PriceBook;
import dev.cfsim.rules.RuleEvaluator;
import dev.cfsim.rules.RulesFile;
import dev.cfsim.viewer.ViewerEnricher;
import dev.cfsim.rules.RuleWarning;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The whole {@code cfsim emulate} job as one call, shared by the CLI, {@code cfsim demo} and
 * the API: replay the logs through the rules, price the function, assemble the report.
 */
public final class Emulation {
  private final RulesFile rules;
  private final ViewerEnricher enricher;
  private final EdgeLocations edges;
  private final PriceBook priceBook;
  private final Function<TrafficTally, MonthScale> monthScale;

  /**
   * @param rules the rules as read
   * @param enricher builds the events (its geo database decides the country headers)
   * @param edges maps edge locations to pricing regions
   * @param priceBook prices the month; null to skip pricing
   * @param monthScale how the logs' window becomes a month, e.g. {@link MonthScale#toMonth()}
   */
  public Emulation(RulesFile rules, ViewerEnricher enricher, EdgeLocations edges, PriceBook priceBook,
      Function<TrafficTally, MonthScale> monthScale) {
    this.rules = Objects.requireNonNull(rules, "rules");
    this.enricher = Objects.requireNonNull(enricher, "enricher");
    this.edges = Objects.requireNonNull(edges, "edges");
    this.priceBook = priceBook;
    this.monthScale = Objects.requireNonNull(monthScale, "monthScale");
  }

  private static String formatWeight(double w) {
    return w == Math.rint(w) ? String.valueOf((long) w) : String.format(java.util.Locale.ROOT, "%.2f", w);
  }

  /** Replays every file of {@code logs} and reports. */
  public EmulationReport run(LogSource logs) {
    Emulator emulator = new Emulator(RuleEvaluator.compile(rules.rules()), enricher, edges);
    long start = System.nanoTime();
    LogReadResult<Emulator.Tally> read = emulator.run(logs);
    double elapsed = (System.nanoTime() - start) / 1e9;
    Emulator.Tally tally = read.value();
    FunctionCost cost = priceBook == null ? null
        : FunctionCost.price(tally.traffic(), tally.followUps(), monthScale.apply(tally.traffic()), priceBook,
            "emulated " + rules.source());
    List<RuleWarning> warnings = new ArrayList<>(rules.warnings());
    warnings.addAll(LoggedHeaders.warnings(rules.rules(), enricher.headers()));
    if (logs.readRealtimeLogs()) {
      // the lines do not say the stream's rate: the report says which one its counts assume
      warnings.add(new RuleWarning("logs", "real-time logs were counted at a sampling rate of "
          + logs.options().samplingRate() + " % (each line as " + formatWeight(logs.options().realtimeWeight())
          + (logs.options().samplingRate() == 100 ? " request" : " requests") + "): if the real-time log configuration samples at another rate, every count and the bill"
          + " scale with it (" + rateOption(logs.options().names()) + ")"));
    }
    return new EmulationReport(rules.source(), EmulationReport.Logic.RULES, EmulationReport.explain(rules.rules()), warnings,
        read.files(), read.malformed().total(), read.malformed().summary(), enricher.stats(),
        enricher.geoDescription(), tally.counts(), cost, elapsed);
  }

  /** How the user gives the rate: --sampling-rate PERCENT, or ?sampling_rate=PERCENT in the API. */
  private static String rateOption(LogReadOptions.OptionNames names) {
    return names.given(names.samplingRate(), "PERCENT");
  }
}
