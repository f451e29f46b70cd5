package dev.cfsim.rules;

import dev.cfsim.viewer.FieldValue;
import java.util.Map;

/** How a rule turns {@code request.querystring} back into text for a redirect location. */
public final class QueryStrings {
  private QueryStrings() {}

  /**
   * Serialises the query string the way the generated function does: parameters in event order;
   * for each, every value in order ({@code multiValue} when the name was repeated, else
   * {@code value}) as {@code name=value}, even when the value is empty; pairs joined by
   * {@code &}; names and values copied verbatim (already percent-encoded as received, never
   * re-encoded). No leading {@code ?}; empty when there are no parameters.
   */
  public static String serialise(Map<String, FieldValue> querystring) {
    if (querystring.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (var e : querystring.entrySet()) {
      for (String value : e.getValue().values()) {
        if (!sb.isEmpty()) {
          sb.append('&');
        }
        sb.append(e.getKey()).append('=').append(value);
      }
    }
    return sb.toString();
  }
}
