package dev.cfsim.rules;

import java.util.Objects;

/**
 * What the first value of a header, cookie or query parameter must satisfy. All comparisons
 * are case-sensitive and on the value exactly as the event holds it.
 */
public sealed interface FieldTest {

  /** {@code present: true}: the name occurs; {@code present: false}: it does not. */
  record Present(boolean present) implements FieldTest {}

  /** The first value equals the text exactly. */
  record Equals(String text) implements FieldTest {
    public Equals {
      Objects.requireNonNull(text, "text");
    }
  }

  /** The first value contains the text (JavaScript {@code indexOf(text) >= 0}). */
  record Contains(String text) implements FieldTest {
    public Contains {
      Objects.requireNonNull(text, "text");
    }
  }

  /** The regex finds a match in the first value (JavaScript {@code RegExp.test}). */
  record Matches(EcmaRegex regex) implements FieldTest {
    public Matches {
      Objects.requireNonNull(regex, "regex");
    }
  }
}
