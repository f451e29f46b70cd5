package dev.cfsim.function;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What one call of a function's {@code handler} gave in Node: the object it returned (a request
 * or a response), or the error it threw. At the edge a thrown error becomes a 503 to the viewer.
 *
 * @param output the returned value as JSON; null when the handler threw or returned nothing
 * @param error the error's first line; null when the handler returned
 */
public record FunctionResult(JsonNode output, String error) {

  /** True when the handler threw. */
  public boolean failed() {
    return error != null;
  }
}
