package dev.cfsim.logs;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * Reuses the String for values that repeat on almost every line (edge location, method,
 * protocol, result type, TLS cipher, content type, host, User-Agent): a small direct-mapped cache
 * keyed by the bytes and the field, so reading a log does not allocate those strings again and
 * again. Values up to 16 bytes (most of them: {@code GET}, {@code Hit}, {@code ICN54-C1},
 * {@code 2026-11-02}) are keyed by two words compared as numbers, which costs less than comparing
 * arrays; longer ones by a copy of their bytes. Values that do not repeat simply miss. Not
 * thread-safe: one per parser.
 */
final class ValueCache {

  private static final int SIZE = 1024;
  private static final int MAX_LEN = 512;
  private static final int SHORT = 16;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  // short values: (low word, high word, length and slot) -> String
  private final long[] lows = new long[SIZE];
  private final long[] highs = new long[SIZE];
  private final int[] tags = new int[SIZE];
  private final String[] shortEntries = new String[SIZE];

  // longer values: (bytes, slot) -> String
  private final byte[][] keys = new byte[SIZE][];
  private final int[] keySlots = new int[SIZE];
  private final String[] entries = new String[SIZE];
  private final byte[][] lastKeys = new byte[LogField.values().length][];
  private final String[] lastEntries = new String[LogField.values().length];

  /**
   * The ASCII bytes {@code buf[start, start + len)} of field {@code slot} as a String passed
   * through {@code convert} (e.g. URL-decoding), shared with earlier equal values where possible.
   */
  String get(int slot, byte[] buf, int start, int len, UnaryOperator<String> convert) {
    if (len <= SHORT) {
      return getShort(slot, buf, start, len, convert);
    }
    if (len > MAX_LEN) {
      return convert.apply(new String(buf, start, len, StandardCharsets.ISO_8859_1));
    }
    byte[] last = lastKeys[slot];
    if (last != null && Arrays.equals(last, 0, last.length, buf, start, start + len)) {
      return lastEntries[slot]; // the same as this column's value on the line before
    }
    int idx = ByteScan.sketchHash(buf, start, len, slot) & (SIZE - 1);
    byte[] key = keys[idx];
    if (key != null && keySlots[idx] == slot
        && Arrays.equals(key, 0, key.length, buf, start, start + len)) {
      lastKeys[slot] = key;
      lastEntries[slot] = entries[idx];
      return entries[idx];
    }
    String s = convert.apply(new String(buf, start, len, StandardCharsets.ISO_8859_1));
    byte[] k = Arrays.copyOfRange(buf, start, start + len);
    keys[idx] = k;
    keySlots[idx] = slot;
    entries[idx] = s;
    lastKeys[slot] = k;
    lastEntries[slot] = s;
    return s;
  }

  private String getShort(int slot, byte[] buf, int start, int len, UnaryOperator<String> convert) {
    long low = word(buf, start, Math.min(len, 8));
    long high = len > 8 ? word(buf, start + 8, len - 8) : 0;
    int tag = len << 16 | slot;
    long h = (low * 0x9E3779B97F4A7C15L) ^ (high * 0xC2B2AE3D27D4EB4FL) ^ tag;
    int idx = (int) (h ^ (h >>> 29) ^ (h >>> 47)) & (SIZE - 1);
    if (lows[idx] == low && highs[idx] == high && tags[idx] == tag && shortEntries[idx] != null) {
      return shortEntries[idx];
    }
    String s = convert.apply(new String(buf, start, len, StandardCharsets.ISO_8859_1));
    lows[idx] = low;
    highs[idx] = high;
    tags[idx] = tag;
    shortEntries[idx] = s;
    return s;
  }

  /** Up to 8 bytes as a little-endian word, the bytes past {@code n} zeroed. */
  private static long word(byte[] buf, int at, int n) {
    if (at + 8 <= buf.length) {
      long w = (long) LONGS.get(buf, at);
      return n == 8 ? w : w & (-1L >>> (64 - 8 * n));
    }
    long w = 0;
    for (int i = n - 1; i >= 0; i--) {
      w = w << 8 | (buf[at + i] & 0xff);
    }
    return w;
  }
}
