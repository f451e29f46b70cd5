package dev.cfsim.logs;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

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
  private static final long NEWLINES = ONES * '\n';

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
   * The delimiter positions of one line, found by {@link #scanLine} in the same pass that finds
   * where the line ends. Reused line after line, so reading a log allocates nothing here.
   */
  static final class Line {
    int[] delimiters = new int[64];
    int count;
    /** No byte of the line is above 127: values can be read as Latin-1, no UTF-8 decoding. */
    boolean ascii;
    /**
     * The file's last line, with no line end: a file cut while its last record was written.
     * Set by the reader, not the scan, since only it knows the file ends there.
     */
    boolean cutAtEnd;
  }

  /**
   * Finds the first {@code '\n'} in {@code buf[from, to)} and records the positions of every
   * {@code delimiter} before it in {@code line}. Returns the index of the line end, or -1 when
   * the range holds none; {@code line} then describes all of {@code buf[from, to)}, which is
   * what a last line without a line end needs. Looking for both bytes in one pass reads each
   * word of the log once, where a line search followed by a field search read it twice.
   */
  static int scanLine(byte[] buf, int from, int to, byte delimiter, Line line) {
    long pattern = ONES * (delimiter & 0xff);
    long high = 0;
    int[] out = line.delimiters;
    int n = 0;
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long word = (long) LONGS.get(buf, i);
      long found = zeroBytes(word ^ pattern);
      long newline = zeroBytes(word ^ NEWLINES);
      if (newline != 0) {
        int bits = Long.numberOfTrailingZeros(newline) & ~7; // bit offset of the line end
        long before = bits == 0 ? 0 : -1L >>> (64 - bits);
        found &= before;
        high |= word & before;
        n = record(line, out, n, i, found);
        return finish(line, n, high, i + (bits >>> 3));
      }
      high |= word;
      if (found != 0) {
        n = record(line, out, n, i, found);
        out = line.delimiters;
      }
    }
    for (; i < to; i++) {
      byte b = buf[i];
      if (b == '\n') {
        return finish(line, n, high, i);
      }
      high |= b;
      if (b == delimiter) {
        if (n == out.length) {
          out = line.delimiters = Arrays.copyOf(out, n * 2);
        }
        out[n++] = i;
      }
    }
    finish(line, n, high, -1);
    return -1;
  }

  /** What {@link #countLines} found. */
  record LineCount(int lineEnds, boolean headerLine) {}

  /**
   * Counts the line ends in {@code buf[from, to)} and, in the same pass, whether a line there
   * (the first one included) starts with {@code #}: a header line, in logs where CloudFront
   * encodes {@code #} everywhere inside values.
   */
  static LineCount countLines(byte[] buf, int from, int to) {
    long hashes = ONES * '#';
    int n = 0;
    boolean header = from < to && buf[from] == '#';
    long carry = 0; // a line end in the previous word's last byte, moved to this word's first
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long word = (long) LONGS.get(buf, i);
      long ends = zeroBytes(word ^ NEWLINES);
      n += Long.bitCount(ends);
      if ((((ends << 8) | carry) & zeroBytes(word ^ hashes)) != 0) {
        header = true;
      }
      carry = ends >>> 56;
    }
    boolean afterEnd = carry != 0;
    for (; i < to; i++) {
      if (afterEnd && buf[i] == '#') {
        header = true;
      }
      afterEnd = buf[i] == '\n';
      if (afterEnd) {
        n++;
      }
    }
    return new LineCount(n, header);
  }

  private static final long ZEROS = ONES * '0';
  private static final long HIGH_NIBBLES = ONES * 0xF0;

  /**
   * The decimal number in {@code buf[from, to)}, or -1 when it is empty or holds anything but
   * digits. Up to eight digits are read as one word (the multiply-and-shift steps of Lemire's
   * "Quickly parsing eight digits"): sizes, ports and statuses are on every line, and a digit
   * loop's multiply chain cost more than the rest of their parsing.
   */
  static long digits(byte[] buf, int from, int to) {
    int len = to - from;
    if (len < 1 || len > 8 || from + 8 > buf.length) {
      return digitLoop(buf, from, to);
    }
    long w = (long) LONGS.get(buf, from);
    if (len < 8) {
      // the digits to the top bytes, '0's below them: leading zeros, which change nothing
      int pad = (8 - len) << 3;
      w = (w << pad) | (ZEROS >>> (len << 3));
    }
    // every byte 0x30-0x39: high nibble 3, and still 3 after adding 6 (no byte carries out)
    if ((w & HIGH_NIBBLES) != ZEROS || ((w + ONES * 6) & HIGH_NIBBLES) != ZEROS) {
      return -1;
    }
    long v = w - ZEROS; // the first digit, the most significant, is the lowest byte
    v = (v * 10 + (v >>> 8)) & 0x00FF00FF00FF00FFL;
    v = (v * 100 + (v >>> 16)) & 0x0000FFFF0000FFFFL;
    return (v * 10000 + (v >>> 32)) & 0xFFFFFFFFL;
  }

  private static long digitLoop(byte[] buf, int from, int to) {
    if (from >= to) {
      return -1;
    }
    long r = 0;
    for (int i = from; i < to; i++) {
      int d = buf[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      r = r * 10 + d;
    }
    return r;
  }

  /** Flags {@code 0x80} in exactly the bytes of {@code x} that are zero (no false positives). */
  private static long zeroBytes(long x) {
    return ~((((x & LOWS) + LOWS) | x) | LOWS);
  }

  private static int record(Line line, int[] out, int n, int wordStart, long found) {
    while (found != 0) {
      if (n == out.length) {
        out = line.delimiters = Arrays.copyOf(out, n * 2);
      }
      out[n++] = wordStart + (Long.numberOfTrailingZeros(found) >>> 3);
      found &= found - 1;
    }
    return n;
  }

  private static int finish(Line line, int count, long high, int end) {
    line.count = count;
    line.ascii = (high & HIGHS) == 0;
    return end;
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
}
