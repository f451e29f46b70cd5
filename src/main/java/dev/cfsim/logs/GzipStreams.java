package dev.cfsim.logs;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Opens gzip streams with the fastest inflater this JVM has: ISA-L when the build could add it
 * ({@link IsalInflater}), else {@code java.util.zip}. Both read the same bytes and fail alike,
 * but for a member header cut or damaged after a whole member: an error with ISA-L, the quiet
 * end of the stream with {@code java.util.zip} ({@link IsalGzipInputStream}).
 */
public final class GzipStreams {

  private static final int INPUT_BUFFER = 1 << 16;

  private GzipStreams() {}

  /** An inflating stream over {@code compressed}; reads the gzip header only when read. */
  public static InputStream open(InputStream compressed) throws IOException {
    return IsalInflater.available()
        ? new IsalGzipInputStream(compressed, INPUT_BUFFER)
        : new GZIPInputStream(compressed, INPUT_BUFFER);
  }

  /** Which inflater {@link #open} uses, and why not ISA-L when it does not: for reports. */
  public static String inflater() {
    return IsalInflater.available()
        ? "ISA-L (igzip)"
        : "java.util.zip (zlib; ISA-L " + IsalInflater.unavailableReason() + ")";
  }
}
