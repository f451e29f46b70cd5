package dev.cfsim.cli;

import dev.cfsim.InvalidInputException;
import dev.cfsim.UserFiles;
import dev.cfsim.logs.GeneratorMix;
import dev.cfsim.logs.GeoNetworks;
import dev.cfsim.logs.LogGenerator;
import dev.cfsim.viewer.GeoDatabases;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cfsim loggen}: writes realistic CloudFront standard logs for demos and benchmarks. */
@Command(
    name = "loggen",
    mixinStandardHelpOptions = true,
    description =
        "Generates CloudFront standard logs (33 fields, gzip, S3 file names, files per "
            + "hour) with a documented mix: viewer countries with IPs from the GeoIP database's "
            + "own networks, edge locations near them, phones/tablets/desktops/smart TVs/bots, "
            + "a daily curve, Pareto object sizes, cache results and statuses. The same seed "
            + "gives the same files.",
    footer = {"", "Example:  cfsim loggen --requests 100000 --out /tmp/cf-logs --seed 1"})
final class LoggenCommand implements Callable<Integer> {

  @Option(names = "--requests", required = true, paramLabel = "N", description = "Log lines to write.")
  long requests;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "Directory for the .gz files: new or empty, unless --replace.")
  Path out;

  @Option(names = "--replace",
      description = "Delete the .gz files already in DIR first (a DIR holding anything else is still refused).")
  boolean replace;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--mix", paramLabel = "FILE", description = "YAML mix file (default: the documented built-in mix).")
  Path mixFile;

  @Option(
      names = "--geoip",
      paramLabel = "FILE",
      description = "GeoIP2/GeoLite2 country or city .mmdb to draw viewer IPs from (default: the embedded database).")
  Path geoip;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (requests < 1) {
      throw new InvalidInputException("--requests", "", "must be at least 1");
    }
    GeneratorMix mix = mixFile == null ? GeneratorMix.defaults() : GeneratorMix.read(mixFile);
    emptyOut();
    GeoNetworks networks = networks(mix);
    AtomicLong written = new AtomicLong();
    LogGenerator.Result r;
    try (LogProgress p = LogProgress.start(() -> String.format(Locale.ROOT, "cfsim: loggen %,d of %,d lines", written.get(), requests))) {
      r = new LogGenerator(mix, networks).generate(requests, seed, out, written::set);
    }
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.printf(
        "wrote %d requests in %d files to %s (mix: %s; viewer IPs from %s)%n",
        r.requests(), r.files().size(), out, mixFile == null ? "built-in" : mixFile, networks.description());
    r.requestsByCountry().forEach((c, n) -> stdout.printf("  %s %d%n", c, n));
    stdout.flush();
    return Main.EXIT_OK;
  }

  /**
   * Makes sure {@code --out} holds no files before writing: left beside the new ones, old logs
   * would be read with them by {@code cfsim profile DIR}. With --replace, old .gz files are
   * deleted; anything else is never deleted, so a mistyped --out cannot wipe a directory.
   */
  private void emptyOut() throws IOException {
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new InvalidInputException("--out", "", out + " is a file; give a new or empty directory");
    }
    if (!Files.isDirectory(out)) {
      return;
    }
    List<Path> held;
    try (Stream<Path> entries = Files.list(out)) {
      held = entries.toList();
    }
    boolean onlyLogs = held.stream().allMatch(p -> Files.isRegularFile(p) && p.toString().endsWith(".gz"));
    if (held.isEmpty() || (replace && onlyLogs)) {
      for (Path old : held) {
        Files.delete(old);
      }
      return;
    }
    throw new InvalidInputException("--out", "", out + " already holds " + held.size()
        + (held.size() == 1 ? " entry" : " entries") + ", which a profile"
        + " of it would read with the new logs; give a new or empty directory"
        + (onlyLogs ? ", or add --replace to delete its .gz files first" : ""));
  }

  private GeoNetworks networks(GeneratorMix mix) throws IOException {
    if (geoip != null) {
      try (InputStream in = Files.newInputStream(UserFiles.requireFile(geoip))) {
        return GeoNetworks.scan(in, geoip.toString(), mix.countries().keySet());
      }
    }
    return embeddedNetworks(mix);
  }

  /** The networks the embedded database gives the mix's countries (shared with the demo). */
  static GeoNetworks embeddedNetworks(GeneratorMix mix) throws IOException {
    try (InputStream in = GeoDatabases.class.getResourceAsStream(GeoDatabases.EMBEDDED_RESOURCE)) {
      if (in == null) {
        throw new InvalidInputException("--geoip", "", "no embedded GeoIP database in this build; give --geoip FILE");
      }
      return GeoNetworks.scan(in, "the embedded " + GeoDatabases.EMBEDDED_ATTRIBUTION, mix.countries().keySet());
    }
  }
}
