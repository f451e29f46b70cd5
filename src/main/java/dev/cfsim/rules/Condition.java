package dev.cfsim.rules;

import dev.cfsim.viewer.Ascii;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a rule tests about a viewer request. Every test reads the event a viewer-request
 * CloudFront Function receives, and nothing else.
 *
 * <p>Shared semantics (the generated JavaScript reproduces them exactly):
 * <ul>
 *   <li>A header, cookie or query parameter that occurs more than once is tested on its first
 *       value only ({@code .value} in the event, never {@code multiValue}).
 *   <li>Header names are case-insensitive (stored lower-case, as in the event); cookie and
 *       query-parameter names are case-sensitive, as the viewer sent them.
 *   <li>Values are compared as the event holds them: no percent-decoding, no trimming,
 *       case-sensitive unless a condition says otherwise.
 *   <li>A test on a header, cookie or parameter that is absent is false (so {@code not} of it is
 *       true), except {@code present: false}. A missing CloudFront geo or device header is
 *       absent like any other.
 * </ul>
 */
public sealed interface Condition {

  /**
   * The tests this condition is made of, whatever {@code all}, {@code any} and {@code not} join
   * them: what a rule reads, as opposed to what it decides.
   */
  default Stream<Condition> tests() {
    if (this instanceof All all) {
      return all.conditions().stream().flatMap(Condition::tests);
    }
    if (this instanceof Any any) {
      return any.conditions().stream().flatMap(Condition::tests);
    }
    if (this instanceof Not not) {
      return not.condition().tests();
    }
    return Stream.of(this);
  }

  /** True when every condition is; an empty list is always true (a rule without {@code when}). */
  record All(List<Condition> conditions) implements Condition {
    public All {
      conditions = List.copyOf(conditions);
    }
  }

  /** True when at least one condition is; never empty. */
  record Any(List<Condition> conditions) implements Condition {
    public Any {
      conditions = List.copyOf(conditions);
      if (conditions.isEmpty()) {
        throw new IllegalArgumentException("'any' needs at least one condition");
      }
    }
  }

  /** True when the condition is false. */
  record Not(Condition condition) implements Condition {
    public Not {
      Objects.requireNonNull(condition, "condition");
    }
  }

  /**
   * The {@code cloudfront-viewer-country} header's value is exactly one of the codes.
   *
   * @param codes ISO 3166-1 alpha-2 codes, upper case
   */
  record Country(Set<String> codes) implements Condition {
    public Country {
      codes = Set.copyOf(codes);
      if (codes.isEmpty()) {
        throw new IllegalArgumentException("needs at least one country code");
      }
      codes.forEach(Country::requireCode);
    }

    /** Returns {@code code} when it is an assigned ISO 3166-1 alpha-2 code, else throws. */
    public static String requireCode(String code) {
      if (!IsoCountries.isAssigned(code)) {
        throw new IllegalArgumentException(
            "'" + code + "' is not an ISO 3166-1 alpha-2 country code (upper case, e.g. KR, US, DE)");
      }
      return code;
    }
  }

  /**
   * The viewer's first-level subdivision is one of the codes: true when
   * {@code cloudfront-viewer-country} equals the code's country part and
   * {@code cloudfront-viewer-country-region} equals the part after the hyphen.
   *
   * @param codes ISO 3166-2 codes such as {@code KR-11} (Seoul), upper case
   */
  record CountryRegion(Set<String> codes) implements Condition {
    private static final Pattern ISO_3166_2 = Pattern.compile("[A-Z]{2}-[A-Z0-9]{1,3}");

    public CountryRegion {
      codes = Set.copyOf(codes);
      if (codes.isEmpty()) {
        throw new IllegalArgumentException("needs at least one region code");
      }
      codes.forEach(CountryRegion::requireCode);
    }

