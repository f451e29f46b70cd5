package dev.cfsim.cli;

import dev.cfsim.InvalidInputException;
import dev.cfsim.logs.LogReadOptions;
import picocli.CommandLine.Option;

/**
 * {@link LogReadingOptions} and {@code --threads}: how {@code profile}, {@code estimate --logs}
 * and {@code emulate}, which read logs in parallel, read them. ({@code verify} takes
 * {@link LogReadingOptions} alone: it reads on one thread, in log order.)
 */
public final class LogOptions extends LogReadingOptions {

  @Option(names = "--threads", paramLabel = "N",
      description = "Threads reading the logs, 1-256 (default: one per core).")
  Integer threads;

  @Override
  public LogReadOptions readOptions() {
    if (threads != null && (threads < 1 || threads > LogReadOptions.MAX_THREADS)) {
      throw new InvalidInputException("--threads", "", "must be 1 to " + LogReadOptions.MAX_THREADS
          + " (got " + threads + "); more threads than cores only cost memory");
    }
    LogReadOptions o = super.readOptions();
    return threads == null ? o : o.withThreads(threads);
  }
}
