package dev.cfsim.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a viewer-request function's result means at the edge, in one canonical JSON form, so two
 * results can be compared by equality: the Node harness's and the Java evaluator's.
 *
 * <p>Canonical form: {@code {"response": {statusCode, statusDescription?, headers, cookies, body?}}}
 * or {@code {"request": {method, uri, querystring, headers, cookies}}}. Only the keys CloudFront
 * reads are kept (TestFunction drops the others). Each header, cookie and query parameter becomes
 * the list of values the edge would send, resolved against the event the function received:
 * a changed {@code multiValue} wins; otherwise a changed {@code value} replaces the first value
 * and the later ones stay (function-facts §1.1). Names are sorted: order carries no meaning in
 * these maps for the origin's decision, and JavaScript object order is insertion order.
 */
public final class FunctionOutput {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private FunctionOutput() {}

  /**
   * The canonical form of {@code output}, which a handler returned for {@code event} (both as
   * JSON). A value that is neither a request nor a response is kept under {@code "invalid"}.
   */
  public static ObjectNode canonical(JsonNode output, JsonNode event) {
    ObjectNode result = NODES.objectNode();
    if (output == null || !output.isObject()) {
      result.set("invalid", output == null ? NODES.nullNode() : output);
    } else if (output.has("statusCode")) {
      result.set("response", response(output));
    } else {
      result.set("request", request(output, event.path("request")));
    }
    return result;
  }

  private static ObjectNode response(JsonNode r) {
    ObjectNode out = NODES.objectNode();
    out.set("statusCode", present(r.get("statusCode")));
    if (r.hasNonNull("statusDescription")) {
      out.set("statusDescription", r.get("statusDescription"));
    }
    out.set("headers", fields(r.path("headers"), NODES.missingNode()));
    out.set("cookies", fields(r.path("cookies"), NODES.missingNode()));
    if (r.hasNonNull("body")) {
      out.set("body", r.get("body"));
    }
    return out;
  }

  private static ObjectNode request(JsonNode r, JsonNode original) {
    ObjectNode out = NODES.objectNode();
    out.set("method", present(r.path("method")));
    out.set("uri", present(r.path("uri")));
    JsonNode query = r.path("querystring");
    // A function may set querystring to a string (AWS's normalize-query-string sample).
    out.set("querystring", query.isTextual() ? query : fields(query, original.path("querystring")));
    out.set("headers", fields(r.path("headers"), original.path("headers")));
    out.set("cookies", fields(r.path("cookies"), original.path("cookies")));
    return out;
  }

  private static ObjectNode fields(JsonNode fields, JsonNode original) {
    Map<String, ArrayNode> sorted = new TreeMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = fields.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      ArrayNode values = NODES.arrayNode();
      effectiveValues(e.getValue(), original.path(e.getKey())).forEach(values::add);
      sorted.put(e.getKey(), values);
    }
    ObjectNode out = NODES.objectNode();
    sorted.forEach(out::set);
    return out;
  }

  /** The values the edge sends for one field, applying the multiValue rules against the event. */
  static List<JsonNode> effectiveValues(JsonNode field, JsonNode original) {
    List<JsonNode> values = new ArrayList<>();
    JsonNode multi = field.path("multiValue");
    JsonNode value = field.path("value");
    if (!multi.isArray() || multi.isEmpty()) {
      values.add(present(value));
      return values;
    }
    boolean multiChanged = !multi.equals(original.path("multiValue"));
    if (multiChanged) {
      multi.forEach(v -> values.add(present(v.path("value"))));
    } else {
      values.add(present(value));
      for (int i = 1; i < multi.size(); i++) {
        values.add(present(multi.get(i).path("value")));
      }
    }
    return values;
  }

  /** A missing value as JSON null, so it shows in the canonical form instead of vanishing. */
  private static JsonNode present(JsonNode node) {
    return node == null || node.isMissingNode() ? NODES.nullNode() : node;
  }
}
