package dev.cfsim.emulator;

import dev.cfsim.logs.EdgeLocations;
import dev.cfsim.logs.LogField;
import dev.cfsim.logs.LogReadResult;
import dev.cfsim.logs.LogSource;
import dev.cfsim.logs.RequestRecord;
import dev.cfsim.logs.TrafficTally;
import dev.cfsim.rules.Decision;
import dev.cfsim.rules.RuleEvaluator;
import dev.cfsim.viewer.ViewerEnricher;
import dev.cfsim.viewer.ViewerRequestEvent;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collector;

/**
 * Replays log records through the rules: each record becomes the event CloudFront would build
 * (via the {@link ViewerEnricher}), the compiled rules decide it, and a per-thread
 * {@link Tally} counts it. Thread-safe; one instance serves every reader thread.
 */
public final class Emulator {
  /**
   * The log fields a replay reads: all but timings, forwarding, ranges, content type and the
   * finer result types, which neither the event, the rules nor the report use. Those are still
   * checked, so the same lines are malformed, but not made into Strings: about 5 % of a replay
   * (EndToEndEmulation). A field the reader learns later is read until someone decides otherwise.
   */
  public static final Set<LogField> FIELDS = Collections.unmodifiableSet(EnumSet.complementOf(
      EnumSet.of(LogField.TIME_TAKEN, LogField.FORWARDED_FOR, LogField.RESPONSE_RESULT_TYPE,
          LogField.TIME_TO_FIRST_BYTE, LogField.DETAILED_RESULT_TYPE, LogField.CONTENT_TYPE,
          LogField.RANGE_START, LogField.RANGE_END)));

  private final RuleEvaluator rules;
  private final ViewerEnricher enricher;
  private final EdgeLocations edges;

  public Emulator(RuleEvaluator rules, ViewerEnricher enricher, EdgeLocations edges) {
    this.rules = Objects.requireNonNull(rules, "rules");
    this.enricher = Objects.requireNonNull(enricher, "enricher");
    this.edges = Objects.requireNonNull(edges, "edges");
  }

  /**
   * Reads every log file in parallel, only the {@link #FIELDS} a replay needs, and returns the
   * merged tallies.
   */
  public LogReadResult<Tally> run(LogSource logs) {
    return logs.read(collector(), FIELDS);
  }

  /** The event and decision for one record. */
  public Replayed replay(RequestRecord record) {
    ViewerRequestEvent event = enricher.enrich(LoggedRequests.recorded(record));
    Decision decision = rules.evaluate(event);
    return new Replayed(record.weight(), record.edgeResultType(), event, decision, record.isHttps());
  }

  /** One {@link Tally} per thread, merged at the end. */
  public Collector<RequestRecord, Tally, Tally> collector() {
    return Collector.of(this::newTally, Tally::add, Tally::merge, Collector.Characteristics.IDENTITY_FINISH);
  }

  private Tally newTally() {
    return new Tally(new EmulationTally(rules.decisionIds()), new TrafficTally(edges), new FollowUps());
  }

  /**
   * What one thread counted: the decisions, and the traffic the cost estimate is built from.
   */
  public final class Tally {
    private final EmulationTally emulation;
    private final TrafficTally traffic;
    private final FollowUps followUps;

    private Tally(EmulationTally emulation, TrafficTally traffic, FollowUps followUps) {
      this.emulation = emulation;
      this.traffic = traffic;
      this.followUps = followUps;
    }

    void add(RequestRecord record) {
      traffic.add(record);
      Replayed replayed = replay(record);
      emulation.add(replayed);
      if (Redirects.isRedirect(replayed.decision())) {
        followUps.add(record, traffic.lastRegion());
      }
    }

    Tally merge(Tally other) {
      emulation.merge(other.emulation);
      traffic.merge(other.traffic);
      followUps.merge(other.followUps);
      return this;
    }

    /** The requests the redirects make viewers send to their targets, per pricing region. */
    public FollowUps followUps() {
      return followUps;
    }

    /** Decisions, countries, devices, samples. */
    public EmulationCounts counts() {
      return emulation.counts();
    }

    /** Requests and bytes per pricing region, for the cost estimate. */
    public TrafficTally traffic() {
      return traffic;
    }
  }
}
