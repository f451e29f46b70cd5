package dev.cfsim.cli;

import dev.cfsim.InvalidInputException;
import dev.cfsim.logs.GzipStreams;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * What every command that reads logs (profile, estimate --logs, emulate, verify) says about the
 * reading, in the same words: the malformed lines on stderr, and a refusal when the logs held
 * no record at all, since a report over nothing ("differences: 0") would pass for a clean one.
 */
final class LogReadReport {
  private LogReadReport() {}

  /** The reading speed, last on stderr: records, seconds, records a second and the inflater used. */
  static void throughput(long records, double seconds, PrintWriter err) {
    err.println(String.format(Locale.ROOT, "cfsim: %,d records in %.2f s: %,.0f records/s (gzip: %s)",
        records, seconds, seconds > 0 ? records / seconds : 0.0, GzipStreams.inflater()));
    err.flush();
  }

  /** The malformed-line summary ({@code MalformedLines#summary}), one {@code cfsim:} line each. */
  static void malformed(List<String> summary, PrintWriter err) {
    for (String line : summary) {
      err.println("cfsim: " + line);
    }
    err.flush();
  }

  /**
   * Refuses logs without a record (empty files, or nothing but malformed lines), naming them.
   *
   * @param logs the paths as the user gave them
   */
  static void requireRecords(long records, List<String> logs) {
    if (records == 0) {
      throw new InvalidInputException(String.join(" ", logs), "", "no log records found");
    }
  }
}
