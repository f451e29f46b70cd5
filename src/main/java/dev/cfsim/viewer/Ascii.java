package dev.cfsim.viewer;

/**
 * ASCII-only case folding, for header names, Host values and host patterns. Rules and events
 * fold A–Z to a–z and nothing else because the generated function folds exactly that; a full
 * Unicode fold would differ from it on letters such as the Kelvin sign ({@code k}) or a dotted
 * capital I (two characters), which header names, being ASCII tokens, never hold anyway.
 */
public final class Ascii {
  private Ascii() {}

  /** {@code s} with A–Z replaced by a–z; the same instance when there is nothing to fold. */
  public static String lower(String s) {
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

  /** True when {@code s} holds a letter A–Z. */
  static boolean hasUpperCase(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        return true;
      }
    }
    return false;
  }

  /** Whether {@link #lower lower(s)} equals {@code folded}, without making the string. */
  static boolean lowersTo(String s, String folded) {
    if (s.equals(folded)) {
      return !hasUpperCase(folded);
    }
    int n = folded.length();
    if (s.length() != n) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char l = folded.charAt(i);
      if (l >= 'A' && l <= 'Z') {
        return false; // lower(s) has no A–Z
      }
      char c = s.charAt(i);
      if (c != l && !(c >= 'A' && c <= 'Z' && c + ('a' - 'A') == l)) {
        return false;
      }
    }
    return true;
  }
}
