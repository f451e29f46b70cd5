package dev.cfsim.emulator;

import dev.cfsim.rules.Action;
import dev.cfsim.rules.Rule;
import dev.cfsim.rules.RuleSet;
import dev.cfsim.rules.RuleWarning;
import dev.cfsim.viewer.EnrichmentStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Everything {@code cfsim emulate} reports: what was read, what the rules decided, what it costs.
 *
 * @param rulesSource the rules file, or the function file when {@code logic} is a function
 * @param logic whether rules or a hand-written function decided, for the report's labels
 * @param decisionsExplained decision id to what it does, in rule order, then the default
 * @param ruleWarnings warnings from reading the rules
 * @param files log files read
 * @param malformed log lines that could not be read
 * @param malformedSummary one line per reason and a few examples; empty when none
 * @param enrichment events built and viewer IPs without geo data
 * @param geoDatabase which geo database gave the country headers
 * @param counts the decisions and breakdowns
 * @param cost the month priced with the function and with Lambda@Edge; null when not priced
 * @param elapsedSeconds wall-clock time of the replay
 */
public record EmulationReport(
    String rulesSource,
    Logic logic,
    List<Explained> decisionsExplained,
    List<RuleWarning> ruleWarnings,
    int files,
    long malformed,
    List<String> malformedSummary,
    EnrichmentStats enrichment,
    String geoDatabase,
    EmulationCounts counts,
    FunctionCost cost,
    double elapsedSeconds) {

  /**
   * A decision id and what it does, for the report's legend.
   *
   * @param id rule id, {@code pass} or {@code default}
   * @param action e.g. {@code redirect 302 https://kr.example.com${uri} + query}
   */
  public record Explained(String id, String action) {}

  /** What decided: a rules file or a CloudFront Function file; its label names it in the report. */
  public enum Logic {
    RULES("rules"),
    FUNCTION("function");

    private final String label;

    Logic(String label) {
      this.label = label;
    }

    /** {@code rules} or {@code function}. */
    public String label() {
      return label;
    }
  }

  public EmulationReport {
    Objects.requireNonNull(rulesSource, "rulesSource");
    Objects.requireNonNull(logic, "logic");
    decisionsExplained = List.copyOf(decisionsExplained);
    ruleWarnings = List.copyOf(ruleWarnings);
    malformedSummary = List.copyOf(malformedSummary);
    Objects.requireNonNull(enrichment, "enrichment");
    geoDatabase = Objects.requireNonNullElse(geoDatabase, "");
    Objects.requireNonNull(counts, "counts");
  }

  /** Records per second of wall-clock time; 0 when nothing was timed. */
  public double throughputRecordsPerSecond() {
    return elapsedSeconds > 0 ? counts.records() / elapsedSeconds : 0;
  }

  /** What a reader should be warned of, in this order: the rules, the replay, malformed lines. */
  public List<String> warnings() {
    List<String> out = new ArrayList<>();
    ruleWarnings.forEach(w -> out.add(w.toString()));
    double withoutHost = counts.requestsWithoutHost();
    if (withoutHost > 0) {
      out.add(EmulationSections.count(withoutHost) + " of " + EmulationSections.count(counts.requests())
          + " requests had no Host in the logs (x-host-header and cs(Host) empty or not logged): they were"
          + " replayed without the Host header every request to CloudFront has, so host conditions do not"
          + " match them (not even host: \"*\") and ${host} is empty; log x-host-header for exact results.");
    }
    counts.redirectsToSelf().forEach((id, n) -> out.add("Rule " + id + " redirected "
        + EmulationSections.count(n) + " recorded requests to the URL they asked for: the browser asks again, is"
        + " redirected again, and gives up after about 20 (a redirect loop). Make the rule's conditions false for"
        + " its own target, e.g. a host or path condition the location does not meet."));
    counts.redirectsChangingMethod().forEach((id, n) -> out.add("Rule " + id + " redirected "
        + EmulationSections.count(n) + " recorded requests a browser will not resend as they were: a POST answered"
        + " 301, 302 or 303 comes back as a GET without its body, and a CORS preflight (OPTIONS) that is"
        + " redirected fails. Add method: [GET, HEAD] to the rule's conditions (a 307 or 308 keeps a POST's"
        + " method and body, but a preflight fails on any redirect)."));
    malformedWarning().ifPresent(out::add);
    return out;
  }

  /**
   * The malformed lines as one line: the heading and its examples, which a list of warnings would
   * count as several; empty when every line was read.
   */
  public Optional<String> malformedWarning() {
    return malformedSummary.isEmpty() ? Optional.empty()
        : Optional.of(malformedSummary.stream().map(String::strip).collect(Collectors.joining("; ")));
  }

  /** Each decision id of the rule set with its action in words. */
  public static List<Explained> explain(RuleSet rules) {
    List<Explained> out = new ArrayList<>();
    for (Rule rule : rules.rules()) {
      out.add(new Explained(rule.id(), describe(rule.action())));
    }
    String fallback = describe(rules.defaultAction());
    out.add(new Explained(rules.defaultId(), "no rule matched: " + fallback));
    return out;
  }

  /** An action in a few words. */
  static String describe(Action action) {
    if (action instanceof Action.Pass) {
      return "pass";
    }
    if (action instanceof Action.Redirect r) {
      return "redirect " + r.status() + " " + r.location().source() + (r.keepQuery() ? " + query" : "");
    }
    Action.ModifyRequest m = (Action.ModifyRequest) action;
    List<String> parts = new ArrayList<>();
    m.uri().ifPresent(t -> parts.add("rewrite uri " + t.source()));
    m.setHeaders().forEach((k, v) -> parts.add("set " + k + ": " + v));
    m.removeHeaders().forEach(k -> parts.add("remove " + k));
    return String.join(", ", parts);
  }
}
