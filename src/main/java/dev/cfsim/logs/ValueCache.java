package dev.cfsim.logs;

import java.nio.charset.StandardCharsets;

/**
 * Reuses the String for values that repeat on almost every line (edge location, method,
 * protocol, result type, TLS cipher, content type, host): a small direct-mapped cache keyed by
 * the bytes, so reading a log does not allocate those strings again and again. Values that do
 * not repeat (request ids, IPs) simply miss. Not thread-safe: one per parser.
 */
final class ValueCache {

  private static final int SIZE = 1024;
  private static final int MAX_LEN = 48;

  private final String[] entries = new String[SIZE];
  private final byte[][] keys = new byte[SIZE][];

  /** The ASCII bytes as a String, shared with earlier equal values where possible. */
  String get(int slot, byte[] buf, int start, int len) {
    if (len > MAX_LEN) {
      return new String(buf, start, len, StandardCharsets.ISO_8859_1);
    }
    int h = slot * 31;
    for (int i = start; i < start + len; i++) {
      h = h * 31 + buf[i];
    }
    int idx = (h ^ (h >>> 16)) & (SIZE - 1);
    byte[] key = keys[idx];
    if (key != null && key.length == len && equal(key, buf, start)) {
      return entries[idx];
    }
    String s = new String(buf, start, len, StandardCharsets.ISO_8859_1);
    byte[] k = new byte[len];
    System.arraycopy(buf, start, k, 0, len);
    keys[idx] = k;
    entries[idx] = s;
    return s;
  }

  private static boolean equal(byte[] key, byte[] buf, int start) {
    for (int i = 0; i < key.length; i++) {
      if (key[i] != buf[start + i]) {
        return false;
      }
    }
    return true;
  }
}
