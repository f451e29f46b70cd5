package dev.cfsim.emulator;

/**
 * Values from logs shown to a person: a terminal, a Markdown viewer or a browser. Control
 * characters and the Unicode bidirectional controls are shown as {@code ?}: a logged Host of
 * {@code rlo\u202Eelpmaxe.evil} would otherwise display as "rloevil.example" and reverse the rest
 * of its line. Widths count terminal columns, so tables line up around Hangul, CJK and most emoji
 * (joined emoji sequences still count each part).
 */
final class DisplayText {
  private DisplayText() {}

  /** {@code s} with each control or bidirectional control character replaced by {@code ?}. */
  static String neutralised(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isHidden(c)) {
        if (sb == null) {
          sb = new StringBuilder(s.length()).append(s, 0, i);
        }
        sb.append('?');
      } else if (sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? s : sb.toString();
  }

  /** Control characters, and the marks, embeddings, overrides and isolates of Unicode's bidi algorithm. */
  static boolean isHidden(char c) {
    return Character.isISOControl(c) || c == '\u061C' || c == '\u200E' || c == '\u200F'
        || c == '\u2028' || c == '\u2029' // line and paragraph separators: a line break in some viewers
        || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
  }

  /** The columns a terminal gives {@code s}: two for wide characters, none for combining marks. */
  static int width(String s) {
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      w += width(cp);
      i += Character.charCount(cp);
    }
    return w;
  }

  /** {@code s} cut to at most {@code max} columns, ending in "…" when cut; never inside a character. */
  static String cut(String s, int max) {
    if (width(s) <= max) {
      return s;
    }
    StringBuilder sb = new StringBuilder();
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (w + width(cp) > max - 1) {
        break;
      }
      sb.appendCodePoint(cp);
      w += width(cp);
      i += Character.charCount(cp);
    }
    return sb.append('…').toString();
  }

  private static int width(int cp) {
    int type = Character.getType(cp);
    if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
      return 0;
    }
    boolean wide = (cp >= 0x1100 && cp <= 0x115F) // Hangul Jamo
        || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F) // CJK radicals to Yi
        || (cp >= 0xAC00 && cp <= 0xD7A3) // Hangul syllables
        || (cp >= 0xF900 && cp <= 0xFAFF) // CJK compatibility ideographs
        || (cp >= 0xFE30 && cp <= 0xFE4F) // CJK compatibility forms
        || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) // fullwidth forms
        || (cp >= 0x1F300 && cp <= 0x1F64F) || (cp >= 0x1F680 && cp <= 0x1F6FF) // emoji, transport
        || (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x1FA70 && cp <= 0x1FAFF) // and more emoji
        || (cp >= 0x20000 && cp <= 0x3FFFD); // CJK extensions
    return wide ? 2 : 1;
  }
}
