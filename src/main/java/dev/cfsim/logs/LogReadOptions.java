package dev.cfsim.logs;

import java.util.List;

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
 * @param threads files read at once; at least 1
 */
public record LogReadOptions(
    LogFormat format,
    List<String> fields,
    int samplingRate,
    byte delimiter,
    boolean strict,
    int threads) {

  public LogReadOptions {
    fields = fields == null ? List.of() : List.copyOf(fields);
    if (samplingRate < 1 || samplingRate > 100) {
      throw new IllegalArgumentException("sampling rate must be 1 to 100, was " + samplingRate);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1");
    }
  }

  /** Detect the format, tab-separated, lenient, one thread per core. */
  public static LogReadOptions defaults() {
    return new LogReadOptions(
        null, List.of(), 100, (byte) '\t', false, Runtime.getRuntime().availableProcessors());
  }

  public LogReadOptions withFormat(LogFormat f) {
    return new LogReadOptions(f, fields, samplingRate, delimiter, strict, threads);
  }

  public LogReadOptions withFields(List<String> f) {
    return new LogReadOptions(format, f, samplingRate, delimiter, strict, threads);
  }

  public LogReadOptions withSamplingRate(int rate) {
    return new LogReadOptions(format, fields, rate, delimiter, strict, threads);
  }

  public LogReadOptions withStrict(boolean s) {
    return new LogReadOptions(format, fields, samplingRate, delimiter, s, threads);
  }

  public LogReadOptions withThreads(int t) {
    return new LogReadOptions(format, fields, samplingRate, delimiter, strict, t);
  }

  /** Requests one real-time line stands for. */
  double realtimeWeight() {
    return 100.0 / samplingRate;
  }
}