    /** Returns {@code code} when it is an ISO 3166-2 subdivision code, else throws. */
    public static String requireCode(String code) {
      if (!ISO_3166_2.matcher(code).matches() || !IsoCountries.isAssigned(code.substring(0, 2))) {
        throw new IllegalArgumentException("'" + code
            + "' is not an ISO 3166-2 subdivision code: country, hyphen, up to 3 letters or digits (e.g. KR-11)");
      }
      if (!IsoSubdivisions.isAssigned(code)) {
        throw new IllegalArgumentException("'" + code + "' is not a subdivision of " + code.substring(0, 2)
            + " in ISO 3166-2 (e.g. KR-11 is Seoul; the list is Debian iso-codes 4.15)");
      }
      return code;
    }
  }

  /** At least one of the device headers ({@link Device#header()}) has the value {@code true}. */
  record DeviceIs(Set<Device> devices) implements Condition {
    public DeviceIs {
      devices = Set.copyOf(devices);
      if (devices.isEmpty()) {
        throw new IllegalArgumentException("needs at least one device");
      }
    }
  }

  /** {@code request.uri}, as received, matches at least one glob (exact when no wildcard). */
  record Path(List<Glob> patterns) implements Condition {
    public Path {
      patterns = List.copyOf(patterns);
      requireSlash(patterns.stream().map(Glob::pattern).toList(), true);
    }
  }

  /** {@code request.uri}, as received, starts with at least one of the prefixes. */
  record PathPrefix(List<String> prefixes) implements Condition {
    public PathPrefix {
      prefixes = List.copyOf(prefixes);
      requireSlash(prefixes, false);
    }
  }

  /**
   * The {@code host} header's first value matches at least one glob, ignoring ASCII case (A–Z
   * and a–z are the same; no other folding). The port, if the viewer sent one, is part of the
   * value.
   *
   * @param patterns globs, stored lower case
   */
  record Host(List<Glob> patterns) implements Condition {
    public Host {
      patterns = patterns.stream().map(g -> new Glob(Ascii.lower(g.pattern()))).toList();
      if (patterns.isEmpty()) {
        throw new IllegalArgumentException("needs at least one host");
      }
    }
  }

  /** {@code request.method} is exactly one of the methods (upper case). */
  record Method(Set<String> methods) implements Condition {
    private static final Set<String> KNOWN =
        Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH");

    public Method {
      methods = Set.copyOf(methods);
      if (methods.isEmpty()) {
        throw new IllegalArgumentException("needs at least one method");
      }
      for (String m : methods) {
        if (!KNOWN.contains(m)) {
          throw new IllegalArgumentException(
              "'" + m + "' is not a method CloudFront forwards: one of " + String.join(", ", KNOWN.stream().sorted().toList()));
        }
      }
    }
  }

  /** Where a {@link Field} test looks: {@code request.headers}, {@code cookies} or {@code querystring}. */
  enum Source {
    HEADER("header"),
    COOKIE("cookie"),
    QUERY("query");

    private final String id;

    Source(String id) {
      this.id = id;
    }

    /** The key in rules files. */
    public String id() {
      return id;
    }
  }

  /**
   * A test on one header, cookie or query parameter, looked up by name in the event.
   *
   * @param source which map of the request
   * @param name the name; lower case for headers, as sent for cookies and parameters
   * @param test what the first value must satisfy
   */
  record Field(Source source, String name, FieldTest test) implements Condition {
    public Field {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(test, "test");
      if (name.isEmpty()) {
        throw new IllegalArgumentException("the name is empty");
      }
      if (source == Source.HEADER) {
        name = Ascii.lower(name);
        Headers.requireVisible(name);
      }
    }
  }

  private static void requireSlash(List<String> paths, boolean globs) {
    if (paths.isEmpty()) {
      throw new IllegalArgumentException("needs at least one path");
    }
    for (String p : paths) {
      if (!p.startsWith("/") && !(globs && p.startsWith("*"))) {
        throw new IllegalArgumentException("'" + p + "' must start with '/' (request.uri always does)");
      }
    }
  }
}
