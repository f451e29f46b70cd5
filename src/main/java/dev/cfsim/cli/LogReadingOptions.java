package dev.cfsim.cli;

import dev.cfsim.InvalidInputException;
import dev.cfsim.logs.EdgeLocations;
import dev.cfsim.logs.LogFormat;
import dev.cfsim.logs.LogReadOptions;
import dev.cfsim.logs.LogSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * How commands that read recorded logs ({@code profile}, {@code estimate --logs}, {@code emulate},
 * {@code verify}) read them; a picocli mixin so every such command has the same options. The
 * commands name the logs. {@link LogOptions} adds {@code --threads} for the commands that read
 * in parallel ({@code verify} reads in log order, on one thread).
 */
public class LogReadingOptions {

  @Option(names = "--log-format", paramLabel = "FORMAT",
      description = "standard (also w3c, plain), json or realtime; default: detected from each file.")
  String format;

  @Option(names = "--fields", split = ",", paramLabel = "NAME",
      description = "Column names for files without a #Fields header; for real-time logs, the"
          + " fields your configuration selects (any order).")
  List<String> fields;

  @Option(names = "--sampling-rate", paramLabel = "PERCENT",
      description = "Real-time log sampling rate, 1-100 (default 100); each line counts 100/rate requests."
          + " Refused for other logs, which hold every request.")
  Integer samplingRate;

  @Option(names = "--field-delimiter", paramLabel = "CHAR",
      description = "Delimiter of v2 plain/w3c output if not a tab (one ASCII character; \\t for tab).")
  String delimiter;

  @Option(names = "--strict", description = "Stop at the first malformed line instead of counting it.")
  boolean strict;

  @Option(names = "--edge-locations", paramLabel = "FILE",
      description = "JSON file adding or correcting edge location codes (shape of pricing/edge-locations.json).")
  Path edgeLocations;

  /** The options as the log reader takes them. */
  public LogReadOptions readOptions() {
    LogFormat f = null;
    if (format != null) {
      f = LogFormat.fromId(format).orElseThrow(() -> new InvalidInputException(
          "--log-format", "", "unknown format '" + format + "'; one of standard, w3c, plain, json, realtime"));
    }
    int rate = samplingRate == null ? 100 : samplingRate;
    if (rate < 1 || rate > 100) {
      throw new InvalidInputException("--sampling-rate", "", "must be 1 to 100");
    }
    return LogReadOptions.defaults().withFormat(f).withFields(fields)
        .withSamplingRate(rate).withStrict(strict).withDelimiter(delimiterByte());
  }

  /**
   * After reading: a note on {@code err} when real-time logs were read without {@code
   * --sampling-rate}. Their lines do not say the stream's rate, so each was counted as one
   * request; a stream sampling 1 % would come out a hundred times too small, silently.
   */
  void noteSampling(LogSource source, PrintWriter err) {
    if (source.readRealtimeLogs() && samplingRate == null) {
      err.println("cfsim: note: real-time logs were read as holding every request (no --sampling-rate):"
          + " if your real-time log configuration samples, give its rate, e.g. --sampling-rate 10");
    }
  }

  private byte delimiterByte() {
    if (delimiter == null || delimiter.equals("\\t")) {
      return '\t';
    }
    if (delimiter.length() != 1 || delimiter.charAt(0) > 126 || delimiter.charAt(0) == '\n') {
      throw new InvalidInputException("--field-delimiter", "", "one ASCII character, or \\t");
    }
    return (byte) delimiter.charAt(0);
  }

  /** The logs at {@code paths} (files, directories, globs), read with these options. */
  public LogSource source(List<String> paths) {
    return LogSource.of(paths, readOptions());
  }

  /** The built-in edge-location list, with the user's override file if given. */
  public EdgeLocations edgeLocations() {
    EdgeLocations e = EdgeLocations.builtIn();
    return edgeLocations == null ? e : e.withOverrides(edgeLocations);
  }
}
