package dev.cfsim.logs;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The log fields cfsim reads, under the names CloudFront gives them. The same field is spelled
 * {@code cs(User-Agent)} in standard logs and JSON, {@code cs_user_agent} in Parquet-style names
 * and {@code cs-user-agent} in real-time logs; {@link #byName} accepts all of them. Fields cfsim
 * does not use (fle-status, origin-fbl, asn, …) map to nothing and are skipped.
 */
public enum LogField {
  DATE("date"),
  TIME("time"),
  /** Epoch seconds, with milliseconds in real-time logs ({@code 1600299221.087}). */
  TIMESTAMP("timestamp"),
  /** Standard logging v2: epoch milliseconds. */
  TIMESTAMP_MS("timestamp(ms)"),
  EDGE_LOCATION("x-edge-location"),
  BYTES_SENT("sc-bytes"),
  CLIENT_IP("c-ip"),
  METHOD("cs-method"),
  /** {@code cs(Host)}; in real-time logs {@code cs-host} is the viewer's Host header instead. */
  CS_HOST("cs(Host)"),
  URI_STEM("cs-uri-stem"),
  STATUS("sc-status"),
  REFERER("cs(Referer)"),
  USER_AGENT("cs(User-Agent)"),
  QUERY("cs-uri-query"),
  COOKIE("cs(Cookie)"),
  RESULT_TYPE("x-edge-result-type"),
  REQUEST_ID("x-edge-request-id"),
  /** {@code x-host-header}; in real-time logs it holds the distribution domain instead. */
  X_HOST_HEADER("x-host-header"),
  PROTOCOL("cs-protocol"),
  BYTES_RECEIVED("cs-bytes"),
  TIME_TAKEN("time-taken"),
  FORWARDED_FOR("x-forwarded-for"),
  TLS_PROTOCOL("ssl-protocol"),
  TLS_CIPHER("ssl-cipher"),
  RESPONSE_RESULT_TYPE("x-edge-response-result-type"),
  HTTP_VERSION("cs-protocol-version"),
  CLIENT_PORT("c-port"),
  TIME_TO_FIRST_BYTE("time-to-first-byte"),
  DETAILED_RESULT_TYPE("x-edge-detailed-result-type"),
  CONTENT_TYPE("sc-content-type"),
  CONTENT_LENGTH("sc-content-len"),
  RANGE_START("sc-range-start"),
  RANGE_END("sc-range-end"),
  COUNTRY("c-country");

  /**
   * The 33 standard-log fields in the order of the current {@code #Fields} header (December
   * 2019 onwards; AWS "Standard log file format"). Used only to write logs and, when the user
   * asks for it, to read headerless files.
   */
  public static final List<String> STANDARD_33 =
      List.of(
          "date", "time", "x-edge-location", "sc-bytes", "c-ip", "cs-method", "cs(Host)",
          "cs-uri-stem", "sc-status", "cs(Referer)", "cs(User-Agent)", "cs-uri-query",
          "cs(Cookie)", "x-edge-result-type", "x-edge-request-id", "x-host-header",
          "cs-protocol", "cs-bytes", "time-taken", "x-forwarded-for", "ssl-protocol",
          "ssl-cipher", "x-edge-response-result-type", "cs-protocol-version", "fle-status",
          "fle-encrypted-fields", "c-port", "time-to-first-byte",
          "x-edge-detailed-result-type", "sc-content-type", "sc-content-len", "sc-range-start",
          "sc-range-end");

  /**
   * Real-time log fields in their canonical order (archived AWS doc "Real-time logs", 40
   * fields). A real-time record has no header: its columns are the configured subset of these,
   * always in this order.
   */
  public static final List<String> REALTIME_CANONICAL =
      List.of(
          "timestamp", "c-ip", "time-to-first-byte", "sc-status", "sc-bytes", "cs-method",
          "cs-protocol", "cs-host", "cs-uri-stem", "cs-bytes", "x-edge-location",
          "x-edge-request-id", "x-host-header", "time-taken", "cs-protocol-version",
          "c-ip-version", "cs-user-agent", "cs-referer", "cs-cookie", "cs-uri-query",
          "x-edge-response-result-type", "x-forwarded-for", "ssl-protocol", "ssl-cipher",
          "x-edge-result-type", "fle-encrypted-fields", "fle-status", "sc-content-type",
          "sc-content-len", "sc-range-start", "sc-range-end", "c-port",
          "x-edge-detailed-result-type", "c-country", "cs-accept-encoding", "cs-accept",
          "cache-behavior-path-pattern", "cs-headers", "cs-header-names", "cs-headers-count");

  private static final Map<String, LogField> BY_KEY = new HashMap<>();

  static {
    for (LogField f : values()) {
      BY_KEY.put(key(f.cloudFrontName), f);
    }
  }

  private final String cloudFrontName;

  LogField(String cloudFrontName) {
    this.cloudFrontName = cloudFrontName;
  }

  /** The name in a standard-log {@code #Fields} header. */
  public String cloudFrontName() {
    return cloudFrontName;
  }

  /** The field a column name stands for, in any of CloudFront's spellings; null if unused. */
  public static LogField byName(String name) {
    return BY_KEY.get(key(name));
  }

  /** Lower case, {@code cs(x)} and {@code cs_x} both as {@code cs-x}. */
  static String key(String name) {
    String k = name.trim().toLowerCase(Locale.ROOT);
    if (k.equals("timestamp(ms)") || k.equals("timestamp_ms")) {
      return "timestamp-ms";
    }
    return k.replace('(', '-').replace(")", "").replace('_', '-');
  }
}
