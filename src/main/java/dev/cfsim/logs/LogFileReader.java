package dev.cfsim.logs;

import dev.cfsim.InvalidInputException;
import dev.cfsim.StrictUtf8;
import dev.cfsim.logs.LogReadOptions.OptionNames;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.zip.ZipException;

/**
 * Reads one log file, plain or gzip (recognised by its magic bytes, not its name), without a
 * leading byte order mark ({@link ByteOrderMark}), line by line in a fixed buffer, and hands
 * each record to a consumer in file order. Memory does not depend on the file's size. Header
 * lines ({@code #Version}, {@code #Fields}) may appear anywhere, as in concatenated files, and a
 * new {@code #Fields} line changes the columns from there on.
 */
final class LogFileReader {

  private static final int BUFFER = 1 << 20;

  private final LogReadOptions options;
  private final AtomicLong bytesRead;
  private final AtomicBoolean realtimeRead;

  /**
   * @param bytesRead counts the file bytes read (compressed, for gzip), for progress
   * @param realtimeRead set once a file is read as a real-time log, whose sampling the lines do not say
   */
  LogFileReader(LogReadOptions options, AtomicLong bytesRead, AtomicBoolean realtimeRead) {
    this.options = options;
    this.bytesRead = bytesRead;
    this.realtimeRead = realtimeRead;
  }

  /** What one file held. */
  record FileCounts(long lines, long records) {}

  /**
   * Reads {@code file} to the end, or to where its gzip stream breaks off.
   *
   * @throws InvalidInputException when the file cannot be read as a log at all (no field list),
   *     or in strict mode at its first malformed line or a truncated gzip
   */
  FileCounts read(Path file, Consumer<RequestRecord> sink, MalformedLines malformed)
      throws IOException {
    return read(file, file.toString(), sink, malformed);
  }

  /** Like {@link #read(Path, Consumer, MalformedLines)}; {@code name} labels it in messages. */
  FileCounts read(Path file, String name, Consumer<RequestRecord> sink, MalformedLines malformed)
      throws IOException {
    try (InputStream raw = new CountingInputStream(Files.newInputStream(file), bytesRead)) {
      return read(name, raw, sink, malformed);
    }
  }

