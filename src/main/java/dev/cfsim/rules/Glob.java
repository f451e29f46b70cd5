package dev.cfsim.rules;

import java.util.Objects;

/**
 * A path or host pattern with CloudFront's own cache-behavior wildcards, so a pattern reads the
 * same in a rules file as in a distribution's path patterns.
 *
 * <p>Semantics (the generated JavaScript reproduces them exactly): the whole input must match;
 * {@code *} matches any run of characters, empty included, {@code /} included; {@code ?} matches
 * exactly one character (one UTF-16 code unit, as in both Java and JavaScript strings); every
 * other character matches itself, case-sensitively. There is no escape and no character class. A
 * pattern without wildcards is an exact match.
 *
 * @param pattern the pattern as written
 */
public record Glob(String pattern) {

  public Glob {
    Objects.requireNonNull(pattern, "pattern");
  }

  /** True when the pattern has no wildcard, so it can only match itself. */
  public boolean isExact() {
    return pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0;
  }

  /** True when the pattern matches every input (it is made of {@code *} only). */
  public boolean matchesEverything() {
    return !pattern.isEmpty() && pattern.chars().allMatch(c -> c == '*');
  }

  /** Whether the whole of {@code input} matches; linear in practice, no allocation. */
  public boolean matches(String input) {
    int p = 0;
    int i = 0;
    int starP = -1;
    int starI = 0;
    int plen = pattern.length();
    int ilen = input.length();
    while (i < ilen) {
      if (p < plen && (pattern.charAt(p) == '?' || pattern.charAt(p) == input.charAt(i))
          && pattern.charAt(p) != '*') {
        p++;
        i++;
      } else if (p < plen && pattern.charAt(p) == '*') {
        starP = p++;
        starI = i;
      } else if (starP >= 0) {
        p = starP + 1;
        i = ++starI;
      } else {
        return false;
      }
    }
    while (p < plen && pattern.charAt(p) == '*') {
      p++;
    }
    return p == plen;
  }

  @Override
  public String toString() {
    return pattern;
  }
}
