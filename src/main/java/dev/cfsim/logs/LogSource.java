package dev.cfsim.logs;

import dev.cfsim.InvalidInputException;
import dev.cfsim.UserFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collector;
import java.util.stream.Stream;

/**
 * A set of CloudFront log files (files, directory trees, globs) read as {@link RequestRecord}s.
 * Files are read in parallel in constant memory: one file per thread, or, with fewer files than
 * threads, each file cut into blocks that all threads parse (so {@link #read} does not promise
 * record order; {@link #forEach} keeps each file's order). Malformed lines are counted, not
 * thrown, unless the options say strict.
 *
 * <pre>{@code
 * LogSource logs = LogSource.of(List.of("logs/"), LogReadOptions.defaults());
 * LogReadResult<Long> r = logs.read(Collectors.counting());
 * r.malformed().summary().forEach(System.err::println);
 * }</pre>
 */
public final class LogSource {

  private final List<Path> files;
  private final LogReadOptions options;
  /** How messages name a file, where not by its path. */
  private final Map<Path, String> names;
  private final long totalBytes;
  private final AtomicLong bytesRead = new AtomicLong();
  private final AtomicBoolean realtimeRead = new AtomicBoolean();

  private LogSource(List<Path> files, LogReadOptions options) {
    this(files, Map.of(), options);
  }

