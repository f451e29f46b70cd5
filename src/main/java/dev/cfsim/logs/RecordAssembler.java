package dev.cfsim.logs;

import static dev.cfsim.logs.MalformedLines.Reason.BAD_DATE;
import static dev.cfsim.logs.MalformedLines.Reason.BAD_IP;
import static dev.cfsim.logs.MalformedLines.Reason.BAD_NUMBER;
import static dev.cfsim.logs.MalformedLines.Reason.BAD_URI;
import static dev.cfsim.logs.MalformedLines.Reason.MISSING_FIELD;

import java.time.LocalDate;

/**
 * Turns the values of one line (indexed by {@link LogField#ordinal()}, {@code null} for empty or
 * absent, already decoded by {@link FieldDecoding}) into a {@link RequestRecord}: numbers, dates and IPs checked, text as decoded.
 * Shared by every format so they all mean the same thing. Not thread-safe (it caches the last
 * date): one per reader.
 */
final class RecordAssembler {

  /** In the numbers array: this field was not read as a number by the parser. */
  static final long NOT_PARSED = Long.MIN_VALUE;

  /**
   * In the values array: the field is there, but the job does not read it (see {@link
   * LogReadOptions#fieldsRead}); it is {@code null} in the record. Compared by identity.
   */
  @SuppressWarnings("StringOperationCanBeSimplified")
  static final String NOT_READ = new String("(not read)");

  private static final LogField[] REQUIRED = {
    LogField.EDGE_LOCATION, LogField.BYTES_SENT, LogField.CLIENT_IP, LogField.METHOD,
    LogField.URI_STEM, LogField.STATUS
  };

  private final boolean realtime;
  private final double weight;
  /** The numbers of the line being assembled (see {@link #assemble}). */
  private long[] n;
  private String lastDate;
  private long lastDateMillis;

  /**
   * @param realtime values come from a real-time log: swap the host names back and split the
   *     query off the URI
   * @param weight requests each line stands for (100 / sampling rate for real-time logs)
   */
  RecordAssembler(boolean realtime, double weight) {
    this.realtime = realtime;
    this.weight = weight;
  }

  /**
   * @param v text values by slot
   * @param n numeric values the parser already read from bytes, by slot ({@link #NOT_PARSED}
   *     otherwise): sizes as integers, seconds and times of day as milliseconds, and for
   *     {@code c-ip} the IPv4 address when the parser has already checked the text is one
   */
  RequestRecord assemble(String[] v, long[] n) throws MalformedLineException {
    this.n = n;
    for (LogField f : REQUIRED) {
      if (v[f.ordinal()] == null && n[f.ordinal()] == NOT_PARSED) {
        throw new MalformedLineException(MISSING_FIELD, f.cloudFrontName() + " is empty or absent");
      }
    }
    long ts = timestamp(v);
    String ip = v[LogField.CLIENT_IP.ordinal()];
    if (n[LogField.CLIENT_IP.ordinal()] == NOT_PARSED && !IpAddresses.isValid(ip)) {
      throw new MalformedLineException(BAD_IP, "c-ip '" + clip(ip) + "'");
    }
    String distributionHost = text(v[LogField.CS_HOST.ordinal()]);
    String hostHeader = text(v[LogField.X_HOST_HEADER.ordinal()]);
    String uri = text(v[LogField.URI_STEM.ordinal()]);
    String query = text(v[LogField.QUERY.ordinal()]);
    if (realtime) {
      String swap = distributionHost;
      distributionHost = hostHeader;
      hostHeader = swap;
      int q = uri.indexOf('?');
      if (q >= 0) {
        if (query == null && q + 1 < uri.length()) {
          query = uri.substring(q + 1);
        }
        uri = uri.substring(0, q);
      }
    }
    return new RequestRecord(
        ts,
        text(v[LogField.EDGE_LOCATION.ordinal()]),
        count(v, LogField.BYTES_SENT, 0),
        count(v, LogField.BYTES_RECEIVED, 0),
        text(ip),
        text(v[LogField.METHOD.ordinal()]),
        distributionHost,
        uri,
        n[LogField.STATUS.ordinal()] != NOT_PARSED
            ? (int) n[LogField.STATUS.ordinal()]
            : status(v[LogField.STATUS.ordinal()]),
        text(v[LogField.REFERER.ordinal()]),
        text(v[LogField.USER_AGENT.ordinal()]),
        query,
        text(v[LogField.COOKIE.ordinal()]),
        text(v[LogField.RESULT_TYPE.ordinal()]),
        text(v[LogField.REQUEST_ID.ordinal()]),
        hostHeader,
        text(v[LogField.PROTOCOL.ordinal()]),
        millis(v, LogField.TIME_TAKEN),
        text(v[LogField.FORWARDED_FOR.ordinal()]),
        text(v[LogField.TLS_PROTOCOL.ordinal()]),
        text(v[LogField.TLS_CIPHER.ordinal()]),
        text(v[LogField.RESPONSE_RESULT_TYPE.ordinal()]),
        text(v[LogField.HTTP_VERSION.ordinal()]),
        port(v),
        millis(v, LogField.TIME_TO_FIRST_BYTE),
        text(v[LogField.DETAILED_RESULT_TYPE.ordinal()]),
        text(v[LogField.CONTENT_TYPE.ordinal()]),
        count(v, LogField.CONTENT_LENGTH, -1),
        count(v, LogField.RANGE_START, -1),
        count(v, LogField.RANGE_END, -1),
        text(v[LogField.COUNTRY.ordinal()]),
        weight);
  }

