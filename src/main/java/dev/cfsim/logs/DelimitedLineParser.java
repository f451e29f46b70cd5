package dev.cfsim.logs;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Reads tab-separated lines (standard logs, v2 w3c/plain, real-time logs) whose columns are
 * known by name, never by position. Works on the raw bytes and makes strings only for the
 * columns cfsim uses. Lines may be shorter than the field list (a truncated last line) as long
 * as the fields cfsim needs are there; extra columns must be empty (a trailing tab).
 */
final class DelimitedLineParser implements LineParser {

  private static final int SLOTS = LogField.values().length;

  /** Slots whose values repeat line after line, worth sharing through {@link ValueCache}. */
  private static final boolean[] REPEATING = new boolean[SLOTS];

  static {
    for (LogField f :
        new LogField[] {
          LogField.DATE, LogField.EDGE_LOCATION, LogField.METHOD, LogField.CS_HOST,
          LogField.STATUS, LogField.RESULT_TYPE, LogField.X_HOST_HEADER, LogField.PROTOCOL,
          LogField.TLS_PROTOCOL, LogField.TLS_CIPHER, LogField.RESPONSE_RESULT_TYPE,
          LogField.HTTP_VERSION, LogField.DETAILED_RESULT_TYPE, LogField.CONTENT_TYPE,
          LogField.COUNTRY
        }) {
      REPEATING[f.ordinal()] = true;
    }
  }

  private final int[] slotOfColumn;
  private final byte delimiter;
  private final RecordAssembler assembler;
  private final String[] values = new String[SLOTS];
  private final ValueCache cache = new ValueCache();

  /**
   * @param columns the field names in column order (from {@code #Fields}, or given)
   * @param delimiter the byte between values, normally a tab
   */
  DelimitedLineParser(List<String> columns, byte delimiter, boolean realtime, double weight) {
    this.slotOfColumn = new int[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      LogField f = LogField.byName(columns.get(i));
      slotOfColumn[i] = f == null ? -1 : f.ordinal();
    }
    this.delimiter = delimiter;
    this.assembler = new RecordAssembler(realtime, weight);
  }

  @Override
  public RequestRecord parse(byte[] buf, int start, int end) throws MalformedLineException {
    Arrays.fill(values, null);
    int column = 0;
    int pos = start;
    boolean extraNonEmpty = false;
    while (true) {
      int fieldStart = pos;
      int ascii = 0;
      while (pos < end && buf[pos] != delimiter) {
        ascii |= buf[pos];
        pos++;
      }
      int len = pos - fieldStart;
      if (column < slotOfColumn.length) {
        int slot = slotOfColumn[column];
        if (slot >= 0 && len > 0 && !(len == 1 && buf[fieldStart] == '-')) {
          values[slot] =
              ascii < 0
                  ? new String(buf, fieldStart, len, StandardCharsets.UTF_8)
                  : REPEATING[slot]
                      ? cache.get(slot, buf, fieldStart, len)
                      : new String(buf, fieldStart, len, StandardCharsets.ISO_8859_1);
        }
      } else if (len > 0) {
        extraNonEmpty = true;
      }
      column++;
      if (pos >= end) {
        break;
      }
      pos++;
    }
    if (extraNonEmpty) {
      throw wrongCount(column);
    }
    try {
      return assembler.assemble(values);
    } catch (MalformedLineException e) {
      if (column < slotOfColumn.length && e.reason() == MalformedLines.Reason.MISSING_FIELD) {
        throw wrongCount(column);
      }
      throw e;
    }
  }

  private MalformedLineException wrongCount(int column) {
    return new MalformedLineException(
        MalformedLines.Reason.WRONG_FIELD_COUNT,
        column + " fields where the field list has " + slotOfColumn.length);
  }
}
