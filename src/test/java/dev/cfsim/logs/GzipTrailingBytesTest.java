package dev.cfsim.logs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Bytes after the last gzip member that do not start another one are counted, exactly and alike
 * by both inflaters, however the compressed bytes arrive; concatenated members are read whole,
 * with nothing after them. java.util.zip always runs; ISA-L when this JVM has it.
 */
class GzipTrailingBytesTest {

  /** Which inflater a case uses. */
  private enum Inflater {
    ZLIB, ISAL;

    InputStream open(InputStream compressed) throws IOException {
      return this == ZLIB ? new ZlibGzipInputStream(compressed, 1 << 12)
          : new IsalGzipInputStream(compressed, 1 << 12);
    }
  }

  private static final byte[] LOG =
      "2026-11-02\t07:15:01\tICN54-C1\t3415\t203.0.113.10\tGET\n".repeat(400)
          .getBytes(StandardCharsets.US_ASCII);

  @Test
  void java_util_zip_counts_the_bytes_after_the_members() throws IOException {
    assertCounts(Inflater.ZLIB);
  }

  @Test
  void isal_counts_the_bytes_after_the_members() throws IOException {
    // skipped only where the build had no ISA-L to bind, as GzipStreamsTest is
    assumeTrue(GzipStreamsTest.BUILT, "ISA-L's headers were missing at build time: java.util.zip reads gzip");
    assertCounts(Inflater.ISAL);
  }

  private static void assertCounts(Inflater inflater) throws IOException {
    byte[] member = gzip(LOG);
    // 26 and 27 straddle where GZIPInputStream stops looking for another member's header
    for (int after : new int[] {0, 1, 2, 7, 8, 9, 26, 27, 28, 500, 100_000}) {
      byte[] plain = new byte[after];
      Arrays.fill(plain, (byte) 'x');
      byte[] file = concat(member, plain);
      for (int piece : new int[] {1, 3, 4096, 1 << 20}) {
        for (boolean pipe : new boolean[] {false, true}) {
          String what = inflater + ", " + after + " bytes after, read " + piece + " at a time"
              + (pipe ? " from a pipe" : "");
          try (InputStream in = inflater.open(pieces(file, piece, pipe))) {
            assertArrayEquals(LOG, in.readAllBytes(), what);
            assertEquals(after, ((GzipStreams.Members) in).bytesAfterMembers(), what);
          }
        }
      }
    }
  }

  @Test
  void concatenated_members_are_read_whole_with_nothing_after_them() throws IOException {
    byte[] second = "2026-11-02\t07:15:02\tLHR50-C1\n".getBytes(StandardCharsets.US_ASCII);
    byte[] file = concat(gzip(LOG), gzip(new byte[0]), gzip(second));
    for (Inflater inflater : Inflater.values()) {
      if (inflater == Inflater.ISAL && !IsalInflater.available()) {
        continue;
      }
      for (int piece : new int[] {1, 4096, 1 << 20}) {
        // a pipe (standard input) says no byte is available: GZIPInputStream before JDK 23 then
        // stopped after the first member (JDK-7036144), and the others read as bytes after it
        for (boolean pipe : new boolean[] {false, true}) {
          String what = inflater + " " + piece + (pipe ? " from a pipe" : "");
          try (InputStream in = inflater.open(pieces(file, piece, pipe))) {
            assertArrayEquals(concat(LOG, second), in.readAllBytes(), what);
            assertEquals(0, ((GzipStreams.Members) in).bytesAfterMembers(), what);
          }
        }
      }
    }
  }

  @Test
  void the_counts_agree_on_random_plain_text_after_random_members() throws IOException {
    Random random = new Random(21);
    for (int trial = 0; trial < 40; trial++) {
      byte[] data = Arrays.copyOf(LOG, random.nextInt(LOG.length));
      byte[] plain = Arrays.copyOf(LOG, 1 + random.nextInt(3000)); // never starts 0x1f 0x8b
      byte[] file = concat(gzip(data), plain);
      int piece = 1 + random.nextInt(5000);
      try (InputStream in = GzipStreams.open(pieces(file, piece, random.nextBoolean()))) {
        assertArrayEquals(data, in.readAllBytes());
        assertEquals(plain.length, GzipStreams.bytesAfterMembers(in), "trial " + trial);
      }
    }
  }

  private static byte[] gzip(byte[] data) throws IOException {
    return GzipStreamsTest.gzip(data, 6);
  }

  private static byte[] concat(byte[]... parts) {
    return GzipStreamsTest.concat(parts);
  }

  /** Hands out its bytes {@code size} at a time, or as a pipe that says none are available. */
  private static InputStream pieces(byte[] b, int size, boolean pipe) {
    return !pipe ? new GzipStreamsTest.Pieces(b, size) : new GzipStreamsTest.Pieces(b, size) {
      @Override
      public synchronized int available() {
        return 0; // GZIPInputStream asks before it looks for another member
      }
    };
  }
}
