package dev.cfsim.api;

import dev.cfsim.StrictUtf8;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;

/**
 * The one text encoding the API reads: UTF-8 (US-ASCII being a subset of it). Bytes that are not
 * UTF-8 are refused rather than turned into U+FFFD, so a caller never has a profile or rules file
 * priced or generated from text other than the one it sent.
 */
final class Utf8Text {
  private Utf8Text() {}

  /** 415 when the Content-Type declares a charset other than UTF-8 or US-ASCII. */
  static void requireUtf8Charset(String contentType) {
    String declared = charset(contentType);
    if (declared != null && !isUtf8(declared)) {
      throw ProblemException.unsupportedMediaType(
          "send the body as UTF-8 (charset=utf-8, or no charset), not charset=" + declared);
    }
  }

  /**
   * A document (a body, a rules part) as text, without one leading byte order mark, as the CLI
   * reads files; a 400 naming {@code what} (e.g. "the request body") unless valid UTF-8.
   */
  static String decode(byte[] bytes, String what) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    try {
      return StrictUtf8.decodeDocument(in);
    } catch (CharacterCodingException e) {
      throw ProblemException.badRequest(
          what + " is not valid UTF-8 (at byte " + in.position() + ")", null);
    }
  }

  /** The charset parameter of a Content-Type, unquoted; null when none is declared. */
  private static String charset(String contentType) {
    if (contentType == null) {
      return null;
    }
    String[] parts = contentType.split(";");
    for (int i = 1; i < parts.length; i++) {
      String[] param = parts[i].split("=", 2);
      if (param.length == 2 && param[0].strip().equalsIgnoreCase("charset")) {
        return param[1].strip().replaceAll("^\"|\"$", "");
      }
    }
    return null;
  }

  /** Whether {@code name} is UTF-8 or US-ASCII under any of the names Java knows them by. */
  private static boolean isUtf8(String name) {
    try {
      Charset charset = Charset.forName(name.toLowerCase(Locale.ROOT));
      return charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.US_ASCII);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return false;
    }
  }
}
