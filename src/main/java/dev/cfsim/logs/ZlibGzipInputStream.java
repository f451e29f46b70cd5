package dev.cfsim.logs;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.GZIPInputStream;

/**
 * {@link GZIPInputStream}, which ends quietly before bytes after a member that do not start
 * another one, counting those bytes ({@link #bytesAfterMembers()}) so that they are reported, as
 * with {@link IsalGzipInputStream}, rather than lost unseen (a plain log appended to a gzip one).
 */
final class ZlibGzipInputStream extends GZIPInputStream implements GzipStreams.Members {

  /** Bytes of the 8-byte member trailer (CRC-32 and length) GZIPInputStream reads at the end. */
  private static final int TRAILER = 8;

  private final Counted source;
  /** Bytes taken from the source when the inflater's buffer was last filled. */
  private long takenAtFill;
  private long after = -1;

  ZlibGzipInputStream(InputStream compressed, int size) throws IOException {
    this(new Counted(compressed), size);
  }

  private ZlibGzipInputStream(Counted source, int size) throws IOException {
    super(source, size);
    this.source = source;
  }

  @Override
  protected void fill() throws IOException {
    super.fill();
    takenAtFill = source.taken;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n < 0 && after < 0) {
      // At the end the last trailer and the attempt at a next header were read from the bytes
      // the inflater left in its buffer, then from the source: what follows the trailer is what
      // was left, plus what the source gave since, plus what it still holds.
      int left = inf.getRemaining();
      source.transferTo(OutputStream.nullOutputStream());
      after = Math.max(0, left + (source.taken - takenAtFill) - TRAILER);
    }
    return n;
  }

  @Override
  public long bytesAfterMembers() {
    return Math.max(after, 0);
  }

  /** Counts the bytes the gzip stream takes from the file. */
  private static final class Counted extends FilterInputStream {
    long taken;

    Counted(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        taken++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) {
        taken += n;
      }
      return n;
    }

    /**
     * At least 1: GZIPInputStream before JDK 23 looks for another member only when its source
     * says bytes are available (JDK-7036144), and a pipe says 0, so the members after the first
     * were lost. At the true end the look finds no header and GZIPInputStream ends as it should.
     */
    @Override
    public int available() throws IOException {
      return Math.max(1, in.available());
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = in.skip(n);
      taken += skipped;
      return skipped;
    }
  }
}
