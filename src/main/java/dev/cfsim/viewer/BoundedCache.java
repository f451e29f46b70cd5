package dev.cfsim.viewer;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A thread-safe memo with a size cap. Viewer IPs and User-Agents repeat heavily in real logs,
 * so hits dominate; when the cap is reached the map is emptied and refills with what is current,
 * which keeps memory flat without the bookkeeping of an LRU on the hot path.
 */
final class BoundedCache<K, V> {
  private final ConcurrentHashMap<K, V> map;
  private final int maxEntries;
  private final Function<K, V> loader;

  BoundedCache(int maxEntries, Function<K, V> loader) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be at least 1: " + maxEntries);
    }
    this.maxEntries = maxEntries;
    this.loader = loader;
    this.map = new ConcurrentHashMap<>(Math.min(maxEntries, 1 << 16));
  }

  V get(K key) {
    V value = map.get(key);
    if (value != null) {
      return value;
    }
    value = loader.apply(key);
    if (map.size() >= maxEntries) {
      map.clear();
    }
    map.put(key, value);
    return value;
  }
}
