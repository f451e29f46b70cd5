package dev.cfsim.emulator;

import dev.cfsim.pricing.Component;
import dev.cfsim.pricing.CostLine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Lays an {@link EmulationReport} out as {@link ReportSection}s, with figures formatted for people. */
final class EmulationSections {
  /** Rows shown in the country breakdown; the rest are summed into one row. */
  static final int TOP_COUNTRIES = 15;

  private EmulationSections() {}

  static List<ReportSection> of(EmulationReport r) {
    List<ReportSection> out = new ArrayList<>();
    out.add(summary(r));
    out.add(decisions(r));
    out.add(breakdown("Requests by viewer country", "country", r, r.counts().byCountry(), TOP_COUNTRIES,
        "Country from cloudfront-viewer-country (geo: " + r.geoDatabase() + "); unknown = no such header:"
            + " no geo data for the IP, or the header left out of a --headers selection."));
    out.add(breakdown("Requests by device", "device", r, r.counts().byDevice(), Integer.MAX_VALUE,
        "One class per request: tablet, else mobile, else smarttv, else desktop, from CloudFront-Is-*-Viewer"
            + " headers derived from the User-Agent by cfsim's rules (estimates: AWS publishes none)."));
    out.add(targets(r));
    if (r.cost() != null) {
      out.add(cost(r.cost(), r.logic()));
    }
    out.add(samples(r));
    List<String> warnings = r.warnings();
    if (!warnings.isEmpty()) {
      out.add(new ReportSection("Warnings", List.of(), List.of(), warnings));
    }
    return out;
  }

