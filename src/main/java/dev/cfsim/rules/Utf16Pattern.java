package dev.cfsim.rules;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A translated {@link EcmaRegex}, run on a value's UTF-16 code units as JavaScript runs a regex
 * without the {@code u} flag. Java's engine reads a surrogate pair as one character, so on an
 * emoji {@code ^.$} would match in Java and not in JavaScript.
 *
 * <p>A value without surrogates is searched as it is. One with surrogates is searched in a wide
 * form in which each surrogate code unit {@code u} is the single code point {@code U+F0000 +
 * (u - U+D800)} (plane 15, private use), so every code unit is one character to Java, as to
 * JavaScript. The expression cannot name a surrogate ({@link EcmaRegex} refuses them), only span
 * all of them with a range such as {@code [\u0000-\uFFFF]}; {@code wide} is the translation in
 * which such ranges also hold U+F0000 to U+F07FF, and which Java starts only at whole characters.
 *
 * @param units the translation for values without surrogates
 * @param wide the translation for the wide form of values with surrogates
 */
public record Utf16Pattern(Pattern units, Pattern wide) {
  /** Where the wide form puts U+D800; the surrogates go to this code point onwards. */
  static final int WIDE_SURROGATES = 0xF0000;

  public Utf16Pattern {
    Objects.requireNonNull(units, "units");
    Objects.requireNonNull(wide, "wide");
  }

  /**
   * JavaScript's {@code RegExp.prototype.test}: true when the expression matches anywhere. Stops
   * when its thread is interrupted (see {@link InterruptibleText}).
   */
  public boolean test(String value) {
    int first = firstSurrogate(value);
    String searched = first < 0 ? value : widen(value, first);
    return (first < 0 ? units : wide).matcher(new InterruptibleText(searched)).find();
  }

  private static int firstSurrogate(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (Character.isSurrogate(value.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /** The wide form: every surrogate code unit from {@code first} on as one plane-15 code point. */
  static String widen(String value, int first) {
    StringBuilder sb = new StringBuilder(value.length() + 8).append(value, 0, first);
    for (int i = first; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isSurrogate(c)) {
        sb.appendCodePoint(WIDE_SURROGATES + (c - Character.MIN_SURROGATE));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
