package dev.cfsim.rules;

/**
 * Names a character of rules-file text in a message, the same way wherever a template, header
 * name or header value is refused for it: {@code U+2028 at position 3}. Positions count UTF-16
 * units from 1, as an editor's column does; a surrogate pair is named by its code point.
 */
final class CharacterAt {
  private CharacterAt() {}

  /** {@code U+XXXX at position N} for the character at index {@code i}. */
  static String describe(String text, int i) {
    return String.format("U+%04X at position %d", text.codePointAt(i), i + 1);
  }
}