  private static ReportSection summary(EmulationReport r) {
    EmulationCounts c = r.counts();
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of(r.logic().label(), r.rulesSource()));
    rows.add(List.of("log files", count(r.files())));
    rows.add(List.of("records replayed", count(c.records())));
    rows.add(List.of("malformed lines (skipped)", count(r.malformed())));
    rows.add(List.of("function invocations", count(c.requests())));
    rows.add(List.of("answered at the edge (redirects)", count(c.edgeResponses()) + share(c.edgeResponses(), c.requests())));
    rows.add(List.of("origin fetches saved", count(c.originFetchesAvoided())));
    rows.add(List.of("follow-up requests at redirect targets", count(c.edgeResponses())));
    rows.add(List.of("forwarded with changes", count(c.changedRequests()) + share(c.changedRequests(), c.requests())));
    rows.add(List.of("requests whose viewer IP has no geo data", count(r.enrichment().unknownIps() + r.enrichment().unparsableIps())));
    rows.add(List.of("throughput", count(r.throughputRecordsPerSecond()) + " records/s"
        + String.format(Locale.ROOT, " (%.2f s)", r.elapsedSeconds())));
    return new ReportSection("Summary", List.of(), rows, List.of(
        "Origin fetches saved: "
            + (r.logic() == EmulationReport.Logic.FUNCTION
                ? "requests the function answered at the edge (redirects or its own responses; not its errors)"
                : "redirected requests")
            + " that the log shows as cache misses (Miss, RefreshHit);"
            + " each redirect also makes the viewer send one follow-up request to its target."));
  }

  private static ReportSection decisions(EmulationReport r) {
    EmulationCounts c = r.counts();
    List<List<String>> rows = new ArrayList<>();
    for (EmulationReport.Explained e : r.decisionsExplained()) {
      double n = c.decisions().getOrDefault(e.id(), 0.0);
      rows.add(List.of(e.id(), e.action(), count(n), percent(n, c.requests())));
    }
    return new ReportSection("Decisions (first matching rule)", List.of("decision", "action", "requests", "share"),
        rows, List.of());
  }

  private static ReportSection breakdown(String title, String key, EmulationReport r,
      Map<String, Map<String, Double>> rows, int limit, String note) {
    List<String> ids = r.decisionsExplained().stream().map(EmulationReport.Explained::id).toList();
    List<String> columns = new ArrayList<>(List.of(key, "requests", "share"));
    columns.addAll(ids);
    List<List<String>> out = new ArrayList<>();
    double total = r.counts().requests();
    double[] rest = new double[ids.size() + 1];
    int shown = 0;
    int others = 0;
    for (var e : rows.entrySet()) {
      double sum = ReportSection.total(e.getValue());
      if (shown < limit) {
        List<String> row = new ArrayList<>(List.of(e.getKey(), count(sum), percent(sum, total)));
        ids.forEach(id -> row.add(count(e.getValue().getOrDefault(id, 0.0))));
        out.add(row);
        shown++;
      } else {
        others++;
        rest[0] += sum;
        for (int i = 0; i < ids.size(); i++) {
          rest[i + 1] += e.getValue().getOrDefault(ids.get(i), 0.0);
        }
      }
    }
    if (others > 0) {
      List<String> row = new ArrayList<>(List.of("(" + others + " more)", count(rest[0]), percent(rest[0], total)));
      for (int i = 0; i < ids.size(); i++) {
        row.add(count(rest[i + 1]));
      }
      out.add(row);
    }
    return new ReportSection(title, columns, out, List.of(note));
  }

  private static ReportSection targets(EmulationReport r) {
    List<List<String>> rows = new ArrayList<>();
    r.counts().redirectTargets().forEach((target, n) -> rows.add(List.of(target, count(n))));
    return new ReportSection("Redirect targets", List.of("status and target", "requests"), rows,
        rows.isEmpty() ? List.of("No request was redirected.") : List.of());
  }

  private static ReportSection cost(FunctionCost cost, EmulationReport.Logic logic) {
    List<List<String>> rows = new ArrayList<>();
    CostLine f = cost.functionsLine();
    // as the Lambda@Edge lines below: a scaled window's 3,041,666.67 invocations, not 3,041,667 beside them
    rows.add(List.of("CloudFront Functions (viewer request)", quantity(f.quantity()) + " invocations",
        quantity(f.freeQuantity()), usd(cost.functionsUsd())));
    for (CostLine l : cost.withLambdaEdge().lines()) {
      if (l.component() == Component.LAMBDA_EDGE_REQUESTS || l.component() == Component.LAMBDA_EDGE_DURATION) {
        rows.add(List.of(l.component().title(), quantity(l.quantity()) + " " + l.unit(), quantity(l.freeQuantity()), usd(l.usd())));
      }
    }
    rows.add(List.of("Lambda@Edge instead of the function: difference", "", "",
        usd(cost.lambdaEdgeUsd().subtract(cost.functionsUsd()))));
    rows.add(List.of("Whole distribution as logged, with the function", "price book " + cost.withFunction().priceBook(), "",
        usd(cost.withFunction().totalUsd())));
    if (cost.withFollowUps() != null) {
      rows.add(List.of("  with the redirects, targets served elsewhere", "", "", usd(cost.targetsElsewhere().totalUsd())));
      rows.add(List.of("  with the redirects, targets served here too", "up to " + count(cost.monthlyFollowUps())
          + " follow-ups", "", usd(cost.withFollowUps().totalUsd())));
    }
    return new ReportSection("Monthly cost of running the " + logic.label(), List.of("item", "quantity", "free", "USD / month"),
        rows, cost.assumptions());
  }

  private static ReportSection samples(EmulationReport r) {
    List<List<String>> rows = new ArrayList<>();
    r.counts().samples().forEach((id, list) -> list.forEach(s -> rows.add(List.of(id, s.country(), s.device(),
        s.method() + " " + s.host() + s.uri() + (s.querystring().isEmpty() ? "" : "?" + s.querystring()),
        s.userAgent(), s.outcome()))));
    return new ReportSection("Sample requests per decision",
        List.of("decision", "country", "device", "request", "user agent", "outcome"), rows, List.of());
  }

  static String count(double n) {
    return String.format(Locale.ROOT, "%,.0f", n);
  }

  static String count(BigDecimal n) {
    return String.format(Locale.ROOT, "%,.0f", n);
  }

  /** A bill's quantity to two decimals at most: 1.875 GB-s of Lambda@Edge is not "2 GB-s". */
  static String quantity(BigDecimal n) {
    DecimalFormat f = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
    f.setRoundingMode(RoundingMode.HALF_UP);
    return f.format(n);
  }

  /** Dollars with cents; amounts under a cent keep four significant digits so they do not read as $0.00. */
  static String usd(BigDecimal n) {
    if (n.signum() != 0 && n.abs().compareTo(new BigDecimal("0.01")) < 0) {
      return "$" + n.round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }
    return String.format(Locale.ROOT, "$%,.2f", n);
  }

  private static String percent(double part, double whole) {
    return whole == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * part / whole);
  }

  private static String share(double part, double whole) {
    return whole == 0 ? "" : " (" + percent(part, whole) + ")";
  }
}
