package dev.cfsim.viewer;


/**
 * Splits a request's query string and Cookie headers into the name → {@link FieldValue} maps a
 * function sees. Values stay as the viewer sent them (CloudFront does not percent-decode them);
 * a repeated name folds into one entry with {@code multiValue}.
 */
final class FieldParsing {
  private FieldParsing() {}

  /** Parameters of a raw query string ({@code a=1&b&a=2}); a name without {@code =} gets "". */
  static FieldMap querystring(String raw) {
    if (raw.isEmpty()) {
      return FieldMap.empty();
    }
    FieldMap.Builder params = FieldMap.builder(8);
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
    return params.build();
  }

  /** The cookies of a Cookie header's value ({@code a=1; b=2}). */
  static FieldMap cookies(String header) {
    FieldMap.Builder cookies = FieldMap.builder(8);
    addCookies(header, cookies);
    return cookies.build();
  }

  /** Adds the cookies of one Cookie header ({@code a=1; b=2}) to the map. */
  private static void addCookies(String header, FieldMap.Builder cookies) {
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

  private static void addPair(String text, int from, int to, FieldMap.Builder fields) {
    int eq = text.indexOf('=', from);
    if (eq < 0 || eq >= to) {
      fields.append(text.substring(from, to), "");
    } else {
      fields.append(text.substring(from, eq), text.substring(eq + 1, to));
    }
  }
}
