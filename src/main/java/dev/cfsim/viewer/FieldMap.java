package dev.cfsim.viewer;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An immutable, insertion-ordered map of names to {@link FieldValue}s, built in one pass: an
 * event's headers, cookies and query string once something reads them whole (see
 * {@link OnDemandFieldMap}). A LinkedHashMap (and the defensive copy a record makes of it) would
 * cost more than everything else in the event, and the 3-million-events-per-second target
 * leaves about 300 ns. Records keep a FieldMap as it is.
 */
public final class FieldMap extends AbstractMap<String, FieldValue> {
  private static final FieldMap EMPTY = new FieldMap(new String[0], new FieldValue[0], 0);

  private final String[] names;
  private final FieldValue[] values;
  private final int size;
  /** Open-addressing index: slot → position + 1, 0 for empty (bytes while they fit). */
  private final byte[] smallIndex;
  private final int[] largeIndex;
  private final int mask;

  private FieldMap(String[] names, FieldValue[] values, int size) {
    this.names = names;
    this.values = values;
    this.size = size;
    int capacity = Integer.highestOneBit(Math.max(4, size * 2 - 1)) << 1;
    this.mask = capacity - 1;
    boolean small = size < Byte.MAX_VALUE;
    this.smallIndex = small ? new byte[capacity] : null;
    this.largeIndex = small ? null : new int[capacity];
    for (int i = 0; i < size; i++) {
      int slot = spread(names[i].hashCode()) & mask;
      while (at(slot) != 0) {
        slot = (slot + 1) & mask;
      }
      if (small) {
        smallIndex[slot] = (byte) (i + 1);
      } else {
        largeIndex[slot] = i + 1;
      }
    }
  }

  private int at(int slot) {
    return smallIndex != null ? smallIndex[slot] : largeIndex[slot];
  }

  /** The empty map. */
  public static FieldMap empty() {
    return EMPTY;
  }

  /** The parameters of a raw query string ({@code a=1&b&a=2}), as a function sees them. */
  public static FieldMap querystring(String raw) {
    return FieldParsing.querystring(raw);
  }

  /** An immutable copy of any map, in its iteration order; a FieldMap is returned as it is. */
  public static FieldMap copyOf(Map<String, FieldValue> map) {
    if (map instanceof FieldMap fields) {
      return fields;
    }
    Builder b = new Builder(map.size());
    map.forEach((k, v) -> b.put(Objects.requireNonNull(k, "name"), Objects.requireNonNull(v, "value")));
    return b.build();
  }

  /** Starts a map expected to hold about this many names. */
  public static Builder builder(int expectedSize) {
    return new Builder(expectedSize);
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean containsKey(Object key) {
    return position(key) >= 0;
  }

  @Override
  public FieldValue get(Object key) {
    int i = position(key);
    return i < 0 ? null : values[i];
  }

  private int position(Object key) {
    if (!(key instanceof String name) || size == 0) {
      return -1;
    }
    int slot = spread(name.hashCode()) & mask;
    for (int at = at(slot); at != 0; at = at(slot)) {
      if (name.equals(names[at - 1])) {
        return at - 1;
      }
      slot = (slot + 1) & mask;
    }
    return -1;
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }

  @Override
  public Set<Entry<String, FieldValue>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, FieldValue>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < size;
          }

          @Override
          public Entry<String, FieldValue> next() {
            if (next >= size) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new SimpleImmutableEntry<>(names[i], values[i]);
          }
        };
      }

      @Override
      public int size() {
        return size;
      }
    };
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super FieldValue> action) {
    for (int i = 0; i < size; i++) {
      action.accept(names[i], values[i]);
    }
  }

  /**
   * Collects names in order. {@link #append} folds a repeated name into {@code multiValue} the
   * way CloudFront does; {@link #put} replaces a name, moving it to the end.
   */
  public static final class Builder {
    private String[] names;
    private FieldValue[] values;
    private int size;

    private Builder(int expectedSize) {
      int capacity = Math.max(4, expectedSize);
      names = new String[capacity];
      values = new FieldValue[capacity];
    }

    /** Adds one occurrence of a name; a repeat joins the earlier ones in {@code multiValue}. */
    public Builder append(String name, String value) {
      int i = find(name);
      if (i < 0) {
        add(name, FieldValue.of(value));
      } else {
        FieldValue old = values[i];
        String[] all = old.values().toArray(new String[old.values().size() + 1]);
        all[all.length - 1] = value;
        values[i] = FieldValue.ofAll(Arrays.asList(all));
      }
      return this;
    }

    /** Sets a name to a value, dropping any earlier entry of that name. */
    public Builder put(String name, FieldValue value) {
      remove(name);
      add(name, value);
      return this;
    }

    /** Adds a name known not to be present yet, e.g. a CloudFront header. */
    Builder add(String name, FieldValue value) {
      if (size == names.length) {
        names = Arrays.copyOf(names, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      names[size] = name;
      values[size] = value;
      size++;
      return this;
    }

    /** Drops a name if present. */
    public Builder remove(String name) {
      int i = find(name);
      if (i >= 0) {
        System.arraycopy(names, i + 1, names, i, size - i - 1);
        System.arraycopy(values, i + 1, values, i, size - i - 1);
        size--;
        names[size] = null;
        values[size] = null;
      }
      return this;
    }

    private int find(String name) {
      for (int i = 0; i < size; i++) {
        if (names[i].equals(name)) {
          return i;
        }
      }
      return -1;
    }

    /** The map; the builder hands over its arrays and cannot be used again. */
    public FieldMap build() {
      FieldMap map = size == 0 ? EMPTY : new FieldMap(names, values, size);
      names = null;
      values = null;
      return map;
    }
  }
}
