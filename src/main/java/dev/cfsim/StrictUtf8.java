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
   * The index of the first byte of {@code bytes[from, to)} that is not UTF-8 (a stray or missing
   * continuation byte, an overlong form, a surrogate, past U+10FFFF), or -1 when all of it is.
   */
  public static int firstInvalid(byte[] bytes, int from, int to) {
    ByteBuffer in = ByteBuffer.wrap(bytes, from, to - from);
    try {
      decode(in);
      return -1;
    } catch (CharacterCodingException e) {
      return in.position();
    }
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
