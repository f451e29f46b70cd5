package dev.cfsim.logs;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Binds ISA-L's streaming gzip inflater (src/main/native/isal_inflater.c), which the build adds
 * to the jar when ISA-L's headers are installed. Loading fails softly: without the library, or
 * with {@code -Dcfsim.inflater=zlib}, gzip logs are read with {@code java.util.zip}.
 */
final class IsalInflater {

  /** Where the build puts the library among the classes (and so in the jar). */
  static final String RESOURCE = "/native/linux-x86_64/libcfsim-isal.so";

  /** Bit layout of {@link #inflate}'s result, as in isal_inflater.c. */
  private static final int READ_SHIFT = 31;
  private static final long COUNT_MASK = (1L << 31) - 1;
  private static final long FINISHED = 1L << 62;

  private static final String UNAVAILABLE = load();

  private IsalInflater() {}

  /** True when gzip can be inflated by ISA-L in this JVM. */
  static boolean available() {
    return UNAVAILABLE == null;
  }

  /** Why ISA-L is not used, or null when it is. */
  static String unavailableReason() {
    return UNAVAILABLE;
  }

  static int written(long result) {
    return (int) (result & COUNT_MASK);
  }

  static int read(long result) {
    return (int) ((result >>> READ_SHIFT) & COUNT_MASK);
  }

  static boolean finished(long result) {
    return (result & FINISHED) != 0;
  }

  /** What a negative {@link #inflate} result means (ISA-L's ISAL_* return codes). */
  static String error(long result) {
    switch ((int) result) {
      case -1: return "invalid deflate block";
      case -2: return "invalid deflate symbol";
      case -3: return "invalid deflate distance";
      case -4: return "invalid gzip header";
      case -5: return "unsupported gzip compression method";
      case -6: return "gzip checksum or length does not match the data";
      case -100: return "out of memory pinning buffers";
      case -101: return "stream asks for a preset dictionary";
      default: return "ISA-L inflate error " + result;
    }
  }

  /** A new inflate state for one gzip stream, or 0 when memory runs out; free it once. */
  static native long create();

  /** Starts the next gzip member of a concatenated file. */
  static native void reset(long state);

  static native void free(long state);

  /** Inflates from {@code in} into {@code out}; see the bit layout above, negative on error. */
  static native long inflate(
      long state, byte[] in, int inOffset, int inLength, byte[] out, int outOffset, int outLength);

  private static String load() {
    if ("zlib".equals(System.getProperty("cfsim.inflater"))) {
      return "turned off by -Dcfsim.inflater=zlib";
    }
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "");
    if (!os.startsWith("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
      return "not built for this platform (Linux x86-64 only)";
    }
    URL url = IsalInflater.class.getResource(RESOURCE);
    if (url == null) {
      return "not built: its headers (Debian's libisal-dev) were missing at build time";
    }
    try {
      if ("file".equals(url.getProtocol())) {
        System.load(Path.of(url.toURI()).toString());
      } else {
        // inside the jar: the loader needs a file; once mapped it can go
        Path copy = Files.createTempFile("cfsim-isal", ".so");
        try (InputStream in = url.openStream()) {
          Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
          System.load(copy.toString());
        } finally {
          Files.deleteIfExists(copy);
        }
      }
      return null;
    } catch (UnsatisfiedLinkError e) {
      return "not loaded (" + e.getMessage() + "): is Debian's libisal2 installed?";
    } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
      // RuntimeException: JDK 24+ throws IllegalCallerException from System.load when native
      // access is denied (--illegal-native-access=deny, the announced future default) and the
      // jar's Enable-Native-Access does not apply (run with -cp, or as a library)
      return "not loaded (" + e + ")";
    }
  }
}