  FileCounts read(String name, InputStream raw, Consumer<RequestRecord> sink, MalformedLines malformed)
      throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
    boolean gzip = isGzip(in);
    State state = new State(name, sink, malformed);
    byte[] buf = new byte[BUFFER];
    int filled = 0;
    long afterMembers = 0;
    // the gzip header is read here: a file cut inside it is truncated like any other
    try (InputStream inflated = gzip ? GzipStreams.open(in) : in;
        InputStream source = ByteOrderMark.skip(inflated)) {
      while (true) {
        int n = source.read(buf, filled, buf.length - filled);
        if (n < 0) {
          break;
        }
        filled += n;
        int consumed = state.lines(buf, filled, false);
        if (consumed == 0 && filled == buf.length) {
          buf = Arrays.copyOf(buf, buf.length * 2); // a line longer than the buffer
        } else {
          System.arraycopy(buf, consumed, buf, 0, filled - consumed);
          filled -= consumed;
        }
      }
      afterMembers = gzip ? GzipStreams.bytesAfterMembers(inflated) : 0;
    } catch (EOFException | ZipException e) {
      if (!gzip) {
        throw e;
      }
      state.lines(buf, filled, true);
      malformed.addTruncated(truncated(name, state.lineNo, e));
      return state.counts();
    }
    state.lines(buf, filled, true);
    afterMembers(name, afterMembers, malformed);
    return state.counts();
  }

  /** True when the stream starts with gzip's magic bytes (read by content, not by name). */
  static boolean isGzip(BufferedInputStream in) throws IOException {
    in.mark(2);
    boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
    in.reset();
    return gzip;
  }

  /**
   * What to do when a gzip file ends early or is damaged: the report for it, or in strict mode the error.
   *
   * @param linesRead the lines read before the cut, the cut last line included
   */
  MalformedLines.TruncatedFile truncated(String name, long linesRead, IOException e) {
    boolean damaged = e instanceof ZipException;
    String problem = e.getMessage() != null ? e.getMessage() : damaged ? "bad data" : "unexpected end of file";
    MalformedLines.TruncatedFile t = new MalformedLines.TruncatedFile(name, linesRead, problem, damaged);
    if (options.strict()) {
      throw new InvalidInputException(name, "", t.summary());
    }
    return t;
  }

  /**
   * What to do when a gzip file has {@code bytes} after its last member that do not start
   * another (0 when it has none): report them, or in strict mode refuse the file.
   */
  void afterMembers(String name, long bytes, MalformedLines malformed) {
    if (bytes == 0) {
      return;
    }
    if (options.strict()) {
      throw new InvalidInputException(name, "", MalformedLines.TrailingBytes.problem(bytes));
    }
    malformed.addTrailingBytes(new MalformedLines.TrailingBytes(name, bytes));
  }

  /**
   * Parses blocks of whole lines of one file that another thread cut from it ({@link
   * SplitFileReader}), on one worker thread. Each block says where it starts: its first line
   * number and the columns in force there, so lines read as they would in one pass.
   */
  final class Blocks {
    private final State state;
    private final Map<Layout, LineParser> parsers = new HashMap<>();

    Blocks(String name, Consumer<RequestRecord> sink, MalformedLines malformed) {
      this.state = new State(name, sink, malformed);
    }

    /**
     * @param layout how lines split where the block starts, as the cutting thread found it; null
     *     when neither a data line nor a {@code #Fields} line came before, so that the block's
     *     first data line is the file's and decides, as in one pass
     */
    void parse(byte[] block, int length, long firstLine, Layout layout) {
      state.lineNo = firstLine - 1;
      state.parser = layout == null ? null : parsers.computeIfAbsent(layout, l -> parser(l, state.name));
      state.lines(block, length, true);
    }

    long records() {
      return state.records;
    }
  }

  /**
   * How a file's data lines split into fields: JSON objects, or delimited columns. Set by the
   * file's first data line (the format detected or given) until a {@code #Fields} line sets
   * the columns.
   *
   * @param columns the field names in column order; null for JSON
   * @param realtime a real-time log: host names swapped back, counts weighted by sampling
   */
  record Layout(List<String> columns, boolean realtime) {
    static final Layout JSON = new Layout(null, false);
  }

  /**
   * The layout a header line sets, or null when it sets none: only a {@code #Fields} line
   * outside JSON logs does; other {@code #} lines are notes. Only standard logs have one.
   */
  Layout fieldsLayout(String headerLine) {
    String[] words = headerLine.trim().split("\\s+");
    if (words[0].equalsIgnoreCase("#Fields:") && words.length > 1
        && options.format() != LogFormat.JSON) {
      return new Layout(List.copyOf(Arrays.asList(words).subList(1, words.length)), false);
    }
    return null;
  }

  /**
   * The layout the file's first data line (before any {@code #Fields}) sets.
   *
   * @throws InvalidInputException when the line's columns cannot be known
   */
  Layout firstLineLayout(String name, long lineNo, byte[] buf, int start, int end) {
    LogFormat format = options.format();
    if (format == null) {
      format = detect(buf, start, end);
    }
    switch (format) {
      case JSON:
        return Layout.JSON;
      case REALTIME:
        return new Layout(realtimeColumns(name, lineNo, countColumns(buf, start, end)), true);
      default:
        if (options.fields().isEmpty()) {
          throw new InvalidInputException(
              name, "line " + lineNo,
              "no #Fields header before the first record; name the columns with " + options.names().fields());
        }
        return new Layout(options.fields(), false);
    }
  }

  /**
   * The parser for a layout of file {@code name}.
   *
   * @throws InvalidInputException when a sampling rate is given for a log that is not real-time:
   *     such a log holds every request, so the rate cannot apply, and reading it unweighted would
   *     hide that the user took it for a sampled one; and when {@code --log-format realtime} is
   *     given for a log with a {@code #Fields} header, which only standard logs have: its records
   *     would be read with real-time rules (sampling weights, host names swapped) they do not follow
   */
  LineParser parser(Layout layout, String name) {
    // a layout given as real-time that is not one came from a #Fields header
    if (options.format() == LogFormat.REALTIME && !layout.realtime()) {
      OptionNames o = options.names();
      throw new InvalidInputException(name, "", o.given(o.format(), "realtime") + ", but this log has a #Fields header,"
          + " as standard logs do and real-time logs never do; leave " + o.format() + " out or give standard");
    }
    if (!layout.realtime() && options.samplingRate() != 100) {
      OptionNames o = options.names();
      throw new InvalidInputException(name, "", o.given(o.samplingRate(), options.samplingRate())
          + " is for real-time logs, and this is a standard log, which holds every request;"
          + " leave " + o.samplingRate() + " out");
    }
    if (layout.columns() == null) {
      return new JsonLineParser();
    }
    requireDistinct(layout.columns(), name);
    if (layout.realtime()) {
      realtimeRead.set(true);
    }
    return new DelimitedLineParser(
        layout.columns(),
        layout.realtime(),
        layout.realtime() ? options.realtimeWeight() : 1.0,
        options.fieldsRead());
  }

  /**
   * Refuses a field list naming one field twice (in any spelling, {@code c-ip} and {@code c_ip}):
   * which column holds its value cannot be known, and reading one would drop the other unseen.
   */
  private static void requireDistinct(List<String> columns, String name) {
    Map<LogField, Integer> seen = new HashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      LogField f = LogField.byName(columns.get(i));
      Integer before = f == null ? null : seen.putIfAbsent(f, i);
      if (before != null) {
        throw new InvalidInputException(name, "", "the field list names " + f.cloudFrontName() + " twice (columns "
            + (before + 1) + " and " + (i + 1) + "), so which holds its value cannot be known");
      }
    }
  }

  private List<String> realtimeColumns(String name, long lineNo, int columnsInLine) {
    if (options.fields().isEmpty()) {
      if (columnsInLine == LogField.REALTIME_CANONICAL.size()) {
        return LogField.REALTIME_CANONICAL;
      }
      throw new InvalidInputException(
          name, "line " + lineNo,
          "real-time record with " + columnsInLine + " fields: give the fields your real-time"
              + " configuration selects with " + options.names().fields());
    }
    return canonicalOrder(name, options.fields(), options.names().fields());
  }

  private int countColumns(byte[] buf, int start, int end) {
    int n = 1;
    for (int i = start; i < end; i++) {
      if (buf[i] == options.delimiter()) {
        n++;
      }
    }
    return n;
  }

  /** Parsing state for one file: the current columns and counters. */
  private final class State {
    final String name;
    final Consumer<RequestRecord> sink;
    final MalformedLines malformed;
    final ByteScan.Line scan = new ByteScan.Line();
    LineParser parser;
    long lineNo;
    long records;

    State(String name, Consumer<RequestRecord> sink, MalformedLines malformed) {
      this.name = name;
      this.sink = sink;
      this.malformed = malformed;
    }

    FileCounts counts() {
      return new FileCounts(lineNo, records);
    }

    /**
     * Handles the complete lines in buf[0, filled) and returns how many bytes they took. Each
     * line is scanned once: the search for its end also notes where its fields split. Stops when
     * the thread is interrupted, as the API does to work past its deadline: a read is otherwise
     * never waiting, so nothing else would notice.
     */
    int lines(byte[] buf, int filled, boolean atEnd) {
      if (Thread.currentThread().isInterrupted()) {
        throw new CancellationException("log reading interrupted");
      }
      int start = 0;
      while (start < filled) {
        int nl = ByteScan.scanLine(buf, start, filled, options.delimiter(), scan);
        scan.cutAtEnd = nl < 0;
        if (nl < 0) {
          if (!atEnd) {
            return start;
          }
          nl = filled;
        }
        int end = nl;
        if (end > start && buf[end - 1] == '\r') {
          end--;
        }
        lineNo++;
        line(buf, start, end);
        start = nl + 1;
      }
      return Math.min(start, filled);
    }

    void line(byte[] buf, int start, int end) {
      if (end == start) {
        return;
      }
      if (buf[start] == '#') {
        header(headerText(buf, start, end));
        return;
      }
      if (parser == null) {
        parser = parserFor(buf, start, end);
      }
      try {
        sink.accept(parser.parse(buf, start, end, scan));
        records++;
      } catch (MalformedLineException e) {
        if (options.strict()) {
          throw new InvalidInputException(
              name, "line " + lineNo, e.reason().label() + ": " + e.getMessage());
        }
        malformed.add(name, lineNo, e);
      }
    }

    /**
     * A header line as text; a {@code #Fields} line that is not UTF-8 stops the file (exit 2),
     * since decoding would turn a column name into one no field has and silently drop its values.
     * A note's text is never used, so it is read as it comes.
     */
    String headerText(byte[] buf, int start, int end) {
      String text = new String(buf, start, end - start, StandardCharsets.UTF_8);
      int bad = scan.ascii ? -1 : StrictUtf8.firstInvalid(buf, start, end);
      if (bad >= 0 && fieldsLayout(text) != null) {
        throw new InvalidInputException(name, "line " + lineNo, String.format(
            "byte 0x%02X of the #Fields line is not UTF-8 text, so its columns cannot be known", buf[bad] & 0xff));
      }
      return text;
    }

    /** A {@code #Fields} line sets the columns from here on; other {@code #} lines are notes. */
    void header(String line) {
      Layout layout = fieldsLayout(line);
      if (layout != null) {
        parser = parser(layout, name);
      }
    }

    LineParser parserFor(byte[] buf, int start, int end) {
      return parser(firstLineLayout(name, lineNo, buf, start, end), name);
    }
  }

  /** Puts real-time field names in CloudFront's canonical order, whatever order they came in. */
  static List<String> canonicalOrder(String source, List<String> fields, String option) {
    Set<String> wanted = new HashSet<>();
    for (String f : fields) {
      String k = LogField.key(f);
      boolean known = LogField.REALTIME_CANONICAL.stream().anyMatch(c -> LogField.key(c).equals(k));
      if (!known) {
        throw new InvalidInputException(
            source, option, "'" + f + "' is not a real-time log field");
      }
      wanted.add(k);
    }
    List<String> out = new ArrayList<>();
    for (String c : LogField.REALTIME_CANONICAL) {
      if (wanted.contains(LogField.key(c))) {
        out.add(c);
      }
    }
    return out;
  }

  /** The format of a data line met before any {@code #Fields} header. */
  static LogFormat detect(byte[] buf, int start, int end) {
    if (buf[start] == '{') {
      return LogFormat.JSON;
    }
    int tab = ByteScan.indexOf(buf, start, end, (byte) '\t');
    int firstEnd = tab < 0 ? end : tab;
    if (looksLikeEpochMillis(buf, start, firstEnd)) {
      return LogFormat.REALTIME;
    }
    return LogFormat.STANDARD;
  }

  /** {@code 1600299221.087}: how a real-time record starts. */
  private static boolean looksLikeEpochMillis(byte[] buf, int start, int end) {
    int dot = ByteScan.indexOf(buf, start, end, (byte) '.');
    if (dot < start + 9 || end - dot != 4) {
      return false;
    }
    for (int i = start; i < end; i++) {
      if (i != dot && (buf[i] < '0' || buf[i] > '9')) {
        return false;
      }
    }
    return true;
  }
}
