package dev.cfsim.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The ISO 3166-2 subdivision codes ({@code KR-11}), so a mistyped {@code country_region} is
 * refused instead of making a rule that never matches. The JDK has no such list; the resource
 * holds the codes of Debian's iso-codes (source, version and licence in its header).
 */
final class IsoSubdivisions {
  private static final String RESOURCE = "/dev/cfsim/rules/iso-3166-2.txt";

  private IsoSubdivisions() {}

  /** True for a code in the list, upper case with its country, e.g. {@code KR-11}. */
  static boolean isAssigned(String code) {
    return Codes.ALL.contains(code);
  }

  /** Loaded on first use: most rules files never name a region. */
  private static final class Codes {
    static final Set<String> ALL = load();

    private static Set<String> load() {
      try (InputStream in = IsoSubdivisions.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(RESOURCE + " is not in this build");
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
            .filter(line -> !line.isBlank() && !line.startsWith("#"))
            .collect(Collectors.toUnmodifiableSet());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
