package dev.cfsim.logs;

import dev.cfsim.StrictUtf8;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Reads tab-separated lines (standard logs, v2 w3c/plain, real-time logs) whose columns are
 * known by name, never by position. Works on the raw bytes and makes strings only for the
 * columns cfsim uses. Only the file's last line, cut before its line end (a file copied while
 * its last record was written), may be shorter than the field list, as long as the fields cfsim
 * needs are there; a short line anywhere else is damage (wrong field count). Extra columns must
 * be empty (a trailing tab).
 */
final class DelimitedLineParser implements LineParser {

  private static final int SLOTS = LogField.values().length;

  /** Slots whose values repeat line after line, worth sharing through {@link ValueCache}. */
  private static final boolean[] REPEATING = new boolean[SLOTS];

  /** How a slot's bytes are read straight into a number, skipping the String. */
  private static final byte TEXT = 0, INTEGER = 1, SECONDS = 2, CLOCK = 3, STATUS = 4;

  private static final byte[] KIND = new byte[SLOTS];

  private static final int CLIENT_IP = LogField.CLIENT_IP.ordinal();
  private static final int URI_STEM = LogField.URI_STEM.ordinal();

  static {
    for (LogField f :
        new LogField[] {
          LogField.BYTES_SENT, LogField.BYTES_RECEIVED, LogField.CLIENT_PORT,
          LogField.CONTENT_LENGTH, LogField.RANGE_START, LogField.RANGE_END
        }) {
      KIND[f.ordinal()] = INTEGER;
    }
    KIND[LogField.TIME_TAKEN.ordinal()] = SECONDS;
    KIND[LogField.TIME_TO_FIRST_BYTE.ordinal()] = SECONDS;
    KIND[LogField.TIME.ordinal()] = CLOCK;
    KIND[LogField.STATUS.ordinal()] = STATUS;
  }

  static {
    for (LogField f :
        new LogField[] {
          LogField.DATE, LogField.EDGE_LOCATION, LogField.METHOD, LogField.CS_HOST,
          LogField.RESULT_TYPE, LogField.X_HOST_HEADER, LogField.PROTOCOL,
          LogField.TLS_PROTOCOL, LogField.TLS_CIPHER, LogField.RESPONSE_RESULT_TYPE,
          LogField.HTTP_VERSION, LogField.DETAILED_RESULT_TYPE, LogField.CONTENT_TYPE,
          LogField.COUNTRY, LogField.USER_AGENT, LogField.REFERER
        }) {
      REPEATING[f.ordinal()] = true;
    }
  }

  private final List<String> columns;
  private final int[] slotOfColumn;
  /** The slots this parser's columns fill, each once: the only ones to clear between lines. */
  private final int[] filledSlots;
  private final RecordAssembler assembler;
  private final String[] values = new String[SLOTS];
  private final long[] numbers = new long[SLOTS];
  /** Slots whose text the job reads; the others are only checked for presence (and c-ip). */
  private final boolean[] keep = new boolean[SLOTS];
  private final ValueCache cache = new ValueCache();

  /**
   * @param columns the field names in column order (from {@code #Fields}, or given)
   * @param realtime a real-time log (see {@link RecordAssembler})
   * @param weight requests each line stands for
   * @param fieldsRead text fields outside it are checked but not kept (see {@link LogReadOptions})
   */
  DelimitedLineParser(
      List<String> columns, boolean realtime, double weight, Set<LogField> fieldsRead) {
    for (LogField f : LogField.values()) {
      int slot = f.ordinal();
      // dates and times are read to be checked; a real-time query is cut from the URI
      keep[slot] = fieldsRead.contains(f) || KIND[slot] != TEXT || f == LogField.DATE
          || f == LogField.TIMESTAMP || f == LogField.TIMESTAMP_MS
          || (realtime && f == LogField.URI_STEM);
    }
    this.columns = List.copyOf(columns);
    this.slotOfColumn = new int[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      LogField f = LogField.byName(columns.get(i));
      slotOfColumn[i] = f == null ? -1 : f.ordinal();
    }
    this.filledSlots = Arrays.stream(slotOfColumn).filter(slot -> slot >= 0).distinct().toArray();
    this.assembler = new RecordAssembler(realtime, weight);
    Arrays.fill(numbers, RecordAssembler.NOT_PARSED);
  }

  /** Reads a line whose delimiters the reader already found while looking for its end. */
  @Override
  public RequestRecord parse(byte[] buf, int start, int end, ByteScan.Line line)
      throws MalformedLineException {
    for (int slot : filledSlots) {
      values[slot] = null;
      numbers[slot] = RecordAssembler.NOT_PARSED;
    }
    int delimiters = line.count;
    int[] at = line.delimiters;
    boolean ascii = line.ascii;
    if (!ascii) {
      requireUtf8(buf, start, end, line);
    }
    int columns = delimiters + 1;
    int known = Math.min(columns, slotOfColumn.length);
    int fieldStart = start;
    int unrootedUri = -1;
    int unrootedUriEnd = -1;
    for (int column = 0; column < known; column++) {
      int fieldEnd = column < delimiters ? at[column] : end;
      int slot = slotOfColumn[column];
      int len = fieldEnd - fieldStart;
      if (slot >= 0 && len > 0 && !(len == 1 && buf[fieldStart] == '-')) {
        if (slot == URI_STEM && buf[fieldStart] != '/') {
          unrootedUri = fieldStart;
          unrootedUriEnd = fieldEnd;
        }
        read(slot, buf, fieldStart, len, ascii);
      }
      fieldStart = fieldEnd + 1;
    }
    if (columns != slotOfColumn.length) {
      requireWidth(columns, line, end); // out of the common path: parse stays small enough to compile well
    }
    if (unrootedUri >= 0) {
      // checked here, whether or not the job keeps the URI, so every job finds the same lines malformed
      throw columns < slotOfColumn.length
          ? wrongCount(columns)
          : RecordAssembler.unrootedUri(
              new String(buf, unrootedUri, unrootedUriEnd - unrootedUri, StandardCharsets.UTF_8));
    }
    try {
      return assembler.assemble(values, numbers);
    } catch (MalformedLineException e) {
      if (columns < slotOfColumn.length && e.reason() == MalformedLines.Reason.MISSING_FIELD) {
        throw wrongCount(columns);
      }
      throw e;
    }
  }

