package dev.cfsim.logs;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How to read a set of logs.
 *
 * @param format the logging option, or null to detect it from each file's content
 * @param fields column names for files without a {@code #Fields} header: a headerless standard
 *     or v2 plain file, or the fields a real-time configuration selects (any order; they are put
 *     in CloudFront's canonical order); empty to rely on headers
 * @param samplingRate real-time sampling rate, 1 to 100 percent; each line counts 100/rate times
 * @param delimiter the byte between values in tab-separated formats (v2 plain lets you choose)
 * @param strict stop at the first malformed line or truncated file instead of counting it
 * @param threads files read at once; 1 to {@link #MAX_THREADS}
 * @param fieldsRead the fields the job will read from each record; text fields outside it are
 *     checked as usual but left {@code null} in the record, which spares a String (and its
 *     decoding) per field per line. Numbers, dates and IPs are always read, so a line is
 *     malformed or not whatever the job. All fields by default.
 * @param names what the user calls the format, fields and sampling rate options, for messages
 */
public record LogReadOptions(
    LogFormat format,
    List<String> fields,
    int samplingRate,
    byte delimiter,
    boolean strict,
    int threads,
    Set<LogField> fieldsRead,
    OptionNames names) {

  /**
   * The options as the user gives them: the command line's {@code --fields} is the API's
   * {@code ?fields=}, and a message that tells an API client to use {@code --fields} tells it
   * nothing it can do.
   *
   * @param format the option naming the log format
   * @param fields the option naming the columns
   * @param samplingRate the option giving the real-time sampling rate
   * @param query true for URL query parameters ({@code name=value}), false for command-line
   *     options ({@code --name value})
   */
  public record OptionNames(String format, String fields, String samplingRate, boolean query) {
    public static final OptionNames COMMAND_LINE =
        new OptionNames("--log-format", "--fields", "--sampling-rate", false);

    /** {@code option} given {@code value}, as the user would have written it. */
    public String given(String option, Object value) {
      return option + (query ? "=" : " ") + value;
    }
  }

  public LogReadOptions {
    fields = fields == null ? List.of() : List.copyOf(fields);
    names = names == null ? OptionNames.COMMAND_LINE : names;
    fieldsRead = fieldsRead == null || fieldsRead.isEmpty()
        ? ALL_FIELDS
        : Collections.unmodifiableSet(EnumSet.copyOf(fieldsRead));
    if (samplingRate < 1 || samplingRate > 100) {
      throw new IllegalArgumentException("sampling rate must be 1 to 100, was " + samplingRate);
    }
    if (threads < 1 || threads > MAX_THREADS) {
      throw new IllegalArgumentException("threads must be 1 to " + MAX_THREADS + ", was " + threads);
    }
  }

  /**
   * Most reader threads. Reading is CPU-bound (inflating and parsing), so threads beyond the
   * cores only cost memory: each holds a 1 MiB line buffer and its own tally. 256 is more than
   * any machine cfsim runs on has cores, yet fits the default heap; 100,000 threads ran out of
   * memory. A fixed number, not a multiple of the cores, so a command valid on one machine is
   * valid on every other.
   */
  public static final int MAX_THREADS = 256;

  private static final Set<LogField> ALL_FIELDS =
      Collections.unmodifiableSet(EnumSet.allOf(LogField.class));

  /** Detect the format, tab-separated, lenient, one thread per core, every field read. */
  public static LogReadOptions defaults() {
    return new LogReadOptions(
        null, List.of(), 100, (byte) '\t', false,
        Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()),
        ALL_FIELDS, OptionNames.COMMAND_LINE);
  }

  public LogReadOptions withFormat(LogFormat f) {
    return new LogReadOptions(f, fields, samplingRate, delimiter, strict, threads, fieldsRead, names);
  }

  public LogReadOptions withFields(List<String> f) {
    return new LogReadOptions(format, f, samplingRate, delimiter, strict, threads, fieldsRead, names);
  }

  public LogReadOptions withSamplingRate(int rate) {
    return new LogReadOptions(format, fields, rate, delimiter, strict, threads, fieldsRead, names);
  }

  public LogReadOptions withDelimiter(byte d) {
    return new LogReadOptions(format, fields, samplingRate, d, strict, threads, fieldsRead, names);
  }

  public LogReadOptions withStrict(boolean s) {
    return new LogReadOptions(format, fields, samplingRate, delimiter, s, threads, fieldsRead, names);
  }

  public LogReadOptions withThreads(int t) {
    return new LogReadOptions(format, fields, samplingRate, delimiter, strict, t, fieldsRead, names);
  }

  /** The same options, reading only {@code fields} of each record (see {@link #fieldsRead}). */
  public LogReadOptions readingOnly(Set<LogField> fields) {
    return new LogReadOptions(format, this.fields, samplingRate, delimiter, strict, threads, fields, names);
  }

  /** The same options, named in messages as {@code n} names them. */
  public LogReadOptions namedAs(OptionNames n) {
    return new LogReadOptions(format, fields, samplingRate, delimiter, strict, threads, fieldsRead, n);
  }

  /** Requests one real-time line stands for. */
  public double realtimeWeight() {
    return 100.0 / samplingRate;
  }
}
