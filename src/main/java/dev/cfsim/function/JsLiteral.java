package dev.cfsim.function;

/**
 * JavaScript string literals for values taken from a rules file. Generated code is built from
 * user input, so every value goes through here and nothing else.
 *
 * <p>Why it is safe: the literal is {@code "} + body + {@code "}, where the body holds only
 * printable ASCII letters, digits and punctuation that mean nothing special in a string, in a
 * template, in HTML or in a regular expression source built with {@code new RegExp}; every other
 * UTF-16 code unit is written as a four-digit unicode escape. A body of that alphabet cannot end
 * the literal (no double quote or backslash unescaped), cannot continue onto another line (no
 * line terminator, U+2028 or U+2029), cannot open a template substitution (no dollar sign), a
 * closing script tag or an HTML comment (no angle brackets), and decodes to
 * exactly the input code units, lone surrogates included. The output is pure ASCII, so the file's
 * encoding cannot change it either.
 */
public final class JsLiteral {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsLiteral() {}

  /** The double-quoted JavaScript literal whose value is exactly {@code value}. */
  public static String of(String value) {
    StringBuilder sb = new StringBuilder(value.length() + 2);
    sb.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (isPlain(c)) {
        sb.append(c);
      } else {
        sb.append("\\u")
            .append(HEX[(c >> 12) & 0xf])
            .append(HEX[(c >> 8) & 0xf])
            .append(HEX[(c >> 4) & 0xf])
            .append(HEX[c & 0xf]);
      }
    }
    return sb.append('"').toString();
  }

  /** Characters written as themselves: printable ASCII without quotes, backslash, and markup. */
  static boolean isPlain(char c) {
    if (c < 0x20 || c > 0x7e) {
      return false;
    }
    return switch (c) {
      case '"', '\'', '\\', '`', '$', '<', '>', '&' -> false;
      default -> true;
    };
  }
}
