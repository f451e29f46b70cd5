package dev.cfsim.logs;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The CloudFront logging options cfsim reads. */
public enum LogFormat {
  /**
   * Standard logging (legacy) and standard logging v2 in w3c or plain output: tab-separated,
   * columns named by a {@code #Fields} header (or given when a file has none).
   */
  STANDARD("standard"),
  /** Standard logging v2 JSON output: one object per line, keys are the W3C field names. */
  JSON("json"),
  /**
   * Real-time logs: tab-separated, no header, the configured fields in CloudFront's canonical
   * order; sampled, so each line stands for 100 / sampling-rate requests.
   */
  REALTIME("realtime");

  private final String id;

  LogFormat(String id) {
    this.id = id;
  }

  /** The name on the command line, e.g. {@code realtime}. */
  public String id() {
    return id;
  }

  /** Accepts the id and the v2 output names {@code w3c} and {@code plain}. */
  public static Optional<LogFormat> fromId(String s) {
    String k = s.trim().toLowerCase(Locale.ROOT);
    if (k.equals("w3c") || k.equals("plain") || k.equals("legacy")) {
      return Optional.of(STANDARD);
    }
    if (k.equals("real-time")) {
      return Optional.of(REALTIME);
    }
    return Arrays.stream(values()).filter(f -> f.id.equals(k)).findFirst();
  }

  @Override
  public String toString() {
    return id;
  }
}
