package dev.cfsim.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ValueCacheTest {

  private static final int HOST = LogField.CS_HOST.ordinal();
  private static final int REFERER = LogField.REFERER.ordinal();

  @Test
  void the_same_bytes_in_two_fields_keep_each_fields_own_decoding() {
    ValueCache cache = new ValueCache();
    for (String raw : new String[] {"a%20b", "https://shop.example/a%20b%20c%20d%20e%20f"}) {
      byte[] buf = raw.getBytes(StandardCharsets.US_ASCII);
      for (int round = 0; round < 3; round++) {
        assertEquals(raw, cache.get(HOST, buf, 0, buf.length, UnaryOperator.identity()));
        assertEquals(
            UrlEncoding.decode(raw), cache.get(REFERER, buf, 0, buf.length, UrlEncoding::decode));
      }
    }
  }

  @Test
  void every_length_and_position_reads_back_exactly_and_repeats_share_one_string() {
    Random rnd = new Random(3);
    ValueCache cache = new ValueCache();
    for (int round = 0; round < 3000; round++) {
      // values up to 40 bytes, some ending at the very end of the array (no word to read past)
      byte[] buf = new byte[1 + rnd.nextInt(48)];
      for (int i = 0; i < buf.length; i++) {
        buf[i] = (byte) ('a' + rnd.nextInt(3));
      }
      int len = 1 + rnd.nextInt(Math.min(40, buf.length));
      int start = round % 2 == 0 ? buf.length - len : rnd.nextInt(buf.length - len + 1);
      String want = new String(buf, start, len, StandardCharsets.US_ASCII);
      String first = cache.get(HOST, buf, start, len, UnaryOperator.identity());
      assertEquals(want, first);
      byte[] copy = buf.clone();
      assertSame(first, cache.get(HOST, copy, start, len, UnaryOperator.identity()));
    }
  }
}
