package dev.cfsim.viewer;

import java.util.AbstractMap;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A cookie or query-string map parsed only when someone reads it. Most rules never look at
 * cookies, and parsing them would be a third of the garbage an event makes; the event still
 * holds the same map a function would see, built on first use (safely, from any thread).
 */
final class LazyFieldMap extends AbstractMap<String, FieldValue> {
  private final String raw;
  private final Function<String, FieldMap> parser;
  private volatile FieldMap parsed;

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

  private FieldMap map() {
    FieldMap m = parsed;
    if (m == null) {
      m = parser.apply(raw);
      parsed = m;
    }
    return m;
  }

  @Override
  public FieldValue get(Object key) {
    return map().get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return map().containsKey(key);
  }

  @Override
  public int size() {
    return map().size();
  }

  @Override
  public Set<Entry<String, FieldValue>> entrySet() {
    return map().entrySet();
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super FieldValue> action) {
    map().forEach(action);
  }
}
