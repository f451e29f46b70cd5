package dev.cfsim.viewer;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The fast lane of the viewer-IP cache for IPv4: a direct-mapped table of longs, each packing an
 * address with the id of its answer. Logs hold hundreds of thousands of distinct IPs but only a
 * few hundred distinct answers, so a hit reads one long and one hot object, where a hash map of
 * IP strings walks four or five cold ones. A colliding address simply overwrites the slot: a
 * miss costs a database lookup, never a wrong answer. Thread-safe without locks on hits.
 */
final class Ipv4AnswerCache<V> {
  /** Distinct answers kept; beyond this, new answers are not cached (the lookup still works). */
  private static final int MAX_ANSWERS = 1 << 16;

  private final AtomicLongArray slots;
  private final int shift;
  private final Map<V, Integer> ids = new HashMap<>();
  private volatile Object[] answers = new Object[0];

  /** A table of at least {@code minSlots} slots (rounded up to a power of two). */
  Ipv4AnswerCache(int minSlots) {
    int bits = Math.max(4, 32 - Integer.numberOfLeadingZeros(Math.max(1, minSlots) - 1));
    bits = Math.min(bits, 24); // at most 16 M slots (128 MB)
    this.slots = new AtomicLongArray(1 << bits);
    this.shift = 32 - bits;
  }

  /**
   * The address of a canonical dotted quad ({@code 203.0.113.7}: four decimal parts of 0–255
   * without leading zeros), or -1 for anything else, which then takes the general path.
   */
  static long address(String text) {
    int n = text.length();
    if (n < 7 || n > 15) {
      return -1;
    }
    long address = 0;
    int part = 0;
    int digits = 0;
    int parts = 0;
    for (int i = 0; i <= n; i++) {
      char c = i < n ? text.charAt(i) : '.';
      if (c >= '0' && c <= '9') {
        if (digits > 0 && part == 0) {
          return -1; // a leading zero: leave its reading to the general parser
        }
        part = part * 10 + (c - '0');
        digits++;
        if (part > 255) {
          return -1;
        }
      } else if (c == '.' && digits > 0 && parts < 4) {
        address = address << 8 | part;
        parts++;
        part = 0;
        digits = 0;
      } else {
        return -1;
      }
    }
    return parts == 4 ? address : -1;
  }

  /** The address as an InetAddress, built from its bytes (no text parsing, no DNS). */
  static InetAddress inetAddress(int address) {
    byte[] bytes = {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("four bytes are always an IPv4 address", e);
    }
  }

  /** The answer cached for this address, or null. */
  @SuppressWarnings("unchecked")
  V get(int address) {
    long entry = slots.getAcquire(slot(address));
    if (entry == 0 || (int) (entry >>> 32) != address) {
      return null;
    }
    return (V) answers[(int) entry - 1];
  }

  /** Remembers the answer for this address, replacing whatever shared its slot. */
  void put(int address, V answer) {
    int id = idOf(answer);
    if (id >= 0) {
      slots.setRelease(slot(address), (long) address << 32 | (id + 1));
    }
  }

  private int slot(int address) {
    return (address * 0x9E3779B9) >>> shift;
  }

  private synchronized int idOf(V answer) {
    Integer id = ids.get(answer);
    if (id != null) {
      return id;
    }
    if (ids.size() >= MAX_ANSWERS) {
      return -1;
    }
    int next = ids.size();
    Object[] all = answers;
    if (next == all.length) {
      all = Arrays.copyOf(all, Math.max(16, next * 2));
    }
    all[next] = answer;
    answers = all; // published before any slot can carry the new id
    ids.put(answer, next);
    return next;
  }
}
