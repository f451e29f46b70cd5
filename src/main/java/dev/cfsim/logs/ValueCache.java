package dev.cfsim.logs;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * Reuses the String for values that repeat on almost every line (edge location, method,
 * protocol, result type, TLS cipher, content type, host, User-Agent): a small direct-mapped cache keyed by
 * the bytes, so reading a log does not allocate those strings again and again. Values that do
 * not repeat (request ids, IPs) simply miss. Not thread-safe: one per parser.
 */
final class ValueCache {

  private static final int SIZE = 1024;
  private static final int MAX_LEN = 512;

  private final String[] entries = new String[SIZE];
  private final byte[][] keys = new byte[SIZE][];
  private final byte[][] lastKeys = new byte[LogField.values().length][];
  private final String[] lastEntries = new String[LogField.values().length];

  /**
   * The ASCII bytes as a String passed through {@code convert} (e.g. URL-decoding), shared with
   * earlier equal values where possible.
   */
  String get(int slot, byte[] buf, int start, int len, UnaryOperator<String> convert) {
    if (len > MAX_LEN) {
      return convert.apply(new String(buf, start, len, StandardCharsets.ISO_8859_1));
    }
    byte[] last = lastKeys[slot];
    if (last != null && Arrays.equals(last, 0, last.length, buf, start, start + len)) {
      return lastEntries[slot]; // the same as this column's value on the line before
    }
    int idx = ByteScan.sketchHash(buf, start, len, slot) & (SIZE - 1);
    byte[] key = keys[idx];
    if (key != null && Arrays.equals(key, 0, key.length, buf, start, start + len)) {
      lastKeys[slot] = key;
      lastEntries[slot] = entries[idx];
      return entries[idx];
    }
    String s = convert.apply(new String(buf, start, len, StandardCharsets.ISO_8859_1));
    byte[] k = new byte[len];
    System.arraycopy(buf, start, k, 0, len);
    keys[idx] = k;
    entries[idx] = s;
    lastKeys[slot] = k;
    lastEntries[slot] = s;
    return s;
  }

}
