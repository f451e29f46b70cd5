package dev.cfsim.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cfsim.rules.Decision;
import dev.cfsim.viewer.ViewerEventJson;
import dev.cfsim.viewer.ViewerRequestEvent;
import java.io.UncheckedIOException;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * The Java evaluator's decision as the object a function's handler would return, so it can be
 * put in {@link FunctionOutput}'s canonical form next to what Node returned.
 */
public final class EvaluatorOutput {

  private static final ObjectMapper JSON = new ObjectMapper();

  private EvaluatorOutput() {}

  /**
   * The response or request object that {@code decision} stands for, for {@code event};
   * {@code eventJson} is the event as JSON, whose request is the answer when nothing changed.
   */
  public static JsonNode of(Decision decision, ViewerRequestEvent event, JsonNode eventJson) {
    if (decision instanceof Decision.Request request && !request.changed()) {
      return eventJson.get("request");
    }
    return of(decision, event);
  }

  /** The response or request object that {@code decision} stands for, for {@code event}. */
  public static JsonNode of(Decision decision, ViewerRequestEvent event) {
    if (decision instanceof Decision.Response response) {
      ObjectNode out = JSON.createObjectNode();
      out.put("statusCode", response.statusCode());
      out.put("statusDescription", response.statusDescription());
      ObjectNode headers = out.putObject("headers");
      response.headers().forEach((name, value) -> headers.putObject(name).put("value", value));
      return out;
    }
    Decision.Request request = (Decision.Request) decision;
    ViewerRequestEvent changed = new ViewerRequestEvent(event.distributionDomainName(),
        event.distributionId(), event.requestId(), event.viewerIp(), request.request());
    try {
      return JSON.readTree(ViewerEventJson.write(changed)).get("request");
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
