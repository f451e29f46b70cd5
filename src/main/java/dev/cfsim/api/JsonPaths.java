package dev.cfsim.api;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonStreamContext;

/**
 * Writes field locations as JSON paths ({@code $.regions.ap.data_out}, {@code $.lines[0]}), the
 * form the {@code path} member of a problem uses whatever the location came from.
 */
final class JsonPaths {
  private JsonPaths() {}

  /** {@code $} for the whole document. */
  static final String ROOT = "$";

  /**
   * A dotted location as cfsim's readers report it ({@code regions.ap.data_out},
   * {@code rules[2].when}) as a JSON path; null when the location is empty.
   */
  static String fromLocation(String location) {
    if (location == null || location.isBlank()) {
      return null;
    }
    String trimmed = location.strip();
    if (trimmed.startsWith("$")) {
      return trimmed;
    }
    return trimmed.startsWith("[") ? ROOT + trimmed : ROOT + "." + trimmed;
  }

  /** Where a streaming parser stood when it failed. */
  static String fromContext(JsonStreamContext context) {
    return context == null ? ROOT : fromPointer(context.pathAsPointer());
  }

  static String fromPointer(JsonPointer pointer) {
    StringBuilder sb = new StringBuilder(ROOT);
    for (JsonPointer p = pointer; p != null && !p.matches(); p = p.tail()) {
      if (p.mayMatchElement()) {
        sb.append('[').append(p.getMatchingIndex()).append(']');
      } else {
        sb.append('.').append(p.getMatchingProperty());
      }
    }
    return sb.toString();
  }
}
