package dev.cfsim.rules;

/**
 * ASCII-only case folding. Rules fold A–Z to a–z and nothing else, because that is what a
 * generated function can reproduce byte for byte ({@code toLowerCase} differs between locales
 * and engines for a few non-ASCII letters).
 */
final class Ascii {
  private Ascii() {}

  /** {@code s} with A–Z replaced by a–z; the same instance when there is nothing to fold. */
  static String lower(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        char[] chars = s.toCharArray();
        for (int j = i; j < chars.length; j++) {
          if (chars[j] >= 'A' && chars[j] <= 'Z') {
            chars[j] = (char) (chars[j] + ('a' - 'A'));
          }
        }
        return new String(chars);
      }
    }
    return s;
  }
}
