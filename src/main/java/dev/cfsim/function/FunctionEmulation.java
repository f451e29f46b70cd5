package dev.cfsim.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cfsim.emulator.EmulationReport;
import dev.cfsim.emulator.EmulationTally;
import dev.cfsim.emulator.Emulator;
import dev.cfsim.emulator.FollowUps;
import dev.cfsim.emulator.FunctionCost;
import dev.cfsim.emulator.MonthScale;
import dev.cfsim.emulator.Redirects;
import dev.cfsim.emulator.Replayed;
import dev.cfsim.logs.EdgeLocations;
import dev.cfsim.logs.LogReadResult;
import dev.cfsim.logs.LogSource;
import dev.cfsim.logs.RequestRecord;
import dev.cfsim.logs.TrafficTally;
import dev.cfsim.pricing.PriceBook;
import dev.cfsim.pricing.PricingRegion;
import dev.cfsim.rules.Action;
import dev.cfsim.rules.Decision;
import dev.cfsim.rules.RuleEvaluator;
import dev.cfsim.rules.RuleSet;
import dev.cfsim.viewer.ViewerEnricher;
import dev.cfsim.viewer.FieldMap;
import dev.cfsim.viewer.ViewerEventJson;
import dev.cfsim.viewer.ViewerRequest;
import dev.cfsim.viewer.ViewerRequestEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code cfsim emulate --function FILE}: replays recorded logs through a hand-written CloudFront
 * Function instead of rules, with the same events, tallies, report and cost as for rules. The
 * function's results are sorted into four outcomes, the decision ids of the report.
 */
public final class FunctionEmulation {

  /** The function answered from the edge (a redirect or any other response). */
  public static final String RESPONSE = "response";
  /** The function changed the request (URI, query string, headers or cookies) and let it go on. */
  public static final String CHANGED = "changed";
  /** The function returned the request unchanged. */
  public static final String PASS = "pass";
  /**
   * The function threw or returned nothing usable (CloudFront answers the viewer 503), or returned
   * what CloudFront refuses, such as a changed method or Host (502; see {@link EdgeRestrictions}).
   */
  public static final String ERROR = "error";

  private static final List<String> OUTCOMES = List.of(RESPONSE, CHANGED, PASS, ERROR);

  private final NodeFunctionRunner node;
  private final String functionName;
  private final ViewerEnricher enricher;
  private final EdgeLocations edges;
  private final PriceBook priceBook;
  private final Function<TrafficTally, MonthScale> monthScale;

  /**
   * @param node the function, loaded (and runtime-checked) in Node
   * @param functionName names the function in the report, e.g. its file
   * @param enricher builds the events, as for rules
   * @param edges maps edge locations to pricing regions
   * @param priceBook prices the month; null to skip pricing
   * @param monthScale how the logs' window becomes a month, e.g. {@link MonthScale#toMonth()}
   */
  public FunctionEmulation(NodeFunctionRunner node, String functionName, ViewerEnricher enricher,
      EdgeLocations edges, PriceBook priceBook, Function<TrafficTally, MonthScale> monthScale) {
    this.node = Objects.requireNonNull(node, "node");
    this.functionName = Objects.requireNonNull(functionName, "functionName");
    this.enricher = Objects.requireNonNull(enricher, "enricher");
    this.edges = Objects.requireNonNull(edges, "edges");
    this.priceBook = priceBook;
    this.monthScale = Objects.requireNonNull(monthScale, "monthScale");
  }

  /** Replays every file of {@code logs} (events built in parallel, run in batches in Node) and reports. */
  public EmulationReport run(LogSource logs) {
    // The emulator's own replay builds the events; an empty rule set makes its decision moot.
    Emulator events = new Emulator(
        RuleEvaluator.compile(new RuleSet(RuleSet.RUNTIME, List.of(), new Action.Pass())), enricher, edges);
    EmulationTally tally = new EmulationTally(OUTCOMES, Set.of(ERROR));
    TrafficTally traffic = new TrafficTally(edges);
    FollowUps followUps = new FollowUps();
    Batches batches = new Batches(tally, followUps);
    long start = System.nanoTime();
    LogReadResult<Void> read = logs.forEach(record -> {
      Replayed replayed = events.replay(record);
      // Reader threads take turns: the tallies, the batch and Node's pipe are shared.
      synchronized (batches) {
        traffic.add(record);
        batches.add(replayed, record, traffic.lastRegion());
      }
    });
    batches.finish();
    double elapsed = (System.nanoTime() - start) / 1e9;
    FunctionCost cost = priceBook == null ? null
        : FunctionCost.price(traffic, followUps, monthScale.apply(traffic), priceBook, "function " + functionName);
    return new EmulationReport(functionName, EmulationReport.Logic.FUNCTION, explained(), List.of(), read.files(), read.malformed().total(),
        read.malformed().summary(), enricher.stats(), enricher.geoDescription(), tally.counts(), cost, elapsed);
  }

