package dev.cfsim.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cfsim.logs.LogReadResult;
import dev.cfsim.logs.LogSource;
import dev.cfsim.logs.MalformedLines;
import dev.cfsim.logs.SizeSample;
import dev.cfsim.logs.TrafficTally;
import dev.cfsim.pricing.PricingRegion;
import dev.cfsim.traffic.ProfileBuilder;
import dev.cfsim.traffic.RegionTraffic;
import dev.cfsim.traffic.TrafficProfile;
import dev.cfsim.traffic.TrafficProfileWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cfsim profile}: the traffic profile recorded CloudFront logs add up to. */
@Command(
    name = "profile",
    mixinStandardHelpOptions = true,
    description =
        "Reads CloudFront logs (standard, v2 JSON/w3c or real-time; plain or gzip) and "
            + "prints the traffic profile they add up to: requests and bytes per pricing region "
            + "and protocol, plus cache results, statuses, hours, object sizes and the busiest "
            + "edge locations and countries. The YAML output is a profile `cfsim estimate "
            + "--profile` accepts as it is. Malformed lines are counted and summarised on "
            + "stderr.",
    footer = {
      "",
      "Example:  cfsim profile /tmp/cf-logs --scale-to-month > profile.yaml"
    })
final class ProfileCommand implements Callable<Integer> {

  enum Format { yaml, json, table }

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final int TOP = 10;

  @Parameters(paramLabel = "LOGS", arity = "1..*",
      description = "Log files, directories (read recursively) or globs; plain or gzip.")
  List<String> paths;

  @Mixin LogOptions logs;

  @Option(names = "--format", defaultValue = "yaml", paramLabel = "FORMAT", description = "yaml, json or table (default ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--scale-to-month",
      description = "Extrapolate the hours the logs cover to a 730-hour month.")
  boolean scaleToMonth;

  @Spec CommandSpec spec;

  @Option(names = "--name", defaultValue = "from-logs", paramLabel = "NAME", description = "Name of the profile (default ${DEFAULT-VALUE}).")
  String name;