  /**
   * Refuses a line whose column count differs from the field list's, unless only by a trailing
   * tab (an empty extra column) or because it is the file's last line, cut before its line end
   * (read as far as it goes). A short line anywhere else would have its missing values taken as
   * empty: a line cut in the middle of a file was priced as HTTPS "because the log has no
   * cs-protocol".
   */
  private void requireWidth(int columns, ByteScan.Line line, int end) throws MalformedLineException {
    if (columns < slotOfColumn.length ? !line.cutAtEnd
        : end > line.delimiters[slotOfColumn.length - 1] + columns - slotOfColumn.length) {
      throw wrongCount(columns);
    }
  }

  /**
   * Refuses a line that is not UTF-8 text, naming the field: CloudFront writes UTF-8 (and
   * percent-encodes the rest), so such a byte is damage, which decoding would silently turn
   * into U+FFFD and replay as a value the viewer never sent.
   */
  private void requireUtf8(byte[] buf, int start, int end, ByteScan.Line line) throws MalformedLineException {
    int bad = StrictUtf8.firstInvalid(buf, start, end);
    if (bad >= 0) {
      int column = 0;
      while (column < line.count && line.delimiters[column] < bad) {
        column++;
      }
      throw RecordAssembler.notUtf8(buf[bad], "in field " + (column + 1) + " ("
          + (column < columns.size() ? columns.get(column) : "past the field list") + ")");
    }
  }

  /** Puts one non-empty value in its slot: as a number when its bytes are one, else as text. */
  private void read(int slot, byte[] buf, int start, int len, boolean ascii) {
    if (slot == CLIENT_IP) {
      long v4 = IpAddresses.ipv4(buf, start, start + len);
      if (v4 >= 0) {
        numbers[slot] = v4; // the assembler then knows the address is a valid dotted quad
      }
    } else {
      long number = number(KIND[slot], buf, start, len);
      if (number >= 0) {
        numbers[slot] = number;
        return;
      }
    }
    if (!keep[slot]) {
      skip(slot, buf, start, len);
    } else if (!ascii) {
      values[slot] = FieldDecoding.decode(slot, new String(buf, start, len, StandardCharsets.UTF_8));
    } else if (REPEATING[slot]) {
      values[slot] = cache.get(slot, buf, start, len, FieldDecoding.decoder(slot));
    } else {
      values[slot] = FieldDecoding.decodeAscii(slot, buf, start, len);
    }
  }

  /**
   * Notes that a field the job does not read is there, without making its String; a viewer IP
   * is still checked, and kept as text only when it is not a plain dotted quad (IPv6, or bad, for
   * the assembler to judge and report).
   */
  private void skip(int slot, byte[] buf, int start, int len) {
    boolean checked = slot != CLIENT_IP || numbers[slot] != RecordAssembler.NOT_PARSED;
    values[slot] = checked ? RecordAssembler.NOT_READ : new String(buf, start, len, StandardCharsets.UTF_8);
  }

  /**
   * The value of a numeric field read from its bytes, or -1 when it is text or not in the
   * expected shape (the String path then reports what is wrong with it).
   */
  private static long number(byte kind, byte[] buf, int start, int len) {
    switch (kind) {
      case INTEGER:
        return len <= 18 ? ByteScan.digits(buf, start, start + len) : -1;
      case STATUS:
        return len == 3 ? ByteScan.digits(buf, start, start + 3) : -1;
      case SECONDS:
        {
          int dot = len - 4;
          if (dot < 1 || buf[start + dot] != '.') {
            return len <= 15 ? timesThousand(ByteScan.digits(buf, start, start + len)) : -1;
          }
          long whole = ByteScan.digits(buf, start, start + dot);
          long frac = ByteScan.digits(buf, start + dot + 1, start + len);
          return whole < 0 || frac < 0 ? -1 : whole * 1000 + frac;
        }
      case CLOCK:
        {
          if (len != 8 || buf[start + 2] != ':' || buf[start + 5] != ':') {
            return -1;
          }
          long h = ByteScan.digits(buf, start, start + 2);
          long m = ByteScan.digits(buf, start + 3, start + 5);
          long sec = ByteScan.digits(buf, start + 6, start + 8);
          if (h < 0 || m < 0 || sec < 0 || h > 23 || m > 59 || sec > 60) {
            return -1;
          }
          return ((h * 60 + m) * 60 + sec) * 1000;
        }
      default:
        return -1;
    }
  }

  private static long timesThousand(long v) {
    return v < 0 ? -1 : v * 1000;
  }

  private MalformedLineException wrongCount(int column) {
    return new MalformedLineException(
        MalformedLines.Reason.WRONG_FIELD_COUNT,
        column + " fields where the field list has " + slotOfColumn.length);
  }
}
