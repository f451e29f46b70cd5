package dev.cfsim.viewer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a request's query string and Cookie headers into the name → {@link FieldValue} maps a
 * function sees. Values stay as the viewer sent them (CloudFront does not percent-decode them);
 * a repeated name folds into one entry with {@code multiValue}.
 */
final class FieldParsing {
  private FieldParsing() {}

  /** Parameters of a raw query string ({@code a=1&b&a=2}); a name without {@code =} gets "". */
  static Map<String, FieldValue> querystring(String raw) {
    if (raw.isEmpty()) {
      return Map.of();
    }
    Map<String, FieldValue> params = new LinkedHashMap<>();
    int start = 0;
    while (start <= raw.length()) {
      int end = raw.indexOf('&', start);
      if (end < 0) {
        end = raw.length();
      }
      if (end > start) {
        addPair(raw, start, end, params);
      }
      start = end + 1;
    }
    return params;
  }

  /** Adds the cookies of one Cookie header ({@code a=1; b=2}) to the map. */
  static void addCookies(String header, Map<String, FieldValue> cookies) {
    int start = 0;
    while (start <= header.length()) {
      int end = header.indexOf(';', start);
      if (end < 0) {
        end = header.length();
      }
      int from = start;
      int to = end;
      while (from < to && header.charAt(from) == ' ') {
        from++;
      }
      while (to > from && header.charAt(to - 1) == ' ') {
        to--;
      }
      if (to > from) {
        addPair(header, from, to, cookies);
      }
      start = end + 1;
    }
  }

  /** Adds one occurrence of a name, folding repeats into multiValue in arrival order. */
  static void append(Map<String, FieldValue> fields, String name, String value) {
    FieldValue existing = fields.get(name);
    if (existing == null) {
      fields.put(name, FieldValue.of(value));
      return;
    }
    List<String> all = new ArrayList<>(existing.values());
    all.add(value);
    fields.put(name, FieldValue.ofAll(all));
  }

  private static void addPair(String text, int from, int to, Map<String, FieldValue> fields) {
    int eq = text.indexOf('=', from);
    if (eq < 0 || eq >= to) {
      append(fields, text.substring(from, to), "");
    } else {
      append(fields, text.substring(from, eq), text.substring(eq + 1, to));
    }
  }
}
