package dev.cfsim.viewer;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The fast lane of the viewer-IP cache for IPv4: direct-mapped tables whose entries pack a key
 * (or part of one) with the id of its answer. Logs hold hundreds of thousands of distinct IPs
 * but only a few hundred distinct answers, so a hit reads one entry and one hot object, where a
 * hash map of IP strings walks four or five cold ones. A colliding key simply overwrites the slot: a miss
 * costs a database lookup, never a wrong answer. Thread-safe without locks on hits.
 *
 * <p>Nearly every IP in a log is new, but the databases answer per network, and networks
 * repeat. So an answer is stored for the whole network it holds for: networks of /16 or wider
 * in a table of every /16, networks up to /24 in a direct-mapped table of /24 blocks (one slot
 * per /24 the network spans), narrower ones or unknown networks per address.
 */
final class Ipv4AnswerCache<V> {
  /** Distinct answers kept; beyond this, new answers are not cached (the lookup still works). */
  private static final int MAX_ANSWERS = 1 << 16;

  /** Networks this wide or wider go in the table of every /16 (a /8 fills 256 entries). */
  private static final int WIDE_BITS = 16;
  /** Networks up to this narrow go in the /24 table: a /17 fills 128 slots, still far cheaper than a lookup. */
  private static final int BLOCK_BITS = 24;
  /**
   * Slots of the /24 table, indexed by the block's low 20 bits, so a network's blocks sit side
   * by side (a /17 fills two cache lines' worth of neighbours, not 128 scattered slots); each
   * slot holds the block's top 4 bits as a tag and the answer id + 1 above them. 4 MB. Measured
   * on the generated shop log (200,000 records, warm cache): about 3,500 records a pass still go
   * to the database, where a hashed table of 2^18 slots sent some 13,000.
   */
  private static final int BLOCK_SLOTS_BITS = 20;
  private static final int TAG_BITS = BLOCK_BITS - BLOCK_SLOTS_BITS;
  private static final int BLOCK_INDEX_MASK = (1 << BLOCK_SLOTS_BITS) - 1;

  /** Answer id + 1 per /16; 0 when the /16 is not covered by one known network. */
  private final AtomicIntegerArray wide = new AtomicIntegerArray(1 << WIDE_BITS);
  private final AtomicIntegerArray blocks = new AtomicIntegerArray(1 << BLOCK_SLOTS_BITS);
  private final AtomicLongArray slots;
  private final int slotBits;
  private final Map<V, Integer> ids = new HashMap<>();
  private volatile Object[] answers = new Object[0];

  /** A per-address table of at least {@code minSlots} slots (rounded up to a power of two). */
  Ipv4AnswerCache(int minSlots) {
    int bits = Math.max(4, 32 - Integer.numberOfLeadingZeros(Math.max(1, minSlots) - 1));
    bits = Math.min(bits, 24); // at most 16 M slots (128 MB)
    this.slots = new AtomicLongArray(1 << bits);
    this.slotBits = bits;
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

  /** The answer cached for this address or a network holding it, or null. */
  @SuppressWarnings("unchecked")
  V get(int address) {
    int id = wide.getAcquire(address >>> (32 - WIDE_BITS));
    if (id != 0) {
      return (V) answers[id - 1];
    }
    int block = address >>> (32 - BLOCK_BITS);
    int tagged = blocks.getAcquire(block & BLOCK_INDEX_MASK);
    if (tagged != 0 && (tagged & ((1 << TAG_BITS) - 1)) == block >>> BLOCK_SLOTS_BITS) {
      return (V) answers[(tagged >>> TAG_BITS) - 1];
    }
    long entry = slots.getAcquire(slot(address, slotBits));
    if (entry != 0 && (int) (entry >>> 32) == address) {
      return (V) answers[(int) entry - 1];
    }
    return null;
  }

  /** Remembers the answer for this address only, replacing whatever shared its slot. */
  void put(int address, V answer) {
    put(address, GeoDatabase.Located.UNKNOWN_NETWORK, answer);
  }

  /**
   * Remembers the answer for every address sharing the first {@code networkBits} bits with this
   * one (0 to 32), or for this address only when {@code networkBits} is negative.
   */
  void put(int address, int networkBits, V answer) {
    int id = idOf(answer);
    if (id < 0) {
      return;
    }
    if (networkBits >= 0 && networkBits <= WIDE_BITS) {
      int span = 1 << (WIDE_BITS - networkBits);
      int first = (address >>> (32 - WIDE_BITS)) & -span;
      for (int i = 0; i < span; i++) {
        wide.setRelease(first + i, id + 1);
      }
    } else if (networkBits > WIDE_BITS && networkBits <= BLOCK_BITS) {
      int span = 1 << (BLOCK_BITS - networkBits);
      int first = (address >>> (32 - BLOCK_BITS)) & -span;
      for (int block = first; block < first + span; block++) {
        blocks.setRelease(block & BLOCK_INDEX_MASK, (id + 1) << TAG_BITS | block >>> BLOCK_SLOTS_BITS);
      }
    } else {
      slots.setRelease(slot(address, slotBits), (long) address << 32 | (id + 1));
    }
  }

  /** A multiplicative hash onto the per-address table. */
  private static int slot(int address, int bits) {
    return (address * 0x9E3779B9) >>> (32 - bits);
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
