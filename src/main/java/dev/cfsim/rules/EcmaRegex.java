package dev.cfsim.rules;

import java.nio.CharBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
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
 * <p>Nor may repeats in one sequence that can take a character in common, with nothing between
 * them that must differ, split a value in more than {@value #MAX_WAYS} ways at one start when
 * something after them can still fail ({@code a*a*b}, {@code ^[a-z0-9]+[a-z0-9-]*[a-z0-9]+\.com$},
 * six {@code a{0,64}} in a row): a value that does not match is tried in every split, and with
 * {@code *} or {@code +} (counted as a value of {@value #VALUE_LENGTH} characters) their number
 * grows as a power of its length. Eighteen characters took Java 1.7 s and V8 past the function's
 * time limit on {@code a*a*a*a*a*a*a*a*a*a*a*a*b}; CloudFront stops such a function, where the
 * emulator would stall and then decide. One {@code .*} is allowed: its search is at worst
 * quadratic.
 *
 * @param source the expression as written, without slashes or flags
 */
public record EcmaRegex(String source) {

  /** The length a long header value is taken to have, for a repeat without a limit. */
  public static final long VALUE_LENGTH = 10_000;

  /**
   * Most ways overlapping repeats may split a value at one start: a single {@code .*}, or
   * {@code .*} beside {@code [0-9]{0,9}}, but not two {@code *}.
   */
  public static final long MAX_WAYS = 100_000;

  /** Which of the 65,536 UTF-16 code units an atom's Java form matches, by that form. */
  private static final Map<String, BitSet> CODE_UNITS = new ConcurrentHashMap<>();

  /** Longest expression accepted; generated functions must stay under 10 KB. */
  public static final int MAX_LENGTH = 1000;

  /** ECMAScript 5.1 WhiteSpace and LineTerminator (§7.2, §7.3), as a Java class body. */
  private static final String JS_SPACE =
      "\\t\\n\\x0B\\f\\r\\x20\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF";

  private static final String JS_WORD_BOUNDARY = "(?:(?<=\\w)(?!\\w)|(?<!\\w)(?=\\w))";
  private static final String JS_NOT_WORD_BOUNDARY = "(?:(?<=\\w)(?=\\w)|(?<!\\w)(?!\\w))";

  /** Throws {@link IllegalArgumentException} naming the first construct that cannot be used. */
  public EcmaRegex {
    Objects.requireNonNull(source, "source");
    Translator check = new Translator(source, false);
    check.translate();
    check.refuseOverlappingRepeats();
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
    /** Where each open group's '(' is. */
    private final Deque<Integer> openAt = new ArrayDeque<>();
    /** The atom before a quantifier is a group that holds '|' or a quantifier. */
    private boolean lastIsBranchingGroup;
    /** The atom before a quantifier is a group that holds {@code \b} or {@code \B}. */
    private boolean lastHoldsBoundary;
    private final Set<String> names = new HashSet<>();
    /** The expression's shape as groups of sequences, for {@link #refuseOverlappingRepeats}. */
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

      OpenGroup(int number) {
        this.number = number;
      }
    }

    /** The branches ('|') of the whole expression or of one group, each a sequence of elements. */
    private static final class Sequences {
      final List<List<Element>> branches = new ArrayList<>(List.of(new ArrayList<>()));

      List<Element> current() {
        return branches.get(branches.size() - 1);
      }
    }

    /**
     * One element of a sequence: an atom matching one character (its Java form), a group, or an
     * assertion matching none; with the repetitions its quantifier allows.
     */
    private static final class Element {
      final int start;
      int end;
      final String java;
      final Sequences group;
      final boolean zeroWidth;
      long min = 1;
      long max = 1;

      Element(int start, int end, String java, Sequences group, boolean zeroWidth) {
        this.start = start;
        this.end = end;
        this.java = java;
        this.group = group;
        this.zeroWidth = zeroWidth;
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
        case '.' -> atom("[^\\n\\r\\u2028\\u2029]", 1);
        case '$' -> assertion("\\z");
        case '^' -> assertion("^");
        case '|' -> {
          out.append('|');
          shape.peek().branches.add(new ArrayList<>());
          i++;
          canRepeat = false;
          markBranching();
        }
        default -> atom(literal(c), 1);
      }
    }

    private void atom(String java, int length) {
      out.append(java);
      shape.peek().current().add(new Element(i, i + length, java, null, false));
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
      shape.peek().current().add(new Element(i, i + 1, null, null, true));
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
      List<Element> sequence = shape.peek().current();
      Element repeated = sequence.get(sequence.size() - 1);
      repeated.min = minRepeats(q);
      repeated.max = maxRepeats(q);
      if (i < src.length() && src.charAt(i) == '?') {
        out.append('?');
        i++;
      } else if (i < src.length() && src.charAt(i) == '+') {
        throw bad("possessive quantifiers ('" + q + "+') are not JavaScript");
      }
      repeated.end = i;
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
      openAt.push(i);
      shape.push(new Sequences());
      if (src.startsWith("(?:", i) || src.startsWith("(?=", i) || src.startsWith("(?!", i)) {
        out.append(src, i, i + 3);
        open.push(new OpenGroup(src.charAt(i + 2) == ':' ? 0 : -1));
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
        open.push(new OpenGroup(++groups));
        i = end + 1;
      } else if (src.startsWith("(?", i)) {
        throw bad("'(?" + (i + 2 < src.length() ? src.charAt(i + 2) : "")
            + "' (inline flags, atomic groups) is not JavaScript");
      } else {
        out.append('(');
        open.push(new OpenGroup(++groups));
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
      shape.peek().current().add(new Element(openAt.pop(), i, null, body, closed.number < 0));
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
        case 'd', 'D', 'w', 'W' -> atom("\\" + e, 2);
        case 's' -> atom("[" + JS_SPACE + "]", 2);
        case 'S' -> atom("[^" + JS_SPACE + "]", 2);
        case 'b', 'B' -> {
          out.append(e == 'b' ? JS_WORD_BOUNDARY : JS_NOT_WORD_BOUNDARY);
          shape.peek().current().add(new Element(i, i + 2, null, null, true));
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
          atom(java, consumed[0]);
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
      if (i < src.length() && src.charAt(i) == '^') {
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
      shape.peek().current().add(new Element(start, i, cls + "]", null, false));
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

    /**
     * Refuses two long repeats in one sequence that can take the same character with nothing
     * between them that must differ (see the class comment), when something after the second can
     * still fail; after {@link #translate}.
     */
    void refuseOverlappingRepeats() {
      check(shape.getLast(), true);
    }

    private void check(Sequences node, boolean whole) {
      for (List<Element> branch : node.branches) {
        List<Element> sequence = new ArrayList<>();
        List<Boolean> optional = new ArrayList<>();
        flatten(branch, false, sequence, optional);
        for (Element e : sequence) {
          if (e.group != null) {
            check(e.group, false);
          }
        }
        for (int a = 0; a < sequence.size(); a++) {
          long ways = ways(sequence.get(a));
          if (ways == 1) {
            continue;
          }
          for (int b = a + 1; b < sequence.size(); b++) {
            long more = ways(sequence.get(b));
            if (more == 1 || !overlap(sequence, optional, a, b)) {
              continue;
            }
            ways = times(ways, more);
            // with nothing after them that can fail, the first split that reaches the end wins
            if (ways > MAX_WAYS && (!whole || canFailAfter(sequence, optional, b))) {
              throw overlapping(sequence.get(a), sequence.get(b), firstShared(sequence, optional, a, b));
            }
          }
        }
      }
    }

    /**
     * Whether elements {@code a} and {@code b} can take a character in common that every element
     * between them that must take a character can take too: a run of it splits many ways.
     */
    private static boolean overlap(List<Element> sequence, List<Boolean> optional, int a, int b) {
      return firstShared(sequence, optional, a, b) >= 0;
    }

    private static int firstShared(List<Element> sequence, List<Boolean> optional, int a, int b) {
      BitSet shared = (BitSet) codeUnits(sequence.get(a)).clone();
      shared.and(codeUnits(sequence.get(b)));
      for (int k = a + 1; k < b && !shared.isEmpty(); k++) {
        Element between = sequence.get(k);
        if (!between.zeroWidth && !optional.get(k) && !canBeEmpty(between)) {
          shared.and(codeUnits(between));
        }
      }
      return shared.nextSetBit(0);
    }

    /**
     * In how many ways an element can take a run of characters: its repeat's range, {@link
     * #VALUE_LENGTH} without a limit, times a group's own ways (its widest branch).
     */
    private static long ways(Element e) {
      if (e.zeroWidth) {
        return 1;
      }
      long ways = e.max == Long.MAX_VALUE ? VALUE_LENGTH : Math.min(e.max - e.min + 1, VALUE_LENGTH);
      if (e.group != null) {
        long widest = 1;
        for (List<Element> branch : e.group.branches) {
          long product = 1;
          for (Element inner : branch) {
            product = times(product, ways(inner));
          }
          widest = Math.max(widest, product);
        }
        ways = times(ways, widest);
      }
      return ways;
    }

    /** A product that stops growing past any limit that matters. */
    private static long times(long a, long b) {
      return a > Long.MAX_VALUE / 4 / b ? Long.MAX_VALUE / 4 : a * b;
    }

    /** A group taken once (or optionally), of one branch, is its elements in the sequence. */
    private static void flatten(List<Element> branch, boolean optional, List<Element> into, List<Boolean> optionalInto) {
      for (Element e : branch) {
        if (e.group != null && !e.zeroWidth && e.max == 1 && e.group.branches.size() == 1) {
          flatten(e.group.branches.get(0), optional || e.min == 0, into, optionalInto);
        } else {
          into.add(e);
          optionalInto.add(optional);
        }
      }
    }

    private static boolean canBeEmpty(Element e) {
      return e.zeroWidth || e.min == 0 || e.group != null
          && e.group.branches.stream().anyMatch(b -> b.stream().allMatch(Translator::canBeEmpty));
    }

    private static boolean canFailAfter(List<Element> sequence, List<Boolean> optional, int b) {
      for (int k = b + 1; k < sequence.size(); k++) {
        Element e = sequence.get(k);
        if (e.zeroWidth || !optional.get(k) && !canBeEmpty(e)) {
          return true;
        }
      }
      return false;
    }

    /** The code units an element can take: an atom's, or any of a group's atoms'. */
    private static BitSet codeUnits(Element e) {
      if (e.zeroWidth) {
        return new BitSet();
      }
      if (e.java != null) {
        return CODE_UNITS.computeIfAbsent(e.java, java -> {
          BitSet units = new BitSet(65536);
          Matcher m = Pattern.compile(java).matcher("");
          char[] one = new char[1];
          CharSequence text = CharBuffer.wrap(one);
          for (int c = 0; c < 65536; c++) {
            one[0] = (char) c;
            if (m.reset(text).matches()) {
              units.set(c);
            }
          }
          return units;
        });
      }
      BitSet units = new BitSet();
      e.group.branches.stream().flatMap(List::stream).forEach(inner -> units.or(codeUnits(inner)));
      return units;
    }

    private IllegalArgumentException overlapping(Element first, Element second, int shared) {
      String example = shared > 32 && shared < 127 ? "'" + (char) shared + "'" : String.format("\\u%04X", shared);
      return bad("'" + src.substring(first.start, first.end) + "' (position " + (first.start + 1) + ") and '"
          + src.substring(second.start, second.end) + "' (position " + (second.start + 1) + ") can both take "
          + example + ", with nothing between them that must differ: a long value that does not match can be"
          + " split between the repeats in more ways than can be tried in time (with * or +, a power of its"
          + " length), so CloudFront would stop the function where the emulator stalls. Join them into one"
          + " repeat, or make the characters they take distinct (e.g. [^-]*-.* for .*-.*)");
    }

    private IllegalArgumentException bad(String why) {
      return new IllegalArgumentException(why);
    }
  }
}
