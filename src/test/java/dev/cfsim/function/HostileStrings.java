package dev.cfsim.function;

import java.util.Random;

/**
 * Random strings built to break out of generated code: quotes, backslashes, line terminators
 * (U+2028/U+2029 too), template and markup openers, control characters, lone and paired
 * surrogates, non-ASCII text. Seeded, so a failure can be replayed.
 */
final class HostileStrings {

  private static final String[] PIECES = {
    "\"", "'", "`", "\\", "\\\\", "\\u0041", "\\x41", "\n", "\r", "\r\n", "\u2028", "\u2029",
    "${", "${uri}", "}", "</script>", "<!--", "-->", "*/", "/*", "//", "\0", "\u0001", "\u001f",
    "\u007f", "\t", "\b", "\f", "\u000b", "\ud800", "\udfff", "\ud83d\ude00", "한국", "é",
    "\ufeff", "\u00a0", "$", "&", "<", ">", "/", "?", "#", "%", "%2F", "*", "+", ".", "(", ")",
    "[", "]", "{", "|", "^", "a", "Z", "0", " ", "\"); throw 1; (\"", "'+process.exit()+'",
  };

  private final Random random;

  HostileStrings(long seed) {
    this.random = new Random(seed);
  }

  /** A string of 0 to {@code maxPieces} hostile pieces. */
  String next(int maxPieces) {
    StringBuilder sb = new StringBuilder();
    int n = random.nextInt(maxPieces + 1);
    for (int i = 0; i < n; i++) {
      sb.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return sb.toString();
  }

  /** One random char of the whole UTF-16 range, for sweeping the escaper. */
  char anyChar() {
    return (char) random.nextInt(0x10000);
  }
}