  /**
   * Events on their way through Node: a batch fills while the one before runs in Node, and is
   * tallied, with the outcome the function gave each event, when the next is sent.
   */
  private final class Batches {
    private final EmulationTally tally;
    private final FollowUps followUps;
    private List<Replayed> filling = new ArrayList<>(FunctionVerifier.BATCH_SIZE);
    private List<Replayed> running = List.of();
    /** The records of the events in {@code filling} and {@code running}, and the pricing region each was answered in. */
    private List<RequestRecord> fillingRecords = new ArrayList<>(FunctionVerifier.BATCH_SIZE);
    private List<RequestRecord> runningRecords = List.of();
    private List<PricingRegion> fillingRegions = new ArrayList<>(FunctionVerifier.BATCH_SIZE);
    private List<PricingRegion> runningRegions = List.of();
    private NodeFunctionRunner.Pending answer;

    Batches(EmulationTally tally, FollowUps followUps) {
      this.tally = tally;
      this.followUps = followUps;
    }

    void add(Replayed replayed, RequestRecord record, PricingRegion region) {
      filling.add(replayed);
      fillingRecords.add(record);
      fillingRegions.add(region);
      if (filling.size() == FunctionVerifier.BATCH_SIZE) {
        send();
      }
    }

    void finish() {
      send();
      tallyRunning();
    }

    private void send() {
      if (filling.isEmpty()) {
        return;
      }
      List<String> json = new ArrayList<>(filling.size());
      for (Replayed r : filling) {
        json.add(ViewerEventJson.write(r.event()));
      }
      NodeFunctionRunner.Pending sent = node.send(json);
      tallyRunning();
      running = filling;
      runningRecords = fillingRecords;
      runningRegions = fillingRegions;
      answer = sent;
      filling = new ArrayList<>(FunctionVerifier.BATCH_SIZE);
      fillingRecords = new ArrayList<>(FunctionVerifier.BATCH_SIZE);
      fillingRegions = new ArrayList<>(FunctionVerifier.BATCH_SIZE);
    }

    private void tallyRunning() {
      if (answer == null) {
        return;
      }
      List<FunctionResult> results;
      try {
        results = answer.results().results();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      answer = null;
      for (int i = 0; i < running.size(); i++) {
        Replayed r = running.get(i);
        Decision decided = decision(results.get(i), r.event());
        tally.add(new Replayed(r.weight(), r.edgeResultType(), r.event(), decided, r.https()));
        if (Redirects.isRedirect(decided)) {
          followUps.add(runningRecords.get(i), runningRegions.get(i));
        }
      }
    }
  }

  /**
   * What the function's result means, as a decision of the emulator's report.
   */
  static Decision decision(FunctionResult result, ViewerRequestEvent event) {
    JsonNode output = result.output();
    if (result.failed() || output == null || !output.isObject()) {
      return new Decision.Response(ERROR, 503, "Service Unavailable", Map.of());
    }
    JsonNode eventNode = ViewerEventJson.tree(event);
    if (!EdgeRestrictions.problems(output, eventNode).isEmpty()) {
      // a changed method or Host, a bad URI or status: the edge answers 502, nothing goes on
      return new Decision.Response(ERROR, 502, "Bad Gateway", Map.of());
    }
    if (output.has("statusCode")) {
      Map<String, String> headers = new LinkedHashMap<>();
      output.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().path("value").asText()));
      return new Decision.Response(RESPONSE, output.path("statusCode").asInt(),
          output.path("statusDescription").asText(""), headers);
    }
    boolean changed = !output.equals(eventNode.get("request"))
        && !FunctionOutput.canonical(output, eventNode)
        .equals(FunctionOutput.canonical(eventNode.get("request"), eventNode));
    if (!changed) {
      return new Decision.Request(PASS, event.request(), false);
    }
    ObjectNode request = output.deepCopy();
    // a function may set the query string as text (a=1&b); it reads as the event's object form
    String queryText = request.path("querystring").isTextual() ? request.path("querystring").asText() : null;
    if (queryText != null) {
      request.putObject("querystring");
    }
    ObjectNode asEvent = ((ObjectNode) eventNode.deepCopy()).set("request", request);
    ViewerRequest changedRequest = ViewerEventJson.read(asEvent.toString(), "function result").request();
    if (queryText != null) {
      changedRequest = new ViewerRequest(changedRequest.method(), changedRequest.uri(),
          FieldMap.querystring(queryText), changedRequest.headers(), changedRequest.cookies());
    }
    return new Decision.Request(CHANGED, changedRequest, true);
  }

  private static List<EmulationReport.Explained> explained() {
    return List.of(
        new EmulationReport.Explained(RESPONSE, "the function answered from the edge (see the targets)"),
        new EmulationReport.Explained(CHANGED, "the function changed the request and let it go on"),
        new EmulationReport.Explained(PASS, "the function let the request go on unchanged"),
        new EmulationReport.Explained(ERROR,
            "the function threw (CloudFront answers 503) or returned what CloudFront refuses (502)"));
  }
}