  private LogSource(List<Path> files, Map<Path, String> names, LogReadOptions options) {
    this.files = List.copyOf(files);
    this.names = Map.copyOf(names);
    this.options = options;
    long total = 0;
    for (Path f : files) {
      try {
        total += Files.size(f);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    this.totalBytes = total;
  }

  /**
   * The log files named by {@code paths}: a file, a directory (read recursively; hidden files
   * and {@code .md} notes skipped), or a glob such as {@code logs/E2ABC*.2026-11-*.gz}. Files come sorted by path,
   * which for S3 names ({@code DIST.YYYY-MM-DD-HH.ID.gz}) is by hour. A file named twice (the
   * same directory as {@code logs} and {@code ./logs}, a glob and a directory that overlap, a
   * symlink and its target) is read once: files are the same when their real paths are.
   *
   * @throws InvalidInputException when a path does not exist, a glob matches nothing or a file
   *     cannot be read (found here, before any file is read)
   */
  public static LogSource of(List<String> paths, LogReadOptions options) {
    List<Path> files = new ArrayList<>();
    for (String p : paths) {
      files.addAll(expand(p));
    }
    if (files.isEmpty()) {
      throw new InvalidInputException("logs", "", "no log files given");
    }
    return new LogSource(distinctFiles(files), options);
  }

  /** {@code files} sorted, each real file once (under the first of its names in that order). */
  private static List<Path> distinctFiles(List<Path> files) {
    Set<Path> seen = new HashSet<>();
    List<Path> out = new ArrayList<>();
    for (Path f : files.stream().sorted().toList()) {
      Path real;
      try {
        real = f.toRealPath();
      } catch (IOException e) {
        throw UserFiles.problem(f.toString(), e);
      }
      if (!Files.isReadable(real)) {
        // found now rather than when a reader thread reaches it, maybe after minutes of work
        throw UserFiles.problem(f.toString(), new AccessDeniedException(f.toString()));
      }
      if (seen.add(real)) {
        out.add(f);
      }
    }
    return out;
  }

  /**
   * One file that messages (malformed lines, a missing field list) name {@code name} rather than
   * by its path, e.g. an upload kept in a temporary file whose path means nothing to its sender.
   */
  public static LogSource named(Path file, String name, LogReadOptions options) {
    return new LogSource(List.of(file), Map.of(file, name), options);
  }

  /** The name messages give {@code file}. */
  private String name(Path file) {
    return names.getOrDefault(file, file.toString());
  }

  /** The files, in reading order. */
  public List<Path> files() {
    return files;
  }

  /** Size of all files on disk (compressed, for gzip). */
  public long totalBytes() {
    return totalBytes;
  }

  /**
   * Whether a file read so far was a real-time log: its lines do not say the stream's sampling
   * rate, so the counts are right only if the rate given (100 unless told) is the stream's.
   */
  public boolean readRealtimeLogs() {
    return realtimeRead.get();
  }

  /** How the files are read: format, fields, sampling rate, threads. */
  public LogReadOptions options() {
    return options;
  }

  /** File bytes read so far, for progress. */
  public long bytesRead() {
    return bytesRead.get();
  }

  /**
   * Reads every file, in parallel, into the collector: each worker thread accumulates into its
   * own container, and the containers are combined at the end, so the accumulator needs no
   * locking and memory is bounded by threads, not files.
   */
  public <A, R> LogReadResult<R> read(Collector<RequestRecord, A, R> collector) {
    return read(collector, options.fieldsRead());
  }

  /**
   * Like {@link #read(Collector)}, for a job that reads only {@code fieldsRead} of each record:
   * other text fields are checked but left {@code null}, which makes reading faster.
   */
  public <A, R> LogReadResult<R> read(
      Collector<RequestRecord, A, R> collector, Set<LogField> fieldsRead) {
    return read(collector, fieldsRead, true);
  }

  private <A, R> LogReadResult<R> read(
      Collector<RequestRecord, A, R> collector, Set<LogField> fieldsRead, boolean split) {
    LogReadOptions options = this.options.readingOnly(fieldsRead);
    if (split && files.size() < options.threads() && !options.strict()) {
      return readSplit(collector, options);
    }
    MalformedLines malformed = new MalformedLines();
    AtomicInteger next = new AtomicInteger();
    AtomicLong lines = new AtomicLong();
    AtomicLong records = new AtomicLong();
    int threads = Math.min(options.threads(), files.size());
    List<Callable<A>> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      workers.add(
          () -> {
            A container = collector.supplier().get();
            Consumer<RequestRecord> sink = r -> collector.accumulator().accept(container, r);
            LogFileReader reader = new LogFileReader(options, bytesRead, realtimeRead);
            int i;
            while ((i = next.getAndIncrement()) < files.size()) {
              LogFileReader.FileCounts c = reader.read(files.get(i), name(files.get(i)), sink, malformed);
              lines.addAndGet(c.lines());
              records.addAndGet(c.records());
            }
            return container;
          });
    }
    A combined = runAll(workers, collector);
    return new LogReadResult<>(
        collector.finisher().apply(combined), files.size(), lines.get(), records.get(), malformed);
  }

  /**
   * Fewer files than threads: each file in turn is cut into blocks that every thread parses
   * ({@link SplitFileReader}), so one large log still uses every core. Strict reads stay one
   * file per thread, so that they stop at the very first malformed line.
   */
  private <A, R> LogReadResult<R> readSplit(
      Collector<RequestRecord, A, R> collector, LogReadOptions options) {
    MalformedLines malformed = new MalformedLines();
    List<A> containers = new ArrayList<>();
    List<Consumer<RequestRecord>> sinks = new ArrayList<>();
    for (int t = 0; t < options.threads(); t++) {
      A container = collector.supplier().get();
      containers.add(container);
      sinks.add(r -> collector.accumulator().accept(container, r));
    }
    SplitFileReader reader = new SplitFileReader(options, bytesRead, realtimeRead,
        splitBlockSize > 0 ? splitBlockSize : SplitFileReader.blockSizeFor(options.threads()));
    ExecutorService pool = Executors.newFixedThreadPool(options.threads(), LogSource::daemon);
    long lines = 0;
    long records = 0;
    try {
      for (Path file : files) {
        LogFileReader.FileCounts c = reader.read(file, name(file), sinks, malformed, pool);
        lines += c.lines();
        records += c.records();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      pool.shutdownNow();
    }
    A combined = containers.get(0);
    for (A other : containers.subList(1, containers.size())) {
      combined = collector.combiner().apply(combined, other);
    }
    return new LogReadResult<>(
        collector.finisher().apply(combined), files.size(), lines, records, malformed);
  }

  /** Block size for {@link SplitFileReader}, 0 for its default; tests make it small. */
  int splitBlockSize;

  /**
   * Reads every file, in parallel, handing each record to {@code sink}, which must be
   * thread-safe. Within one file, records arrive in file order.
   */
  public LogReadResult<Void> forEach(Consumer<RequestRecord> sink) {
    LogReadResult<Object> r =
        read(Collector.of(() -> null, (a, rec) -> sink.accept(rec), (a, b) -> a),
            options.fieldsRead(), false);
    return new LogReadResult<>(null, r.files(), r.lines(), r.records(), r.malformed());
  }

  /** Reads one file in order on the calling thread; for tools that need one file's sequence. */
  public static LogReadResult<Void> readFile(
      Path file, LogReadOptions options, Consumer<RequestRecord> sink) throws IOException {
    MalformedLines malformed = new MalformedLines();
    LogFileReader.FileCounts c =
        new LogFileReader(options, new AtomicLong(), new AtomicBoolean()).read(file, sink, malformed);
    return new LogReadResult<>(null, 1, c.lines(), c.records(), malformed);
  }

  /**
   * Reads one log from a stream (plain or gzip) in order on the calling thread, e.g. standard
   * input; {@code name} labels it in messages.
   */
  public static LogReadResult<Void> readStream(
      String name, InputStream in, LogReadOptions options, Consumer<RequestRecord> sink)
      throws IOException {
    MalformedLines malformed = new MalformedLines();
    LogFileReader.FileCounts c =
        new LogFileReader(options, new AtomicLong(), new AtomicBoolean()).read(name, in, sink, malformed);
    return new LogReadResult<>(null, 1, c.lines(), c.records(), malformed);
  }

  private static <A> A runAll(List<Callable<A>> workers, Collector<RequestRecord, A, ?> collector) {
    ExecutorService pool = Executors.newFixedThreadPool(workers.size(), LogSource::daemon);
    try {
      List<Future<A>> futures = new ArrayList<>();
      for (Callable<A> w : workers) {
        futures.add(pool.submit(w));
      }
      A combined = null;
      boolean first = true;
      for (Future<A> f : futures) {
        A a = await(f, futures);
        combined = first ? a : collector.combiner().apply(combined, a);
        first = false;
      }
      return combined;
    } finally {
      pool.shutdownNow();
    }
  }

  /** The task's result; on failure, cancels {@code all} and rethrows the cause unchecked. */
  static <A> A await(Future<A> f, List<? extends Future<?>> all) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading logs", e);
    } catch (ExecutionException e) {
      all.forEach(o -> o.cancel(true));
      Throwable c = e.getCause();
      if (c instanceof RuntimeException re) {
        throw re;
      }
      if (c instanceof IOException io) {
        throw new UncheckedIOException(io);
      }
      throw new IllegalStateException(c);
    }
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "cfsim-log-reader");
    t.setDaemon(true);
    return t;
  }

  private static List<Path> expand(String arg) {
    int glob = firstGlobChar(arg);
    if (glob < 0) {
      Path p = Paths.get(arg);
      if (Files.isRegularFile(p)) {
        return List.of(p);
      }
      if (Files.isDirectory(p)) {
        List<Path> files = walk(p, null);
        if (files.isEmpty()) {
          throw new InvalidInputException(arg, "", "no log files in this directory"
              + " (hidden files and .md notes are skipped)");
        }
        return files;
      }
      throw new InvalidInputException(arg, "", "no such file or directory");
    }
    int slash = arg.lastIndexOf('/', glob);
    Path base = slash < 0 ? Paths.get(".") : Paths.get(slash == 0 ? "/" : arg.substring(0, slash));
    String pattern = slash < 0 ? arg : arg.substring(slash + 1);
    if (!Files.isDirectory(base)) {
      throw new InvalidInputException(arg, "", "no such directory: " + base);
    }
    PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    List<Path> out = walk(base, p -> m.matches(base.relativize(p)));
    if (out.isEmpty()) {
      throw new InvalidInputException(arg, "", "no files match");
    }
    return out;
  }

  /**
   * The files under {@code dir}, named below {@code dir} as given. A {@code dir} that is a
   * symlink is followed (Files.walk would see only the link); links inside the tree are not
   * descended into.
   */
  private static List<Path> walk(Path dir, java.util.function.Predicate<Path> keep) {
    Path root = dir;
    if (Files.isSymbolicLink(dir)) {
      try {
        root = dir.toRealPath();
      } catch (IOException e) {
        throw UserFiles.problem(dir.toString(), e);
      }
    }
    Path top = root;
    try (Stream<Path> s = Files.walk(root)) {
      return s.map(p -> top == dir ? p : dir.resolve(top.relativize(p)))
          .filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(p -> keep != null || !p.getFileName().toString().endsWith(".md"))
          .filter(p -> keep == null || keep.test(p))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int firstGlobChar(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '*' || c == '?' || c == '[' || c == '{') {
        return i;
      }
    }
    return -1;
  }
}
