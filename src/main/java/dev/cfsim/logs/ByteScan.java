package dev.cfsim.logs;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Byte searches eight bytes at a time (SWAR: the word tricks from "Bit Twiddling Hacks",
 * "determine if a word has a byte equal to n"). Finding tabs and line ends is most of the work
 * of reading a log, and a byte-at-a-time loop caps it well below the speed we want.
 */
final class ByteScan {

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long LOWS = 0x7F7F7F7F7F7F7F7FL;

  private ByteScan() {}

  /** The index of the first {@code b} in {@code buf[from, to)}, or -1. */
  static int indexOf(byte[] buf, int from, int to, byte b) {
    long pattern = ONES * (b & 0xff);
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long w = (long) LONGS.get(buf, i) ^ pattern;
      long found = (w - ONES) & ~w & HIGHS;
      if (found != 0) {
        // the lowest flagged byte is always a true match; false flags only sit above one
        return i + (Long.numberOfTrailingZeros(found) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (buf[i] == b) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Finds every {@code b} in {@code buf[from, to)} in one pass and writes their indices to
   * {@code out} (as many as fit). Returns how many there are, negated when the range also holds
   * a byte above 127 (then the caller decodes text as UTF-8): {@code -(count + 1)}.
   */
  static int positions(byte[] buf, int from, int to, byte b, int[] out) {
    long pattern = ONES * (b & 0xff);
    long high = 0;
    int n = 0;
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long word = (long) LONGS.get(buf, i);
      high |= word;
      long x = word ^ pattern;
      // exact zero-byte test: no false positives, so every flagged byte is a match
      long found = ~((((x & LOWS) + LOWS) | x) | LOWS);
      while (found != 0) {
        if (n < out.length) {
          out[n] = i + (Long.numberOfTrailingZeros(found) >>> 3);
        }
        n++;
        found &= found - 1;
      }
    }
    for (; i < to; i++) {
      high |= buf[i];
      if (buf[i] == b) {
        if (n < out.length) {
          out[n] = i;
        }
        n++;
      }
    }
    return (high & HIGHS) == 0 ? n : -(n + 1);
  }

  /**
   * A hash of a byte range from its length and up to three 8-byte words (start, middle, end):
   * cheap for long values such as User-Agents, and good enough for a cache that checks equality.
   */
  static int sketchHash(byte[] buf, int start, int len, int seed) {
    long h = seed * 0x9E3779B97F4A7C15L + len;
    if (len >= 8) {
      h = h * 31 + (long) LONGS.get(buf, start);
      h = h * 31 + (long) LONGS.get(buf, start + (len - 8) / 2);
      h = h * 31 + (long) LONGS.get(buf, start + len - 8);
    } else {
      for (int i = start; i < start + len; i++) {
        h = h * 31 + buf[i];
      }
    }
    h *= 0xbf58476d1ce4e5b9L;
    return (int) (h ^ (h >>> 32));
  }

  /** True when no byte in {@code buf[from, to)} has its high bit set. */
  static boolean isAscii(byte[] buf, int from, int to) {
    long or = 0;
    int i = from;
    for (; i + 8 <= to; i += 8) {
      or |= (long) LONGS.get(buf, i);
    }
    for (; i < to; i++) {
      or |= buf[i];
    }
    return (or & HIGHS) == 0;
  }
}
