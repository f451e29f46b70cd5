package dev.cfsim.rules;

import dev.cfsim.rules.RepeatOverlapCheck.Element;
import dev.cfsim.rules.RepeatOverlapCheck.Sequences;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A regular expression for a {@code matches} condition, limited to the part of JavaScript's
 * syntax that CloudFront's runtime (ECMAScript 5.1 plus named groups) accepts <em>and</em> that
 * means the same thing in Java, so the emulator and the generated function can never disagree.
 *
 * <p>Semantics: JavaScript's {@code new RegExp(source).test(value)} with no flags: a search
 * anywhere in the value (anchor with {@code ^} and {@code $} for a whole match), case-sensitive,
 * {@code ^}/{@code $} only at the start/end of the value, {@code .} any character but line
 * terminators, {@code \d \w \b} ASCII, {@code \s} JavaScript's white space and line terminators.
 * {@code [} and {@code &&} inside a class are literal, as in JavaScript; the value is read as
 * UTF-16 code units, so an emoji is two characters ({@link Utf16Pattern}). The Java pattern is a
 * translation that reproduces exactly that.
 *
 * <p>Refused, with a reason: lookbehind, inline flags and atomic groups (not in ES5.1), possessive
 * quantifiers, escapes that only Java knows ({@code \A \z \p{..} \Q..\E} …), a literal {@code {}
 * (Java rejects it, JavaScript reads it as text), back-references ({@code \1}, {@code \k<name>}:
 * JavaScript lets one to a group that took no part in the match, or whose capture a repetition
 * reset, match the empty string; Java does not), characters outside the Basic Multilingual Plane,
 * anything that is a syntax error in JavaScript (unbalanced groups, nothing to repeat, bad ranges),
 * and a group holding {@code |} or a quantifier that may match more than once ({@code (a|b)*},
 * {@code (\w+\s?){1,9}}): on one viewer's long header such a group can take exponential time in
 * V8 (the function is killed past its time limit) or overflow Java's stack, so the two would not
 * decide alike. A repeat count does not make it safe (each repetition multiplies the ways to
 * match); only {@code ?} is allowed on such a group. Nor may a group holding {@code \b} or
 * {@code \B} repeat: Java checks JavaScript's word boundary as two alternatives, and repeated
 * they overflow its stack on a long value.
 *
 * <p>Nor may repeats side by side that can split one run of characters too many ways ({@code
 * a*a*b}, {@code ^[a-z0-9]+[a-z0-9-]*[a-z0-9]+\.com$}; {@link RepeatOverlapCheck} says which).
 *
 * @param source the expression as written, without slashes or flags
 */
public record EcmaRegex(String source) {

  /** Longest expression accepted; generated functions must stay under 10 KB. */
  public static final int MAX_LENGTH = 1000;

  /** ECMAScript 5.1 WhiteSpace and LineTerminator (§7.2, §7.3), as a Java class body. */
  private static final String JS_SPACE =
      "\\t\\n\\x0B\\f\\r\\x20\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF";

  /** The same white space as code units, for {@link RepeatOverlapCheck}. */
  private static final BitSet JS_SPACE_UNITS = jsSpaceUnits();

  private static BitSet jsSpaceUnits() {
    BitSet units = new BitSet();
    "\t\n\u000B\f\r \u00A0\u1680\u2028\u2029\u202F\u205F\u3000\uFEFF".chars().forEach(units::set);
    units.set(0x2000, 0x200A + 1);
    return units;
  }

  /** How many UTF-16 code units there are. */
  private static final int CODE_UNITS = 0x10000;

  private static final String JS_WORD_BOUNDARY = "(?:(?<=\\w)(?!\\w)|(?<!\\w)(?=\\w))";
  private static final String JS_NOT_WORD_BOUNDARY = "(?:(?<=\\w)(?=\\w)|(?<!\\w)(?!\\w))";

  /** Throws {@link IllegalArgumentException} naming the first construct that cannot be used. */
  public EcmaRegex {
    Objects.requireNonNull(source, "source");
    Translator check = new Translator(source, false);
    check.translate();
    RepeatOverlapCheck.check(source, check.shape.getLast());
  }

  /**
   * The Java pattern that matches exactly what the JavaScript expression matches, on values
   * without surrogates ({@link Utf16Pattern} says why those differ).
   */
  public String javaPattern() {
    return new Translator(source, false).translate();
  }

  /** The compiled expression; its {@code test} is JavaScript's. */
  public Utf16Pattern compile() {
    return new Utf16Pattern(Pattern.compile(javaPattern()), Pattern.compile(new Translator(source, true).translate()));
  }

  @Override
  public String toString() {
    return source;
  }

  /** One pass over the source, writing the Java equivalent or throwing at the first problem. */
  private static final class Translator {
    private final String src;
    private final boolean wide;
    private final StringBuilder out = new StringBuilder();
    private final Deque<OpenGroup> open = new ArrayDeque<>();
    /** The atom before a quantifier is a group that holds '|' or a quantifier. */
    private boolean lastIsBranchingGroup;
    /** The atom before a quantifier is a group that holds {@code \b} or {@code \B}. */
    private boolean lastHoldsBoundary;
    private final Set<String> names = new HashSet<>();
    /** The expression's shape as groups of sequences, for {@link RepeatOverlapCheck}. */
    private final Deque<Sequences> shape = new ArrayDeque<>(List.of(new Sequences()));
    private int groups;
    private int i;
    private boolean canRepeat;

    /** A group whose ')' is still to come. */
    private static final class OpenGroup {
      /** The capture number, 0 for a non-capturing group, -1 for a lookahead. */
      final int number;
      /** Its body so far holds '|' or a quantifier. */
      boolean branching;
      /**
       * Its body so far holds {@code \b} or {@code \B}, which Java checks as two alternatives
       * (JavaScript's ASCII word boundary): repeated, such a group recurses once per repetition
       * in Java and overflows its stack on a value of about a thousand characters.
       */
      boolean boundary;

      /** Where its '(' is. */
      final int at;

      OpenGroup(int number, int at) {
        this.number = number;
        this.at = at;
      }
    }

    /** {@code wide}: translate for {@link Utf16Pattern}'s wide form of values with surrogates. */
    Translator(String src, boolean wide) {
      this.src = src;
      this.wide = wide;
    }

    String translate() {
      if (src.isEmpty()) {
        throw bad("the expression is empty");
      }
      if (src.length() > MAX_LENGTH) {
        throw bad("the expression is longer than " + MAX_LENGTH + " characters");
      }
      for (int k = 0; k < src.length(); k++) {
        if (Character.isSurrogate(src.charAt(k))) {
          throw bad("characters outside the Basic Multilingual Plane (e.g. emoji) match differently "
              + "in JavaScript and Java; use ASCII or \\uXXXX escapes");
        }
      }
      while (i < src.length()) {
        step();
      }
      if (!open.isEmpty()) {
        throw bad("a group is not closed: missing ')'");
      }
      // A literal supplementary character in the pattern makes Java start a search only at whole
      // characters, never between the halves of a wide code unit; the alternative never matches.
      String java = wide ? "(?:" + out + ")|(?!)" + Character.toString(Utf16Pattern.WIDE_SURROGATES) : out.toString();
      try {
        Pattern.compile(java);
      } catch (PatternSyntaxException e) {
        throw bad("not a valid expression (" + e.getDescription() + ")");
      }
      return java;
    }

    private void step() {
      char c = src.charAt(i);
      switch (c) {
        case '\\' -> escape();
        case '[' -> characterClass();
        case '(' -> openGroup();
        case ')' -> closeGroup();
        case '*', '+', '?' -> {
          i++;
          quantifier(String.valueOf(c));
        }
        case '{' -> braces();
        case '.' -> atom("[^\\n\\r\\u2028\\u2029]", 1, complement(units("\n\r\u2028\u2029")));
        case '$' -> assertion("\\z");
        case '^' -> assertion("^");
        case '|' -> {
          out.append('|');
          shape.peek().branches.add(new ArrayList<>());
          i++;
          canRepeat = false;
          markBranching();
        }
        default -> atom(literal(c), 1, units(String.valueOf(c)));
      }
    }

    private void atom(String java, int length, BitSet units) {
      out.append(java);
      shape.peek().current().add(Element.atom(i, i + length, units));
      i += length;
      canRepeat = true;
      lastIsBranchingGroup = false;
      lastHoldsBoundary = false;
    }

    /** The innermost open group holds '|' or a quantifier. */
    private void markBranching() {
      if (!open.isEmpty()) {
        open.peek().branching = true;
      }
    }

    private void assertion(String java) {
      out.append(java);
      shape.peek().current().add(Element.assertion(i, i + 1));
      i++;
      canRepeat = false;
    }

    private void quantifier(String q) {
      if (!canRepeat) {
        throw bad("nothing to repeat before '" + q + "' at position " + (i - q.length() + 1));
      }
      if (lastIsBranchingGroup && maxRepeats(q) > 1) {
        throw bad("a group holding '|' or a quantifier cannot be repeated with '" + q + "' (position "
            + (i - q.length() + 1) + "): on a long value it can take exponential time in CloudFront's"
            + " JavaScript or overflow Java's stack; use a character class ([ab]* for (a|b)*,"
            + " [a-z0-9.-]* for ([a-z0-9-]+\\.)*) or write the repetitions out");
      }
      if (lastHoldsBoundary && maxRepeats(q) > 1) {
        throw bad("a group holding \\b or \\B cannot be repeated with '" + q + "' (position "
            + (i - q.length() + 1) + "): the emulator checks a word boundary as two alternatives, and"
            + " repeated they overflow Java's stack on a long value; move the boundary out of the group");
      }
      markBranching();
      lastIsBranchingGroup = false;
      lastHoldsBoundary = false;
      out.append(q);
      if (i < src.length() && src.charAt(i) == '?') {
        out.append('?');
        i++;
      } else if (i < src.length() && src.charAt(i) == '+') {
        throw bad("possessive quantifiers ('" + q + "+') are not JavaScript");
      }
      shape.peek().repeatLast(minRepeats(q), maxRepeats(q), i);
      canRepeat = false;
    }

    /** How many times {@code q} makes its atom repeat at least. */
    private static long minRepeats(String q) {
      if (!q.startsWith("{")) {
        return q.equals("+") ? 1 : 0;
      }
      return Long.parseLong(q.substring(1, q.length() - 1).split(",", -1)[0]);
    }

    /** How many times {@code q} lets its atom repeat: {@code Long.MAX_VALUE} for no limit. */
    private static long maxRepeats(String q) {
      if (q.equals("?")) {
        return 1;
      }
      if (!q.startsWith("{")) {
        return Long.MAX_VALUE; // * and +
      }
      String[] parts = q.substring(1, q.length() - 1).split(",", -1);
      String max = parts.length == 1 ? parts[0] : parts[1];
      return max.isEmpty() ? Long.MAX_VALUE : Long.parseLong(max);
    }

    private void braces() {
      int close = src.indexOf('}', i);
      String body = close < 0 ? "" : src.substring(i + 1, close);
      if (!body.matches("\\d{1,4}(,\\d{0,4})?")) {
        throw bad("a literal '{' must be written \\{ (position " + (i + 1) + ")");
      }
      String[] parts = body.split(",", -1);
      if (parts.length == 2 && !parts[1].isEmpty()
          && Integer.parseInt(parts[1]) < Integer.parseInt(parts[0])) {
        throw bad("numbers out of order in {" + body + "}");
      }
      i = close + 1;
      quantifier("{" + body + "}");
    }

    private void openGroup() {
      int at = i;
      shape.push(new Sequences());
      if (src.startsWith("(?:", i) || src.startsWith("(?=", i) || src.startsWith("(?!", i)) {
        out.append(src, i, i + 3);
        open.push(new OpenGroup(src.charAt(i + 2) == ':' ? 0 : -1, at));
        i += 3;
      } else if (src.startsWith("(?<=", i) || src.startsWith("(?<!", i)) {
        throw bad("lookbehind '(?<=' / '(?<!' is not in CloudFront's JavaScript runtime");
      } else if (src.startsWith("(?<", i)) {
        int end = src.indexOf('>', i);
        String name = end < 0 ? "" : src.substring(i + 3, end);
        if (!name.matches("[A-Za-z][A-Za-z0-9]*")) {
          throw bad("a group name must be a letter followed by letters or digits: '" + name + "'");
        }
        if (!names.add(name)) {
          throw bad("duplicate group name '" + name + "'");
        }
        out.append("(?<").append(name).append('>');
        open.push(new OpenGroup(++groups, at));
        i = end + 1;
      } else if (src.startsWith("(?", i)) {
        throw bad("'(?" + (i + 2 < src.length() ? src.charAt(i + 2) : "")
            + "' (inline flags, atomic groups) is not JavaScript");
      } else {
        out.append('(');
        open.push(new OpenGroup(++groups, at));
        i++;
      }
      canRepeat = false;
    }

    private void closeGroup() {
      if (open.isEmpty()) {
        throw bad("unmatched ')' at position " + (i + 1));
      }
      OpenGroup closed = open.pop();
      out.append(')');
      i++;
      Sequences body = shape.pop();
      shape.peek().current().add(Element.group(closed.at, i, body, closed.number < 0));
      lastIsBranchingGroup = closed.branching;
      lastHoldsBoundary = closed.boundary;
      if (closed.branching) {
        markBranching(); // the enclosing group holds this one
      }
      if (closed.boundary && !open.isEmpty()) {
        open.peek().boundary = true;
      }
      // JavaScript (Annex B) lets a lookahead be repeated; Java does not, so refuse it.
      canRepeat = closed.number >= 0;
    }

    private void escape() {
      if (i + 1 >= src.length()) {
        throw bad("the expression ends with a lone '\\'");
      }
      char e = src.charAt(i + 1);
      switch (e) {
        case 'd', 'D', 'w', 'W' -> atom("\\" + e, 2, classEscape(e));
        case 's' -> atom("[" + JS_SPACE + "]", 2, classEscape(e));
        case 'S' -> atom("[^" + JS_SPACE + "]", 2, classEscape(e));
        case 'b', 'B' -> {
          out.append(e == 'b' ? JS_WORD_BOUNDARY : JS_NOT_WORD_BOUNDARY);
          shape.peek().current().add(Element.assertion(i, i + 2));
          i += 2;
          canRepeat = false;
          if (!open.isEmpty()) {
            open.peek().boundary = true;
          }
        }
        case 'k' -> throw backReference();
        default -> {
          if (e >= '1' && e <= '9') {
            throw backReference();
          }
          int[] consumed = new int[1];
          String java = characterEscape(i, consumed);
          atom(java, consumed[0], units(String.valueOf((char) valueOfEscape(i, consumed[0]))));
        }
      }
    }

    /**
     * Back-references are refused: in JavaScript one to a group that took no part in the match
     * matches the empty string, and a repeated group's capture is forgotten on each repetition;
     * Java does neither, and no translation can make it.
     */
    private IllegalArgumentException backReference() {
      return bad("back-references (\\1 to \\9, \\k<name>) are refused at position " + (i + 1)
          + ": JavaScript and Java decide them differently (a group that took no part in the match,"
          + " or a repeated group); repeat the group's text instead");
    }

    /**
     * An escape that stands for one character, valid both outside and inside a class. Returns
     * its Java form; {@code consumed[0]} receives its length in the source.
     */
    private String characterEscape(int at, int[] consumed) {
      char e = src.charAt(at + 1);
      consumed[0] = 2;
      switch (e) {
        case 't':
          return "\\t";
        case 'n':
          return "\\n";
        case 'r':
          return "\\r";
        case 'f':
          return "\\f";
        case 'v':
          return "\\x0B";
        case '0':
          if (at + 2 < src.length() && Character.isDigit(src.charAt(at + 2))) {
            throw bad("octal escapes are not supported; use \\xHH");
          }
          return "\\x00";
        case 'x':
          consumed[0] = 4;
          return hexEscape(at, 2, "\\xHH");
        case 'u':
          consumed[0] = 6;
          return hexEscape(at, 4, "\\uHHHH");
        default:
          if (e < 128 && !Character.isLetterOrDigit(e)) {
            return "\\" + e;
          }
          throw bad("'\\" + e + "' is not an escape that JavaScript and Java read the same way");
      }
    }

    private String hexEscape(int at, int digits, String form) {
      int start = at + 2;
      String hex = start + digits <= src.length() ? src.substring(start, start + digits) : "";
      if (!hex.matches("[0-9A-Fa-f]{" + digits + "}")) {
        throw bad("malformed escape: expected " + form);
      }
      char c = (char) Integer.parseInt(hex, 16);
      if (Character.isSurrogate(c)) {
        throw bad("surrogate code units cannot be matched the same way in JavaScript and Java");
      }
      return digits == 2 ? "\\x" + hex : "\\u" + hex;
    }

    private void characterClass() {
      int start = i;
      i++;
      StringBuilder cls = new StringBuilder("[");
      BitSet members = new BitSet();
      boolean negated = i < src.length() && src.charAt(i) == '^';
      if (negated) {
        cls.append('^');
        i++;
      }
      if (i < src.length() && src.charAt(i) == ']') {
        throw bad("empty character class '[]' or '[^]' at position " + (start + 1));
      }
      boolean spansSurrogates = false;
      while (true) {
        if (i >= src.length()) {
          throw bad("character class opened at position " + (start + 1) + " is not closed");
        }
        char c = src.charAt(i);
        if (c == ']') {
          i++;
          break;
        }
        int[] low = classCharacter(cls);
        if (low == null) {
          members.or(classEscape(src.charAt(i - 1))); // \d, \w, \s … just read
        } else {
          members.set(low[0]);
        }
        if (low != null && i + 1 < src.length() && src.charAt(i) == '-' && src.charAt(i + 1) != ']') {
          i++;
          cls.append('-');
          int[] high = classCharacter(cls);
          if (high == null) {
            throw bad("a range in a character class cannot end in a class escape like \\d");
          }
          if (high[0] < low[0]) {
            throw bad("range out of order in character class at position " + (start + 1));
          }
          members.set(low[0], high[0] + 1);
          // Neither end can be a surrogate, so a range holds all of them or none.
          spansSurrogates |= low[0] < Character.MIN_SURROGATE && high[0] > Character.MAX_SURROGATE;
        } else if (low == null && i + 1 < src.length() && src.charAt(i) == '-'
            && src.charAt(i + 1) != ']') {
          throw bad("a range in a character class cannot start with a class escape like \\d");
        }
      }
      if (wide && spansSurrogates) {
        cls.append(String.format("\\x{%X}-\\x{%X}", Utf16Pattern.WIDE_SURROGATES,
            Utf16Pattern.WIDE_SURROGATES + Character.MAX_SURROGATE - Character.MIN_SURROGATE));
      }
      out.append(cls).append(']');
      shape.peek().current().add(Element.atom(start, i, negated ? complement(members) : members));
      canRepeat = true;
      lastIsBranchingGroup = false;
      lastHoldsBoundary = false;
    }

    /** Appends one class member; returns its code unit, or null for a class escape (\d …). */
    private int[] classCharacter(StringBuilder cls) {
      char c = src.charAt(i);
      if (c != '\\') {
        cls.append(literal(c));
        i++;
        return new int[] {c};
      }
      if (i + 1 >= src.length()) {
        throw bad("the expression ends with a lone '\\'");
      }
      char e = src.charAt(i + 1);
      switch (e) {
        case 'd', 'D', 'w', 'W' -> {
          cls.append('\\').append(e);
          i += 2;
          return null;
        }
        case 's' -> {
          cls.append(JS_SPACE);
          i += 2;
          return null;
        }
        case 'b' -> {
          cls.append("\\x08");
          i += 2;
          return new int[] {8};
        }
        default -> {
          if (e == 'S' || e == 'B' || e == 'k' || (e >= '1' && e <= '9')) {
            throw bad("'\\" + e + "' inside a character class is not supported");
          }
          int[] consumed = new int[1];
          String java = characterEscape(i, consumed);
          cls.append(java);
          int value = valueOfEscape(i, consumed[0]);
          i += consumed[0];
          return new int[] {value};
        }
      }
    }

    private int valueOfEscape(int at, int length) {
      char e = src.charAt(at + 1);
      return switch (e) {
        case 't' -> '\t';
        case 'n' -> '\n';
        case 'r' -> '\r';
        case 'f' -> '\f';
        case 'v' -> 0x0B;
        case '0' -> 0;
        case 'x', 'u' -> Integer.parseInt(src.substring(at + 2, at + length), 16);
        default -> e;
      };
    }

    /** A character taken literally: ASCII letters and digits as they are, the rest escaped. */
    private static String literal(char c) {
      if (c < 128 && Character.isLetterOrDigit(c)) {
        return String.valueOf(c);
      }
      if (c < 128 && c > 32 && c != 127) {
        return "\\" + c;
      }
      return String.format("\\u%04X", (int) c);
    }

    /** The code units of {@code chars}. */
    private static BitSet units(String chars) {
      BitSet units = new BitSet();
      chars.chars().forEach(units::set);
      return units;
    }

    /** Every code unit not in {@code units}. */
    private static BitSet complement(BitSet units) {
      BitSet all = new BitSet(CODE_UNITS);
      all.set(0, CODE_UNITS);
      all.andNot(units);
      return all;
    }

    /** The code units of a class escape (\\d \\D \\w \\W \\s \\S), JavaScript's: ASCII digits and word characters. */
    private static BitSet classEscape(char e) {
      BitSet units = new BitSet();
      switch (Character.toLowerCase(e)) {
        case 'd' -> units.set('0', '9' + 1);
        case 'w' -> {
          units.set('0', '9' + 1);
          units.set('A', 'Z' + 1);
          units.set('a', 'z' + 1);
          units.set('_');
        }
        default -> JS_SPACE_UNITS.stream().forEach(units::set);
      }
      return Character.isUpperCase(e) ? complement(units) : units;
    }

    private IllegalArgumentException bad(String why) {
      return new IllegalArgumentException(why);
    }
  }
}
