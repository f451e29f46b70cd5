package dev.cfsim.bench;

import dev.cfsim.logs.GeneratorMix;
import dev.cfsim.logs.GeoNetworks;
import dev.cfsim.logs.LogGenerator;
import dev.cfsim.viewer.GeoDatabases;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The logs the log, emulation and verification benchmarks read: {@code cfsim loggen}'s default
 * shop mix (hourly gzip files), with viewer IPs from the embedded geo database's networks.
 */
final class ShopLogs {
  private ShopLogs() {}

  /** Writes {@code lines} generated requests into {@code dir}, the same ones for the same seed. */
  static void generate(long lines, long seed, Path dir) throws IOException {
    GeneratorMix mix = GeneratorMix.defaults();
    try (InputStream in = GeoDatabases.class.getResourceAsStream(GeoDatabases.EMBEDDED_RESOURCE)) {
      new LogGenerator(mix, GeoNetworks.scan(in, "embedded", mix.countries().keySet()))
          .generate(lines, seed, dir, n -> { });
    }
  }

  /** Deletes a benchmark's temporary directory and everything in it. */
  static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