  private static String text(String value) {
    return value == NOT_READ ? null : value;
  }

  /** {@code c-port}: a TCP port, 0 to 65535; -1 when absent. */
  private int port(String[] v) throws MalformedLineException {
    long port = count(v, LogField.CLIENT_PORT, -1);
    if (port > 65_535) {
      throw new MalformedLineException(BAD_NUMBER, "c-port '" + port + "' is not a port (0 to 65535)");
    }
    return (int) port;
  }

  /**
   * Times CloudFront can have written: from 2008, the year it launched, to 2099. An epoch value
   * outside is a unit mistake, not a date: milliseconds read as seconds land tens of thousands of
   * years ahead, seconds read as milliseconds in January 1970; a date outside is damage. Either
   * would stretch the logs' window, and so every month-scaled figure, by that much.
   */
  static final long FIRST_PLAUSIBLE_MILLIS = 1_199_145_600_000L; // 2008-01-01T00:00:00Z
  static final long LAST_PLAUSIBLE_MILLIS = 4_102_444_800_000L; // 2100-01-01T00:00:00Z

  /**
   * {@code millis} when it is a time CloudFront can have written; else the error naming {@code
   * field} as written. The message is built only then: every line passes here.
   */
  private static long plausible(long millis, LogField field, String written) throws MalformedLineException {
    if (isPlausible(millis)) {
      return millis;
    }
    String unit = field == LogField.TIMESTAMP_MS ? "milliseconds" : "seconds";
    throw implausible(millis, field.cloudFrontName() + " '" + clip(written) + "'", "; the field holds " + unit);
  }

  private static boolean isPlausible(long millis) {
    return millis >= FIRST_PLAUSIBLE_MILLIS && millis < LAST_PLAUSIBLE_MILLIS;
  }

  private static MalformedLineException implausible(long millis, String what, String hint) {
    return new MalformedLineException(BAD_DATE, what + " would be " + java.time.Instant.ofEpochMilli(millis)
        + ", outside 2008-2099" + hint);
  }

  private long timestamp(String[] v) throws MalformedLineException {
    String ms = v[LogField.TIMESTAMP_MS.ordinal()];
    if (ms != null) {
      return plausible(parseLong(ms, LogField.TIMESTAMP_MS), LogField.TIMESTAMP_MS, ms);
    }
    String date = v[LogField.DATE.ordinal()];
    String time = v[LogField.TIME.ordinal()];
    long parsedTime = n[LogField.TIME.ordinal()];
    if (date != null && (time != null || parsedTime != NOT_PARSED)) {
      // the date was checked when first met (dateMillis): a time of day keeps it within 2008-2099
      return dateMillis(date) + (parsedTime != NOT_PARSED ? parsedTime : timeMillis(time));
    }
    String epoch = v[LogField.TIMESTAMP.ordinal()];
    if (epoch != null) {
      long m = decimalMillis(epoch, LogField.TIMESTAMP);
      if (m < 0) {
        throw new MalformedLineException(BAD_DATE, "timestamp '" + clip(epoch) + "'");
      }
      return plausible(m, LogField.TIMESTAMP, epoch);
    }
    throw new MalformedLineException(MISSING_FIELD, "no date and time, nor timestamp");
  }

  private long dateMillis(String date) throws MalformedLineException {
    if (date.equals(lastDate)) {
      return lastDateMillis;
    }
    if (date.length() != 10 || date.charAt(4) != '-' || date.charAt(7) != '-') {
      throw new MalformedLineException(BAD_DATE, "date '" + clip(date) + "'");
    }
    int y = digits(date, 0, 4, BAD_DATE, "date");
    int m = digits(date, 5, 7, BAD_DATE, "date");
    int d = digits(date, 8, 10, BAD_DATE, "date");
    long millis;
    try {
      millis = LocalDate.of(y, m, d).toEpochDay() * 86_400_000L;
    } catch (java.time.DateTimeException e) {
      throw new MalformedLineException(BAD_DATE, "date '" + date + "'");
    }
    if (!isPlausible(millis)) {
      throw implausible(millis, "date '" + clip(date) + "'", ", when CloudFront has written logs");
    }
    lastDate = date;
    lastDateMillis = millis;
    return millis;
  }

