package dev.cfsim.function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfsim.rules.Decision;
import dev.cfsim.rules.RuleEvaluator;
import dev.cfsim.viewer.ViewerEventJson;
import dev.cfsim.viewer.ViewerRequestEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * through; only the first differences are kept.
 */
public final class FunctionVerifier {

  /** Events per round trip to Node: large enough to amortise the pipe, small enough to stream. */
  public static final int BATCH_SIZE = 500;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RuleEvaluator evaluator;
  private final NodeFunctionRunner node;
  private final int differencesKept;

  /**
   * @param evaluator the compiled rules, the reference
   * @param node the function under test, loaded in Node
   * @param differencesKept how many differences to keep for the report (all are counted)
   */
  public FunctionVerifier(RuleEvaluator evaluator, NodeFunctionRunner node, int differencesKept) {
    this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
    this.node = Objects.requireNonNull(node, "node");
    this.differencesKept = differencesKept;
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

  /** Compares both sides on every event; {@code progress} hears the count after each batch. */
  public Report verify(Iterator<ViewerRequestEvent> events, LongConsumer progress) throws IOException {
    long count = 0;
    long differenceCount = 0;
    long javaNanos = 0;
    long nodeNanos = 0;
    List<Difference> differences = new ArrayList<>();
    Map<String, Long> decisions = new LinkedHashMap<>();
    List<ViewerRequestEvent> batch = new ArrayList<>(BATCH_SIZE);
    List<String> batchJson = new ArrayList<>(BATCH_SIZE);
    List<Decision> batchDecisions = new ArrayList<>(BATCH_SIZE);
    while (events.hasNext()) {
      ViewerRequestEvent event = events.next();
      long started = System.nanoTime();
      Decision decision = evaluator.evaluate(event);
      javaNanos += System.nanoTime() - started;
      decisions.merge(decision.ruleId(), 1L, Long::sum);
      batch.add(event);
      batchJson.add(ViewerEventJson.write(event));
      batchDecisions.add(decision);
      if (batch.size() == BATCH_SIZE || !events.hasNext()) {
        NodeFunctionRunner.Batch results = node.run(batchJson);
        nodeNanos += results.nanos();
        for (int i = 0; i < batch.size(); i++) {
          Difference d = compare(count + i, batch.get(i), batchJson.get(i), batchDecisions.get(i),
              results.results().get(i));
          if (d != null) {
            differenceCount++;
            if (differences.size() < differencesKept) {
              differences.add(d);
            }
          }
        }
        count += batch.size();
        batch.clear();
        batchJson.clear();
        batchDecisions.clear();
        progress.accept(count);
      }
    }
    return new Report(count, differenceCount, differences, decisions, javaNanos, nodeNanos);
  }

  private static Difference compare(long index, ViewerRequestEvent event, String eventJson,
      Decision decision, FunctionResult result) {
    JsonNode eventNode = parse(eventJson);
    JsonNode expected = FunctionOutput.canonical(EvaluatorOutput.of(decision, event), eventNode);
    if (result.failed()) {
      return new Difference(index, eventJson, decision.ruleId(), expected, "threw " + result.error(), List.of());
    }
    JsonNode actual = FunctionOutput.canonical(result.output(), eventNode);
    List<String> problems = EdgeRestrictions.problems(result.output(), eventNode);
    if (actual.equals(expected) && problems.isEmpty()) {
      return null;
    }
    return new Difference(index, eventJson, decision.ruleId(), expected, actual.toString(), problems);
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
