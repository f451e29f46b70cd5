package dev.cfsim.cli;

import dev.cfsim.logs.LogSource;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A progress line on stderr, redrawn twice a second, for long log work; only when stderr is a
 * terminal, so scripts and pipes see nothing.
 */
final class LogProgress implements AutoCloseable {

  private final ScheduledExecutorService timer;
  private final PrintStream err = System.err;

  private LogProgress(ScheduledExecutorService timer) {
    this.timer = timer;
  }

  /**
   * Set by the {@code cfsim} launcher from {@code [ -t 2 ]}: Java cannot ask whether stderr is a
   * terminal, and {@link System#console()} answers for stdin and stdout instead.
   */
  static final String STDERR_IS_TERMINAL = "cfsim.stderrIsTerminal";

  /** Whether progress lines may be drawn: the launcher's answer, else the console's guess. */
  static boolean stderrIsTerminal() {
    String told = System.getProperty(STDERR_IS_TERMINAL);
    return told != null ? Boolean.parseBoolean(told) : System.console() != null;
  }

  /** Starts redrawing {@code line()} when stderr is a terminal; otherwise does nothing. */
  static LogProgress start(Supplier<String> line) {
    if (!stderrIsTerminal()) {
      return new LogProgress(null);
    }
    ScheduledExecutorService t =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread th = new Thread(r, "cfsim-progress");
              th.setDaemon(true);
              return th;
            });
    LogProgress p = new LogProgress(t);
    t.scheduleAtFixedRate(() -> p.err.print("\r" + line.get() + "   "), 500, 500, TimeUnit.MILLISECONDS);
    return p;
  }

  /** How much of the logs a replay (emulate, verify) has read, as a share of their bytes. */
  static LogProgress replaying(LogSource source) {
    long total = Math.max(1, source.totalBytes());
    return start(() -> String.format(Locale.ROOT, "cfsim: replaying %3.0f%% of %s",
        100.0 * source.bytesRead() / total, bytes(total)));
  }

  /** {@code 1.2 GB} style sizes. */
  static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    String[] units = {"KB", "MB", "GB", "TB"};
    double v = n;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
      err.print("\r\033[K");
      err.flush();
    }
  }
}