  @Override
  public Integer call() {
    Profiled p = profile(logs, paths, name, scaleToMonth, spec.commandLine().getErr());
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case json -> {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("profile", TrafficProfileWriter.toMap(p.profile()));
        doc.put("stats", p.stats());
        out.println(json(doc));
      }
      case table -> table(p, out);
      default -> {
        for (String line : statsAsComments(p)) {
          out.println("# " + line);
        }
        out.print(TrafficProfileWriter.toYaml(p.profile()));
      }
    }
    out.flush();
    return Main.EXIT_OK;
  }

  /** A profile built from logs, with what was learnt reading them. */
  record Profiled(TrafficProfile profile, LogReadResult<TrafficTally> read, BigDecimal factor) {
    TrafficTally tally() {
      return read.value();
    }

    /** What was learnt reading the logs, for {@code --format json}. */
    Map<String, Object> stats() {
      return ProfileCommand.stats(tally(), read, factor);
    }

    /**
     * The window the amounts come from and how it became the month, for a bill's assumptions:
     * a "monthly estimate" of a day of logs, or of a day multiplied by 30, says which it is.
     */
    String window() {
      TrafficTally t = tally();
      String span = "The logs cover " + t.hoursCovered() + " clock hour(s), " + Instant.ofEpochMilli(t.firstMillis())
          + " to " + Instant.ofEpochMilli(t.lastMillis());
      return factor == null
          ? span + "; their amounts are priced as the month, not scaled (--scale-to-month extrapolates)."
          : span + "; every amount is multiplied by " + factor + " (730 h / " + t.hoursCovered() + " h) to make a month"
              + (ProfileBuilder.coversMoreThanAMonth(t) ? " (more than a month: scaled DOWN)" : "") + ".";
    }
  }

  /**
   * Reads the logs (with progress on a terminal), reports malformed lines on stderr, and builds
   * the profile. Shared with {@code estimate --logs}.
   */
  static Profiled profile(
      LogOptions logs, List<String> paths, String name, boolean scaleToMonth, PrintWriter err) {
    LogSource source = logs.source(paths);
    LogReadResult<TrafficTally> read;
    long start = System.nanoTime();
    try (LogProgress p = LogProgress.reading("reading", source)) {
      read = source.read(TrafficTally.collector(logs.edgeLocations()), TrafficTally.FIELDS);
    }
    LogReadReport.malformed(read.malformed().summary(), err);
    logs.noteSampling(source, err);
    TrafficTally t = read.value();
    LogReadReport.requireRecords(t.records(), paths);
    LogReadReport.throughput(t.records(), (System.nanoTime() - start) / 1e9, err);
    TrafficProfile profile = ProfileBuilder.build(t, name, scaleToMonth);
    BigDecimal factor = scaleToMonth ? ProfileBuilder.monthFactor(t) : null;
    return new Profiled(profile, read, factor);
  }

  static Map<String, Object> stats(TrafficTally t, LogReadResult<?> read, BigDecimal factor) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("files", read.files());
    s.put("records", t.records());
    s.put("requests", t.requests());
    MalformedLines m = read.malformed();
    s.put("malformed", m.total());
    Map<String, Long> byReason = new LinkedHashMap<>();
    m.counts().forEach((r, n) -> byReason.put(r.label(), n));
    s.put("malformed_by_reason", byReason);
    s.put("malformed_examples", m.examples().stream().map(Object::toString).toList());
    s.put("truncated_files", m.truncatedFiles().stream().map(Object::toString).toList());
    s.put("bytes_after_gzip_data", m.trailingBytes().stream().map(Object::toString).toList());
    s.put("first_timestamp", Instant.ofEpochMilli(t.firstMillis()).toString());
    s.put("last_timestamp", Instant.ofEpochMilli(t.lastMillis()).toString());
    s.put("hours_covered", t.hoursCovered());
    s.put("scaled_to_month_factor", factor);
    Map<String, Object> regions = new LinkedHashMap<>();
    for (PricingRegion region : PricingRegion.values()) {
      if (!t.region(region).isEmpty()) {
        regions.put(region.id(), totals(t.region(region)));
      }
    }
    if (!t.region(null).isEmpty()) {
      regions.put("unpriced", totals(t.region(null)));
    }
    s.put("regions", regions);
    s.put("result_types", shares(t.resultTypes(), t.requests()));
    s.put("statuses", shares(statusCodes(t), t.requests()));
    s.put("requests_by_hour_utc", t.byHourOfDay());
    s.put("peak_to_mean", round(t.peakToMean(), 3));
    SizeSample sizes = t.objectSizes();
    Map<String, Object> size = new LinkedHashMap<>();
    size.put("objects", sizes.seen());
    size.put("sampled", sizes.size());
    for (int p : new int[] {50, 90, 99}) {
      size.put("p" + p, percentile(sizes, p));
    }
    s.put("object_size_bytes", size);
    s.put("top_edge_locations", t.topEdgeLocations(TOP));
    s.put("top_countries", t.topCountries(TOP));
    s.put("unknown_edge_codes", t.unknownEdgeCodes());
    s.put("unpriced_edge_codes", t.unpricedEdgeCodes());
    return s;
  }

  /** Status shares keyed as logs write them ({@code 000}, {@code 200}). */
  private static Map<String, Double> statusCodes(TrafficTally t) {
    Map<String, Double> statuses = new LinkedHashMap<>();
    t.statuses().forEach((k, v) -> statuses.put(String.format(Locale.ROOT, "%03d", k), v));
    return statuses;
  }

  /** A percentile of the object sizes in whole bytes; null when no object was sized. */
  private static Long percentile(SizeSample sizes, int p) {
    return sizes.size() == 0 ? null : Math.round(sizes.percentile(p));
  }

  /** One region's log figures, unscaled: requests by protocol and method, bytes each way. */
  private static Map<String, Object> totals(TrafficTally.RegionTotals r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("http_requests", r.httpRequests());
    m.put("https_requests", r.httpsRequests());
    m.put("proxy_requests", r.proxyRequests());
    m.put("bytes_to_viewers", r.bytesOut());
    m.put("bytes_from_viewers", r.bytesIn());
    m.put("bytes_to_origin", r.bytesToOrigin());
    return m;
  }

  private static List<String> statsAsComments(Profiled p) {
    TrafficTally t = p.tally();
    List<String> c = new ArrayList<>();
    c.add("Traffic profile from CloudFront logs (cfsim profile)");
    c.add(String.format(Locale.ROOT, "%d files, %d records (%s requests), %d malformed lines%s%s",
        p.read().files(), t.records(), num(t.requests()), p.read().malformed().total(),
        p.read().malformed().truncatedFiles().isEmpty() ? ""
            : ", " + p.read().malformed().truncatedFiles().size() + " truncated or damaged gzip files",
        p.read().malformed().trailingBytes().isEmpty() ? ""
            : ", " + p.read().malformed().trailingBytes().size() + " gzip files with bytes after the gzip data"));
    c.add("window: " + Instant.ofEpochMilli(t.firstMillis()) + " to " + Instant.ofEpochMilli(t.lastMillis())
        + " (" + t.hoursCovered() + " hours)");
    c.add(p.factor() == null
        ? "amounts are what the logs hold, not scaled (use --scale-to-month for a shorter window)"
        : "SCALED TO A MONTH: amounts multiplied by " + p.factor() + " = 730 h / " + t.hoursCovered() + " h"
            + (ProfileBuilder.coversMoreThanAMonth(t) ? " (the logs cover more than a month: scaled DOWN)" : ""));
    if (t.requests() != Math.rint(t.requests()) || p.factor() != null) { // counts were fractions
      BigDecimal whole = p.profile().regions().values().stream()
          .map(RegionTraffic::requests).reduce(BigDecimal.ZERO, BigDecimal::add);
      c.add("requests are whole numbers per region, adding up to " + whole.toPlainString()
          + " (the largest remainders of the exact counts get the extra ones)");
    }
    c.add("cache results: " + percentages(t.resultTypes(), t.requests()));
    c.add("statuses: " + percentages(statusCodes(t), t.requests()));
    c.add(String.format(Locale.ROOT, "peak hour / mean hour: %.2f", t.peakToMean()));
    SizeSample sizes = t.objectSizes();
    c.add("object size (2xx GET) p50/p90/p99 bytes: " + percentile(sizes, 50) + " / "
        + percentile(sizes, 90) + " / " + percentile(sizes, 99));
    c.add("top edge locations: " + percentages(t.topEdgeLocations(5), t.requests()));
    c.add("top countries: " + percentages(t.topCountries(5), t.requests()));
    if (!t.unknownEdgeCodes().isEmpty()) {
      c.add("UNKNOWN edge codes (not priced; add them with --edge-locations): " + t.unknownEdgeCodes());
    }
    if (!t.unpricedEdgeCodes().isEmpty()) {
      c.add("China network edge codes (not in the global price book): " + t.unpricedEdgeCodes());
    }
    if (t.protocolAssumption() != null) {
      c.add(t.protocolAssumption());
    }
    return c;
  }

  private static void table(Profiled p, PrintWriter out) {
    out.printf("%-6s %14s %8s %14s %14s%n", "region", "requests", "https", "data out GB", "to origin GB");
    for (Map.Entry<PricingRegion, RegionTraffic> e : p.profile().regions().entrySet()) {
      RegionTraffic r = e.getValue();
      out.printf(Locale.ROOT, "%-6s %14s %7.1f%% %14.3f %14.6f%n", e.getKey().id(), r.requests().toPlainString(),
          r.httpsShare().doubleValue() * 100, r.dataOutGb().doubleValue(), r.dataToOriginGb().doubleValue());
    }
    out.println();
    for (String line : statsAsComments(p)) {
      out.println(line);
    }
  }

  private static <K> Map<String, Double> shares(Map<K, Double> counts, double total) {
    Map<String, Double> out = new LinkedHashMap<>();
    counts.forEach((k, v) -> out.put(String.valueOf(k), round(v / total, 6)));
    return out;
  }

  private static <K> String percentages(Map<K, Double> counts, double total) {
    StringBuilder sb = new StringBuilder();
    counts.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ")
        .append(k).append(String.format(Locale.ROOT, " %.1f%%", 100 * v / total)));
    return sb.toString();
  }

  private static String num(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }

  private static double round(double v, int decimals) {
    return BigDecimal.valueOf(v).setScale(decimals, java.math.RoundingMode.HALF_EVEN).doubleValue();
  }

  private static String json(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
