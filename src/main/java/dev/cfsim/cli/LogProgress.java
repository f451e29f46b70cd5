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
  /** Clears the line when the JVM stops under it (Ctrl-C), so the shell prompt starts clean. */
  private final Thread clearOnExit;

  private LogProgress(ScheduledExecutorService timer) {
    this.timer = timer;
    this.clearOnExit = timer == null ? null : new Thread(this::stop, "cfsim-progress-clear");
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
    Runtime.getRuntime().addShutdownHook(p.clearOnExit);
    t.scheduleAtFixedRate(() -> p.err.print("\r" + line.get() + "\033[K"), 500, 500, TimeUnit.MILLISECONDS);
    return p;
  }

  /** How much of the logs a replay (emulate, verify) has read. */
  static LogProgress replaying(LogSource source) {
    return reading("replaying", source);
  }

  /**
   * How much of the logs a command has read, as a share of their bytes (compressed, for gzip),
   * with the time taken and, at the recent pace, the time left.
   */
  static LogProgress reading(String verb, LogSource source) {
    long total = Math.max(1, source.totalBytes());
    long started = System.nanoTime();
    Pace pace = new Pace();
    return start(() -> {
      long now = System.nanoTime();
      long read = source.bytesRead();
      return line(verb, read, total, (now - started) / 1e9, pace.bytesPerSecond(now, read));
    });
  }

  /** The progress line, e.g. {@code cfsim: replaying  38% of 487.8 MB, 12 s, about 20 s left}. */
  static String line(String verb, long read, long total, double seconds, double bytesPerSecond) {
    String line = String.format(Locale.ROOT, "cfsim: %s %3.0f%% of %s, %s", verb,
        100.0 * Math.min(read, total) / total, bytes(total), duration(seconds));
    if (bytesPerSecond > 0 && read < total && seconds >= 2) {
      line += ", about " + duration((total - read) / bytesPerSecond) + " left";
    }
    return line;
  }

  /** {@code 12 s}, {@code 3 min 05 s}, {@code 1 h 02 min}. */
  static String duration(double seconds) {
    long s = Math.round(seconds);
    if (s < 60) {
      return s + " s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%d h %02d min", s / 3600, s / 60 % 60);
  }

  /**
   * The reading pace over the last five seconds or so: a run speeds up as the JIT compiles the
   * readers, so the average since the start would overstate the time left.
   */
  static final class Pace {
    private static final int SAMPLES = 10; // one a redraw, twice a second
    private final long[] times = new long[SAMPLES];
    private final long[] bytes = new long[SAMPLES];
    private int taken;

    /** Bytes a second between the oldest sample kept and this one, which is then kept; 0 at first. */
    double bytesPerSecond(long nanos, long read) {
      double rate = 0;
      if (taken > 0) {
        int oldest = taken < SAMPLES ? 0 : taken % SAMPLES;
        long dt = nanos - times[oldest];
        rate = dt > 0 ? (read - bytes[oldest]) * 1e9 / dt : 0;
      }
      times[taken % SAMPLES] = nanos;
      bytes[taken % SAMPLES] = read;
      taken++;
      return rate;
    }
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
      stop();
      try {
        Runtime.getRuntime().removeShutdownHook(clearOnExit);
      } catch (IllegalStateException shuttingDown) {
        // the hook runs, or ran, and clears the line anyway
      }
    }
  }

  private void stop() {
    timer.shutdownNow();
    err.print("\r\033[K");
    err.flush();
  }
}
