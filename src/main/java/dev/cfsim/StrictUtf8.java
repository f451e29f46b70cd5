package dev.cfsim;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The one UTF-8 decoder of cfsim, for files a user names and for what the API is sent: bytes that
 * are not UTF-8 are refused, never turned into U+FFFD, so nothing is priced, generated or
 * replayed from text other than the one given.
 */
public final class StrictUtf8 {
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private StrictUtf8() {}

  /**
   * The bytes from {@code in}'s position as text.
   *
   * @throws CharacterCodingException when they are not UTF-8, with {@code in} positioned at the
   *     first byte that is not
   */
  public static String decode(ByteBuffer in) throws CharacterCodingException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    CharBuffer out = CharBuffer.allocate(in.remaining());
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      result.throwException();
    }
    return out.flip().toString();
  }

  /**
   * A whole document (a profile, a rules file) as text, as {@link #decode} but without one
   * leading byte order mark, which editors on Windows write and which is no part of the text.
   */
  public static String decodeDocument(ByteBuffer in) throws CharacterCodingException {
    if (in.remaining() >= BOM.length
        && in.get(in.position()) == BOM[0]
        && in.get(in.position() + 1) == BOM[1]
        && in.get(in.position() + 2) == BOM[2]) {
      in.position(in.position() + BOM.length);
    }
    return decode(in);
  }
}
