package dev.cfsim.logs;

import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * A fixed-size uniform sample of object sizes, so percentiles need memory bounded by the sample,
 * not by the log. It is a bottom-k sample: each value gets a pseudo-random priority from a hash
 * of its request (not from a random generator), and the k lowest priorities are kept. That makes
 * the sample, and so the percentiles, the same whatever order files are read in and however the
 * work is split across threads; merging two samples is exact.
 */
public final class SizeSample {

  /** Values kept; percentiles from 10,000 uniform draws are within about 1 percentile point. */
  public static final int DEFAULT_CAPACITY = 10_000;

  private final int capacity;
  // a max-heap on priority, so the worst kept priority is at index 0
  private final long[] priority;
  private final long[] value;
  private int size;
  private long seen;

  public SizeSample(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.capacity = capacity;
    this.priority = new long[capacity];
    this.value = new long[capacity];
  }

  /** Offers a value; {@code key} identifies the request (e.g. a hash of its id and time). */
  public void add(long key, long size) {
    seen++;
    addWithPriority(mix(key), size);
  }

  /** Adds the other sample's values, as if its requests had been offered here. */
  public void merge(SizeSample other) {
    for (int i = 0; i < other.size; i++) {
      addWithPriority(other.priority[i], other.value[i]);
    }
    seen += other.seen;
  }

  /** Values offered in all. */
  public long seen() {
    return seen;
  }

  /** Values kept. */
  public int size() {
    return size;
  }

  /**
   * The p-th percentile (0 < p ≤ 100) of the sample, by Commons Math's default estimator; NaN
   * when empty.
   */
  public double percentile(double p) {
    if (size == 0) {
      return Double.NaN;
    }
    double[] v = new double[size];
    for (int i = 0; i < size; i++) {
      v[i] = value[i];
    }
    Arrays.sort(v);
    return new Percentile().evaluate(v, p);
  }

  private void addWithPriority(long p, long size) {
    if (this.size < capacity) {
      priority[this.size] = p;
      value[this.size] = size;
      siftUp(this.size++);
    } else if (p < priority[0]) {
      priority[0] = p;
      value[0] = size;
      siftDown(0);
    }
  }

  private void siftUp(int i) {
    while (i > 0) {
      int parent = (i - 1) / 2;
      if (priority[parent] >= priority[i]) {
        return;
      }
      swap(i, parent);
      i = parent;
    }
  }

  private void siftDown(int i) {
    while (true) {
      int l = 2 * i + 1;
      int r = l + 1;
      int top = i;
      if (l < size && priority[l] > priority[top]) {
        top = l;
      }
      if (r < size && priority[r] > priority[top]) {
        top = r;
      }
      if (top == i) {
        return;
      }
      swap(i, top);
      i = top;
    }
  }

  private void swap(int a, int b) {
    long p = priority[a];
    priority[a] = priority[b];
    priority[b] = p;
    long v = value[a];
    value[a] = value[b];
    value[b] = v;
  }

  /** SplitMix64 finaliser: spreads similar keys over the whole range. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
