package dev.cfsim.rules;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which request headers a CloudFront Function can read and change. Source: CloudFront developer
 * guide, "Restrictions on edge functions" (disallowed and read-only headers; adding or editing
 * one makes CloudFront answer 502), https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/edge-functions-restrictions.html
 */
public final class Headers {
  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9a-z-]+");

  /** The function never sees these and may not add them. */
  private static final Set<String> DISALLOWED = Set.of(
      "connection", "expect", "keep-alive", "proxy-authenticate", "proxy-authorization",
      "proxy-connection", "trailer", "upgrade", "x-accel-buffering", "x-accel-charset",
      "x-accel-limit-rate", "x-accel-redirect", "x-amzn-auth", "x-amzn-cf-billing",
      "x-amzn-cf-id", "x-amzn-cf-xff", "x-amzn-errortype", "x-amzn-fle-profile",
      "x-amzn-header-count", "x-amzn-header-order", "x-amzn-lambda-integration-tag",
      "x-amzn-requestid", "x-cache", "x-forwarded-proto", "x-real-ip");
  private static final List<String> DISALLOWED_PREFIXES = List.of("x-amz-cf-", "x-edge-");

  /** Read-only in a viewer-request function. */
  private static final Set<String> READ_ONLY =
      Set.of("content-length", "host", "transfer-encoding", "via");

  private Headers() {}

  /** The headers a viewer-request function may read but not add, change or remove. */
  public static Set<String> readOnly() {
    return READ_ONLY;
  }

  /** Throws unless a function can read {@code name} (lower case) from {@code request.headers}. */
  static void requireVisible(String name) {
    requireToken(name);
    if (name.equals("cookie")) {
      throw new IllegalArgumentException("the Cookie header is not in request.headers; use a 'cookie' condition");
    }
    if (isDisallowed(name)) {
      throw new IllegalArgumentException("'" + name + "' is a header CloudFront Functions never see");
    }
  }

  /** Throws unless a function may add, replace or remove {@code name} (lower case). */
  static void requireWritable(String name) {
    if (name.equals("cookie")) {
      throw new IllegalArgumentException("the Cookie header is not in request.headers: a function changes"
          + " cookies in request.cookies, which rules do not write");
    }
    requireVisible(name);
    if (READ_ONLY.contains(name)) {
      throw new IllegalArgumentException(
          "'" + name + "' is read-only in a viewer-request function (CloudFront would answer 502)");
    }
  }

  /**
   * Throws unless a function may set {@code name} (lower case): writable, and not
   * {@code __proto__}, which the generated assignment {@code request.headers[name] = …} would
   * take as the headers object's prototype instead of a header. Removing it is a plain
   * {@code delete} of an own property, so {@link #requireWritable} is enough there.
   */
  static void requireSettable(String name) {
    requireWritable(name);
    if (name.equals("__proto__")) {
      throw new IllegalArgumentException("'__proto__' cannot be set: in JavaScript, assigning it replaces"
          + " the prototype of request.headers instead of adding a header");
    }
  }

  /** True when {@code name} is a lower-case HTTP token, as header names in an event are. */
  public static boolean isToken(String name) {
    return TOKEN.matcher(name).matches();
  }

  private static void requireToken(String name) {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("a header name cannot be empty");
    }
    for (int i = 0; i < name.length(); i++) {
      if (!isToken(name.substring(i, i + 1))) {
        throw new IllegalArgumentException("not a valid header name: " + CharacterAt.describe(name, i)
            + " is not a letter, digit or one of !#$%&'*+.^_`|~-");
      }
    }
  }

  /**
   * Throws unless {@code value} is a header value that HTTP carries as written, judged as
   * {@link Template} judges a location: printable ASCII, plus spaces and tabs (which a value may
   * hold and a URL may not), none at either end, since HTTP drops them there. Anything else
   * (control characters, U+0085, U+2028, lone surrogates, any non-ASCII) CloudFront could not
   * send as the function set it.
   */
  static void requireValue(String name, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < ' ' && c != '\t') || c == 127) {
        throw new IllegalArgumentException("the value of header '" + name + "' has a control character at position "
            + (i + 1));
      }
      if (c > 126) {
        throw new IllegalArgumentException("the value of header '" + name + "' has the non-ASCII character "
            + CharacterAt.describe(value, i) + "; a header value holds printable ASCII, spaces and tabs only");
      }
    }
    if (!value.isEmpty() && (isBlank(value.charAt(0)) || isBlank(value.charAt(value.length() - 1)))) {
      throw new IllegalArgumentException("the value of header '" + name
          + "' begins or ends with white space, which HTTP drops from a header value");
    }
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }

  /** True when a function never sees {@code name} (lower case) and may not add it. */
  public static boolean isDisallowed(String name) {
    return DISALLOWED.contains(name) || DISALLOWED_PREFIXES.stream().anyMatch(name::startsWith);
  }
}
