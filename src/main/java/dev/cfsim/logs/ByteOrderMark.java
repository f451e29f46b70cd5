package dev.cfsim.logs;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;

/**
 * The UTF-8 byte order mark (EF BB BF) that editors on Windows write before a file's text, and
 * that is no part of it: skipped once at the start of a log (after inflating, for gzip), as {@link
 * dev.cfsim.StrictUtf8} skips it in other files, so that it does not glue itself to the first
 * line ({@code #Version}, a JSON object's brace) and hide what that line is. Anywhere else it is
 * data, as CloudFront would have written it.
 */
final class ByteOrderMark {

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private ByteOrderMark() {}

  /** {@code in} from its first byte after a leading byte order mark, or from its start. */
  static InputStream skip(InputStream in) throws IOException {
    PushbackInputStream p = new PushbackInputStream(in, BOM.length);
    byte[] head = p.readNBytes(BOM.length);
    if (head.length < BOM.length || head[0] != BOM[0] || head[1] != BOM[1] || head[2] != BOM[2]) {
      p.unread(head);
    }
    return p;
  }
}
