package dev.cfsim.viewer;

import java.util.AbstractMap;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An immutable field map whose {@link FieldMap} is built on first use, safely from any thread (a
 * race builds it twice, to equal maps). Replay makes one event per log record, and most of an
 * event's maps are never read whole; subclasses may answer {@link #get} without building.
 */
abstract class OnDemandFieldMap extends AbstractMap<String, FieldValue> {
  private volatile FieldMap built;

  /** Builds the whole map; called at most once per thread that races for it. */
  abstract FieldMap build();

  private FieldMap map() {
    FieldMap m = built;
    if (m == null) {
      m = build();
      built = m;
    }
    return m;
  }

  /** True once the whole map exists; for tests that lookups stay cheap. */
  final boolean built() {
    return built != null;
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