  private static long timeMillis(String t) throws MalformedLineException {
    if (t.length() != 8 || t.charAt(2) != ':' || t.charAt(5) != ':') {
      throw new MalformedLineException(BAD_DATE, "time '" + clip(t) + "'");
    }
    int h = digits(t, 0, 2, BAD_DATE, "time");
    int m = digits(t, 3, 5, BAD_DATE, "time");
    int s = digits(t, 6, 8, BAD_DATE, "time");
    if (h > 23 || m > 59 || s > 60) {
      throw new MalformedLineException(BAD_DATE, "time '" + t + "'");
    }
    return ((h * 60L + m) * 60L + s) * 1000L;
  }

  private static int status(String s) throws MalformedLineException {
    if (s.length() != 3) {
      throw new MalformedLineException(BAD_NUMBER, "sc-status '" + clip(s) + "'");
    }
    return digits(s, 0, 3, BAD_NUMBER, LogField.STATUS.cloudFrontName());
  }

  private long count(String[] v, LogField f, long absent) throws MalformedLineException {
    if (n[f.ordinal()] != NOT_PARSED) {
      return n[f.ordinal()];
    }
    String s = v[f.ordinal()];
    return s == null ? absent : parseLong(s, f);
  }

  private int millis(String[] v, LogField f) throws MalformedLineException {
    long parsed = n[f.ordinal()];
    if (parsed != NOT_PARSED) {
      if (parsed > Integer.MAX_VALUE) {
        throw new MalformedLineException(BAD_NUMBER, f.cloudFrontName() + " " + parsed + " ms");
      }
      return (int) parsed;
    }
    String s = v[f.ordinal()];
    if (s == null) {
      return -1;
    }
    long m = decimalMillis(s, f);
    if (m < 0 || m > Integer.MAX_VALUE) {
      throw new MalformedLineException(BAD_NUMBER, f.cloudFrontName() + " '" + clip(s) + "'");
    }
    return (int) m;
  }

  /** Non-negative decimal integer, at most 18 digits. */
  private static long parseLong(String s, LogField f) throws MalformedLineException {
    int n = s.length();
    if (n == 0 || n > 18) {
      throw new MalformedLineException(BAD_NUMBER, f.cloudFrontName() + " '" + clip(s) + "'");
    }
    long r = 0;
    for (int i = 0; i < n; i++) {
      int d = s.charAt(i) - '0';
      if (d < 0 || d > 9) {
        throw new MalformedLineException(BAD_NUMBER, f.cloudFrontName() + " '" + clip(s) + "'");
      }
      r = r * 10 + d;
    }
    return r;
  }

  /** Seconds with an optional fraction ({@code 0.082}, {@code 1600299221.087}) as millis. */
  private static long decimalMillis(String s, LogField f) throws MalformedLineException {
    int dot = s.indexOf('.');
    String whole = dot < 0 ? s : s.substring(0, dot);
    long r;
    try {
      r = Math.multiplyExact(whole.isEmpty() ? 0 : parseLong(whole, f), 1000L);
    } catch (ArithmeticException tooBig) {
      // wrapped around, 18446745773709552 seconds read as a day in 2023
      throw new MalformedLineException(BAD_NUMBER, f.cloudFrontName() + " '" + clip(s) + "'");
    }
    if (dot >= 0) {
      long scale = 100;
      for (int i = dot + 1; i < s.length(); i++) {
        int d = s.charAt(i) - '0';
        if (d < 0 || d > 9) {
          throw new MalformedLineException(BAD_NUMBER, f.cloudFrontName() + " '" + clip(s) + "'");
        }
        r += d * scale;
        scale /= 10;
      }
      if (dot == s.length() - 1 && whole.isEmpty()) {
        throw new MalformedLineException(BAD_NUMBER, f.cloudFrontName() + " '" + s + "'");
      }
    }
    return r;
  }

  /** The number {@code s} holds from {@code from} to {@code to}; {@code field} names it in the error. */
  private static int digits(String s, int from, int to, MalformedLines.Reason reason, String field)
      throws MalformedLineException {
    int r = 0;
    for (int i = from; i < to; i++) {
      int d = s.charAt(i) - '0';
      if (d < 0 || d > 9) {
        throw new MalformedLineException(reason, field + " '" + clip(s) + "'");
      }
      r = r * 10 + d;
    }
    return r;
  }

  /** A value for a message, cut so a huge bad field cannot flood the summary. */
  /**
   * CloudFront logs the path a viewer asked for, which always starts with {@code /} (real-time
   * logs add the query after it); anything else was not written by CloudFront, and replaying it
   * would break what rules and functions may assume of {@code request.uri}. Every parser checks
   * the value as logged, before decoding, so that every format and job refuses the same lines
   * ({@code %2Fa} included, which would decode to a path).
   */
  /** A line holding a byte that is not UTF-8 text; {@code where} says where, e.g. "in field 3 (c-ip)". */
  static MalformedLineException notUtf8(byte bad, String where) {
    return new MalformedLineException(MalformedLines.Reason.NOT_UTF8,
        String.format("byte 0x%02X %s is not UTF-8 text", bad & 0xff, where));
  }

  static MalformedLineException unrootedUri(String uri) {
    return new MalformedLineException(BAD_URI, "cs-uri-stem '" + clip(uri) + "' does not start with /");
  }

  static String clip(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}
