package dev.cfsim.logs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ISA-L inflater against java.util.zip on the same bytes: whole, concatenated, cut short,
 * damaged, read in odd sizes. Runs when the build made the library (the isal-inflater profile,
 * which .ci/run's libisal-dev turns on); the build then also requires that it loads.
 */
class GzipStreamsTest {

  /** The build compiled ISA-L's binding: its tests then must run, not be skipped. */
  static final boolean BUILT = Boolean.getBoolean("cfsim.isal.built");

  @BeforeEach
  void isalIsThere() {
    assumeTrue(BUILT, "ISA-L's headers were missing at build time: java.util.zip reads gzip");
  }

  @Test
  void the_library_the_build_made_loads_and_is_used() {
    assertTrue(IsalInflater.available(), IsalInflater.unavailableReason());
    assertEquals("ISA-L (igzip)", GzipStreams.inflater());
  }

  @Test
  void inflates_what_java_util_zip_inflates_at_every_level_and_size() throws IOException {
    Random random = new Random(7);
    int[] sizes = {0, 1, 100, 65_535, 65_536, 65_537, 300_000, 3_000_000};
    for (int size : sizes) {
      for (byte[] data : new byte[][] {logLike(random, size), noise(random, size)}) {
        for (int level : new int[] {Deflater.NO_COMPRESSION, 1, 6, 9}) {
          byte[] gz = gzip(data, level);
          assertBothInflate(data, gz, random, "size " + size + " level " + level);
        }
      }
    }
  }

  @Test
  void reads_concatenated_members_and_ignores_what_is_not_one() throws IOException {
    Random random = new Random(8);
    byte[] a = logLike(random, 200_000);
    byte[] b = logLike(random, 1_000);
    byte[] empty = new byte[0];
    byte[] joined = concat(gzip(a, 6), gzip(empty, 6), gzip(b, 1));
    byte[] expected = concat(a, b);
    assertBothInflate(expected, joined, random, "joined members");

    byte[] trailing = concat(gzip(a, 6), "garbage after the end".getBytes(StandardCharsets.US_ASCII));
    assertBothInflate(a, trailing, random, "trailing garbage");
  }

  @Test
  void a_stream_cut_anywhere_fails_after_a_true_prefix_of_the_data() throws IOException {
    Random random = new Random(9);
    byte[] data = logLike(random, 20_000);
    byte[] gz = gzip(data, 6);
    for (int cut = 0; cut < gz.length; cut++) {
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      try (InputStream in = isal(Arrays.copyOf(gz, cut))) {
        copy(in, got, random);
        fail("a stream cut at byte " + cut + " of " + gz.length + " read as whole");
      } catch (EOFException | ZipException expected) {
        byte[] prefix = got.toByteArray();
        assertArrayEquals(Arrays.copyOf(data, prefix.length), prefix, "cut at " + cut);
      }
    }
  }

  @Test
  void damaged_data_is_an_error_never_wrong_bytes() throws IOException {
    Random random = new Random(10);
    byte[] data = logLike(random, 50_000);
    byte[] gz = gzip(data, 6);
    int errors = 0;
    for (int trial = 0; trial < 2_000; trial++) {
      byte[] bad = gz.clone();
      int at = random.nextInt(bad.length);
      bad[at] ^= (byte) (1 + random.nextInt(255));
      try (InputStream in = isal(bad)) {
        // a flipped byte in the header's time or OS field changes nothing
        assertArrayEquals(data, readAll(in, random), "byte " + at + " changed, read without error");
      } catch (EOFException | ZipException expected) {
        errors++;
      }
    }
    assertTrue(errors > 1_900, errors + " of 2000 damaged streams were noticed");
  }

  @Test
  void a_header_with_optional_fields_reads_when_it_arrives_in_pieces() throws IOException {
    // FTEXT 1, FHCRC 2, FEXTRA 4, FNAME 8 (gzip(1) writes one), FCOMMENT 16
    Random random = new Random(12);
    byte[] data = logLike(random, 5_000);
    byte[] second = logLike(random, 700);
    for (int flags = 0; flags < 32; flags++) {
      byte[] gz = member(data, flags);
      assertArrayEquals(data, readAll(new GZIPInputStream(new ByteArrayInputStream(gz)), random));
      byte[] joined = concat(gzip(second, 6), gz);
      byte[] expected = concat(second, data);
      int headerEnd = joined.length - gz.length + headerLength(flags);
      for (int split = 1; split <= headerEnd + 2; split++) {
        String what = "flags " + flags + " split at " + split;
        assertArrayEquals(data, readAll(isal(new Pieces(gz, split)), random), what);
        assertArrayEquals(expected, readAll(isal(new Pieces(joined, split)), random), "2nd member, " + what);
      }
      assertArrayEquals(data, readAll(isal(new Pieces(gz, 1)), random), "flags " + flags + " a byte at a time");
    }
  }

  @Test
  void a_bad_trailer_fails_only_after_all_the_data_as_with_java_util_zip() throws IOException {
    // the checksum is checked after the last byte is inflated: ISA-L's binding kept the bytes of
    // that last call from the reader, so the two inflaters read different lines of a damaged file
    byte[] data = logLike(new Random(17), 200_000);
    byte[] gz = member(data, 0);
    for (int at : new int[] {gz.length - 8, gz.length - 1}) {
      byte[] bad = gz.clone();
      bad[at] ^= 0x10;
      assertArrayEquals(data, readUntilError(new GZIPInputStream(new ByteArrayInputStream(bad), 1 << 12)), "zlib, byte " + at);
      assertArrayEquals(data, readUntilError(isal(new Pieces(bad, 1 << 12))), "ISA-L, byte " + at);
    }
  }

  /** What a stream gives before it fails with a ZipException (it must fail). */
  private static byte[] readUntilError(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[1 << 16];
    try (in) {
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        out.write(buf, 0, n);
      }
    } catch (ZipException expected) {
      return out.toByteArray();
    }
    throw new AssertionError("no ZipException");
  }

  @Test
  void a_damaged_header_crc_or_trailer_is_an_error() throws IOException {
    byte[] data = logLike(new Random(13), 3_000);
    byte[] gz = member(data, 2 | 8);
    int hcrc = headerLength(2 | 8) - 2;
    int[] damaged = {hcrc, hcrc + 1, gz.length - 8, gz.length - 5, gz.length - 4, gz.length - 1};
    for (int at : damaged) {
      byte[] bad = gz.clone();
      bad[at] ^= 0x10;
      assertThrows(ZipException.class, () -> readAll(new GZIPInputStream(new ByteArrayInputStream(bad)), new Random(1)));
      assertThrows(ZipException.class, () -> readAll(isal(new Pieces(bad, 3)), new Random(1)), "byte " + at);
    }
  }

  @Test
  void writes_only_into_the_slice_it_is_given_even_a_byte_at_a_time() throws IOException {
    // a fresh array on every call: ISA-L keeps its window in its own state, not in our arrays
    Random random = new Random(14);
    byte[] data = concat(logLike(random, 300_000), noise(random, 70_000), logLike(random, 100_000));
    byte[] gz = gzip(data, 6);
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    try (InputStream in = new IsalGzipInputStream(new Pieces(gz, 1), 2)) {
      while (true) {
        int len = random.nextInt(3) == 0 ? 1 : 1 + random.nextInt(random.nextBoolean() ? 64 : 200_000);
        int guard = 64;
        byte[] b = new byte[guard + len + guard];
        Arrays.fill(b, (byte) 0x5a);
        int n = in.read(b, guard, len);
        for (int i = 0; i < guard; i++) {
          assertEquals(0x5a, b[i], "written before the slice");
          assertEquals(0x5a, b[guard + len + i], "written after the slice");
        }
        if (n < 0) {
          break;
        }
        got.write(b, guard, n);
      }
    }
    assertArrayEquals(data, got.toByteArray());
  }

  @Test
  void concatenated_members_with_names_cut_anywhere_fail_after_a_true_prefix() throws IOException {
    Random random = new Random(15);
    byte[] a = logLike(random, 4_000);
    byte[] b = logLike(random, 3_000);
    byte[] first = member(a, 8);
    byte[] joined = concat(first, member(b, 8 | 16));
    byte[] expected = concat(a, b);
    for (int cut = 0; cut < joined.length; cut++) {
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      try (InputStream in = isal(new Pieces(Arrays.copyOf(joined, cut), 1 + random.nextInt(40)))) {
        copy(in, got, random);
        // whole members only: the first one, perhaps followed by a lone 0x1f
        assertTrue(cut == first.length || cut == first.length + 1, "cut at " + cut + " read as whole");
        assertArrayEquals(a, got.toByteArray());
      } catch (EOFException | ZipException expectedFailure) {
        byte[] prefix = got.toByteArray();
        assertArrayEquals(Arrays.copyOf(expected, prefix.length), prefix, "cut at " + cut);
      }
    }
  }

  @Test
  void reading_after_close_is_an_error_and_close_twice_is_not() throws IOException {
    InputStream in = isal(gzip("abc".getBytes(StandardCharsets.US_ASCII), 6));
    assertEquals('a', in.read());
    in.close();
    in.close();
    assertThrows(IOException.class, in::read);
  }

  @Test
  void a_read_waiting_for_input_when_another_thread_closes_fails_without_touching_freed_state()
      throws Exception {
    byte[] gz = gzip(logLike(new Random(16), 300_000), 6);
    CountDownLatch waiting = new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    InputStream slow = new ByteArrayInputStream(gz) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        if (pos >= 2_000 && waiting.getCount() > 0) {
          waiting.countDown(); // as a network read waits, while another thread closes
          try {
            closed.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        return super.read(b, off, Math.min(len, 500));
      }
    };
    InputStream in = isal(slow);
    ExecutorService reader = Executors.newSingleThreadExecutor();
    try {
      Future<Long> read = reader.submit(() -> {
        long total = 0;
        byte[] buf = new byte[1 << 16];
        for (int n; (n = in.read(buf)) >= 0; ) {
          total += n;
        }
        return total;
      });
      assertTrue(waiting.await(10, TimeUnit.SECONDS));
      in.close(); // frees the inflate state while the read waits for input
      closed.countDown();
      ExecutionException e = assertThrows(ExecutionException.class, () -> read.get(10, TimeUnit.SECONDS));
      assertTrue(e.getCause() instanceof IOException, e.getCause().toString());
    } finally {
      reader.shutdownNow();
    }
  }

  @Test
  void bad_offsets_are_rejected_before_native_code() throws IOException {
    try (InputStream in = isal(gzip(new byte[10], 6))) {
      byte[] b = new byte[4];
      assertThrows(IndexOutOfBoundsException.class, () -> in.read(b, 3, 2));
      assertThrows(IndexOutOfBoundsException.class, () -> in.read(b, -1, 1));
    }
  }

  /** ISA-L and java.util.zip both inflate {@code gz} to {@code expected}. */
  private static void assertBothInflate(byte[] expected, byte[] gz, Random random, String what)
      throws IOException {
    assertArrayEquals(expected, readAll(isal(gz), random), what);
    assertArrayEquals(expected, readAll(new GZIPInputStream(new ByteArrayInputStream(gz)), random), what);
  }

  private static InputStream isal(byte[] gz) throws IOException {
    return isal(new TrickleInputStream(gz));
  }

  private static InputStream isal(InputStream compressed) throws IOException {
    return new IsalGzipInputStream(compressed, 1 << 12);
  }

  /** One gzip member whose header has the given flags' fields, built by hand (RFC 1952). */
  private static byte[] member(byte[] data, int flags) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[] {0x1f, (byte) 0x8b, 8, (byte) flags, 0x10, 0x20, 0x30, 0x40, 0, 3});
    if ((flags & 4) != 0) {
      byte[] extra = "AB\u0006\u0000extra!".getBytes(StandardCharsets.US_ASCII);
      out.write(extra.length);
      out.write(0);
      out.write(extra);
    }
    if ((flags & 8) != 0) {
      out.write("E2CFSIMDEMO.2026-11-02-13.11e3dcd3\u0000".getBytes(StandardCharsets.US_ASCII));
    }
    if ((flags & 16) != 0) {
      out.write("a comment\u0000".getBytes(StandardCharsets.US_ASCII));
    }
    if ((flags & 2) != 0) {
      CRC32 crc = new CRC32();
      crc.update(out.toByteArray());
      out.write((int) crc.getValue());
      out.write((int) crc.getValue() >>> 8);
    }
    Deflater deflater = new Deflater(6, true);
    deflater.setInput(data);
    deflater.finish();
    byte[] buf = new byte[4096];
    while (!deflater.finished()) {
      out.write(buf, 0, deflater.deflate(buf));
    }
    deflater.end();
    CRC32 crc = new CRC32();
    crc.update(data);
    for (long v : new long[] {crc.getValue(), data.length}) {
      for (int i = 0; i < 4; i++) {
        out.write((int) (v >>> (8 * i)));
      }
    }
    return out.toByteArray();
  }

  /** How long {@link #member}'s header is. */
  private static int headerLength(int flags) {
    return 10 + ((flags & 4) != 0 ? 2 + 10 : 0) + ((flags & 8) != 0 ? 35 : 0)
        + ((flags & 16) != 0 ? 10 : 0) + ((flags & 2) != 0 ? 2 : 0);
  }

  /** Reads in random sizes, so output lands across every kind of boundary. */
  private static byte[] readAll(InputStream in, Random random) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (in) {
      copy(in, out, random);
    }
    return out.toByteArray();
  }

  private static void copy(InputStream in, ByteArrayOutputStream out, Random random)
      throws IOException {
    byte[] buf = new byte[70_000];
    while (true) {
      int want = random.nextInt(4) == 0 ? 1 + random.nextInt(16) : 1 + random.nextInt(buf.length);
      int n = in.read(buf, 0, want);
      if (n < 0) {
        return;
      }
      out.write(buf, 0, n);
    }
  }

  static byte[] gzip(byte[] data, int level) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out) {
          {
            def.setLevel(level);
          }
        }) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  private static byte[] logLike(Random random, int size) {
    String[] words = {"GET", "/products/", "200", "Mozilla/5.0%20(iPhone)", "ICN54-C1", "\t", "\n", "Hit"};
    ByteArrayOutputStream out = new ByteArrayOutputStream(size);
    while (out.size() < size) {
      byte[] w = words[random.nextInt(words.length)].getBytes(StandardCharsets.US_ASCII);
      out.write(w, 0, Math.min(w.length, size - out.size()));
      if (random.nextInt(10) == 0 && out.size() < size) {
        out.write('0' + random.nextInt(10));
      }
    }
    return out.toByteArray();
  }

  private static byte[] noise(Random random, int size) {
    byte[] b = new byte[size];
    random.nextBytes(b);
    return b;
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.write(p, 0, p.length);
    }
    return out.toByteArray();
  }

  /** Hands out its bytes {@code size} at a time, so reads end at chosen places. */
  static class Pieces extends ByteArrayInputStream {
    private final int size;

    Pieces(byte[] b, int size) {
      super(b);
      this.size = size;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
      return super.read(b, off, Math.min(len, size));
    }
  }

  /** Hands out its bytes a few at a time, as a slow network or pipe would. */
  private static final class TrickleInputStream extends ByteArrayInputStream {
    private final Random random = new Random(11);

    TrickleInputStream(byte[] b) {
      super(b);
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
      return super.read(b, off, Math.min(len, 1 + random.nextInt(5_000)));
    }
  }
}
