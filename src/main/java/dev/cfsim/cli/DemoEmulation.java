package dev.cfsim.cli;

import dev.cfsim.emulator.Emulation;
import dev.cfsim.emulator.EmulationFormat;
import dev.cfsim.emulator.EmulationReport;
import dev.cfsim.emulator.FunctionCost;
import dev.cfsim.emulator.MonthScale;
import dev.cfsim.logs.EdgeLocations;
import dev.cfsim.logs.GeneratorMix;
import dev.cfsim.logs.LogGenerator;
import dev.cfsim.logs.LogReadOptions;
import dev.cfsim.logs.LogSource;
import dev.cfsim.pricing.Component;
import dev.cfsim.pricing.CostLine;
import dev.cfsim.pricing.PriceBook;
import dev.cfsim.pricing.PricingRegion;
import dev.cfsim.rules.RulesFile;
import dev.cfsim.rules.RulesReader;
import dev.cfsim.traffic.TrafficProfile;
import dev.cfsim.viewer.ViewerEnricher;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The emulation half of {@code cfsim demo}: generate a log of the shop's traffic, replay it
 * through the shop rules, print what they decide and what running them costs a month.
 */
final class DemoEmulation {
  /** Requests generated: enough for stable shares, few enough to finish in seconds. */
  static final long REQUESTS = 50_000;
  static final String RULES = "examples/rules/shop.yaml";

  private DemoEmulation() {}

  /**
   * Runs the demo and prints it; the sample stands for the profile's month of requests, and its
   * data volume is set beside the profile's.
   */
  static void run(PrintWriter out, PriceBook book, TrafficProfile profile) throws IOException {
    BigDecimal monthlyRequests = profile.totalRequests();
    RulesFile rules = RulesReader.parse(embedded(RULES), RULES);
    Path dir = Files.createTempDirectory("cfsim-demo-logs");
    try {
      GeneratorMix mix = GeneratorMix.defaults();
      LogGenerator.Result generated = new LogGenerator(mix, LoggenCommand.embeddedNetworks(mix)).generate(REQUESTS, 1, dir, n -> { });
      out.printf(Locale.ROOT, "%nReplaying %,d generated requests (cfsim loggen's shop mix, %d files) through %s:%n%n",
          generated.requests(), generated.files().size(), RULES);
      Emulation emulation = new Emulation(rules, ViewerEnricher.builder().build(), EdgeLocations.builtIn(), book,
          MonthScale.toRequests(monthlyRequests));
      EmulationReport report = emulation.run(LogSource.of(List.of(dir.toString()), LogReadOptions.defaults()));
      out.print(EmulationFormat.TABLE.render(report).lines()
          .takeWhile(l -> !l.startsWith("Sample requests")).reduce("", (a, b) -> a + b + "\n"));
      FunctionCost cost = report.cost();
      out.printf(Locale.ROOT, "The rules as a CloudFront Function cost $%,.2f a month at %,.0f requests; the same"
          + " on Lambda@Edge $%,.2f.%n", cost.functionsUsd(), monthlyRequests, cost.lambdaEdgeUsd());
      // the sample's objects are drawn, not the profile's: say whose data volume the whole bill carries
      List<CostLine> dataOut = cost.withFunction().lines().stream()
          .filter(l -> l.component() == Component.DATA_TRANSFER_OUT).collect(Collectors.toList());
      BigDecimal sampleGb = dataOut.stream().map(CostLine::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
      Set<String> sampleRegions = dataOut.stream().map(l -> l.region().id()).collect(Collectors.toCollection(TreeSet::new));
      out.printf(Locale.ROOT, "The whole distribution above is the sample's traffic scaled to that month: %s TB"
          + " out (the generated objects' sizes; the profile: %s TB) in pricing regions %s (the profile: %s).%n",
          terabytes(sampleGb), terabytes(profile.totalDataOutGb()), String.join(", ", sampleRegions),
          profile.regions().keySet().stream().map(PricingRegion::id).sorted().collect(Collectors.joining(", ")));
      if (cost.withFollowUps() != null) {
        out.printf(Locale.ROOT, "With the redirects in force, the distribution costs $%,.2f if kr.shop.example and"
            + " m.shop.example are served elsewhere (their responses leave from there), up to $%,.2f if it serves"
            + " them too (%,.0f follow-up requests more).%n",
            cost.targetsElsewhere().totalUsd(), cost.withFollowUps().totalUsd(), cost.monthlyFollowUps());
      }
      out.println("Next: cfsim emulate --rules examples/rules/shop.yaml YOUR-LOGS/ --format html > report.html");
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static String terabytes(BigDecimal gb) {
    return String.format(Locale.ROOT, "%,.1f", gb.divide(BigDecimal.valueOf(1024), 1, RoundingMode.HALF_UP));
  }

  /** A text resource of the jar, by its path from the classpath root. */
  static String embedded(String resource) {
    try (InputStream in = DemoEmulation.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
