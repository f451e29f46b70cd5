package dev.cfsim.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ByteScanTest {

  static int naive(byte[] buf, int from, int to, byte b) {
    for (int i = from; i < to; i++) {
      if (buf[i] == b) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void word_at_a_time_search_finds_what_a_byte_loop_finds_at_every_offset() {
    Random rnd = new Random(42);
    // bytes next to the target (0x08, 0x0a, 0x89, 0xff) are where word tricks go wrong
    byte[] alphabet = {9, 8, 10, 'a', (byte) 0x89, (byte) 0xff, 0, '-'};
    for (int round = 0; round < 2000; round++) {
      byte[] buf = new byte[1 + rnd.nextInt(40)];
      for (int i = 0; i < buf.length; i++) {
        buf[i] = alphabet[rnd.nextInt(alphabet.length)];
      }
      int from = rnd.nextInt(buf.length);
      int to = from + rnd.nextInt(buf.length - from + 1);
      for (byte b : new byte[] {9, 10}) {
        assertEquals(naive(buf, from, to, b), ByteScan.indexOf(buf, from, to, b));
      }
    }
  }

  @Test
  void one_pass_finds_the_line_end_and_every_delimiter_before_it_and_flags_high_bytes() {
    Random rnd = new Random(7);
    byte[] alphabet = {9, 8, 10, 11, 'a', (byte) 0x89, (byte) 0x8a, (byte) 0xff, 0, '-'};
    ByteScan.Line line = new ByteScan.Line();
    for (int round = 0; round < 5000; round++) {
      // up to 200 bytes, so some lines hold more delimiters than the line's first array
      byte[] buf = new byte[rnd.nextInt(round % 10 == 0 ? 200 : 60)];
      for (int i = 0; i < buf.length; i++) {
        buf[i] = alphabet[rnd.nextInt(round % 10 == 0 ? 2 : alphabet.length)];
      }
      int from = buf.length == 0 ? 0 : rnd.nextInt(buf.length);
      int wantEnd = naive(buf, from, buf.length, (byte) 10);
      int lineEnd = wantEnd < 0 ? buf.length : wantEnd;
      java.util.List<Integer> want = new java.util.ArrayList<>();
      boolean high = false;
      for (int i = from; i < lineEnd; i++) {
        if (buf[i] == 9) {
          want.add(i);
        }
        high |= buf[i] < 0;
      }
      assertEquals(wantEnd, ByteScan.scanLine(buf, from, buf.length, (byte) 9, line));
      assertEquals(!high, line.ascii);
      assertEquals(want.size(), line.count);
      for (int i = 0; i < line.count; i++) {
        assertEquals(want.get(i), line.delimiters[i]);
      }
    }
  }

  @Test
  void line_counting_finds_every_line_end_and_any_line_that_starts_with_a_hash() {
    Random rnd = new Random(13);
    byte[] alphabet = {10, '#', 'a', 9, '"', (byte) 0xa3};
    for (int round = 0; round < 5000; round++) {
      byte[] buf = new byte[rnd.nextInt(40)];
      for (int i = 0; i < buf.length; i++) {
        buf[i] = alphabet[rnd.nextInt(round % 2 == 0 ? 3 : alphabet.length)];
      }
      int from = buf.length == 0 ? 0 : rnd.nextInt(buf.length);
      int to = from + rnd.nextInt(buf.length - from + 1);
      int ends = 0;
      boolean header = false;
      for (int i = from; i < to; i++) {
        ends += buf[i] == 10 ? 1 : 0;
        header |= buf[i] == '#' && (i == from || buf[i - 1] == 10);
      }
      ByteScan.LineCount c = ByteScan.countLines(buf, from, to);
      assertEquals(ends, c.lineEnds());
      assertEquals(header, c.headerLine(), () -> java.util.Arrays.toString(buf));
    }
  }

  @Test
  void digits_read_as_a_word_match_a_digit_by_digit_reading() {
    Random random = new Random(5);
    byte[] alphabet = "0123456789/:.-a \t".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    for (int trial = 0; trial < 200_000; trial++) {
      byte[] buf = new byte[1 + random.nextInt(24)];
      for (int i = 0; i < buf.length; i++) {
        // mostly digits, so most ranges are numbers; any byte value now and then
        buf[i] = random.nextInt(10) == 0 ? (byte) random.nextInt(256)
            : random.nextInt(4) == 0 ? alphabet[random.nextInt(alphabet.length)]
            : (byte) ('0' + random.nextInt(10));
      }
      int from = random.nextInt(buf.length + 1);
      int to = from + random.nextInt(Math.min(18, buf.length - from) + 1);
      String text = new String(buf, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1);
      long expected = text.matches("[0-9]{1,18}") ? Long.parseLong(text) : -1;
      assertEquals(expected, ByteScan.digits(buf, from, to), () -> "'" + text + "'");
    }
    byte[] edge = "99999999 00000000 1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    assertEquals(99_999_999L, ByteScan.digits(edge, 0, 8));
    assertEquals(0L, ByteScan.digits(edge, 9, 17));
    assertEquals(1L, ByteScan.digits(edge, 18, 19));
  }
}
