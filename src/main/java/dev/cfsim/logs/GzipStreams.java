package dev.cfsim.logs;

import java.io.IOException;
import java.io.InputStream;

/**
 * Opens gzip streams with the fastest inflater this JVM has: ISA-L when the build could add it
 * ({@link IsalInflater}), else {@code java.util.zip}. Both read the same bytes and fail alike,
 * but for a member header cut or damaged after a whole member: an error with ISA-L, the end of
 * the members with {@code java.util.zip} ({@link IsalGzipInputStream}), its bytes then counted
 * as {@link #bytesAfterMembers} like any others that are not a member.
 */
public final class GzipStreams {

  private static final int INPUT_BUFFER = 1 << 16;

  private GzipStreams() {}

  /** An inflating stream over {@code compressed}; reads the gzip header only when read. */
  public static InputStream open(InputStream compressed) throws IOException {
    return IsalInflater.available()
        ? new IsalGzipInputStream(compressed, INPUT_BUFFER)
        : new ZlibGzipInputStream(compressed, INPUT_BUFFER);
  }

  /**
   * How many bytes followed the last gzip member of a stream {@link #open} made, once it was read
   * to its end: bytes that do not start another member (plain text appended to a gzip file),
   * which neither inflater reads and which must be reported rather than lost unseen.
   */
  public static long bytesAfterMembers(InputStream inflating) {
    return ((Members) inflating).bytesAfterMembers();
  }

  /** A gzip stream that counts what follows its last member instead of reading it. */
  interface Members {
    /** Bytes after the last member, once the stream ended; 0 before. */
    long bytesAfterMembers();
  }

  /** Which inflater {@link #open} uses, and why not ISA-L when it does not: for reports. */
  public static String inflater() {
    return IsalInflater.available()
        ? "ISA-L (igzip)"
        : "java.util.zip (zlib; ISA-L " + IsalInflater.unavailableReason() + ")";
  }
}
