package dev.cfsim.rules;

import dev.cfsim.viewer.FieldValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** How a rule turns {@code request.querystring} back into text for a redirect location. */
public final class QueryStrings {
  private QueryStrings() {}

  /**
   * Serialises the query string the way the generated function does: parameters in the order a
   * JavaScript object enumerates them, which is event order except that names that are array
   * indices ({@code 0}, {@code 1}, {@code 10}, … below 2^32 − 1, no leading zeros) come first,
   * in ascending numeric order (ECMAScript OrdinaryOwnPropertyKeys; a function cannot see the
   * viewer's own order for them);
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
    for (String name : javascriptOrder(querystring.keySet())) {
      for (String value : querystring.get(name).values()) {
        if (!sb.isEmpty()) {
          sb.append('&');
        }
        sb.append(name).append('=').append(value);
      }
    }
    return sb.toString();
  }

  /** The names in JavaScript's property order: array indices ascending, then the rest as given. */
  static List<String> javascriptOrder(Collection<String> names) {
    List<String> indices = new ArrayList<>();
    List<String> others = new ArrayList<>();
    for (String name : names) {
      (isArrayIndex(name) ? indices : others).add(name);
    }
    if (indices.isEmpty()) {
      return others;
    }
    indices.sort(Comparator.comparingLong(Long::parseLong));
    indices.addAll(others);
    return indices;
  }

  /** ECMAScript's array index: the canonical decimal form of an integer from 0 to 2^32 − 2. */
  static boolean isArrayIndex(String name) {
    int n = name.length();
    if (n == 0 || n > 10 || (n > 1 && name.charAt(0) == '0')) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = name.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return Long.parseLong(name) < 0xFFFF_FFFFL;
  }
}
