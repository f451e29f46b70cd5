package dev.cfsim.api;

import dev.cfsim.StrictUtf8;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request's query options, read strictly from the raw query string: an option that is
 * misspelt, given twice, or whose percent-escapes do not decode to UTF-8 is a 400 naming it.
 * Javalin's own parsing drops a value it cannot decode and keeps the first of repeated ones, so
 * a typo would silently price with the defaults.
 *
 * @param values each option given, decoded ({@code +} is a space, as in HTML forms)
 */
record QueryParameters(Map<String, String> values) {

  QueryParameters {
    values = Map.copyOf(values);
  }

  /** The options of {@code ctx}; 400 naming the first that is unknown, repeated or undecodable. */
  static QueryParameters read(Context ctx, List<String> known) {
    String query = ctx.queryString();
    Map<String, String> values = new LinkedHashMap<>();
    if (query == null || query.isEmpty()) {
      return new QueryParameters(values);
    }
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String rawName = eq < 0 ? pair : pair.substring(0, eq);
      String name = decode(rawName, rawName);
      if (!known.contains(name)) {
        throw ProblemException.badParameter(name, known.isEmpty()
            ? "unknown option (this route takes no query parameters)"
            : "unknown option (known: " + String.join(", ", known) + ")");
      }
      String value = eq < 0 ? "" : decode(name, pair.substring(eq + 1));
      if (values.putIfAbsent(name, value) != null) {
        throw ProblemException.badParameter(name, "given more than once; give it once");
      }
    }
    return new QueryParameters(values);
  }

  /** 400 unless the request has no query options: for routes that take none. */
  static void requireNone(Context ctx) {
    read(ctx, List.of());
  }

  /** The option's value; null when absent. */
  String get(String name) {
    return values.get(name);
  }

  /** {@code true} or {@code false}; {@code fallback} when absent. */
  boolean flag(String name, boolean fallback) {
    String v = get(name);
    if (v == null) {
      return fallback;
    }
    if (v.equals("true") || v.equals("false")) {
      return Boolean.parseBoolean(v);
    }
    throw ProblemException.badParameter(name, "must be true or false, not '" + v + "'");
  }

  /** A whole number from {@code min} to {@code max}, written in plain digits; null when absent. */
  Long wholeNumber(String name, long min, long max) {
    String v = get(name);
    if (v == null) {
      return null;
    }
    if (v.matches("[0-9]{1,19}")) {
      try {
        long n = Long.parseLong(v);
        if (n >= min && n <= max) {
          return n;
        }
      } catch (NumberFormatException tooLong) {
        // past a long: out of range like any other
      }
    }
    throw ProblemException.badParameter(name, String.format(java.util.Locale.ROOT,
        "must be a whole number from %,d to %,d, not '%s'", min, max, v));
  }

  /**
   * Percent-decodes {@code raw}: each run of escapes must be whole ({@code %} and two hex digits)
   * and decode to UTF-8, or {@code name} gets a 400.
   */
  private static String decode(String name, String raw) {
    StringBuilder text = new StringBuilder(raw.length());
    int i = 0;
    while (i < raw.length()) {
      char c = raw.charAt(i);
      if (c != '%') {
        text.append(c == '+' ? ' ' : c);
        i++;
        continue;
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      for (; i < raw.length() && raw.charAt(i) == '%'; i += 3) {
        int high = hexDigit(raw, i + 1);
        int low = hexDigit(raw, i + 2);
        if (high < 0 || low < 0) {
          throw ProblemException.badParameter(name, "bad percent-escape in '" + raw
              + "' (% must be followed by two hex digits; send a % itself as %25)");
        }
        bytes.write(high << 4 | low);
      }
      try {
        text.append(StrictUtf8.decode(ByteBuffer.wrap(bytes.toByteArray())));
      } catch (CharacterCodingException e) {
        throw ProblemException.badParameter(name, "'" + raw + "' is not UTF-8 once percent-decoded");
      }
    }
    return text.toString();
  }

  private static int hexDigit(String s, int at) {
    return at < s.length() ? Character.digit(s.charAt(at), 16) : -1;
  }
}
