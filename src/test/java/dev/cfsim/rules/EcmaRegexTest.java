package dev.cfsim.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EcmaRegexTest {

  private static boolean test(String regex, String value) {
    return new EcmaRegex(regex).compile().test(value);
  }

  @Test
  void matches_is_a_search_like_javascript_test_not_a_whole_match() {
    assertTrue(test("bot", "Googlebot/2.1"));
    assertFalse(test("^bot", "Googlebot/2.1"));
  }

  @Test
  void dollar_matches_only_at_the_very_end_as_in_javascript_without_flags() {
    assertTrue(test("end$", "the end"));
    assertFalse(test("end$", "the end\n"), "Java's $ would also match before a final line break");
  }

  @Test
  void dot_excludes_javascript_line_terminators_and_nothing_else() {
    assertFalse(test("^a.b$", "a\u2028b"));
    assertFalse(test("^a.b$", "a\nb"));
    assertTrue(test("^a.b$", "a\u0085b"), "Java's . would refuse U+0085; JavaScript's accepts it");
  }

  @Test
  void backslash_s_is_javascript_white_space() {
    assertTrue(test("^a\\sb$", "a\u00A0b"));
    assertTrue(test("^a\\sb$", "a\uFEFFb"));
    assertTrue(test("^a[\\s]b$", "a\u3000b"));
    assertFalse(test("^a\\Sb$", "a\u2003b"));
  }

  @Test
  void word_boundary_and_word_class_are_ascii() {
    assertTrue(test("[Bb]ot\\b", "AhrefsBot/7"));
    assertTrue(test("\\bcafe\\b", "écafe"), "é is no word character in JavaScript, so a boundary precedes c");
    assertFalse(test("^\\w$", "é"));
  }

  @Test
  void classes_ranges_groups_and_quantifiers_work() {
    assertTrue(test("^[A-Za-z0-9]{16,}$", "abcdefghijklmnop"));
    assertFalse(test("^[A-Za-z0-9]{16,}$", "short"));
    assertTrue(test("^(?<v>v[0-9]+)/(?:a|b)?[ab]{1,9}?b$", "v2/abb"));
    assertTrue(test("^[\\]\\-]+$", "]-]"));
    assertTrue(test("^[.*+?{}()|^$/]+$", ".*+?{}()|^$/"), "special characters are literal in a class");
    assertTrue(test("^\\x41\\u0042\\/$", "AB/"));
    assertTrue(test("^[^a]b$", "xb"));
  }

  /** JavaScript without the u flag sees UTF-16 code units; Java's engine would pair surrogates. */
  @Test
  void a_character_outside_the_bmp_is_two_characters_as_in_javascript() {
    String emoji = "\ud83d\ude00";
    assertFalse(test("^.$", emoji), "Java alone would see one character");
    assertTrue(test("^..$", emoji));
    assertFalse(test("^[^a]$", emoji));
    assertTrue(test("^[^a]{2}$", emoji));
    assertTrue(test("^a[\\u0000-\\uFFFF]{2}b$", "a" + emoji + "b"), "the range holds every code unit");
    assertFalse(test("[^\\u0000-\\uFFFF]", emoji));
    assertTrue(test("^\\S\\W\\D.$", emoji + emoji));
    assertFalse(test("\\B.", "a\udc00"), "no match may start between the halves of a pair");
    assertTrue(test("^.$", "\ud800"), "a lone surrogate is one character either way");
  }

  @Test
  void brackets_and_ampersands_in_a_class_are_literal_as_in_javascript() {
    assertTrue(test("^[a[b]]$", "[]"), "JavaScript: the class {a, [, b} then a literal ]");
    assertFalse(test("^[a[b]]$", "b"));
    assertTrue(test("^[a&&b]$", "&"), "Java would read && as intersection");
  }

  /**
   * JavaScript lets a back-reference to a group that took no part match the empty string, and
   * forgets a repeated group's capture on each repetition; Java does neither, so
   * {@code ^(?:(a)|b)\\1$} on "b" would decide differently (a repeated group that resets its
   * capture is refused anyway, as a repeated group holding '|').
   */
  @ParameterizedTest
  @ValueSource(strings = {"^(?:(a)|b)\\1$", "(a)\\1", "(a)(b)(c)(d)(e)(f)(g)(h)(i)\\9",
      "^(?<v>v[0-9]+)/\\k<v>$", "\\1", "\\8", "\\k"})
  void back_references_are_refused_because_javascript_and_java_disagree_on_them(String regex) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new EcmaRegex(regex));
    assertTrue(e.getMessage().contains("back-reference"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "(?<=a)b", "(?<!a)b", "(?i)bot", "(?>a)", "a*+", "a{2}+", "\\p{L}", "\\Aa", "a\\z", "\\Qa\\E",
      "a{", "x{1,a}", "a{3,2}", "[]", "[^]", "(a", "a)", "*a", "a**", "^*",
      "\\2(a)(b)", "(a\\1)", "\\k<n>(?<n>a)", "[z-a]", "[\\d-z]", "\\xZZ", "\\u12", "\\", "",
      "(?=a)*", "\\0123", "\\cA", "(?<1a>x)", "\uD83D\uDE00", "[\\S]", "\\e", "\\10"})
  void constructs_javascript_would_reject_or_read_differently_are_refused(String regex) {
    assertThrows(IllegalArgumentException.class, () -> new EcmaRegex(regex));
  }

  /**
   * On a long value these take exponential time in V8 (the function is killed past its time
   * limit, where Java answered in milliseconds) or overflow Java's stack: "ab" × 1,000 against
   * {@code ^(a|b)*$} threw StackOverflowError, an exit 3 in the CLI and a 500 in the API.
   */
  @ParameterizedTest
  @ValueSource(strings = {"^(\\w+\\s?)*$", "^(a|b)*$", "^(a|a)*$", "(abc|def)+x", "((a)+)*", "(?:a*b)+",
      "(?<w>x|y){0,}", "(a|b){101}", "(a|b){2,1000}", "((?:a|b))*", "(x(a|b))+",
      // a count does not help: each repetition multiplies the ways (review: 2.8 s on 27 characters)
      "^(a|a){1,100}$", "^(\\w+\\s?){1,100}$", "^(?:a{1,100}){1,100}$", "^((a|b){100}){100}$",
      "(\\d+\\.){3}", "(a|b){2}", "^([a-z0-9-]+\\.)*example\\.com$"})
  void a_repeated_group_holding_an_alternation_or_a_quantifier_is_refused(String regex) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new EcmaRegex(regex));
    assertTrue(e.getMessage().contains("cannot be repeated"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"^(ab)*$", "^/(en|fr|de)/", "^\\d+\\.\\d+\\.\\d+\\.\\d+$", "^(a|b)?$", "[ab]*",
      "(a|b){1}", "(a|b){0,1}", "(?:x)+", "(a)(b|c)", "(?=a|b)x", "^(?:Mozilla|Opera)/\\d+",
      "^[a-z0-9.-]*example\\.com$"})
  void repeats_that_stay_linear_are_accepted(String regex) {
    new EcmaRegex(regex);
  }

  /**
   * Repeats side by side that can take the same characters split a value that does not match in
   * a power of its length: {@code a*a*a*a*a*a*a*a*a*a*a*a*b} on 18 a's took Java 1.7 s and Node past
   * the function's 1 s limit; the host pattern below took Java 19 s on 3,000 a's (differential
   * fuzzing). Refused with both repeats and a character they share named.
   */
  @ParameterizedTest
  @CsvSource(delimiterString = " => ", quoteCharacter = '"', textBlock = """
      a*a*a*a*a*a*a*a*a*a*a*a*b => 'a*' (position 1) and 'a*' (position 3) can both take a run of 'a'
      ^[a-z0-9]+[a-z0-9-]*[a-z0-9]+[.]example[.]com$ => '[a-z0-9]+' (position 2) and '[a-z0-9]+' (position 21)
      ^.*a.*a.*a$ => '.*' (position 2) and '.*' (position 8) can both take a run of 'a'
      (?:ab)*(?:ab)*x => '(?:ab)*' (position 1) and '(?:ab)*' (position 8) can both take a run of 'a'
      [ab]*(?:ab)*x => '[ab]*' (position 1) and '(?:ab)*' (position 6) can both take a run of 'a'
      .*-.*x => can both take a run of '-'
      \\d+(?:px)?\\d*! => '\\d+' (position 1) and '\\d*' (position 11)
      (?:a+|b)a+c => '(?:a+|b)' (position 1) and 'a+' (position 9)
      x(a+)(a+)y => 'a+' (position 3) and 'a+' (position 7)
      a{0,64}a{0,64}a{0,64}b => 'a{0,64}' (position 1) and 'a{0,64}' (position 15)
      \\w+\\s?\\w+\\s?\\w+\\s?! => '\\w+' (position 1) and '\\w+' (position 7) can both take a run of '0'
      a{0,300}a{0,300}b => 'a{0,300}' (position 1) and 'a{0,300}' (position 9) can both take a run of 'a'
      [ab]{0,300}[bc]{0,300}[cd]{0,300}x => '[ab]{0,300}' (position 1) and '[bc]{0,300}' (position 12) can both take a run of 'b'
      (?:a|aa)(?:a|aa)(?:a|aa)(?:a|aa)(?:a|aa)(?:a|aa)(?:a|aa)(?:a|aa)(?:a|aa)(?:a|aa)(?:a|aa)(?:a|aa)(?:a|aa)(?:a|aa)(?:a|aa)(?:a|aa)(?:a|aa)(?:a|aa)(?:a|aa)(?:a|aa)(?:a|aa)(?:a|aa)(?:a|aa)(?:a|aa)(?:a|aa)(?:a|aa)(?:a|aa)(?:a|aa)(?:a|aa)(?:a|aa)(?:a|aa)(?:a|aa)b => '(?:a|aa)' (position 1) and '(?:a|aa)' (position 105) can both take a run of 'a'
      \\s*\\s*; => '\\s*' (position 1) and '\\s*' (position 4) can both take a run of \\u0009
      """)
  void repeats_that_can_split_a_value_in_too_many_ways_are_refused(String regex, String named) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new EcmaRegex(regex));
    assertTrue(e.getMessage().contains(named), e.getMessage());
    assertTrue(e.getMessage().contains("Join them into one repeat, or make the characters they take distinct"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // something that must differ between them
      "^\\d+\\.\\d+$", ".*bot.*x", "^[a-z]+-[0-9]+$", "[^-]*-.*x", "^/[a-z]+/[a-z]+/?$",
      // nothing after them can fail: the first split that reaches the end wins
      ".*-.*", "^a*a*", "[a-z]+[a-z0-9]*",
      // one long repeat, or short ones: few ways at each start
      "^/.*/?$", "^/.*\\.(?:jpg|png)$", "a{0,9}a{0,9}b", "^\\d{1,3}\\d{1,3}$", "(?:[Bb]ot|[Cc]rawler)",
      // alternatives are not in sequence
      "^a+$|^a+b$", "^[A-Za-z0-9]{16,}$",
      // an optional group's run must pass its mandatory part; a group's alternatives each whole (review)
      "^\\d+(\\.\\d+)?$", "^-?\\d+(\\.\\d+)?$", "^\\w+(-\\w+)?$", "^[a-z]+(_[a-z]+)?$", "^w_(\\d+)(,h_(\\d+))?$",
      "^[a-z0-9-]+(\\.[a-z0-9-]+)?\\.example\\.com$", "^(.*;)?\\s*token=[^;]+(;.*)?$",
      "^.*(?:headless|phantom|selenium).*$",
      // one start after '^': the ways at it are the whole work (second review)
      "^[a-z0-9]+[a-z0-9_-]{0,31}$", "^[A-Za-z]+[A-Za-z0-9]{0,30}$", "^.*a.*a$", "^a*(?=.*x)", "(?=.*a)(?=.*b)"})
  void repeats_that_cannot_multiply_the_work_are_accepted(String regex) {
    new EcmaRegex(regex);
  }

  /** {@code a*(?=.*x)} on 10,000 a's ran past 10 s: the lookahead reads on for each way a* ends. */
  @ParameterizedTest
  @ValueSource(strings = {"a*(?=.*x)", "[a-z]+(?=.*\\d)", "x\\d+(?=[^y]*y)"})
  void a_lookahead_holding_a_repeat_after_a_repeat_is_refused(String regex) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new EcmaRegex(regex));
    assertTrue(e.getMessage().contains("it is tried again for each way the repeat can end"), e.getMessage());
  }

  /**
   * Java checks JavaScript's ASCII word boundary as two alternatives, so a repeated group holding
   * one recursed per repetition: {@code ^(?:\b.)*$} on "a " × 500 threw StackOverflowError where
   * the function answered (found by differential fuzzing).
   */
  @ParameterizedTest
  @ValueSource(strings = {"^(?:\\b.)*$", "(?:a\\B)+", "((?:x\\b))*", "(?:(?=\\b)a){2,}", "(\\bx)+"})
  void a_repeated_group_holding_a_word_boundary_is_refused(String regex) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new EcmaRegex(regex));
    assertTrue(e.getMessage().contains("a group holding \\b or \\B cannot be repeated"), e.getMessage());
  }

  @Test
  void a_word_boundary_outside_a_repeat_or_in_an_optional_group_is_accepted_and_long_values_do_not_overflow() {
    assertTrue(test("\\bbot\\b", "Mozilla (compatible; bot/1.0)"));
    assertTrue(test("^(?:\\bx)?(?:ab)*\\b$", "ab".repeat(50_000)));
    assertTrue(test("(?:\\b)[a ]*$", "a ".repeat(50_000)));
    assertFalse(test("\\Bbot", "a bot"));
  }

  @Test
  void an_accepted_repeat_of_a_branching_group_does_not_overflow_on_a_long_value() {
    assertTrue(test("^(?:ab|cd)?x(?:ab)*$", "abx" + "ab".repeat(50_000)));
    assertTrue(test("^x(?:ab)*$", "x" + "ab".repeat(50_000)));
  }
}
