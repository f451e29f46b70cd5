package dev.cfsim.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cfsim.pricing.CostEstimate;
import dev.cfsim.report.EstimateRenderer;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The report as JSON, with the keys DESIGN.md fixes ({@code records}, {@code malformed},
 * {@code function_invocations}, {@code decisions}, {@code by_country}, {@code by_device},
 * {@code cost}, {@code throughput_records_per_s}) and more. Request counts are numbers: whole
 * numbers for unsampled logs, decimals when sampled lines were weighted.
 */
public final class EmulationJson {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  /** Jackson's default factory keeps a BigDecimal's scale ($0.10 stays 0.10) since 2.15. */
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private EmulationJson() {}

  /** The report as an indented JSON document. */
  public static String render(EmulationReport report) {
    try {
      return MAPPER.writeValueAsString(toJson(report)) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The report as a JSON tree (the API returns it as is). */
  public static ObjectNode toJson(EmulationReport report) {
    EmulationCounts c = report.counts();
    ObjectNode root = NODES.objectNode();
    root.put(report.logic().label(), report.rulesSource());
    root.put("files", report.files());
    root.put("records", c.records());
    root.put("malformed", report.malformed());
    number(root, "function_invocations", c.requests());
    counts(root.putObject("decisions"), c.decisions());
    breakdown(root.putObject("by_country"), c.byCountry());
    breakdown(root.putObject("by_device"), c.byDevice());
    counts(root.putObject("redirect_targets"), c.redirectTargets());
    number(root, "edge_responses", c.edgeResponses());
    number(root, "origin_fetches_avoided", c.originFetchesAvoided());
    number(root, "changed_requests", c.changedRequests());
    number(root, "requests_without_host", c.requestsWithoutHost());
    counts(root.putObject("redirects_changing_method"), c.redirectsChangingMethod());
    counts(root.putObject("redirects_to_self"), c.redirectsToSelf());
    ObjectNode explained = root.putObject("decision_actions");
    report.decisionsExplained().forEach(e -> explained.put(e.id(), e.action()));
    ObjectNode samples = root.putObject("samples");
    c.samples().forEach((id, list) -> {
      ArrayNode array = samples.putArray(id);
      list.forEach(s -> array.add(sample(s)));
    });
    if (report.cost() != null) {
      FunctionCost cost = report.cost();
      root.set("cost", estimate(cost.withFunction()));
      ObjectNode comparison = root.putObject("function_cost");
      comparison.put("scale", cost.scale());
      comparison.put("invocations", cost.monthlyInvocations());
      comparison.put("free_invocations", cost.functionsLine().freeQuantity());
      comparison.put("cloudfront_functions_usd", EstimateRenderer.amount(cost.functionsUsd()));
      comparison.put("lambda_edge_usd", EstimateRenderer.amount(cost.lambdaEdgeUsd()));
      strings(comparison.putArray("assumptions"), cost.assumptions());
      root.set("cost_with_lambda_edge", estimate(cost.withLambdaEdge()));
      if (cost.withFollowUps() != null) {
        comparison.put("follow_ups", cost.monthlyFollowUps());
        root.set("cost_targets_elsewhere", estimate(cost.targetsElsewhere()));
        root.set("cost_with_follow_ups", estimate(cost.withFollowUps()));
      }
    } else {
      root.putNull("cost");
    }
    ObjectNode viewer = root.putObject("enrichment");
    viewer.put("geo_database", report.geoDatabase());
    viewer.put("events", report.enrichment().events());
    viewer.put("unknown_ips", report.enrichment().unknownIps());
    viewer.put("unparsable_ips", report.enrichment().unparsableIps());
    strings(root.putArray("warnings"), report.warnings());
    root.put("elapsed_s", report.elapsedSeconds());
    root.put("throughput_records_per_s", Math.round(report.throughputRecordsPerSecond()));
    return root;
  }

  /** An estimate in the shape {@code cfsim estimate --format json} prints (DESIGN.md). */
  private static JsonNode estimate(CostEstimate e) {
    return MAPPER.valueToTree(EstimateRenderer.toMap(e, null));
  }

  private static ObjectNode sample(Sample s) {
    ObjectNode o = NODES.objectNode();
    o.put("viewer_ip", s.viewerIp());
    o.put("country", s.country());
    o.put("device", s.device());
    o.put("method", s.method());
    o.put("host", s.host());
    o.put("uri", s.uri());
    o.put("querystring", s.querystring());
    o.put("user_agent", s.userAgent());
    o.put("outcome", s.outcome());
    return o;
  }

  private static void counts(ObjectNode into, Map<String, Double> counts) {
    counts.forEach((k, v) -> number(into, k, v));
  }

  private static void breakdown(ObjectNode into, Map<String, Map<String, Double>> rows) {
    rows.forEach((k, row) -> {
      ObjectNode o = into.putObject(k);
      number(o, "requests", ReportSection.total(row));
      counts(o.putObject("decisions"), row);
    });
  }

  private static void number(ObjectNode into, String key, double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      into.put(key, (long) value);
    } else {
      into.put(key, value);
    }
  }

  private static void strings(ArrayNode into, List<String> values) {
    values.forEach(into::add);
  }
}
