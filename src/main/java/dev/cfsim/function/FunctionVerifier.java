package dev.cfsim.function;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cfsim.rules.Decision;
import dev.cfsim.rules.RuleEvaluator;
import dev.cfsim.viewer.ViewerEventJson;
import dev.cfsim.viewer.ViewerRequestEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * The proof that a function decides as the rules do: every event goes to the Java evaluator and,
 * in batches, to the function in Node; the two results are compared in canonical form, and the
 * function's result is also checked against what CloudFront refuses at the edge. Events stream
 * through in batches; only the first differences are kept.
 */
public final class FunctionVerifier {

  /** Events per round trip to Node: large enough to amortise the pipe, small enough to stream. */
  public static final int BATCH_SIZE = 500;

  private final NodeFunctionRunner node;
  private final int differencesKept;
  private final LongConsumer progress;
  private List<ViewerRequestEvent> batch = new ArrayList<>(BATCH_SIZE);
  private List<String> batchJson = new ArrayList<>(BATCH_SIZE);
  private List<Decision> batchDecisions = new ArrayList<>(BATCH_SIZE);
  /** The batch Node is running while the next one fills; compared when that one is sent. */
  private InFlight inFlight;
  private final List<Difference> differences = new ArrayList<>();
  private final Map<String, Long> decisions = new LinkedHashMap<>();
  private long count;
  private long differenceCount;
  private long javaNanos;
  private long nodeNanos;

  /**
   * @param node the function under test, loaded in Node
   * @param differencesKept how many differences to keep for the report (all are counted)
   * @param progress hears the number of events compared after each batch
   */
  public FunctionVerifier(NodeFunctionRunner node, int differencesKept, LongConsumer progress) {
    this.node = Objects.requireNonNull(node, "node");
    this.differencesKept = differencesKept;
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  /**
   * Compares the evaluator's decisions with the function's on every event, timing the evaluator.
   */
  public static Report verify(RuleEvaluator evaluator, Iterator<ViewerRequestEvent> events,
      NodeFunctionRunner node, int differencesKept) throws IOException {
    FunctionVerifier verifier = new FunctionVerifier(node, differencesKept, n -> { });
    while (events.hasNext()) {
      ViewerRequestEvent event = events.next();
      long started = System.nanoTime();
      Decision decision = evaluator.evaluate(event);
      verifier.add(event, decision, System.nanoTime() - started);
    }
    return verifier.finish();
  }

  /**
   * Adds one event and the Java side's decision for it ({@code javaNanos}: the time the Java
   * side took); runs the function on the batch when it is full. Not thread-safe.
   */
  public void add(ViewerRequestEvent event, Decision decision, long javaNanos) throws IOException {
    this.javaNanos += javaNanos;
    decisions.merge(decision.ruleId(), 1L, Long::sum);
    batch.add(event);
    batchJson.add(ViewerEventJson.write(event));
    batchDecisions.add(decision);
    if (batch.size() == BATCH_SIZE) {
      flush();
    }
  }

  /** Runs the last batch and returns the outcome. */
  public Report finish() throws IOException {
    flush();
    compareInFlight();
    return new Report(count, differenceCount, differences, decisions, javaNanos, nodeNanos);
  }

  /** A batch sent to Node, with what the Java side decided for each of its events. */
  private record InFlight(List<ViewerRequestEvent> events, List<String> json, List<Decision> decisions,
      NodeFunctionRunner.Pending answer) {}

  /** Sends the filled batch, then compares the one before it while Node runs this one. */
  private void flush() throws IOException {
    if (batch.isEmpty()) {
      return;
    }
    NodeFunctionRunner.Pending answer = node.send(batchJson);
    compareInFlight();
    inFlight = new InFlight(batch, batchJson, batchDecisions, answer);
    batch = new ArrayList<>(BATCH_SIZE);
    batchJson = new ArrayList<>(BATCH_SIZE);
    batchDecisions = new ArrayList<>(BATCH_SIZE);
  }

  private void compareInFlight() throws IOException {
    if (inFlight == null) {
      return;
    }
    InFlight b = inFlight;
    inFlight = null;
    NodeFunctionRunner.Batch results = b.answer().results();
    nodeNanos += results.nanos();
    for (int i = 0; i < b.events().size(); i++) {
      Difference d = compare(count + i, b.events().get(i), b.json().get(i), b.decisions().get(i),
          results.results().get(i));
      if (d != null) {
        differenceCount++;
        if (differences.size() < differencesKept) {
          differences.add(d);
        }
      }
    }
    count += b.events().size();
    progress.accept(count);
  }

  /**
   * One event on which the two sides disagree.
   *
   * @param index the event's position in the stream, from 0
   * @param event the event as the function received it (JSON)
   * @param ruleId the rule that decided on the Java side
   * @param expected the evaluator's result, canonical
   * @param actual the function's result, canonical, or its error
   * @param edgeProblems what CloudFront would refuse in the function's result
   */
  public record Difference(
      long index, String event, String ruleId, JsonNode expected, String actual, List<String> edgeProblems) {
    public Difference {
      edgeProblems = List.copyOf(edgeProblems);
    }
  }

  /**
   * The outcome of a run.
   *
   * @param events how many events were compared
   * @param differenceCount how many disagreed
   * @param differences the first ones, in stream order
   * @param decisions events per deciding rule id (Java side), in first-seen order
   * @param javaNanos time in the Java evaluator
   * @param nodeNanos time in the function's handler calls, as Node measured it
   */
  public record Report(long events, long differenceCount, List<Difference> differences,
      Map<String, Long> decisions, long javaNanos, long nodeNanos) {
    public Report {
      differences = List.copyOf(differences);
      decisions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(decisions));
    }

    /** True when every event got the same result from both sides. */
    public boolean agreed() {
      return differenceCount == 0;
    }

    /** Events per second through the Java evaluator. */
    public double javaEventsPerSecond() {
      return javaNanos == 0 ? 0 : events * 1e9 / javaNanos;
    }

    /** Events per second through the function's handler in Node. */
    public double nodeEventsPerSecond() {
      return nodeNanos == 0 ? 0 : events * 1e9 / nodeNanos;
    }
  }

  private static Difference compare(long index, ViewerRequestEvent event, String eventJson,
      Decision decision, FunctionResult result) {
    JsonNode eventNode = ViewerEventJson.tree(event);
    JsonNode expectedOutput = EvaluatorOutput.of(decision, event, eventNode);
    if (result.failed()) {
      return new Difference(index, eventJson, decision.ruleId(),
          FunctionOutput.canonical(expectedOutput, eventNode), "threw " + result.error(), List.of());
    }
    List<String> problems = EdgeRestrictions.problems(result.output(), eventNode);
    // Identical objects need no canonical form (most events: the request passed on unchanged).
    if (problems.isEmpty() && expectedOutput.equals(result.output())) {
      return null;
    }
    JsonNode expected = FunctionOutput.canonical(expectedOutput, eventNode);
    JsonNode actual = FunctionOutput.canonical(result.output(), eventNode);
    if (actual.equals(expected) && problems.isEmpty()) {
      return null;
    }
    return new Difference(index, eventJson, decision.ruleId(), expected, actual.toString(), problems);
  }
}
