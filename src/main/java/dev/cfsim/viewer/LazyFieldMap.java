package dev.cfsim.viewer;

import java.util.function.Function;

/**
 * A cookie or query-string map parsed only when someone reads it. Most rules never look at
 * cookies, and parsing them would be a third of the garbage an event makes; the event still
 * holds the same map a function would see, built on first use.
 */
final class LazyFieldMap extends OnDemandFieldMap {
  private final String raw;
  private final Function<String, FieldMap> parser;

  private LazyFieldMap(String raw, Function<String, FieldMap> parser) {
    this.raw = raw;
    this.parser = parser;
  }

  /** The cookies of a Cookie header's value ({@code a=1; b=2}). */
  static LazyFieldMap cookies(String header) {
    return new LazyFieldMap(header, FieldParsing::cookies);
  }

  /** The parameters of a raw query string ({@code a=1&b=2}). */
  static LazyFieldMap querystring(String raw) {
    return new LazyFieldMap(raw, FieldParsing::querystring);
  }

  @Override
  FieldMap build() {
    return parser.apply(raw);
  }
}
